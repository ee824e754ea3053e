/**
 * An error created without a parameter its message needs, or with one of the wrong type, reaches
 * no caller as template text in any built-in dialect, and is reported to `onError` once.
 */
import { describe, expect, it } from 'vitest';
import { defineCatalog } from '../catalog/define.js';
import { dialects } from '../dialects/index.js';
import type { ErrorEvent } from './options.js';
import { createResponder } from './respond.js';

const api = defineCatalog({
  name: 'orders',
  errors: {
    ORDER_NOT_FOUND: { status: 404, title: 'Order not found', message: 'No order with id {orderId} exists.' },
    INSUFFICIENT_STOCK: { status: 409, message: 'Only {available:integer} left.' },
  },
});

describe.each(Object.keys(dialects))('the %s dialect', (name) => {
  it('sends the title, never the placeholder, and reports the mistake once', () => {
    const events: ErrorEvent[] = [];
    const responder = createResponder({ catalog: api, dialect: name, onError: (e) => void events.push(e) });
    // biome-ignore lint/suspicious/noExplicitAny: a caller without the compiler's check
    const missing = () => api.error('ORDER_NOT_FOUND', {} as any);
    const first = responder.respond(missing(), { method: 'GET', path: '/orders/1' });
    const second = responder.respond(missing(), { method: 'GET', path: '/orders/2' });
    for (const wire of [first, second]) {
      expect(wire.status).toBe(404);
      expect(wire.body).not.toContain('{orderId}');
      expect(wire.body).not.toContain('No order with id');
      expect(wire.body).toContain('Order not found');
    }
    expect(events.map((e) => [e.kind, e.error.id, (e.cause as Error).message, e.path])).toEqual([
      [
        'config',
        'ORDER_NOT_FOUND',
        "errata: ORDER_NOT_FOUND: parameter orderId is missing; its entry's title was sent instead of its message",
        '/orders/1',
      ],
    ]);
  });

  it('sends a generic sentence for a mistyped parameter of an untitled entry, and says what was wrong', () => {
    const events: ErrorEvent[] = [];
    const responder = createResponder({ catalog: api, dialect: name, onError: (e) => void events.push(e) });
    // biome-ignore lint/suspicious/noExplicitAny: as above
    const wire = responder.respond(api.error('INSUFFICIENT_STOCK', { available: 'three' } as any));
    expect(wire.body).not.toContain('{available');
    expect(wire.body).not.toContain('three');
    expect(wire.body).toContain('The request could not be completed.');
    expect(events.map((e) => (e.cause as Error).message)).toEqual([
      'errata: INSUFFICIENT_STOCK: parameter available must be an integer, got a string; a generic text was sent instead of its message',
    ]);
  });

  it('reports nothing for an occurrence with its parameters', () => {
    const events: ErrorEvent[] = [];
    const responder = createResponder({ catalog: api, dialect: name, onError: (e) => void events.push(e) });
    const wire = responder.respond(api.error('ORDER_NOT_FOUND', { orderId: 'ord_1' }));
    expect(wire.body).toContain('No order with id ord_1 exists.');
    expect(events).toEqual([]);
  });
});

describe('the mistakes an occurrence carries', () => {
  it('are neither listed, logged nor serialized, and still reported when the violations are bounded', async () => {
    const { inspect } = await import('node:util');
    // biome-ignore lint/suspicious/noExplicitAny: a caller without the compiler's check
    const error = api.error('ORDER_NOT_FOUND', {} as any);
    expect(Object.keys(error)).not.toContain('mistakes');
    expect(JSON.stringify(error)).not.toContain('missing');
    expect(inspect(error)).not.toContain('missing');
    expect({ ...error }).toEqual(expect.not.objectContaining({ mistakes: expect.anything() }));
    // A response bounding the violations answers a copy of the error: the mistake is reported.
    const events: ErrorEvent[] = [];
    const responder = createResponder({ catalog: api, onError: (e) => void events.push(e) });
    // biome-ignore lint/suspicious/noExplicitAny: as above
    const many = api.error('ORDER_NOT_FOUND', {} as any, {
      violations: Array.from({ length: 500 }, (_, i) => ({ pointer: `/items/${i}`, message: 'bad' })),
    });
    const wire = responder.respond(many);
    expect(wire.body).toContain('Order not found');
    expect(events.map((e) => e.kind)).toContain('config');
  });
});
