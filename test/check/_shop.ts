// The test API of the checker and the matchers: a small shop catalog, and what
// errata's server sends for each of its errors.
import { defineCatalog } from '../../src/catalog/define.js';
import type { Observation } from '../../src/check/types.js';
import type { ErrataError } from '../../src/error.js';
import { createResponder } from '../../src/server/respond.js';

export const shop = defineCatalog({
  name: 'shop',
  docs: 'https://shop.example.com/errors',
  errors: {
    ORDER_NOT_FOUND: {
      status: 404,
      title: 'Order not found',
      message: 'No order {orderId} exists.',
      retry: false,
    },
    OUT_OF_STOCK: {
      status: 409,
      title: 'Out of stock',
      message: 'Only {available:integer} of {sku} left.',
      details: {
        type: 'object',
        properties: { sku: { type: 'string' }, available: { type: 'integer' } },
        required: ['sku', 'available'],
      },
    },
    UNAUTHENTICATED: { status: 401, title: 'Unauthenticated', message: 'A valid token is required.' },
    RATE_LIMITED: {
      status: 429,
      title: 'Too many requests',
      message: 'Slow down.',
      retry: { afterMs: 30_000 },
    },
    DB_DOWN: {
      status: 503,
      title: 'Service unavailable',
      message: 'Database {host} is down.',
      retry: { strategy: 'exponential', baseMs: 100, maxMs: 1000 },
    },
    INTERNAL: { status: 500, title: 'Internal error', message: 'Something broke.' },
  },
});

const responder = createResponder({ catalog: shop, challenge: 'Bearer realm="shop"' });

/** What the server sends for an error, as an observation. */
export function served(error: ErrataError, dialect?: string): Observation {
  const r = createResponder({ catalog: shop, challenge: 'Bearer realm="shop"', ...(dialect && { dialect }) });
  const wire = (dialect ? r : responder).respond(error, {
    method: 'GET',
    path: '/orders/42',
    requestId: 'req-1',
  });
  return { status: wire.status, headers: wire.headers, body: wire.body, method: 'GET', url: '/orders/42' };
}
