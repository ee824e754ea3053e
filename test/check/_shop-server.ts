// The shop API served by Fastify on 127.0.0.1, for the matchers' tests: one
// route per kind of answer, and one that breaks its catalog on purpose.
import Fastify, { type FastifyInstance } from 'fastify';
import { errata } from '../../src/adapters/fastify.js';
import { shop } from './_shop.js';

export interface ShopServer {
  readonly app: FastifyInstance;
  /** `http://127.0.0.1:PORT` */
  readonly url: string;
}

export async function startShop(): Promise<ShopServer> {
  const app = Fastify();
  await app.register(errata({ catalog: shop, routes: { 'GET /orders/:id': ['ORDER_NOT_FOUND'] } }));
  app.get<{ Params: { id: string } }>('/orders/:id', async (req) => {
    throw shop.error('ORDER_NOT_FOUND', { orderId: req.params.id });
  });
  app.post('/orders', async () => {
    throw shop.error('OUT_OF_STOCK', { available: 2, sku: 'CUP' }, { details: { sku: 'CUP', available: 2 } });
  });
  app.get('/ok', async () => ({ ok: true }));
  // A hand-written error that breaks the catalog: the status of another entry, the message left as a template.
  app.get('/broken', async (_req, reply) =>
    reply.code(400).type('application/json').send({
      code: 'ORDER_NOT_FOUND',
      detail: 'No order {orderId} exists.',
      status: 400,
      title: 'x',
      type: 'about:blank',
    }),
  );
  const url = await app.listen({ port: 0, host: '127.0.0.1' });
  return { app, url };
}
