/**
 * The orders API on Hono (served by @hono/node-server), its errors from a YAML
 * catalog (catalog.yaml) through the TypeScript `errata types` generates from it
 * (errors.ts). Run it: `npx tsx examples/hono/server.ts`.
 */
import { randomUUID } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';
import { errata } from 'errata/hono';
import { Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { z } from 'zod';
import { api } from './errors.js';

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

  const app = new Hono();
  // Installs the app's error and not-found handlers (404, or 405 with Allow).
  const errors = errata(app, {
    catalog: api,
    // What each route may throw, beside the framework failures (404, 405, 413 …).
    routes: {
      'GET /orders/:id': ['ORDER_NOT_FOUND'],
      'POST /orders': ['OUT_OF_STOCK'],
    },
  });

  app.get('/orders/:id', (c) => {
    const order = orders.get(c.req.param('id'));
    if (order === undefined) throw api.error('ORDER_NOT_FOUND', { orderId: c.req.param('id') });
    return c.json(order);
  });

  app.post(
    '/orders',
    bodyLimit({ maxSize: 10 * 1024 }),
    // Any Standard Schema; a failure is one VALIDATION_FAILED listing every field, bad JSON is INVALID_JSON.
    errors.validator('json', OrderInput),
    (c) => {
      const { sku, quantity } = c.req.valid('json');
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
      return c.json(order, 201);
    },
  );

  return app;
}

/** Listens on 127.0.0.1 (port 0 picks a free port). */
export function start(port: number): Promise<{ url: string; close(): Promise<void> }> {
  return new Promise((resolve, reject) => {
    const server = serve({ fetch: createApp().fetch, port, hostname: '127.0.0.1' }, (info: AddressInfo) =>
      resolve({
        url: `http://127.0.0.1:${info.port}`,
        close: () => new Promise((done) => server.close(() => done())),
      }),
    );
    server.once('error', reject);
  });
}
