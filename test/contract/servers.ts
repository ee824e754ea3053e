// The four adapters, each one real server on 127.0.0.1 started once per run.
// Each catalog gets its own app per adapter (its own errata instance, as an
// application has); the server hands a request to the app the `x-catalog`
// header names, so a catalog added later is served by the same socket.
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';
import express from 'express';
import Fastify from 'fastify';
import { Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import createHttpError from 'http-errors';
import { z } from 'zod';
import { errata as expressErrata } from '../../src/adapters/express.js';
import { errataAjv, errata as fastifyErrata } from '../../src/adapters/fastify.js';
import { failures, errata as fetchErrata } from '../../src/adapters/fetch.js';
import { errata as honoErrata } from '../../src/adapters/hono.js';
import type { Catalog } from '../../src/catalog/define.js';
import type { ErrorEvent, ServerOptions } from '../../src/server/respond.js';
import { validate } from '../../src/server/validate.js';

export const ADAPTERS = ['express', 'fastify', 'hono', 'fetch'] as const;
export type AdapterName = (typeof ADAPTERS)[number];

/** Largest request body every app takes: a bigger one is its 413. */
export const BODY_LIMIT = 1024;

/** What `POST /body` validates: `{"name": 1}` is a validation failure. */
export const bodySchema = z.object({ name: z.string() });

/**
 * What a catalog's app serves, on every adapter:
 *   GET  /e/:n          → throws the catalog's n-th occurrence (made fresh per request)
 *   GET  /crash         → throws an Error (the internal error)
 *   GET  /http/:status  → throws http-errors' error of that status (a framework's own 4xx)
 *   POST /body          → a JSON body within BODY_LIMIT, validated by bodySchema
 * Anything else is the app's 404, another method on /e/:n its 405.
 */
export interface Served {
  readonly catalog: Catalog;
  readonly occurrences: readonly (() => unknown)[];
}

type Handler = (req: http.IncomingMessage, res: http.ServerResponse) => void;
type FetchHandler = (request: Request) => Response | Promise<Response>;

export interface Running {
  readonly url: string;
  /** Makes the app of a catalog on this adapter, answered for requests with `x-catalog: key`. */
  add(key: string, served: Served, options: ServerOptions): Promise<void>;
  close(): Promise<void>;
}

const occurrence = (served: Served, n: string): unknown => {
  const make = served.occurrences[Number(n)];
  return make === undefined ? new Error(`no occurrence ${n}`) : make();
};

/** Idle sockets stay open between the tests (the client keeps them alive; a socket closed under it is a reset). */
const keepAlive = (server: http.Server) => {
  server.keepAliveTimeout = 600_000;
  server.headersTimeout = 0;
  server.requestTimeout = 0;
};

const listen = (server: http.Server) =>
  new Promise<string>((resolve) => {
    keepAlive(server);
    server.listen(0, '127.0.0.1', () =>
      resolve(`http://127.0.0.1:${(server.address() as AddressInfo).port}`),
    );
  });
const closing = (server: http.Server) => () =>
  new Promise<void>((resolve) => {
    server.closeAllConnections();
    server.close(() => resolve());
  });

/** One node:http server dispatching to the app of each request's catalog. */
async function nodeServer(
  make: (served: Served, options: ServerOptions) => Promise<Handler>,
): Promise<Running> {
  const apps = new Map<string, Handler>();
  const server = http.createServer((req, res) => {
    const app = apps.get(String(req.headers['x-catalog']));
    if (app === undefined) res.writeHead(421).end();
    else app(req, res);
  });
  return {
    url: await listen(server),
    async add(key, served, options) {
      apps.set(key, await make(served, options));
    },
    close: closing(server),
  };
}

/** One @hono/node-server server dispatching to the fetch handler of each request's catalog. */
async function fetchServer(make: (served: Served, options: ServerOptions) => FetchHandler): Promise<Running> {
  const apps = new Map<string, FetchHandler>();
  const server = await new Promise<ReturnType<typeof serve>>((resolve) => {
    const s = serve(
      {
        fetch: (request) =>
          apps.get(String(request.headers.get('x-catalog')))?.(request) ??
          new Response(null, { status: 421 }),
        port: 0,
        hostname: '127.0.0.1',
      },
      () => resolve(s),
    );
  });
  keepAlive(server as http.Server);
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    async add(key, served, options) {
      apps.set(key, make(served, options));
    },
    close: closing(server as http.Server),
  };
}

const expressApp = async (served: Served, options: ServerOptions): Promise<Handler> => {
  const app = express();
  const errors = expressErrata(options);
  app.use(express.json({ limit: BODY_LIMIT }));
  app.get('/e/:n', (req) => {
    throw occurrence(served, req.params.n);
  });
  app.get('/crash', () => {
    throw new Error('boom');
  });
  app.get('/http/:status', (req) => {
    throw createHttpError(Number(req.params.status));
  });
  app.post('/body', errors.body(bodySchema), (req, res) => {
    res.json(req.body);
  });
  app.use(errors.handler);
  return app as unknown as Handler;
};

const fastifyApp = async (served: Served, options: ServerOptions): Promise<Handler> => {
  const plugin = fastifyErrata(options);
  let handler: Handler | undefined;
  const app = Fastify({
    bodyLimit: BODY_LIMIT,
    ajv: errataAjv,
    frameworkErrors: plugin.frameworkErrors,
    // The app's request handler, called by the shared server rather than a socket of its own.
    serverFactory: (h) => {
      handler = h;
      return http.createServer();
    },
  });
  await app.register(plugin);
  app.get<{ Params: { n: string } }>('/e/:n', async (req) => {
    throw occurrence(served, req.params.n);
  });
  app.get('/crash', async () => {
    throw new Error('boom');
  });
  app.get<{ Params: { status: string } }>('/http/:status', async (req) => {
    throw createHttpError(Number(req.params.status));
  });
  app.post('/body', async (req) => validate(bodySchema, req.body));
  await app.ready();
  if (handler === undefined) throw new Error('fastify made no request handler');
  return handler;
};

const honoApp = (served: Served, options: ServerOptions): FetchHandler => {
  const app = new Hono();
  const errors = honoErrata(app, options);
  app.get('/e/:n', (c) => {
    throw occurrence(served, c.req.param('n'));
  });
  app.get('/crash', () => {
    throw new Error('boom');
  });
  app.get('/http/:status', (c) => {
    throw createHttpError(Number(c.req.param('status')));
  });
  app.post('/body', bodyLimit({ maxSize: BODY_LIMIT }), errors.validator('json', bodySchema), (c) =>
    c.json(c.req.valid('json')),
  );
  return (request) => app.fetch(request);
};

const fetchApp = (served: Served, options: ServerOptions): FetchHandler => {
  const errors = fetchErrata(options);
  // A hand-written router, as a Worker or a Next.js route handler has.
  return errors.handle(async (request) => {
    const [, first, second] = new URL(request.url).pathname.split('/');
    const only = (method: string) => {
      if (request.method !== method)
        throw failures.methodNotAllowed(request.method, method === 'GET' ? ['GET', 'HEAD'] : [method]);
    };
    if (first === 'e' && second !== undefined) {
      only('GET');
      throw occurrence(served, second);
    }
    if (first === 'crash') throw new Error('boom');
    if (first === 'http') throw createHttpError(Number(second));
    if (first === 'body') {
      only('POST');
      const value = await validate(bodySchema, await errors.readJson(request, { limit: BODY_LIMIT }));
      return Response.json(value);
    }
    return undefined;
  });
};

/** Starts the server of an adapter. */
export function startAdapter(name: AdapterName): Promise<Running> {
  switch (name) {
    case 'express':
      return nodeServer(expressApp);
    case 'fastify':
      return nodeServer(fastifyApp);
    case 'hono':
      return fetchServer(honoApp);
    case 'fetch':
      return fetchServer(fetchApp);
  }
}

/** The server options of a catalog's apps: the dialect of each request is its `?dialect=`. */
export function serverOptions(catalog: Catalog, events: ErrorEvent[]): ServerOptions {
  return {
    catalog,
    dialect: (ctx) => new URL(ctx.url ?? '/', 'http://x').searchParams.get('dialect') ?? undefined,
    negotiate: false,
    onError: (e) => {
      if (events.length < 1000) events.push(e);
    },
    development: false,
    telemetry: false,
  };
}
