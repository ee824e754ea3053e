import type { AddressInfo } from 'node:net';
import express from 'express';
import { errata } from '../../src/adapters/express.js';
import { validate } from '../../src/server/validate.js';
import { api, BODY_LIMIT, leaky, thrown, tick, userSchema } from './_app.js';
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
  app.use(errors.handler);
  const server = await new Promise<import('node:http').Server>((resolve) => {
    const s = app.listen(0, '127.0.0.1', () => resolve(s));
  });
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    close: () => new Promise((r) => server.close(() => r())),
  };
});
