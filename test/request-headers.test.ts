/**
 * A dialect reads the request's headers (`SerializeContext.requestHeaders`)
 * through every adapter: each passes its framework's request object, and the
 * responder reads its headers from it. Proven with `supabase`, whose envelope
 * is chosen by the request's `X-Supabase-Api-Version`, on real servers on
 * loopback (Fastify through `inject`).
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';
import express from 'express';
import Fastify from 'fastify';
import { Hono } from 'hono';
import { afterAll, describe, expect, it } from 'vitest';
import { errata as expressErrata } from '../src/adapters/express.js';
import { errata as fastifyErrata } from '../src/adapters/fastify.js';
import { errata as fetchErrata } from '../src/adapters/fetch.js';
import { errata as honoErrata } from '../src/adapters/hono.js';
import { defineCatalog } from '../src/catalog/define.js';
import { requestHeaders } from '../src/server/_request-headers.js';
import { createResponder } from '../src/server/respond.js';

const api = defineCatalog({
  name: 'auth',
  dialect: 'supabase',
  errors: {
    InvalidCredentials: { code: 'invalid_credentials', status: 400, message: 'Invalid login credentials' },
  },
});
const options = { catalog: api, onError: () => {} };
const fail = () => {
  throw api.error('InvalidCredentials');
};
const NEW = '{"code":"invalid_credentials","message":"Invalid login credentials"}';
const OLD = /^\{"code":400,"error_code":"invalid_credentials","msg":"Invalid login credentials"/;

const closers: (() => Promise<void> | void)[] = [];
afterAll(async () => {
  for (const close of closers) await close();
});

/** Asks the same URL with and without the API version header. */
async function both(url: string): Promise<[string, string | null, string]> {
  const versioned = await fetch(url, { headers: { 'X-Supabase-Api-Version': '2024-01-01' } });
  const plain = await fetch(url);
  return [await versioned.text(), versioned.headers.get('x-supabase-api-version'), await plain.text()];
}
const listening = (port: number) => `http://127.0.0.1:${port}/login`;

describe('the request reaches the dialect through every adapter', () => {
  it('fetch', async () => {
    const handler = fetchErrata(options).handle(async () => fail());
    const server = serve({ fetch: handler, port: 0, hostname: '127.0.0.1' });
    closers.push(() => new Promise<void>((r) => server.close(() => r())));
    await new Promise((r) => server.once('listening', r));
    const [versioned, header, plain] = await both(listening((server.address() as AddressInfo).port));
    expect([versioned, header]).toEqual([NEW, '2024-01-01']);
    expect(plain).toMatch(OLD);
  });

  it('hono', async () => {
    const app = new Hono();
    honoErrata(app, options);
    app.post('/login', () => fail());
    app.get('/login', () => fail());
    const server = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' });
    closers.push(() => new Promise<void>((r) => server.close(() => r())));
    await new Promise((r) => server.once('listening', r));
    const [versioned, header, plain] = await both(listening((server.address() as AddressInfo).port));
    expect([versioned, header]).toEqual([NEW, '2024-01-01']);
    expect(plain).toMatch(OLD);
  });

  it('express', async () => {
    const app = express();
    app.get('/login', () => fail());
    app.use(expressErrata(options).handler);
    const server = createServer(app);
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    closers.push(() => new Promise<void>((r) => server.close(() => r())));
    const [versioned, header, plain] = await both(listening((server.address() as AddressInfo).port));
    expect([versioned, header]).toEqual([NEW, '2024-01-01']);
    expect(plain).toMatch(OLD);
  });

  it('fastify', async () => {
    const plugin = fastifyErrata(options);
    const app = Fastify();
    await app.register(plugin);
    app.get('/login', async () => fail());
    closers.push(() => app.close());
    const versioned = await app.inject({
      url: '/login',
      headers: { 'x-supabase-api-version': '2024-01-01' },
    });
    expect([versioned.body, versioned.headers['x-supabase-api-version']]).toEqual([NEW, '2024-01-01']);
    expect((await app.inject({ url: '/login' })).body).toMatch(OLD);
  });
});

describe('requestHeaders', () => {
  it('reads a fetch Request, a Hono-like context and a Node request; a repeated header joined', () => {
    const fetchLike = new Request('http://x', { headers: { 'X-A': '1' } });
    expect(requestHeaders(fetchLike)?.get('x-a')).toBe('1');
    expect(
      requestHeaders({ req: { header: (n: string) => (n === 'x-a' ? '2' : undefined) } })?.get('x-a'),
    ).toBe('2');
    expect(requestHeaders({ headers: { 'x-a': ['3', '4'] } })?.get('X-A')).toBe('3, 4');
    expect(requestHeaders({ headers: { 'x-a': '5' } })?.get('x-b')).toBeNull();
    expect(requestHeaders({ headers: { 'x-a': '6' } })?.get('x-a')).toBe('6');
    expect(requestHeaders({ headers: {} })?.get('constructor')).toBeNull();
    expect(requestHeaders({ headers: {} })?.get('Constructor')).toBeNull();
    expect(requestHeaders(undefined)).toBeUndefined();
  });

  it('reads a hostile request object as one without headers, and the answer is still sent', () => {
    const hostile = {
      get headers() {
        throw new Error('boom');
      },
    };
    expect(requestHeaders(hostile)?.get('x-a')).toBeNull();
    expect(requestHeaders({ headers: JSON.parse('{"__proto__":{"x-a":"p"}}') })?.get('x-a')).toBeNull();
    const wire = createResponder(options).respond(api.error('InvalidCredentials'), { request: hostile });
    expect(wire.status).toBe(400);
    expect(wire.body).toMatch(OLD);
  });
});
