/** The responder's last answer, when the dialect chosen for a request fails: the contract's internal error. */
import { describe, expect, it } from 'vitest';
import { defineCatalog } from '../catalog/define.js';
import { problem } from '../dialects/problem/problem.js';
import type { Dialect } from '../dialects/types.js';
import { createResponder } from './respond.js';

const broken: Dialect = {
  ...problem,
  name: 'broken',
  serialize: () => {
    throw new Error('serializer bug');
  },
};

const orders = defineCatalog({
  name: 'orders',
  docs: 'https://orders.example.com/errors',
  errors: { ORDER_NOT_FOUND: { status: 404, message: 'No such order.' } },
});

const body = (text: string) => JSON.parse(text) as Record<string, unknown>;

describe('the emergency answer when a dialect throws', () => {
  it("is the contract's internal error in the catalog's casing, with its type", () => {
    const r = createResponder({
      catalog: orders,
      dialects: { broken },
      dialect: () => 'broken',
      onError: () => {},
    });
    const wire = r.respond(orders.error('ORDER_NOT_FOUND'), { requestId: 'q1' });
    expect(wire.status).toBe(500);
    expect(wire.headers['content-type']).toBe('application/problem+json');
    const b = body(wire.body);
    expect(b.code).toBe('INTERNAL_ERROR');
    expect(b.type).toBe('https://orders.example.com/errors#INTERNAL_ERROR');
    expect(b.requestId).toBe('q1');
  });

  it("is the catalog's own internal entry where it has one", () => {
    const own = defineCatalog({
      name: 'shop',
      errors: {
        'order-missing': { status: 404, message: 'No such order.' },
        'server-broke': { status: 500, message: 'Something broke.' },
      },
    });
    const r = createResponder({
      catalog: own,
      dialects: { broken },
      dialect: () => 'broken',
      onError: () => {},
    });
    const wire = r.respond(own.error('order-missing'), { requestId: 'q2' });
    expect(wire.status).toBe(500);
    expect(body(wire.body).code).toBe('server-broke');
  });

  it('is the same when an unexpected exception meets a failing dialect', () => {
    const r = createResponder({
      catalog: orders,
      dialects: { broken },
      dialect: () => 'broken',
      onError: () => {},
    });
    const wire = r.respond(new Error('db down'), { requestId: 'q3' });
    expect(wire.status).toBe(500);
    expect(body(wire.body).code).toBe('INTERNAL_ERROR');
    expect(wire.body).not.toContain('db down');
  });

  it('is the same when the responder itself fails (a request id generator that throws)', () => {
    const r = createResponder({
      catalog: orders,
      generateRequestId: () => {
        throw new Error('no ids');
      },
      onError: () => {},
    });
    const wire = r.respond(orders.error('ORDER_NOT_FOUND'));
    expect(wire.status).toBe(500);
    expect(body(wire.body).code).toBe('INTERNAL_ERROR');
  });
});
