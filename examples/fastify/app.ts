/**
 * The orders API on Fastify 5, its errors from a TypeScript catalog (catalog.ts).
 * Run it: `npx tsx examples/fastify/server.ts`.
 */
import { randomUUID } from 'node:crypto';
import { errata, validate } from 'errata/fastify';
import Fastify from 'fastify';
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

export async function createApp() {
  const stock = new Map([
    ['TEA-001', 5],
    ['CUP-002', 0],
  ]);
  const orders = new Map<string, Order>();

  const errors = errata({ catalog: api });
  // frameworkErrors: what Fastify answers before any plugin runs (a malformed URL) gets the catalog's answer too.
  const app = Fastify({ bodyLimit: 10 * 1024, frameworkErrors: errors.frameworkErrors });
  // Before the routes: errata becomes the app's error and not-found handler (404, 405 with Allow).
  await app.register(errors);

  // `config.errors`: what the route may throw, beside the framework failures (404, 405, 413, 415 …).
  app.get<{ Params: { id: string } }>(
    '/orders/:id',
    { config: { errors: ['ORDER_NOT_FOUND'] } },
    async (request) => {
      const order = orders.get(request.params.id);
      if (order === undefined) throw api.error('ORDER_NOT_FOUND', { orderId: request.params.id });
      return order;
    },
  );

  app.post('/orders', { config: { errors: ['OUT_OF_STOCK'] } }, async (request, reply) => {
    // validate() takes any Standard Schema and is async: await it. A failure throws one
    // VALIDATION_FAILED listing every field. (A route `schema` works too: errataAjv reports every field.)
    const { sku, quantity } = await validate(OrderInput, request.body);
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
    return reply.code(201).send(order);
  });

  return app;
}

/** Listens on 127.0.0.1 (port 0 picks a free port). */
export async function start(port: number): Promise<{ url: string; close(): Promise<void> }> {
  const app = await createApp();
  const url = await app.listen({ port, host: '127.0.0.1' });
  return { url, close: () => app.close() };
}
