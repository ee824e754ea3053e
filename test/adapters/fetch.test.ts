import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';
import { describe, expect, it } from 'vitest';
import { errata, failures, withErrata } from '../../src/adapters/fetch.js';
import { validate } from '../../src/server/validate.js';
import {
  api,
  BODY_LIMIT,
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

adapterSuite('fetch', async (options) => {
  const errors = errata(options);
  const declared = errors.handle((req) => thrown(new URL(req.url).pathname.split('/')[2] ?? ''), {
    method: 'GET',
    path: '/declared/:what',
    errors: ['THING_NOT_FOUND'],
  });
  const json = (value: unknown) =>
    new Response(JSON.stringify(value), { headers: { 'content-type': 'application/json' } });
  // A hand-written router, as a Worker or a Next.js route handler would have.
  const handler = errors.handle(async (req: Request) => {
    const path = new URL(req.url).pathname;
    const [, first, second] = path.split('/');
    const route = (method: string) => {
      if (req.method !== method)
        throw failures.methodNotAllowed(req.method, [method, ...(method === 'GET' ? ['HEAD'] : [])]);
    };
    if (path === '/ok') {
      route('GET');
      return json({ ok: true });
    }
    if (first === 'things' && second) throw api.error('THING_NOT_FOUND', { name: second });
    if (first === 'async' && second === 'things') {
      await tick();
      throw api.error('THING_NOT_FOUND', { name: path.split('/')[3] ?? '' });
    }
    if (path === '/guarded') {
      const guard = () => {
        throw api.error('UNAUTHORIZED');
      };
      guard();
      return json({ ok: true });
    }
    if (path === '/rate') throw api.error('RATE_LIMITED');
    if (first === 'boom') throw leaky(second ?? '');
    if (path === '/echo') return json(await errors.readJson(req, { limit: BODY_LIMIT }));
    if (path === '/validate') return json(await validate(userSchema, await errors.readJson(req)));
    if (first === 'declared') return declared(req);
    if (first === 'odd') throw odd(second ?? '');
    if (path === '/hostile') throw hostile.value;
    // A fetch handler cannot set headers on a response it does not return; CORS is added below.
    if (path === '/dirty') throw api.error('THING_NOT_FOUND', { name: 'dirty' });
    if (path === '/partial') return failingStream();
    if (path === '/items') return json(await validate(itemsSchema, await errors.readJson(req)));
    return undefined;
  });
  // CORS as a fetch app adds it: to every response, errors included.
  const withCors = async (req: Request) => {
    const res = await handler(req);
    if (new URL(req.url).pathname === '/dirty') res.headers.set('access-control-allow-origin', '*');
    return res;
  };
  const server = await new Promise<ReturnType<typeof serve>>((resolve) => {
    const s = serve({ fetch: withCors, port: 0, hostname: '127.0.0.1' }, () => resolve(s));
  });
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    close: () => new Promise((r) => server.close(() => r())),
  };
});

describe('fetch adapter, without a server', () => {
  it("runs the handler in a microtask, where a throw is cheaper, not in the caller's turn", async () => {
    const { options } = suiteOptions();
    const order: string[] = [];
    const handle = errata(options).handle(() => {
      order.push('handler');
      throw api.error('THING_NOT_FOUND', { name: 'later' });
    });
    const pending = handle(new Request('http://127.0.0.1/things/later'));
    order.push('returned');
    const res = await pending;
    expect(order).toEqual(['returned', 'handler']);
    expect(res.status).toBe(404);
  });

  it('wraps a handler with its own options and passes the extra arguments through', async () => {
    const { options } = suiteOptions();
    const handler = withErrata(
      async (req: Request, env: { name: string }) => {
        if (req.method === 'POST') await readBody(req);
        throw api.error('THING_NOT_FOUND', { name: env.name });
      },
      { ...options, route: { method: 'GET', path: '/x', errors: ['THING_NOT_FOUND'] } },
    );
    const res = await handler(new Request('https://w.example/x?y=1'), { name: 'env-thing' });
    expect(res.status).toBe(404);
    expect(((await res.json()) as { detail: string; instance: string }).detail).toBe(
      'No thing named env-thing.',
    );
  });

  it('bounds a streamed body without a content-length', async () => {
    const errors = errata(suiteOptions().options);
    const stream = new ReadableStream<Uint8Array>({
      start(c) {
        for (let i = 0; i < 10; i++) c.enqueue(new Uint8Array(200).fill(32));
        c.close();
      },
    });
    const req = new Request('https://w.example/echo', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: stream,
      duplex: 'half',
    } as RequestInit);
    const res = await errors.handle(
      async (r) => new Response(JSON.stringify(await errors.readJson(r, { limit: 1000 }))),
    )(req);
    expect(res.status).toBe(413);
  });
});

describe('fetch readJson', () => {
  it('reads JSON media types only: 415 for text/plain, a form, no type or another charset', async () => {
    const errors = errata(suiteOptions().options);
    const read = errors.handle(async (r) => new Response(JSON.stringify(await errors.readJson(r))));
    const post = (type: string | undefined) =>
      read(
        new Request('https://w.example/echo', {
          method: 'POST',
          body: '{"a":1}',
          ...(type !== undefined && { headers: { 'content-type': type } }),
        }),
      );
    for (const type of ['application/json', 'application/json; charset=UTF-8', 'application/vnd.api+json'])
      expect((await post(type)).status, type).toBe(200);
    for (const type of [
      'text/plain',
      'text/plain; charset=utf-8',
      'application/x-www-form-urlencoded',
      'multipart/form-data; boundary=x',
      'application/json; charset=latin1',
      'application/jsonx',
    ])
      expect((await post(type)).status, type).toBe(415);
    // A body without a type: undici sends `text/plain;charset=UTF-8` for a string; a stream has none.
    const stream = new Request('https://w.example/echo', {
      method: 'POST',
      body: new Blob(['{"a":1}']).stream(),
      duplex: 'half',
    } as RequestInit);
    expect((await read(stream)).status).toBe(415);
  });
});

async function readBody(req: Request): Promise<void> {
  await req.text();
}
