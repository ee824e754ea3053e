/**
 * The orders API as one fetch handler, `(Request) => Response`: the shape of
 * Cloudflare Workers, Bun, Deno and Next.js route handlers. Here it is served on
 * Node by @hono/node-server. Errors from a TypeScript catalog (catalog.ts).
 * Run it: `npx tsx examples/fetch/server.ts`.
 */
import { randomUUID } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';
import { errata, failures, validate } from 'errata/fetch';
import * as v from 'valibot';
import { api } from './catalog.js';

const OrderInput = v.object({
  sku: v.pipe(v.string(), v.regex(/^[A-Z]{3}-\d{3}$/, 'must look like ABC-123')),
  quantity: v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(100)),
});

interface Order {
  id: string;
  sku: string;
  quantity: number;
}

export function createHandler() {
  const stock = new Map([
    ['TEA-001', 5],
    ['CUP-002', 0],
  ]);
  const orders = new Map<string, Order>();
  const errors = errata({ catalog: api });

  // Each route is a handler wrapped with what it may throw (beside the framework failures).
  const getOrder = errors.handle(
    (_request: Request, id: string) => {
      const order = orders.get(id);
      if (order === undefined) throw api.error('ORDER_NOT_FOUND', { orderId: id });
      return Response.json(order);
    },
    { method: 'GET', path: '/orders/:id', errors: ['ORDER_NOT_FOUND'] },
  );

  const createOrder = errors.handle(
    async (request: Request) => {
      // readJson: a JSON body within the limit (else INVALID_JSON, PAYLOAD_TOO_LARGE or
      // UNSUPPORTED_MEDIA_TYPE). validate() takes any Standard Schema and is async: await it.
      const { sku, quantity } = await validate(
        OrderInput,
        await errors.readJson(request, { limit: 10 * 1024 }),
      );
      const available = stock.get(sku) ?? 0;
      if (quantity > available)
        throw api.error(
          'OUT_OF_STOCK',
          { sku, available },
          { details: { sku, requested: quantity, available } },
        );
      stock.set(sku, available - quantity);
      const order: Order = { id: randomUUID(), sku, quantity };
      orders.set(order.id, order);
      return Response.json(order, { status: 201 });
    },
    { method: 'POST', path: '/orders', errors: ['OUT_OF_STOCK'] },
  );

  // The router: a path it does not know returns undefined, which errors.handle answers with NOT_FOUND.
  return errors.handle((request) => {
    const { pathname } = new URL(request.url);
    const { method } = request;
    if (pathname === '/orders') {
      if (method === 'POST') return createOrder(request);
      throw failures.methodNotAllowed(method, ['POST']);
    }
    const id = /^\/orders\/([^/]+)$/.exec(pathname)?.[1];
    if (id !== undefined) {
      if (method === 'GET' || method === 'HEAD') return getOrder(request, id);
      throw failures.methodNotAllowed(method, ['GET', 'HEAD']);
    }
    return undefined;
  });
}

/** Listens on 127.0.0.1 (port 0 picks a free port). */
export function start(port: number): Promise<{ url: string; close(): Promise<void> }> {
  return new Promise((resolve, reject) => {
    const server = serve({ fetch: createHandler(), port, hostname: '127.0.0.1' }, (info: AddressInfo) =>
      resolve({
        url: `http://127.0.0.1:${info.port}`,
        close: () => new Promise((done) => server.close(() => done())),
      }),
    );
    server.once('error', reject);
  });
}
