/**
 * A Vary set before the error (a CORS middleware's `Vary: Origin`) and the one a localized answer
 * sends (`Accept-Language`) both reach the client, in every adapter that answers on a response
 * the framework already holds: a cache keyed on one of them alone would serve one caller's
 * language or origin to another.
 */
import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';
import express from 'express';
import Fastify from 'fastify';
import { Hono } from 'hono';
import { cors } from 'hono/cors';
import { afterAll, describe, expect, it } from 'vitest';
import { errata as expressErrata } from '../../src/adapters/express.js';
import { errata as fastifyErrata } from '../../src/adapters/fastify.js';
import { errata as honoErrata } from '../../src/adapters/hono.js';
import { defineCatalog } from '../../src/catalog/define.js';
import { localize } from '../../src/i18n/index.js';

const api = defineCatalog({
  errors: { GONE: { status: 410, title: 'Gone', translations: { fr: { title: 'Disparu' } } } },
});
const options = { catalog: api, localize: localize(api), onError: () => {} };
const closers: (() => Promise<unknown>)[] = [];
afterAll(() => Promise.all(closers.map((c) => c())));

async function expressBase(earlier: string): Promise<string> {
  const app = express();
  app.use((_req, res, next) => {
    res.setHeader('Vary', earlier);
    next();
  });
  app.get('/gone', () => {
    throw api.error('GONE');
  });
  app.use(expressErrata(options).handler);
  const server = await new Promise<import('node:http').Server>((resolve) => {
    const s = app.listen(0, '127.0.0.1', () => resolve(s));
  });
  closers.push(() => new Promise((r) => server.close(r)));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

async function fastifyBase(earlier: string): Promise<string> {
  const plugin = fastifyErrata(options);
  const app = Fastify({ frameworkErrors: plugin.frameworkErrors });
  await app.register(plugin);
  app.addHook('onRequest', async (_req, reply) => {
    reply.header('vary', earlier);
  });
  app.get('/gone', async () => {
    throw api.error('GONE');
  });
  await app.listen({ port: 0, host: '127.0.0.1' });
  closers.push(() => app.close());
  return `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;
}

async function honoBase(earlier: string): Promise<string> {
  const app = new Hono();
  // A real CORS middleware, which sets `Vary: Origin` when it echoes an origin.
  if (earlier === 'Origin') app.use('*', cors({ origin: (o) => o }));
  else
    app.use('*', async (c, next) => {
      c.header('Vary', earlier);
      await next();
    });
  honoErrata(app, options);
  app.get('/gone', () => {
    throw api.error('GONE');
  });
  const server = await new Promise<ReturnType<typeof serve>>((resolve) => {
    const s = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' }, () => resolve(s));
  });
  closers.push(() => new Promise((r) => server.close(r)));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

const adapters = { express: expressBase, fastify: fastifyBase, hono: honoBase };

describe.each(Object.entries(adapters))('%s', (_name, start) => {
  it('keeps the Vary set before the error beside Accept-Language', async () => {
    const base = await start('Origin');
    const res = await fetch(`${base}/gone`, {
      headers: { 'accept-language': 'fr', origin: 'https://app.example.com' },
    });
    expect(res.status).toBe(410);
    expect(res.headers.get('content-language')).toBe('fr');
    const names = (res.headers.get('vary') ?? '').split(',').map((s) => s.trim().toLowerCase());
    expect(names.sort()).toEqual(['accept-language', 'origin']);
  });

  it('names each field once, and keeps a Vary of *', async () => {
    const same = await start('accept-language, Origin');
    const once = await fetch(`${same}/gone`, { headers: { 'accept-language': 'fr' } });
    expect(once.headers.get('vary')?.toLowerCase()).toBe('accept-language, origin');
    const star = await start('*');
    expect((await fetch(`${star}/gone`)).headers.get('vary')).toBe('*');
  });
});
