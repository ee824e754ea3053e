import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';
import { Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { cors } from 'hono/cors';
import { HTTPException } from 'hono/http-exception';
import { describe, expect, it } from 'vitest';
import { errata } from '../../src/adapters/hono.js';
import {
  api,
  BODY_LIMIT,
  DIRTY,
  failingStream,
  hostile,
  itemsSchema,
  leaky,
  odd,
  suiteOptions,
  thrown,
  tick,
  userSchema,
} from './_app.js';
import { adapterSuite } from './_suite.js';

adapterSuite('hono', async (options) => {
  const app = new Hono();
  const errors = errata(app, options);
  app.get('/ok', (c) => c.json({ ok: true }));
  app.get('/things/:name', (c) => {
    throw api.error('THING_NOT_FOUND', { name: c.req.param('name') });
  });
  app.get('/async/things/:name', async (c) => {
    await tick();
    throw api.error('THING_NOT_FOUND', { name: c.req.param('name') });
  });
  app.use('/guarded', async () => {
    throw api.error('UNAUTHORIZED');
  });
  app.get('/guarded', (c) => c.json({ ok: true }));
  app.get('/rate', () => {
    throw api.error('RATE_LIMITED');
  });
  app.get('/boom/:kind', (c) => {
    throw leaky(c.req.param('kind'));
  });
  app.post(
    '/echo',
    bodyLimit({ maxSize: BODY_LIMIT }),
    errors.validator('json', { '~standard': { version: 1, vendor: 'x', validate: (value) => ({ value }) } }),
    (c) => c.json(c.req.valid('json') as object),
  );
  app.post('/validate', errors.validator('json', userSchema), (c) => c.json(c.req.valid('json')));
  app.get('/declared/:what', (c) => thrown(c.req.param('what')));
  app.get('/odd/:kind', (c) => {
    throw odd(c.req.param('kind'));
  });
  app.get('/hostile', () => {
    throw hostile.value;
  });
  app.get('/dirty', cors(), (c) => {
    for (const [name, value] of Object.entries(DIRTY)) c.header(name, value);
    throw api.error('THING_NOT_FOUND', { name: 'dirty' });
  });
  app.get('/partial', () => failingStream());
  app.post('/items', errors.validator('json', itemsSchema), (c) => c.json(c.req.valid('json')));
  const server = await new Promise<ReturnType<typeof serve>>((resolve) => {
    const s = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' }, () => resolve(s));
  });
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    close: () => new Promise((r) => server.close(() => r())),
  };
});

describe('hono adapter, without a server', () => {
  it("answers Hono's HTTPException by its status, and keeps one that carries the app's own response", async () => {
    const app = new Hono();
    errata(app, suiteOptions().options);
    app.get('/forbidden', () => {
      throw new HTTPException(403, { message: 'internal policy p-17 denies' });
    });
    app.get('/own', () => {
      throw new HTTPException(401, { res: new Response('go away', { status: 401 }) });
    });
    const forbidden = await app.request('/forbidden');
    expect(forbidden.status).toBe(403);
    expect(forbidden.headers.get('content-type')).toBe('application/problem+json');
    const body = await forbidden.text();
    expect(JSON.parse(body).code).toBe('FORBIDDEN');
    expect(body).not.toContain('p-17');
    const own = await app.request('/own');
    expect([own.status, await own.text()]).toEqual([401, 'go away']);
  });

  it("answers a body its json validator cannot take for its media type 415, not as the schema's failure", async () => {
    const app = new Hono();
    const { options } = suiteOptions();
    const errors = errata(app, options);
    app.post('/validate', errors.validator('json', userSchema), (c) => c.json(c.req.valid('json')));
    const post = (headers: Record<string, string>, body?: string) =>
      app.request('/validate', { method: 'POST', headers, ...(body === undefined ? {} : { body }) });
    const plain = await post(
      { 'content-type': 'text/plain' },
      '{"name":"Ada","age":36,"tags":[],"address":{"zip/code":"12345"}}',
    );
    expect(plain.status).toBe(415);
    expect(plain.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    expect((await post({ 'content-length': '5' }, 'hello')).status).toBe(415);
    const json = await post(
      { 'content-type': 'application/json; charset=utf-8' },
      '{"name":"Ada","age":36,"tags":[],"address":{"zip/code":"12345"}}',
    );
    expect(json.status).toBe(200);
    // No body and no media type: the schema says what is missing.
    expect((await post({})).status).toBe(400);
  });

  it("answers a body that c.req.json() cannot parse with the catalog 400, and keeps the app's own SyntaxErrors 500", async () => {
    const app = new Hono();
    const { options, events } = suiteOptions();
    errata(app, options);
    app.post('/raw', async (c) => c.json(await c.req.json()));
    app.post('/own', async (c) => {
      await c.req.json();
      return c.json(JSON.parse('{'));
    });
    const post = (path: string, body: string) =>
      app.request(path, { method: 'POST', headers: { 'content-type': 'application/json' }, body });
    for (const body of ['', '{"a":', '[[[']) {
      const res = await post('/raw', body);
      expect(res.status).toBe(400);
      expect(((await res.json()) as { code: string }).code).toBe('INVALID_JSON');
    }
    expect(events.filter((e) => e.kind === 'unexpected')).toEqual([]);
    const own = await post('/own', '{"a":1}');
    expect(own.status).toBe(500);
    expect(events.map((e) => e.kind)).toEqual(['unexpected']);
  });

  it("runs the app in a microtask, where a throw is cheaper, not in the caller's turn", async () => {
    const app = new Hono();
    errata(app, suiteOptions().options);
    const order: string[] = [];
    app.get('/things/:name', (c) => {
      order.push('handler');
      throw api.error('THING_NOT_FOUND', { name: c.req.param('name') });
    });
    const pending = app.fetch(new Request('http://127.0.0.1/things/later'));
    order.push('returned');
    const res = await pending;
    expect(order).toEqual(['returned', 'handler']);
    expect(res.status).toBe(404);
    expect(((await res.json()) as { detail: string }).detail).toBe('No thing named later.');
  });
});
