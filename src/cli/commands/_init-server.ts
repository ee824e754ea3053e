// The starter server files of `errata init --adapter NAME`: one complete file per adapter,
// with one route of its own, the framework failures answered from the catalog, and a log line.

import type { ADAPTERS } from './init.js';

export type Adapter = (typeof ADAPTERS)[number];

/** What to install beside errata for each adapter (the framework, and a Node server where one is needed). */
export const adapterPackages: Record<Adapter, readonly string[]> = {
  express: ['express'],
  fastify: ['fastify'],
  hono: ['hono', '@hono/node-server'],
  fetch: ['@hono/node-server'],
};

/** Types to install for development, beside TypeScript and tsx. */
export const adapterTypes: Record<Adapter, readonly string[]> = {
  express: ['@types/express'],
  fastify: [],
  hono: [],
  fetch: [],
};

const items = `// Your data; here, one item in memory.
const items = new Map([['1', { id: '1', name: 'First item' }]]);`;

const listen = `const port = Number(process.env.PORT ?? 3000);`;

const servers: Record<Adapter, string> = {
  express: `// The API on Express 5: run it with \`npx tsx server.ts\`.
import type { AddressInfo } from 'node:net';
import { errata } from 'errata/express';
import express from 'express';
import { api } from './errors.js';

${items}

const app = express();
const errors = errata({
  catalog: api,
  // What each route may throw, beside the framework failures (404, 405, 413, 415 …).
  routes: { 'GET /items/:id': ['ITEM_NOT_FOUND'] },
});
app.use(express.json({ limit: '100kb' }));

app.get('/items/:id', (req, res) => {
  const item = items.get(req.params.id);
  if (item === undefined) throw api.error('ITEM_NOT_FOUND', { itemId: req.params.id });
  res.json(item);
});

// After every route: unknown routes (404, or 405 with Allow), then every error.
app.use(errors.handler);

${listen}
const server = app.listen(port, '127.0.0.1', () => {
  console.log(\`listening on http://127.0.0.1:\${(server.address() as AddressInfo).port}\`);
});
`,
  fastify: `// The API on Fastify 5: run it with \`npx tsx server.ts\`.
import { errata } from 'errata/fastify';
import Fastify from 'fastify';
import { api } from './errors.js';

${items}

const errors = errata({
  catalog: api,
  // What each route may throw, beside the framework failures (404, 405, 413, 415 …); a typo is a compile error.
  routes: { 'GET /items/:id': ['ITEM_NOT_FOUND'] },
});
// frameworkErrors: what Fastify answers before any plugin runs (a malformed URL) comes from the catalog too.
const app = Fastify({ bodyLimit: 100 * 1024, frameworkErrors: errors.frameworkErrors });
// Before the routes: errata becomes the error and not-found handler (404, 405 with Allow).
await app.register(errors);

app.get<{ Params: { id: string } }>('/items/:id', async (request) => {
  const item = items.get(request.params.id);
  if (item === undefined) throw api.error('ITEM_NOT_FOUND', { itemId: request.params.id });
  return item;
});

${listen}
const url = await app.listen({ port, host: '127.0.0.1' });
console.log(\`listening on \${url}\`);
`,
  hono: `// The API on Hono, served on Node by @hono/node-server: run it with \`npx tsx server.ts\`.
import { serve } from '@hono/node-server';
import { errata } from 'errata/hono';
import { Hono } from 'hono';
import { api } from './errors.js';

${items}

const app = new Hono();
// Installs the app's error and not-found handlers (404, or 405 with Allow).
errata(app, {
  catalog: api,
  // What each route may throw, beside the framework failures (404, 405, 413, 415 …).
  routes: { 'GET /items/:id': ['ITEM_NOT_FOUND'] },
});

app.get('/items/:id', (c) => {
  const item = items.get(c.req.param('id'));
  if (item === undefined) throw api.error('ITEM_NOT_FOUND', { itemId: c.req.param('id') });
  return c.json(item);
});

${listen}
serve({ fetch: app.fetch, port, hostname: '127.0.0.1' }, (info) => {
  console.log(\`listening on http://127.0.0.1:\${info.port}\`);
});
`,
  fetch: `// The API as one fetch handler, \`(Request) => Response\`, served on Node by @hono/node-server:
// run it with \`npx tsx server.ts\`. On Bun, Deno or Cloudflare Workers, export \`{ fetch: handler }\` instead.
import { serve } from '@hono/node-server';
import { errata, failures } from 'errata/fetch';
import { api } from './errors.js';

${items}

const errors = errata({ catalog: api });

// Each route is a handler wrapped with what it may throw (beside the framework failures).
const getItem = errors.handle(
  (_request: Request, id: string) => {
    const item = items.get(id);
    if (item === undefined) throw api.error('ITEM_NOT_FOUND', { itemId: id });
    return Response.json(item);
  },
  { method: 'GET', path: '/items/:id', errors: ['ITEM_NOT_FOUND'] },
);

// The router: a path it does not know returns undefined, which errors.handle answers with NOT_FOUND.
export const handler = errors.handle((request) => {
  const { pathname } = new URL(request.url);
  const id = /^\\/items\\/([^/]+)$/.exec(pathname)?.[1];
  if (id !== undefined) {
    if (request.method === 'GET' || request.method === 'HEAD') return getItem(request, id);
    throw failures.methodNotAllowed(request.method, ['GET', 'HEAD']);
  }
  return undefined;
});

${listen}
serve({ fetch: handler, port, hostname: '127.0.0.1' }, (info) => {
  console.log(\`listening on http://127.0.0.1:\${info.port}\`);
});
`,
};

/** The starter server file for an adapter. */
export const starterServer = (adapter: Adapter): string => servers[adapter];
