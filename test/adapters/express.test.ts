import type { AddressInfo } from 'node:net';
import express from 'express';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { errata } from '../../src/adapters/express.js';
import { validate } from '../../src/server/validate.js';
import {
  api,
  BODY_LIMIT,
  DIRTY,
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

adapterSuite('express', async (options) => {
  const app = express();
  const errors = errata(options);
  app.use(express.json({ limit: BODY_LIMIT }));
  app.get('/ok', (_req, res) => {
    res.json({ ok: true });
  });
  app.get('/things/:name', (req) => {
    throw api.error('THING_NOT_FOUND', { name: req.params.name });
  });
  app.get('/async/things/:name', async (req) => {
    await tick();
    throw api.error('THING_NOT_FOUND', { name: req.params.name });
  });
  app.get(
    '/guarded',
    () => {
      throw api.error('UNAUTHORIZED');
    },
    (_req, res) => {
      res.json({ ok: true });
    },
  );
  app.get('/rate', () => {
    throw api.error('RATE_LIMITED');
  });
  app.get('/boom/:kind', (req) => {
    throw leaky(req.params.kind);
  });
  app.post('/echo', (req, res) => {
    res.json(req.body);
  });
  app.post('/validate', async (req, res) => {
    res.json(await validate(userSchema, req.body));
  });
  app.get('/declared/:what', (req) => thrown(req.params.what));
  app.get('/odd/:kind', (req) => {
    throw odd(req.params.kind);
  });
  app.get('/hostile', () => {
    throw hostile.value;
  });
  app.get('/dirty', (_req, res) => {
    res.set(DIRTY);
    throw api.error('THING_NOT_FOUND', { name: 'dirty' });
  });
  app.get('/partial', (_req, res) => {
    res.writeHead(200, { 'content-type': 'text/plain' });
    res.write('partial');
    throw new Error('failed mid-body');
  });
  app.post('/items', async (req, res) => {
    res.json(await validate(itemsSchema, req.body));
  });
  app.use(errors.handler);
  const server = await new Promise<import('node:http').Server>((resolve) => {
    const s = app.listen(0, '127.0.0.1', () => resolve(s));
  });
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    close: () => new Promise((r) => server.close(() => r())),
  };
});

describe('express adapter (body validation middleware, declarations)', () => {
  it('replaces req.body with the schema output, answers violations, and lists declared routes', async () => {
    const app = express();
    const errors = errata({ ...suiteOptions().options, routes: {} });
    errors.declare('POST', '/items', ['THING_NOT_FOUND']);
    app.use(express.json());
    app.post('/items', errors.body(z.object({ n: z.coerce.number().int() })), (req, res) => {
      res.json({ n: req.body.n, type: typeof req.body.n });
    });
    app.get('/now', (req, res) => errors.respond(api.error('RATE_LIMITED'), req, res));
    app.use(errors.handler);
    const server = await new Promise<import('node:http').Server>((resolve) => {
      const s = app.listen(0, '127.0.0.1', () => resolve(s));
    });
    try {
      const now = await fetch(`http://127.0.0.1:${(server.address() as AddressInfo).port}/now`);
      expect(now.status).toBe(429);
      expect(now.headers.get('retry-after')).toBe('30');
      const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}/items`;
      const post = (body: unknown) =>
        fetch(base, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify(body),
        });
      const ok = await post({ n: '42' });
      expect(await ok.json()).toEqual({ n: 42, type: 'number' });
      // A JSON text sent as text/plain (a cross-site "simple" POST) is read by no parser: 415, not a schema failure.
      const plain = await fetch(base, {
        method: 'POST',
        headers: { 'content-type': 'text/plain' },
        body: '{"n":"1"}',
      });
      expect(plain.status).toBe(415);
      expect(plain.headers.get('content-type')).toMatch(/^application\/problem\+json/);
      // No body at all is the schema's to judge.
      expect((await fetch(base, { method: 'POST' })).status).toBe(400);
      const bad = await post({ n: 'x' });
      expect(bad.status).toBe(400);
      const problem = (await bad.json()) as { errors: { pointer: string }[] };
      expect(problem.errors.map((e) => e.pointer)).toEqual(['#/n']);
      expect(errors.declarations()).toEqual([
        { method: 'POST', path: '/items', errors: ['THING_NOT_FOUND'] },
      ]);
    } finally {
      await new Promise((r) => server.close(r));
    }
  });
});

describe('express adapter (body-parser failures)', () => {
  it('answers an unsupported charset 415, too many form fields 413, a bad body 400', async () => {
    const app = express();
    const { options, events } = suiteOptions();
    const errors = errata(options);
    app.use(express.json(), express.urlencoded({ extended: false, parameterLimit: 2 }));
    app.post('/echo', (req, res) => {
      res.json(req.body ?? null);
    });
    app.use(errors.handler);
    const server = await new Promise<import('node:http').Server>((resolve) => {
      const s = app.listen(0, '127.0.0.1', () => resolve(s));
    });
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/echo`;
    const post = async (type: string, body: string) => {
      const res = await fetch(url, { method: 'POST', headers: { 'content-type': type }, body });
      return [res.status, ((await res.json()) as { code?: string }).code];
    };
    expect(await post('application/json; charset=latin1', '{"a":1}')).toEqual([
      415,
      'UNSUPPORTED_MEDIA_TYPE',
    ]);
    expect(await post('application/x-www-form-urlencoded', 'a=1&b=2&c=3')).toEqual([
      413,
      'PAYLOAD_TOO_LARGE',
    ]);
    expect(await post('application/json', '{"a":')).toEqual([400, 'INVALID_JSON']);
    expect(events.filter((e) => e.kind === 'unexpected')).toEqual([]);
    await new Promise((r) => server.close(r));
  });
});
