// The application every adapter serves in the shared suite: one catalog, the
// same routes and the same behaviours, so the same cases run against each.
import { forbidden } from '@hapi/boom';
import createHttpError from 'http-errors';
import { z } from 'zod';
import { defineCatalog } from '../../src/catalog/define.js';
import { publicMessage } from '../../src/dialects/_common.js';
import type { Dialect } from '../../src/dialects/types.js';
import type { ErrorEvent, ServerOptions } from '../../src/server/respond.js';

export const api = defineCatalog({
  name: 'testapi',
  docs: 'https://docs.example.com/testapi/errors',
  errors: {
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
  },
});

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
    default:
      return new TypeError(`unknown kind ${SECRETS[1]}`);
  }
}

export const userSchema = z.object({
  name: z.string().min(1),
  age: z.number().int().min(0),
  tags: z.array(z.string()).max(3),
  address: z.object({ 'zip/code': z.string().regex(/^\d{5}$/) }),
});

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
      dialect: (ctx) => (ctx.url?.includes('dialect=envelope') ? 'envelope' : undefined),
      onError: (e) => {
        if (events.length < 100) events.push(e);
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
 */
export function thrown(what: string): never {
  throw what === 'thing' ? api.error('THING_NOT_FOUND', { name: what }) : api.error('USAGE_LIMIT');
}
