/**
 * Amplification of the worst validation failure: response bytes per request
 * byte, per dialect and per adapter, for bodies built to make as many and as
 * long violations as possible. Servers on 127.0.0.1 in this process; each
 * request sent once after one warm-up (bounded: 4 adapters x 9 dialects x 6
 * bodies). Reports numbers; asserts nothing.
 * Run: npx tsx bench/amplification.ts
 */
import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';
import express from 'express';
import Fastify from 'fastify';
import { Hono } from 'hono';
import { z } from 'zod';
import { errata as expressErrata } from '../src/adapters/express.js';
import { errataAjv, errata as fastifyErrata } from '../src/adapters/fastify.js';
import { errata as fetchErrata } from '../src/adapters/fetch.js';
import { errata as honoErrata } from '../src/adapters/hono.js';
import { defineCatalog } from '../src/catalog/define.js';
import { dialects } from '../src/dialects/index.js';
import type { ServerOptions } from '../src/server/respond.js';
import { validate } from '../src/server/validate.js';

const LIMIT = 2 * 1024 * 1024;
const api = defineCatalog({
  name: 'bench',
  docs: 'https://docs.example.com/errors',
  errors: { INTERNAL: { status: 500, message: 'Broken.' } },
});
const options: ServerOptions = {
  catalog: api,
  dialect: (ctx) => new URL(ctx.url ?? '/', 'http://x').searchParams.get('dialect') ?? undefined,
  onError: () => {},
};

// `/items`: an array of strings of two characters or more; `/strict`: an object with no other keys.
const items = z.array(z.string().min(2));
const strict = z.strictObject({ a: z.string().optional() });
const itemsSchema = { type: 'array', items: { type: 'string', minLength: 2 } };
const strictSchema = { type: 'object', properties: { a: { type: 'string' } }, additionalProperties: false };

/** Request bodies: many short wrong items, and a few long unknown keys (a pointer names the key). */
const bodies: { name: string; path: string; body: string }[] = [
  ...[100, 1_000, 10_000, 1_000_000].map((bytes) => ({
    name: `[0,0,…] ${bytes.toLocaleString('en')} B`,
    path: '/items',
    body: `[${Array(Math.max(1, Math.floor(bytes / 2)))
      .fill('0')
      .join(',')}]`,
  })),
  ...[1, 100].map((n) => ({
    name: `${n} unknown key${n > 1 ? 's' : ''} of 4 KB`,
    path: '/strict',
    body: JSON.stringify(
      Object.fromEntries(Array.from({ length: n }, (_, i) => [`${i}`.padEnd(4096, 'k'), 1])),
    ),
  })),
];

type Server = { url: string; close(): Promise<unknown> };

async function startExpress(): Promise<Server> {
  const app = express();
  const errors = expressErrata(options);
  app.use(express.json({ limit: LIMIT }));
  app.post('/items', errors.body(items), (req, res) => {
    res.json(req.body);
  });
  app.post('/strict', errors.body(strict), (req, res) => {
    res.json(req.body);
  });
  app.use(errors.handler);
  const server = await new Promise<import('node:http').Server>((r) => {
    const s = app.listen(0, '127.0.0.1', () => r(s));
  });
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    close: () => new Promise((r) => server.close(r)),
  };
}

async function startFastify(): Promise<Server> {
  const plugin = fastifyErrata(options);
  // Fastify removes unknown keys by default; an app that refuses them reports each one.
  const ajv = { customOptions: { ...errataAjv.customOptions, removeAdditional: false } };
  const app = Fastify({ bodyLimit: LIMIT, ajv });
  await app.register(plugin);
  app.post('/items', { schema: { body: itemsSchema } }, async (req) => req.body);
  app.post('/strict', { schema: { body: strictSchema } }, async (req) => req.body);
  await app.listen({ port: 0, host: '127.0.0.1' });
  return { url: `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`, close: () => app.close() };
}

async function startHono(): Promise<Server> {
  const app = new Hono();
  const errors = honoErrata(app, options);
  app.post('/items', errors.validator('json', items), (c) => c.json(c.req.valid('json')));
  app.post('/strict', errors.validator('json', strict), (c) => c.json(c.req.valid('json')));
  return listen(app.fetch);
}

async function startFetch(): Promise<Server> {
  const errors = fetchErrata(options);
  const handler = errors.handle(async (req) => {
    const body = await errors.readJson(req, { limit: LIMIT });
    const schema = new URL(req.url).pathname === '/items' ? items : strict;
    return Response.json(await validate(schema, body));
  });
  return listen(handler);
}

async function listen(fetch: (r: Request) => Response | Promise<Response>): Promise<Server> {
  const server = await new Promise<ReturnType<typeof serve>>((r) => {
    const s = serve({ fetch, port: 0, hostname: '127.0.0.1' }, () => r(s));
  });
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    close: () => new Promise((r) => server.close(r)),
  };
}

async function measure(base: string, path: string, body: string, dialect: string) {
  const cpu = process.cpuUsage();
  const res = await fetch(`${base}${path}?dialect=${dialect}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body,
  });
  const bytes = (await res.arrayBuffer()).byteLength;
  const used = process.cpuUsage(cpu);
  return { status: res.status, bytes, cpuMs: (used.user + used.system) / 1000 };
}

const adapters: [string, () => Promise<Server>][] = [
  ['fastify', startFastify],
  ['express', startExpress],
  ['hono', startHono],
  ['fetch', startFetch],
];

console.log(
  'Worst response bytes per request byte of a validation failure (and the body that gives it), the largest',
  'response in bytes, and the CPU ms (client and server, one process) of the 1 MB body.\n',
);
for (const [name, start] of adapters) {
  const server = await start();
  console.log(`### ${name}\n`);
  console.log(
    '| dialect | worst ratio | for the body | largest response B | 1 MB body: response B, CPU ms |',
  );
  console.log('|---|---:|---|---:|---:|');
  for (const dialect of Object.keys(dialects)) {
    await measure(server.url, '/items', '[0]', dialect);
    let worst = { ratio: 0, body: '' };
    let largest = 0;
    let big = '';
    for (const b of bodies) {
      const m = await measure(server.url, b.path, b.body, dialect);
      if (m.status !== 400 && m.status !== 422) throw new Error(`${name} ${dialect} ${b.name}: ${m.status}`);
      const ratio = m.bytes / Buffer.byteLength(b.body);
      if (ratio > worst.ratio) worst = { ratio, body: b.name };
      largest = Math.max(largest, m.bytes);
      if (b.body.length > 900_000) big = `${m.bytes.toLocaleString('en')}, ${m.cpuMs.toFixed(0)}`;
    }
    console.log(
      `| ${dialect} | ${worst.ratio.toFixed(1)} | ${worst.body} | ${largest.toLocaleString('en')} | ${big} |`,
    );
  }
  console.log('');
  await server.close();
}
