import Fastify from 'fastify';
import { describe, expect, it } from 'vitest';
import { errata, errataAjv } from '../../src/adapters/fastify.js';
import { validate } from '../../src/server/validate.js';
import { api, BODY_LIMIT, leaky, suiteOptions, thrown, tick, userSchema } from './_app.js';
import { adapterSuite } from './_suite.js';

adapterSuite('fastify', async (options) => {
  const app = Fastify({ bodyLimit: BODY_LIMIT, ajv: errataAjv });
  await app.register(errata(options));
  app.get('/ok', async () => ({ ok: true }));
  app.get<{ Params: { name: string } }>('/things/:name', (req) => {
    throw api.error('THING_NOT_FOUND', { name: req.params.name });
  });
  app.get<{ Params: { name: string } }>('/async/things/:name', async (req) => {
    await tick();
    throw api.error('THING_NOT_FOUND', { name: req.params.name });
  });
  app.get(
    '/guarded',
    {
      preHandler: async () => {
        throw api.error('UNAUTHORIZED');
      },
    },
    async () => ({ ok: true }),
  );
  app.get('/rate', async () => {
    throw api.error('RATE_LIMITED');
  });
  app.get<{ Params: { kind: string } }>('/boom/:kind', async (req) => {
    throw leaky(req.params.kind);
  });
  app.post('/echo', async (req) => req.body);
  app.post('/validate', async (req) => validate(userSchema, req.body));
  app.get<{ Params: { what: string } }>('/declared/:what', async (req) => thrown(req.params.what));
  await app.listen({ port: 0, host: '127.0.0.1' });
  const address = app.server.address() as import('node:net').AddressInfo;
  return { url: `http://127.0.0.1:${address.port}`, close: () => app.close() };
});

describe('fastify adapter (its own schema validation and route config)', () => {
  it('answers a schema validation failure with every violation, and reads declared errors from route config', async () => {
    const { options } = suiteOptions();
    const plugin = errata({ ...options, routes: {} });
    const app = Fastify({ ajv: errataAjv });
    await app.register(plugin);
    app.post(
      '/users',
      {
        schema: {
          body: {
            type: 'object',
            required: ['name', 'email'],
            properties: { name: { type: 'string', minLength: 2 }, age: { type: 'integer', minimum: 0 } },
          },
          querystring: { type: 'object', properties: { limit: { type: 'integer', maximum: 10 } } },
        },
        config: { errors: ['THING_NOT_FOUND'] },
      },
      async () => ({ ok: true }),
    );
    app.get('/now', (req, reply) => plugin.respond(api.error('RATE_LIMITED'), req, reply));
    const now = await app.inject({ method: 'GET', url: '/now' });
    expect(now.statusCode).toBe(429);
    expect(now.headers['content-type']).toBe('application/problem+json');
    const res = await app.inject({
      method: 'POST',
      url: '/users',
      payload: { name: 'x', age: -1 },
    });
    expect(res.statusCode).toBe(400);
    const body = res.json() as { code: string; errors: { pointer: string; code: string }[] };
    expect(body.code).toBe('VALIDATION_FAILED');
    expect(body.errors.map((e) => `${e.pointer} ${e.code}`).sort()).toEqual([
      '#/age minimum',
      '#/email required',
      '#/name minLength',
    ]);
    const q = await app.inject({
      method: 'POST',
      url: '/users?limit=50',
      payload: { name: 'xy', email: 'e' },
    });
    expect(q.statusCode).toBe(400);
    expect((q.json() as { errors: { pointer: string }[] }).errors.map((e) => e.pointer)).toEqual([
      '#/querystring/limit',
    ]);
    expect(plugin.declarations()).toEqual([{ method: 'POST', path: '/users', errors: ['THING_NOT_FOUND'] }]);
    await app.close();
  });
});
