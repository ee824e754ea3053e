/**
 * The errata demo API: a Hono app serving the barekey seed catalog (plus one
 * rate-limit entry), with every error answered by errata. `createDemoApp()`
 * returns the configured app; `examples/demo/server.ts` serves it.
 */
import { readFileSync } from 'node:fs';
import { Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { z } from 'zod';
import { errata } from '../../src/adapters/hono.js';
import { createCatalog } from '../../src/catalog/define.js';
import { normalizeDocument } from '../../src/catalog/load.js';
import { dialects } from '../../src/dialects/index.js';
import type { ErrorHook } from '../../src/server/respond.js';

export interface DemoOptions {
  /** Documentation base URL of the catalog: each error's `type` points into it. @default '/errors' */
  readonly docs?: string;
  /** Where unexpected exceptions are logged. @default console.error */
  readonly onError?: ErrorHook;
  /** Requests per minute to `/v1/usage` before it answers 429. @default 3 */
  readonly rateLimit?: number;
}

const DEMO_TOKEN = 'demo-token';

/** The barekey seed catalog, with a rate-limit entry added (the seed has none). */
export function demoCatalog(docs = '/errors') {
  const file = new URL('../catalogs/barekey.json', import.meta.url);
  const doc = JSON.parse(readFileSync(file, 'utf8')) as {
    categories: string[];
    errors: Record<string, unknown>;
  };
  const model = normalizeDocument(
    {
      ...doc,
      docs,
      // RFC 9457 by default; the seed's own envelope with ?dialect=barekey.
      dialect: 'problem',
      categories: [...doc.categories, 'Rate limits'],
      errors: {
        ...doc.errors,
        RATE_LIMITED: {
          status: 429,
          category: 'Rate limits',
          title: 'Too many requests',
          message: 'Too many requests: {limit:integer} per minute. Retry after the delay in Retry-After.',
          retry: { retryable: true, strategy: 'after', afterMs: 60_000 },
          remediation: 'Wait for the number of seconds in the Retry-After header, then retry.',
        },
      },
    },
    'examples/catalogs/barekey.json (demo)',
  );
  return createCatalog(model);
}

const variableInput = z.object({
  stage: z.enum(['development', 'staging', 'production']),
  name: z.string().regex(/^[A-Z][A-Z0-9_]*$/, 'must be UPPER_SNAKE_CASE'),
  value: z.string().max(1000),
  chance: z.number().min(0).max(1).optional(),
});

/** Builds the demo app; nothing is listening yet. */
export function createDemoApp(options: DemoOptions = {}) {
  const api = demoCatalog(options.docs);
  const app = new Hono();
  const errors = errata(app, {
    catalog: api,
    // `?dialect=problem` (or any registered dialect) chooses per request; so does `Accept: application/problem+json`.
    dialect: (ctx) => {
      const q = ctx.url === undefined ? null : new URL(ctx.url, 'http://x').searchParams.get('dialect');
      // Own properties only: `?dialect=constructor` names no dialect.
      return q !== null && Object.hasOwn(dialects, q) ? q : undefined;
    },
    challenge: 'Bearer realm="barekey", error="invalid_token"',
    routes: {
      'GET /v1/variables/:stage/:name': ['UNAUTHORIZED', 'VARIABLE_NOT_FOUND'],
      'POST /v1/variables': ['UNAUTHORIZED', 'INVALID_REQUEST', 'INVALID_JSON'],
      'GET /v1/usage': ['RATE_LIMITED'],
    },
    ...(options.onError !== undefined && { onError: options.onError }),
  });

  const variables = new Map([['production/API_URL', 'https://api.example.com']]);
  const hits = new Map<string, number[]>();
  const limit = options.rateLimit ?? 3;

  const auth = async (
    c: { req: { header(name: string): string | undefined } },
    next: () => Promise<void>,
  ) => {
    if (c.req.header('authorization') !== `Bearer ${DEMO_TOKEN}`) throw api.error('UNAUTHORIZED');
    await next();
  };

  app.get('/', (c) =>
    c.json({
      name: 'errata demo',
      token: DEMO_TOKEN,
      routes: [
        'GET  /v1/variables/:stage/:name   (Authorization: Bearer demo-token)',
        'POST /v1/variables                 (JSON body, validated with zod)',
        `GET  /v1/usage                     (${limit} per minute, then 429)`,
        'GET  /v1/crash                     (an unexpected exception, masked)',
      ],
      dialects: Object.keys(dialects),
    }),
  );

  app.get('/v1/variables/:stage/:name', auth, (c) => {
    const { stage, name } = c.req.param();
    const value = variables.get(`${stage}/${name}`);
    if (value === undefined) throw api.error('VARIABLE_NOT_FOUND', { name, stage });
    return c.json({ stage, name, value });
  });

  app.post(
    '/v1/variables',
    auth,
    bodyLimit({ maxSize: 16 * 1024 }),
    errors.validator('json', variableInput),
    (c) => {
      const v = c.req.valid('json');
      variables.set(`${v.stage}/${v.name}`, v.value);
      return c.json({ stage: v.stage, name: v.name, value: v.value }, 201);
    },
  );

  app.get('/v1/usage', (c) => {
    const who = c.req.header('x-forwarded-for') ?? 'local';
    const now = Date.now();
    const recent = (hits.get(who) ?? []).filter((t) => now - t < 60_000);
    if (recent.length >= limit) {
      const retryAfterMs = 60_000 - (now - (recent[0] as number));
      throw api.error('RATE_LIMITED', { limit }, { retryAfterMs });
    }
    recent.push(now);
    hits.set(who, recent);
    return c.json({ used: recent.length, limit });
  });

  app.get('/v1/crash', () => {
    // A bug: the exception's message holds a connection string. The caller sees only the masked 500.
    throw new Error('connect ECONNREFUSED postgres://demo:s3cret@10.0.0.5:5432/variables');
  });

  return app;
}
