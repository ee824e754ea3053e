/**
 * The errata demo API: a Hono app serving the barekey seed catalog (plus the
 * entries a server needs), with every error answered by errata, and its
 * contract served at /openapi.json: every route with every error it can send.
 * `createDemoApp()` returns the configured app; `examples/demo/server.ts` serves it.
 */

import type { ErrorHook } from 'errata';
import { dialects, failures } from 'errata';
import { generateHtml, generateMarkdown } from 'errata/docs';
import { errata } from 'errata/hono';
import { localize } from 'errata/i18n';
import { Hono, type MiddlewareHandler } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { z } from 'zod';
import { demoCatalog } from './catalog.js';
import { addDeviceFlow, deviceRoutes } from './device.js';
import { demoOpenApi } from './openapi.js';

export { demoCatalog } from './catalog.js';

export interface DemoOptions {
  /** Documentation base URL of the catalog: each error's `type` points into it. @default '/errors' */
  readonly docs?: string;
  /** Where unexpected exceptions are logged. @default console.error */
  readonly onError?: ErrorHook;
  /** Requests per minute to `/v1/usage` before it answers 429. @default 3 */
  readonly rateLimit?: number;
  /** How long a CLI device code lives. @default 600000 (10 minutes) */
  readonly deviceCodeTtlMs?: number;
  /** Called with each request as it arrives (a test counts them). */
  readonly onRequest?: (request: Request) => void;
}

export const DEMO_TOKEN = 'demo-token';

/**
 * Tokens of orgs in other states, each reaching one documented error of the
 * variables routes: a revoked membership, a free plan at its limit, an org
 * whose billing system is down.
 */
export const DEMO_ORG_TOKENS = {
  revoked: 'revoked-token',
  free: 'free-token',
  outage: 'outage-token',
} as const;

/** A stored variable that cannot be decrypted: reading it answers EVALUATION_FAILED. */
export const BROKEN_VARIABLE = 'production/BROKEN_SECRET';

const variableInput = z.object({
  stage: z.enum(['development', 'staging', 'production']),
  name: z.string().regex(/^[A-Z][A-Z0-9_]*$/, 'must be UPPER_SNAKE_CASE'),
  value: z.string().max(1000),
  chance: z.number().min(0).max(1).optional(),
  /** The org the caller means; it must be the token's (`demo`). */
  orgSlug: z.string().optional(),
});

// Errors of the caller's org, checked on every variables call.
const orgErrors = ['ORG_SCOPE_INVALID', 'USAGE_LIMIT_EXCEEDED', 'BILLING_UNAVAILABLE'];

/** What each route may answer beside its success: the spec at /openapi.json lists exactly these. */
const routes = {
  'GET /': [],
  'GET /v1/variables/:stage/:name': ['UNAUTHORIZED', ...orgErrors, 'VARIABLE_NOT_FOUND', 'EVALUATION_FAILED'],
  'POST /v1/variables': [
    'UNAUTHORIZED',
    ...orgErrors,
    'INVALID_ORG_SCOPE',
    'INVALID_REQUEST',
    'INVALID_JSON',
    'PAYLOAD_TOO_LARGE',
    'UNSUPPORTED_MEDIA_TYPE',
  ],
  ...deviceRoutes,
  'GET /v1/usage': ['RATE_LIMITED'],
  'GET /v1/crash': [],
  'GET /errors': [],
  'GET /errors.md': [],
  'GET /openapi.json': [],
} satisfies Record<string, string[]>;

/** Builds the demo app; nothing is listening yet. */
export function createDemoApp(options: DemoOptions = {}) {
  const api = demoCatalog(options.docs);
  const app = new Hono();
  if (options.onRequest !== undefined) {
    const seen = options.onRequest;
    app.use(async (c, next) => {
      seen(c.req.raw);
      await next();
    });
  }
  const errors = errata(app, {
    catalog: api,
    // `?dialect=problem` (or any registered dialect) chooses per request; so does `Accept: application/problem+json`.
    dialect: (ctx) => {
      const q = ctx.url === undefined ? null : new URL(ctx.url, 'http://x').searchParams.get('dialect');
      // Own properties only: `?dialect=constructor` names no dialect.
      return q !== null && Object.hasOwn(dialects, q) ? q : undefined;
    },
    challenge: 'Bearer realm="barekey", error="invalid_token"',
    // Each error in the caller's language (Accept-Language: fr), with Content-Language and Vary.
    localize: localize(api),
    // Any handler may fail unexpectedly: every route declares the (masked) internal error too.
    routes: Object.fromEntries(
      Object.entries(routes).map(([route, ids]) => [route, [...ids, 'INTERNAL_ERROR']]),
    ),
    ...(options.onError !== undefined && { onError: options.onError }),
  });

  const variables = new Map([
    ['production/API_URL', 'https://api.example.com'],
    [BROKEN_VARIABLE, '\u0000sealed with a key that is gone'],
  ]);
  const hits = new Map<string, number[]>();
  const limit = options.rateLimit ?? 3;

  // The demo org's tokens: the demo token and those the device flow issues.
  const issued = new Set([DEMO_TOKEN]);
  const auth: MiddlewareHandler = async (c, next) => {
    const token = /^Bearer (\S+)$/.exec(c.req.header('authorization') ?? '')?.[1] ?? '';
    if (token === DEMO_ORG_TOKENS.revoked) throw api.error('ORG_SCOPE_INVALID');
    if (!issued.has(token) && token !== DEMO_ORG_TOKENS.free && token !== DEMO_ORG_TOKENS.outage)
      throw api.error('UNAUTHORIZED');
    await next();
  };
  const billing: MiddlewareHandler = async (c, next) => {
    const token = c.req.header('authorization');
    if (token === `Bearer ${DEMO_ORG_TOKENS.free}`) throw api.error('USAGE_LIMIT_EXCEEDED');
    if (token === `Bearer ${DEMO_ORG_TOKENS.outage}`) throw api.error('BILLING_UNAVAILABLE');
    await next();
  };
  // Hono's JSON validator reads any other media type as an empty object: a non-JSON body is a 415 here.
  const jsonOnly: MiddlewareHandler = async (c, next) => {
    if (!/^application\/(?:[\w.+-]+\+)?json\s*(?:;|$)/i.test(c.req.header('content-type') ?? ''))
      throw failures.unsupportedMediaType();
    await next();
  };

  app.get('/', (c) =>
    c.json({
      name: 'errata demo',
      token: DEMO_TOKEN,
      routes: [
        'GET  /v1/variables/:stage/:name   (Authorization: Bearer demo-token)',
        'POST /v1/variables                 (JSON body, validated with zod)',
        'POST /v1/cli/device/start, /v1/cli/device/complete, /v1/cli/device/token, /v1/cli/token/refresh',
        `GET  /v1/usage                     (${limit} per minute, then 429)`,
        'GET  /v1/crash                     (an unexpected exception, masked)',
        'GET  /errors, /errors.md           (the error reference)',
        'GET  /openapi.json                 (every route with every error it can send)',
      ],
      dialects: Object.keys(dialects),
    }),
  );

  app.get('/v1/variables/:stage/:name', auth, billing, (c) => {
    const { stage, name } = c.req.param();
    const value = variables.get(`${stage}/${name}`);
    if (value === undefined) throw api.error('VARIABLE_NOT_FOUND', { name, stage });
    if (`${stage}/${name}` === BROKEN_VARIABLE) throw api.error('EVALUATION_FAILED');
    return c.json({ stage, name, value });
  });

  app.post(
    '/v1/variables',
    auth,
    billing,
    jsonOnly,
    bodyLimit({ maxSize: 16 * 1024 }),
    errors.validator('json', variableInput),
    (c) => {
      const v = c.req.valid('json');
      if (v.orgSlug !== undefined && v.orgSlug !== 'demo') throw api.error('INVALID_ORG_SCOPE');
      variables.set(`${v.stage}/${v.name}`, v.value);
      return c.json({ stage: v.stage, name: v.name, value: v.value }, 201);
    },
  );

  addDeviceFlow(app, api, errors, auth, (token) => issued.add(token), options.deviceCodeTtlMs);

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

  // The reference and the contract, from the same catalog: every `type` the API sends resolves to an entry.
  const html = generateHtml(api.model, { dialect: 'problem' });
  const markdown = generateMarkdown(api.model, { dialect: 'problem' });
  const openapi = JSON.stringify(
    demoOpenApi(api.model, errors.declarations(), {
      variableInput: z.toJSONSchema(variableInput, { target: 'draft-2020-12' }),
      dialects: Object.keys(dialects),
    }),
    null,
    2,
  );
  app.get('/errors', (c) => c.html(html));
  app.get('/errors.md', (c) => c.body(markdown, 200, { 'content-type': 'text/markdown; charset=utf-8' }));
  app.get('/openapi.json', (c) => c.body(openapi, 200, { 'content-type': 'application/json' }));

  return app;
}
