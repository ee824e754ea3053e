import createError from '@fastify/error';
import Fastify, { type FastifyInstance, type FastifyRequest, type FastifyServerOptions } from 'fastify';
import { describe, expect, it } from 'vitest';
import { onlyErrata } from '../../src/adapters/_fastify.js';
import { errata, errataAjv } from '../../src/adapters/fastify.js';
import { validate } from '../../src/server/validate.js';
import {
  api,
  BODY_LIMIT,
  DIRTY,
  hostile,
  leaky,
  odd,
  suiteOptions,
  thrown,
  tick,
  userSchema,
} from './_app.js';
import { adapterSuite } from './_suite.js';

adapterSuite('fastify', async (options) => {
  const plugin = errata(options);
  const app = Fastify({ bodyLimit: BODY_LIMIT, ajv: errataAjv, frameworkErrors: plugin.frameworkErrors });
  await app.register(plugin);
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
  app.get<{ Params: { kind: string } }>('/odd/:kind', async (req) => {
    throw odd(req.params.kind);
  });
  app.get('/hostile', async () => {
    throw hostile.value;
  });
  app.get('/dirty', async (_req, reply) => {
    reply.headers(DIRTY);
    throw api.error('THING_NOT_FOUND', { name: 'dirty' });
  });
  app.get('/partial', async (_req, reply) => {
    reply.raw.writeHead(200, { 'content-type': 'text/plain' });
    reply.raw.write('partial');
    throw new Error('failed mid-body');
  });
  app.post(
    '/items',
    { schema: { body: { type: 'array', items: { type: 'string', minLength: 2 } } } },
    async (req) => req.body,
  );
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

/** An app with errata registered, set up by `setup`, listening on 127.0.0.1. */
async function serve(
  setup: (app: FastifyInstance, plugin: ReturnType<typeof errata>) => void,
  fastifyOptions: (plugin: ReturnType<typeof errata>) => FastifyServerOptions = () => ({}),
) {
  const { options, events } = suiteOptions();
  const plugin = errata(options);
  const app = Fastify(fastifyOptions(plugin));
  await app.register(plugin);
  setup(app, plugin);
  await app.listen({ port: 0, host: '127.0.0.1' });
  const { port } = app.server.address() as import('node:net').AddressInfo;
  return {
    app,
    events,
    get: (path: string, init?: RequestInit) => fetch(`http://127.0.0.1:${port}${path}`, init),
  };
}

describe('fastify adapter (violations of errataAjv)', () => {
  it('answers 1 MB of wrong array items with at most 100 violations in under 64 KB, in problem and JSON:API', async () => {
    const { app, get } = await serve(
      (app) => {
        app.post(
          '/items',
          { schema: { body: { type: 'array', items: { type: 'string', minLength: 2 } } } },
          async (req) => req.body,
        );
      },
      () => ({ bodyLimit: 2 * 1024 * 1024, ajv: errataAjv }),
    );
    const body = `[${Array(500_000).fill('0').join(',')}]`;
    for (const accept of ['application/problem+json', 'application/vnd.api+json']) {
      const res = await get('/items', {
        method: 'POST',
        headers: { 'content-type': 'application/json', accept },
        body,
      });
      expect(res.status).toBe(400);
      const text = await res.text();
      expect(text.length, accept).toBeLessThan(64 * 1024);
      expect((JSON.parse(text) as { errors: unknown[] }).errors.length, accept).toBe(100);
    }
    await app.close();
  }, 30_000);
});

describe('fastify adapter (content types)', () => {
  it('answers a body in a media type no parser takes with 415', async () => {
    const { app, events, get } = await serve((app) => {
      app.post('/echo', async (req) => req.body);
    });
    const res = await get('/echo', {
      method: 'POST',
      headers: { 'content-type': 'application/xml' },
      body: '<a/>',
    });
    expect(res.status).toBe(415);
    expect(res.headers.get('content-type')).toBe('application/problem+json');
    expect(((await res.json()) as { code: string }).code).toBe('UNSUPPORTED_MEDIA_TYPE');
    expect(events).toEqual([]);
    await app.close();
  });
});

describe("fastify adapter (plugins' own errors)", () => {
  it('answers an FST_ client error of a plugin by its status, not its message', async () => {
    const NoAuth = createError('FST_JWT_NO_AUTHORIZATION_IN_HEADER', 'No Authorization %s', 401);
    const { app, events, get } = await serve((app) => {
      app.get('/me', async () => {
        throw new NoAuth('was found in request.headers');
      });
    });
    const res = await get('/me');
    expect(res.status).toBe(401);
    expect(res.headers.get('www-authenticate')).toMatch(/^Bearer/);
    const text = await res.text();
    expect(JSON.parse(text).code).toBe('UNAUTHORIZED');
    expect(text).not.toContain('request.headers');
    expect(events).toEqual([]);
    await app.close();
  });
});

describe('fastify adapter (frameworkErrors)', () => {
  it('answers the failures Fastify meets before routing in the dialect', async () => {
    const { app, events, get } = await serve(
      (app) => {
        app.get('/things/:name', () => ({ ok: true }));
      },
      (plugin) => ({ frameworkErrors: plugin.frameworkErrors, maxParamLength: 10 }),
    );
    for (const path of ['/things/%E0%A4%A', `/things/${'a'.repeat(40)}`]) {
      const res = await get(path);
      expect(res.status).toBe(404);
      expect(res.headers.get('content-type')).toBe('application/problem+json');
      expect(((await res.json()) as { code: string }).code).toBe('NOT_FOUND');
    }
    expect(events).toEqual([]);
    await app.close();
  });
});

describe('fastify adapter (catalog errors answered without the error pipeline)', () => {
  const throwing = (req: FastifyRequest<{ Params: { name: string } }>) => {
    throw api.error('THING_NOT_FOUND', { name: req.params.name });
  };

  it('takes the short way only where Fastify would hand the error to errata alone', async () => {
    const seen: boolean[] = [];
    const { app, get } = await serve((app) => {
      app.get('/plain', (req) => {
        seen.push(onlyErrata(req, new WeakSet([app.errorHandler])));
        return { ok: true };
      });
      app.get('/own', { errorHandler: (_e, _req, reply) => reply.code(418).send() }, (req) => {
        seen.push(onlyErrata(req, new WeakSet([app.errorHandler])));
        return { ok: true };
      });
      app.get('/hooked', { onError: (_req, _reply, _e, done) => done() }, (req) => {
        seen.push(onlyErrata(req, new WeakSet([app.errorHandler])));
        return { ok: true };
      });
    });
    for (const path of ['/plain', '/own', '/hooked']) expect((await get(path)).status).toBe(200);
    expect(seen).toEqual([true, false, false]);
    await app.close();
  });

  it("still runs the app's onError hooks, with the catalog's answer", async () => {
    const hooked: string[] = [];
    const { app, get } = await serve((app) => {
      app.addHook('onError', async (_req, _reply, e) => {
        hooked.push((e as { code?: string }).code ?? '?');
      });
      app.get('/things/:name', throwing);
    });
    const res = await get('/things/widget');
    expect(res.status).toBe(404);
    expect(res.headers.get('content-type')).toBe('application/problem+json');
    expect(((await res.json()) as { detail: string }).detail).toBe('No thing named widget.');
    expect(hooked).toEqual(['THING_NOT_FOUND']);
    await app.close();
  });

  it("leaves the error to a child's or a route's own error handler", async () => {
    const { app, get } = await serve((app) => {
      app.register(async (child) => {
        child.setErrorHandler((e, _req, reply) => {
          reply.code(409).send({ child: (e as { code?: string }).code });
        });
        child.get('/child/:name', throwing);
      });
      app.get(
        '/route/:name',
        { errorHandler: (e, _req, reply) => reply.code(410).send({ route: (e as { code?: string }).code }) },
        throwing,
      );
      app.get('/root/:name', throwing);
    });
    const child = await get('/child/a');
    expect([child.status, await child.json()]).toEqual([409, { child: 'THING_NOT_FOUND' }]);
    const route = await get('/route/b');
    expect([route.status, await route.json()]).toEqual([410, { route: 'THING_NOT_FOUND' }]);
    const root = await get('/root/c');
    expect(root.status).toBe(404);
    expect(root.headers.get('content-type')).toBe('application/problem+json');
    await app.close();
  });

  it('keeps the first answer when a handler throws after sending', async () => {
    const { app, get } = await serve((app) => {
      app.get('/sent', (_req, reply) => {
        reply.code(200).send({ first: true });
        throw api.error('THING_NOT_FOUND', { name: 'late' });
      });
    });
    const res = await get('/sent');
    expect([res.status, await res.json()]).toEqual([200, { first: true }]);
    await app.close();
  });
});
