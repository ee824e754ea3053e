// examples/{express,fastify,hono,fetch}: each orders API started on 127.0.0.1 and sent real requests.
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { start as startExpress } from '../examples/express/app.js';
import { start as startFastify } from '../examples/fastify/app.js';
import { api as fastifyCatalog } from '../examples/fastify/catalog.js';
import { start as startFetch } from '../examples/fetch/app.js';
import { api as fetchCatalog } from '../examples/fetch/catalog.js';
import { start as startHono } from '../examples/hono/app.js';
import type { CatalogModel } from '../src/catalog/model.js';
import { lint } from '../src/govern/index.js';
import { generateTypes, loadCatalog } from '../src/load.js';

type Started = { url: string; close(): Promise<void> };
const examples: [string, (port: number) => Promise<Started>][] = [
  ['express', startExpress],
  ['fastify', startFastify],
  ['hono', startHono],
  ['fetch', startFetch],
];

const PROBLEM = 'application/problem+json';
const DOCS = 'https://orders.example.com/errors';

describe.each(examples)('examples/%s', (_name, start) => {
  let server: Started;
  beforeAll(async () => {
    server = await start(0);
  });
  afterAll(() => server?.close());

  const post = (body: string, headers: Record<string, string> = { 'content-type': 'application/json' }) =>
    fetch(`${server.url}/orders`, { method: 'POST', headers, body });
  const problem = async (res: Response) => {
    expect(res.headers.get('content-type')).toBe(PROBLEM);
    return (await res.json()) as Record<string, unknown>;
  };

  it('listens on 127.0.0.1 at the port it was given (0: a free one)', () => {
    expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(server.url).not.toMatch(/:0$/);
  });

  it('creates an order and reads it back', async () => {
    const created = await post(JSON.stringify({ sku: 'TEA-001', quantity: 2 }));
    expect(created.status).toBe(201);
    expect(created.headers.get('content-type')).toMatch(/^application\/json/);
    const order = (await created.json()) as { id: string; sku: string; quantity: number };
    expect(order).toMatchObject({ sku: 'TEA-001', quantity: 2 });
    expect(order.id).toMatch(/^[0-9a-f-]{36}$/);
    const read = await fetch(`${server.url}/orders/${order.id}`);
    expect(read.status).toBe(200);
    expect(read.headers.get('content-type')).toMatch(/^application\/json/);
    expect(await read.json()).toEqual(order);
  });

  it('answers a thrown catalog error with its parameters in the message', async () => {
    const res = await fetch(`${server.url}/orders/no-such-order`, { headers: { 'x-request-id': 'ex-1' } });
    expect(res.status).toBe(404);
    expect(res.headers.get('x-request-id')).toBe('ex-1');
    expect(await problem(res)).toEqual({
      type: `${DOCS}#ORDER_NOT_FOUND`,
      title: 'Order not found',
      status: 404,
      code: 'ORDER_NOT_FOUND',
      detail: 'No order no-such-order exists.',
      instance: '/orders/no-such-order',
      requestId: 'ex-1',
    });
  });

  it('answers a thrown catalog error with its details', async () => {
    const res = await post(JSON.stringify({ sku: 'CUP-002', quantity: 3 }));
    expect(res.status).toBe(409);
    expect(await problem(res)).toMatchObject({
      type: `${DOCS}#OUT_OF_STOCK`,
      status: 409,
      code: 'OUT_OF_STOCK',
      detail: 'Only 0 of CUP-002 left in stock.',
      details: { sku: 'CUP-002', requested: 3, available: 0 },
    });
  });

  it('answers a validation failure with every violation and its JSON Pointer', async () => {
    const res = await post(JSON.stringify({ sku: 'tea', quantity: 0 }));
    expect(res.status).toBe(422);
    const body = await problem(res);
    expect(body).toMatchObject({ code: 'VALIDATION_FAILED', status: 422 });
    const errors = body.errors as { pointer: string; detail: string }[];
    expect(errors.map((e) => e.pointer).sort()).toEqual(['#/quantity', '#/sku']);
    expect(errors.find((e) => e.pointer === '#/sku')?.detail).toBe('must look like ABC-123');
  });

  it('answers malformed JSON and a body over the limit', async () => {
    const broken = await post('{"sku":');
    expect(broken.status).toBe(400);
    expect(await problem(broken)).toMatchObject({ code: 'INVALID_JSON', status: 400 });
    const big = await post(JSON.stringify({ sku: 'TEA-001', quantity: 1, note: 'x'.repeat(20_000) }));
    expect(big.status).toBe(413);
    expect(await problem(big)).toMatchObject({ code: 'PAYLOAD_TOO_LARGE', status: 413 });
  });

  it('answers an unknown route with 404 and a known path with another method with 405 and Allow', async () => {
    const missing = await fetch(`${server.url}/nowhere`);
    expect(missing.status).toBe(404);
    expect(await problem(missing)).toMatchObject({
      code: 'NOT_FOUND',
      detail: 'No route for GET /nowhere.',
      instance: '/nowhere',
    });
    const wrong = await fetch(`${server.url}/orders`, { method: 'DELETE' });
    expect(wrong.status).toBe(405);
    expect(wrong.headers.get('allow')).toBe('POST');
    expect(await problem(wrong)).toMatchObject({
      code: 'METHOD_NOT_ALLOWED',
      detail: 'The method DELETE is not allowed on this route.',
    });
    const item = await fetch(`${server.url}/orders/x`, { method: 'PUT' });
    expect(item.status).toBe(405);
    expect(item.headers.get('allow')).toBe('GET, HEAD');
  });
});

describe('the examples’ catalogs', () => {
  const here = (path: string) => fileURLToPath(new URL(`../examples/${path}`, import.meta.url));

  it('pass errata lint with no finding, in YAML and TypeScript alike', async () => {
    for (const file of ['express/catalog.yaml', 'hono/catalog.yaml'])
      expect(lint(await loadCatalog(here(file))), file).toEqual([]);
    expect(lint(fastifyCatalog.model)).toEqual([]);
    expect(lint(fetchCatalog.model)).toEqual([]);
  });

  it('keep examples/hono/errors.ts what `errata types catalog.yaml -o errors.ts` writes', async () => {
    const model = await loadCatalog(here('hono/catalog.yaml'));
    expect(readFileSync(here('hono/errors.ts'), 'utf8')).toBe(
      generateTypes(model, { source: 'catalog.yaml' }),
    );
  });

  it('describe the same API: the same ids, statuses and messages in every example', async () => {
    const shape = (m: CatalogModel) => Object.entries(m.errors).map(([id, e]) => [id, e.status, e.message]);
    const yaml = shape(await loadCatalog(here('express/catalog.yaml')));
    expect(shape(await loadCatalog(here('hono/catalog.yaml')))).toEqual(yaml);
    expect(shape(fastifyCatalog.model)).toEqual(yaml);
    expect(shape(fetchCatalog.model)).toEqual(yaml);
  });
});

describe('each example run by itself: npx tsx examples/NAME/server.ts', () => {
  it.each(examples.map(([name]) => name))('%s listens on PORT and answers', async (name) => {
    const child = spawn(process.execPath, ['--import', 'tsx', `examples/${name}/server.ts`], {
      cwd: fileURLToPath(new URL('..', import.meta.url)),
      env: { ...process.env, PORT: '0' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    try {
      let out = '';
      const url = await new Promise<string>((resolve, reject) => {
        child.stdout.on('data', (chunk: Buffer) => {
          out += chunk;
          const m = /on (http:\/\/127\.0\.0\.1:\d+)/.exec(out);
          if (m) resolve(m[1] as string);
        });
        child.stderr.on('data', (chunk: Buffer) => {
          out += chunk;
        });
        child.once('exit', (code) => reject(new Error(`exited with ${code}: ${out}`)));
      });
      const res = await fetch(`${url}/orders/nope`);
      expect(res.status).toBe(404);
      expect(((await res.json()) as { code: string }).code).toBe('ORDER_NOT_FOUND');
    } finally {
      child.kill();
    }
  });
});
