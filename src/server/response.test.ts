import { describe, expect, it } from 'vitest';
import { defineCatalog } from '../catalog/define.js';
import { toResponse, toWire, wireResponse } from './response.js';

const api = defineCatalog({
  name: 'orders',
  docs: 'https://orders.example.com/errors',
  errors: {
    ORDER_NOT_FOUND: { status: 404, title: 'Order not found', message: 'No order {orderId} exists.' },
  },
});
const notFound = () => api.error('ORDER_NOT_FOUND', { orderId: '42' });

describe('toWire, toResponse, wireResponse', () => {
  it('toWire serializes in the catalog dialect unless one is named, and sends nothing', () => {
    const wire = toWire(notFound(), { requestId: 'req_1' });
    expect(wire.status).toBe(404);
    expect(wire.headers['content-type']).toBe('application/problem+json');
    expect(JSON.parse(wire.body)).toMatchObject({ title: 'Order not found', detail: 'No order 42 exists.' });

    const stripe = toWire(notFound(), { dialect: 'stripe', requestId: 'req_1' });
    expect(JSON.parse(stripe.body)).toMatchObject({ error: { message: 'No order 42 exists.' } });
  });

  it('wireResponse wraps a WireError as it is, and toResponse is toWire then wireResponse', async () => {
    const wire = toWire(notFound(), { requestId: 'req_1', dialect: 'openai' });
    const wrapped = wireResponse(wire);
    const direct = toResponse(notFound(), { requestId: 'req_1', dialect: 'openai' });
    for (const response of [wrapped, direct]) {
      expect(response.status).toBe(wire.status);
      expect(Object.fromEntries(response.headers)).toEqual(wire.headers);
      expect(await response.text()).toBe(wire.body);
    }
  });
});
