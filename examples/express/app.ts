/**
 * The orders API on Express 5, its errors from a YAML catalog (catalog.yaml).
 * Run it: `npx tsx examples/express/server.ts`.
 */
import { randomUUID } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';
import { createCatalog } from 'errata';
import { errata } from 'errata/express';
import { loadCatalog } from 'errata/load';
import express from 'express';
import { z } from 'zod';

// Loaded once at startup. For ids checked by the compiler, generate TypeScript
// from the YAML instead: `npx errata types catalog.yaml -o errors.ts` (see examples/hono).
export const api = createCatalog(await loadCatalog(fileURLToPath(new URL('catalog.yaml', import.meta.url))));

const OrderInput = z.object({
  sku: z.string().regex(/^[A-Z]{3}-\d{3}$/, 'must look like ABC-123'),
  quantity: z.number().int().min(1).max(100),
});

interface Order {
  id: string;
  sku: string;
  quantity: number;
}

export function createApp() {
  const stock = new Map([
    ['TEA-001', 5],
    ['CUP-002', 0],
  ]);
  const orders = new Map<string, Order>();

  const app = express();
  const errors = errata({
    catalog: api,
    // What each route may throw, beside the framework failures (404, 405, 413 …): the OpenAPI
    // responses come from this, and in development an undeclared error fails loudly.
    routes: {
      'GET /orders/:id': ['ORDER_NOT_FOUND'],
      'POST /orders': ['OUT_OF_STOCK'],
    },
  });
  app.use(express.json({ limit: '10kb' }));

  app.get('/orders/:id', (req, res) => {
    const order = orders.get(req.params.id);
    if (order === undefined) throw api.error('ORDER_NOT_FOUND', { orderId: req.params.id });
    res.json(order);
  });

  // errors.body validates req.body (any Standard Schema) and replaces it with the parsed value;
  // a failure is one VALIDATION_FAILED listing every field.
  app.post('/orders', errors.body(OrderInput), (req, res) => {
    const { sku, quantity } = req.body as z.infer<typeof OrderInput>;
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
    res.status(201).json(order);
  });

  // After every route: unknown routes (404, or 405 with Allow), then every error.
  app.use(errors.handler);
  return app;
}

/** Listens on 127.0.0.1 (port 0 picks a free port). */
export function start(port: number): Promise<{ url: string; close(): Promise<void> }> {
  return new Promise((resolve, reject) => {
    const server = createApp().listen(port, '127.0.0.1', (err) => {
      if (err) return reject(err);
      resolve({
        url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
        close: () => new Promise((done) => server.close(() => done())),
      });
    });
  });
}
