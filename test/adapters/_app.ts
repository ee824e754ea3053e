// The application every adapter serves in the shared suite: one catalog, the
// same routes and the same behaviours, so the same cases run against each.
import { forbidden } from '@hapi/boom';
import createHttpError from 'http-errors';
import { NotFoundError } from 'openai';
import Stripe from 'stripe';
import { z } from 'zod';
import { defineCatalog } from '../../src/catalog/define.js';
import { publicMessage } from '../../src/dialects/expose.js';
import type { Dialect } from '../../src/dialects/types.js';
import type { ErrorEvent, ServerOptions } from '../../src/server/respond.js';

const ERRORS = {
  INTERNAL: { status: 500, category: 'Server', title: 'Internal error', message: 'Something broke.' },
  INVALID_JSON: { status: 400, category: 'Request', message: 'The body is not valid JSON.' },
  VALIDATION_FAILED: { status: 400, category: 'Request', message: 'The request failed validation.' },
  NOT_FOUND: { status: 404, category: 'Request', message: 'No route for {method} {path}.' },
  UNAUTHORIZED: { status: 401, category: 'Auth', message: 'A valid API key is required.' },
  RATE_LIMITED: {
    status: 429,
    category: 'Limits',
    message: 'Too many requests.',
    retry: { strategy: 'after', afterMs: 30_000 },
  },
  THING_NOT_FOUND: { status: 404, category: 'Things', message: 'No thing named {name}.' },
  USAGE_LIMIT: { status: 402, category: 'Billing', message: 'Upgrade your plan.' },
  BILLING_UNAVAILABLE: {
    status: 503,
    category: 'Billing',
    message: 'Billing is down.',
    retry: { strategy: 'exponential', baseMs: 100, maxMs: 1000 },
  },
} as const;

export const api = defineCatalog({
  name: 'testapi',
  docs: 'https://docs.example.com/testapi/errors',
  errors: ERRORS,
});

/** The same entries in a catalog whose name is not ASCII: its default 401 challenge must still be sent. */
export const kessai = defineCatalog({ name: '決済-api', errors: ERRORS });

/** A user-defined JSON envelope, chosen with `?dialect=envelope`. */
export const envelope: Dialect = {
  name: 'envelope',
  contentType: 'application/json',
  serialize(error, ctx) {
    const requestId = ctx?.requestId ?? error.requestId;
    const headers: Record<string, string> = { 'content-type': 'application/json' };
    const delay = error.retryDelayMs;
    if (delay !== undefined) headers['retry-after'] = String(Math.ceil(delay / 1000));
    if (requestId !== undefined) headers['x-request-id'] = requestId;
    if (error.headers) Object.assign(headers, error.headers);
    return {
      status: error.status,
      headers,
      body: JSON.stringify({ error: { code: error.code, message: publicMessage(error), requestId } }),
    };
  },
  parse: () => undefined,
};

/** A dialect with its own media type, chosen by `Accept: application/vnd.tiny+json`. */
export const tiny: Dialect = {
  name: 'tiny',
  contentType: 'application/vnd.tiny+json',
  serialize(error, ctx) {
    return {
      status: error.status,
      headers: { 'content-type': 'application/vnd.tiny+json' },
      body: JSON.stringify({ c: error.code, r: ctx?.requestId }),
    };
  },
  parse: () => undefined,
};

export const SECRETS = [
  'postgres://admin:hunter2@db.internal:5432/prod',
  'hunter2',
  'sk_live_51H8secretSECRETsecret',
  'eyJhbGciOiJIUzI1NiJ9.c2VjcmV0.c2lnbmF0dXJl',
  'db.internal',
  'node_modules',
  '/work/',
  'at async',
  'relation "users"',
];

class DatabaseError extends Error {
  override name = 'DatabaseError';
  code = '42P01';
  detail = 'Failing row contains (42, admin@example.com, hunter2)';
  query = 'SELECT * FROM users WHERE token = $1';
  connection = SECRETS[0];
}

/** The exceptions of `/boom/:kind`: each one carries secrets that must never reach a response. */
export function leaky(kind: string): unknown {
  switch (kind) {
    case 'secret':
      return new Error(`connect failed: ${SECRETS[0]} with token ${SECRETS[2]}`);
    case 'db': {
      const e = new DatabaseError(`relation "users" does not exist (${SECRETS[0]})`);
      return e;
    }
    case 'circular': {
      const a = new Error(`outer ${SECRETS[3]}`) as Error & { cause?: unknown; self?: unknown };
      const b = new Error(`inner ${SECRETS[2]}`, { cause: a });
      a.cause = b;
      a.self = a;
      return a;
    }
    case 'string':
      return `Bearer ${SECRETS[3]}`;
    case 'object':
      return { message: SECRETS[0], toString: () => SECRETS[2], stack: 'at async /work/secret.js:1:1' };
    case 'catalog5xx':
      return api.error('BILLING_UNAVAILABLE', {}, { cause: new Error(SECRETS[0]) });
    case 'headers': {
      const e = new Error(SECRETS[2]) as Error & { headers?: unknown; status?: number };
      e.headers = { 'x-leak': SECRETS[2], 'set-cookie': `session=${SECRETS[2]}` };
      e.status = 401;
      return e;
    }
    // Frameworks' own client errors: answered by their status, never with their message.
    case 'http401':
      return createHttpError(401, `token ${SECRETS[3]} expired`);
    case 'http429':
      return createHttpError(429, `slow down ${SECRETS[1]}`, {
        headers: { 'Retry-After': '7', 'X-Leak': SECRETS[2] },
      });
    case 'boom403':
      return forbidden(`no access to ${SECRETS[0]}`);
    case 'proxy':
      // Every trap throws: reading any property of it, even to tell what it is, fails.
      return new Proxy(new Error(SECRETS[0]), {
        get() {
          throw new Error(SECRETS[2]);
        },
        getPrototypeOf() {
          throw new Error(SECRETS[2]);
        },
        has() {
          throw new Error(SECRETS[2]);
        },
        ownKeys() {
          throw new Error(SECRETS[2]);
        },
      });
    case 'http500':
      return createHttpError(500, `pool exhausted ${SECRETS[0]}`);
    // Upstream 404s: an SDK's error, a thrown fetch Response, a plain Error, Stripe's `statusCode`.
    case 'openai404':
      return new NotFoundError(404, { message: `model ${SECRETS[1]}` }, 'not found', new Headers());
    case 'response404':
      return new Response(`no row ${SECRETS[1]}`, { status: 404 });
    case 'error404':
      return Object.assign(new Error(`upstream ${SECRETS[0]}`), { status: 404 });
    case 'stripe404':
      return new Stripe.errors.StripeInvalidRequestError({
        message: `No such customer: ${SECRETS[2]}`,
        statusCode: 404,
        type: 'invalid_request_error',
      });
    // A framework error asking for an absurd delay.
    case 'http429huge':
      return createHttpError(429, { headers: { 'Retry-After': '1e20' } });
    default:
      return new TypeError(`unknown kind ${SECRETS[1]}`);
  }
}

/** Occurrences an application might carelessly build (`/odd/:kind`): headers and delays that cannot be sent as they are. */
export function odd(kind: string): unknown {
  switch (kind) {
    case 'crlf':
      return api.error('THING_NOT_FOUND', { name: 'x' }, { headers: { 'x-note': 'a\r\nset-cookie: s=1' } });
    case 'unicode':
      return api.error('THING_NOT_FOUND', { name: 'x' }, { headers: { 'x-note': '決済' } });
    case 'badname':
      return api.error('THING_NOT_FOUND', { name: 'x' }, { headers: { 'x note': 'v' } });
    default: {
      const ms = { nan: Number.NaN, negative: -5, infinity: Number.POSITIVE_INFINITY, huge: 1e300 }[kind];
      return api.error('RATE_LIMITED', {}, { retryAfterMs: ms ?? 1 });
    }
  }
}

/**
 * What `/hostile` throws and what the hook does, set by the property-based test before each
 * request (server and client share this process, and it sends one request at a time).
 */
export const hostile: { value: unknown; hook: ((e: ErrorEvent) => unknown) | undefined } = {
  value: undefined,
  hook: undefined,
};

/** Headers `/dirty` sets before it throws: representation and caching headers, and one CORS header to keep. */
export const DIRTY: Readonly<Record<string, string>> = {
  'content-length': '9999',
  'content-encoding': 'gzip',
  'content-range': 'bytes 0-9/10',
  'cache-control': 'public, max-age=600',
  etag: '"v1"',
  'last-modified': 'Tue, 01 Dec 2026 00:00:00 GMT',
  'access-control-allow-origin': '*',
};

export const userSchema = z.object({
  name: z.string().min(1),
  age: z.number().int().min(0),
  tags: z.array(z.string()).max(3),
  address: z.object({ 'zip/code': z.string().regex(/^\d{5}$/) }),
});

export const itemsSchema = z.array(z.string().min(2));

export const tick = () => new Promise<void>((r) => setTimeout(r, 1));

export const BODY_LIMIT = 1024;

/** The options every adapter is configured with; `events` collects what the hook saw. */
export function suiteOptions(): { options: ServerOptions; events: ErrorEvent[] } {
  const events: ErrorEvent[] = [];
  return {
    events,
    options: {
      catalog: api,
      dialects: { envelope, tiny },
      // Whatever the client names, unknown names included (they fall back to the default).
      dialect: (ctx) => new URL(ctx.url ?? '/', 'http://x').searchParams.get('dialect') ?? undefined,
      onError: (e) => {
        if (events.length < 100) events.push(e);
        return hostile.hook?.(e);
      },
      challenge: 'Bearer realm="testapi", error="invalid_token"',
      routes: { 'GET /declared/:what': ['THING_NOT_FOUND'] },
      development: true,
    },
  };
}

/*
 * Routes each adapter's app must serve:
 *   GET  /ok                  → 200 {"ok":true}
 *   GET  /things/:name        → throw api.error('THING_NOT_FOUND', {name})
 *   GET  /async/things/:name  → await tick(); same
 *   GET  /guarded             → a middleware throws api.error('UNAUTHORIZED'); handler answers 200
 *   GET  /rate                → throw api.error('RATE_LIMITED')
 *   GET  /boom/:kind          → throw leaky(kind)
 *   POST /echo                → the framework's JSON body parsing, limit BODY_LIMIT; answers the body
 *   POST /validate            → validate(userSchema, body); answers the value
 *   GET  /declared/:what      → what === 'thing' ? THING_NOT_FOUND : USAGE_LIMIT (undeclared)
 *   GET  /odd/:kind           → throw odd(kind)
 *   GET  /hostile             → throw hostile.value
 *   GET  /dirty               → sets the DIRTY headers (a fetch app adds CORS to every response), then throws THING_NOT_FOUND
 *   GET  /partial             → starts a 200 text/plain response ("partial"), then fails (Hono and fetch: its body stream errors)
 *   POST /items               → the body must be an array of strings of 2 characters or more (Fastify: its JSON schema; others: validate(itemsSchema))
 */
export function thrown(what: string): never {
  throw what === 'thing' ? api.error('THING_NOT_FOUND', { name: what }) : api.error('USAGE_LIMIT');
}

/** A 200 whose body stream fails after its first chunk: the response has started. */
export function failingStream(): Response {
  let sent = false;
  const body = new ReadableStream<Uint8Array>({
    pull(c) {
      if (sent) c.error(new Error('failed mid-body'));
      else c.enqueue(new TextEncoder().encode('partial'));
      sent = true;
    },
  });
  return new Response(body, { headers: { 'content-type': 'text/plain' } });
}
