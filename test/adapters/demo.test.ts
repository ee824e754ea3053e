import { createRequire } from 'node:module';
import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';
import { createConfig, lintFromString } from '@redocly/openapi-core';
import type Validator from 'openapi-response-validator';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDemoApp } from '../../examples/demo/app.js';
import { dialects } from '../../src/dialects/index.js';
import type { ErrorEvent } from '../../src/server/respond.js';

async function listen(app: ReturnType<typeof createDemoApp>) {
  const server = await new Promise<ReturnType<typeof serve>>((resolve) => {
    const s = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' }, () => resolve(s));
  });
  return { server, base: `http://127.0.0.1:${(server.address() as AddressInfo).port}` };
}

describe('demo app', () => {
  let base: string;
  let server: ReturnType<typeof serve>;
  const events: ErrorEvent[] = [];
  beforeAll(async () => {
    ({ server, base } = await listen(createDemoApp({ onError: (e) => void events.push(e), rateLimit: 2 })));
  });
  afterAll(() => new Promise<void>((r) => server.close(() => r())));
  const auth = { authorization: 'Bearer demo-token' };
  const get = async (path: string, headers: Record<string, string> = {}) => {
    const res = await fetch(base + path, { headers });
    return { res, body: (await res.json()) as Record<string, unknown> };
  };

  it('lists its routes', async () => {
    const { res, body } = await get('/');
    expect(res.status).toBe(200);
    expect(body.token).toBe('demo-token');
  });

  it('answers 401 with its challenge, as RFC 9457 by default', async () => {
    const { res, body } = await get('/v1/variables/production/API_URL');
    expect(res.status).toBe(401);
    expect(res.headers.get('www-authenticate')).toBe('Bearer realm="barekey", error="invalid_token"');
    expect(res.headers.get('content-type')).toBe('application/problem+json');
    expect(body.code).toBe('UNAUTHORIZED');
    const seed = await get('/v1/variables/production/API_URL?dialect=barekey');
    expect((seed.body.error as { code: string }).code).toBe('UNAUTHORIZED');
  });

  it('serves a variable, and a 404 for a missing one', async () => {
    expect((await get('/v1/variables/production/API_URL', auth)).body.value).toBe('https://api.example.com');
    const { res, body } = await get('/v1/variables/staging/MISSING', auth);
    expect(res.status).toBe(404);
    expect(body.code).toBe('VARIABLE_NOT_FOUND');
  });

  it('chooses the dialect per request: ?dialect= or Accept', async () => {
    const q = await get('/v1/variables/staging/MISSING?dialect=problem', auth);
    expect(q.res.headers.get('content-type')).toBe('application/problem+json');
    expect(q.body).toMatchObject({
      status: 404,
      code: 'VARIABLE_NOT_FOUND',
      type: '/errors#VARIABLE_NOT_FOUND',
    });
    const a = await get('/v1/variables/staging/MISSING', { ...auth, accept: 'application/problem+json' });
    expect(a.res.headers.get('content-type')).toBe('application/problem+json');
    const o = await get('/v1/variables/staging/MISSING?dialect=openai', auth);
    expect((o.body.error as { code: string }).code).toBe('VARIABLE_NOT_FOUND');
  });

  it('lists every validation error with JSON Pointers, and answers bad JSON and unknown routes', async () => {
    const post = (body: string) =>
      fetch(`${base}/v1/variables?dialect=problem`, {
        method: 'POST',
        headers: { ...auth, 'content-type': 'application/json' },
        body,
      });
    const bad = await post(JSON.stringify({ stage: 'qa', name: 'lower', value: 3, chance: 2 }));
    expect(bad.status).toBe(400);
    const problem = (await bad.json()) as { code: string; errors: { pointer: string }[] };
    expect(problem.code).toBe('INVALID_REQUEST');
    expect(problem.errors.map((e) => e.pointer).sort()).toEqual(['#/chance', '#/name', '#/stage', '#/value']);
    const broken = await post('{"stage":');
    expect(broken.status).toBe(400);
    expect(((await broken.json()) as { code: string }).code).toBe('INVALID_JSON');
    const ok = await post(JSON.stringify({ stage: 'staging', name: 'NEW_VAR', value: 'v' }));
    expect(ok.status).toBe(201);
    const nowhere = await get('/v2/nothing');
    expect(nowhere.res.status).toBe(404);
    const method = await fetch(`${base}/v1/crash`, { method: 'POST' });
    expect(method.status).toBe(405);
    expect(method.headers.get('allow')).toBe('GET, HEAD');
  });

  it('answers 429 with Retry-After once the limit is used', async () => {
    expect((await get('/v1/usage')).res.status).toBe(200);
    expect((await get('/v1/usage')).res.status).toBe(200);
    const { res, body } = await get('/v1/usage');
    expect(res.status).toBe(429);
    expect(Number(res.headers.get('retry-after'))).toBeGreaterThan(50);
    expect(Number(res.headers.get('retry-after'))).toBeLessThanOrEqual(60);
    expect(body.code).toBe('RATE_LIMITED');
  });

  it('masks an unexpected exception and logs it', async () => {
    events.length = 0;
    const res = await fetch(`${base}/v1/crash`, { headers: { 'x-request-id': 'demo-1' } });
    expect(res.status).toBe(500);
    const text = await res.text();
    expect(text).not.toContain('s3cret');
    expect(text).toContain('demo-1');
    expect(events[0]?.kind).toBe('unexpected');
    const cause = events[0]?.cause as Error;
    expect(cause.message).toContain('s3cret');
  });
});

// A CommonJS package whose `default` export is the class: required, as Node loads it, whatever the bundler's interop.
const OpenAPIResponseValidator = (
  createRequire(import.meta.url)('openapi-response-validator') as { default: typeof Validator.default }
).default;

type Obj = Record<string, unknown>;
interface Spec {
  paths: Record<string, Record<string, { responses: Record<string, Obj> }>>;
  components: { responses: Record<string, Obj>; schemas: Obj };
}

/** A request to the demo, and the operation of the spec it reaches (none for an unknown route or method). */
interface Case {
  readonly name: string;
  readonly method: string;
  readonly path: string;
  readonly operation?: string;
  readonly headers?: Record<string, string>;
  readonly body?: string;
  readonly status: number;
}

const auth = { authorization: 'Bearer demo-token' };
const asJson = { ...auth, 'content-type': 'application/json' };
const cases: Case[] = [
  { name: 'the index', method: 'GET', path: '/', operation: '/', status: 200 },
  {
    name: 'a variable',
    method: 'GET',
    path: '/v1/variables/production/API_URL',
    operation: '/v1/variables/{stage}/{name}',
    headers: auth,
    status: 200,
  },
  {
    name: 'no token',
    method: 'GET',
    path: '/v1/variables/production/API_URL',
    operation: '/v1/variables/{stage}/{name}',
    status: 401,
  },
  {
    name: 'a missing variable',
    method: 'GET',
    path: '/v1/variables/staging/MISSING',
    operation: '/v1/variables/{stage}/{name}',
    headers: auth,
    status: 404,
  },
  {
    name: 'a variable set',
    method: 'POST',
    path: '/v1/variables',
    operation: '/v1/variables',
    headers: asJson,
    body: JSON.stringify({ stage: 'staging', name: 'NEW_VAR', value: 'v' }),
    status: 201,
  },
  {
    name: 'a body failing validation',
    method: 'POST',
    path: '/v1/variables',
    operation: '/v1/variables',
    headers: asJson,
    body: JSON.stringify({ stage: 'qa', name: 'lower', value: 3 }),
    status: 400,
  },
  {
    name: 'malformed JSON',
    method: 'POST',
    path: '/v1/variables',
    operation: '/v1/variables',
    headers: asJson,
    body: '{"stage":',
    status: 400,
  },
  {
    name: 'a body that is not JSON (415)',
    method: 'POST',
    path: '/v1/variables',
    operation: '/v1/variables',
    headers: { ...auth, 'content-type': 'text/plain' },
    body: 'hello',
    status: 415,
  },
  {
    name: 'a body too large (413)',
    method: 'POST',
    path: '/v1/variables',
    operation: '/v1/variables',
    headers: asJson,
    body: JSON.stringify({ value: 'x'.repeat(20_000) }),
    status: 413,
  },
  { name: 'usage', method: 'GET', path: '/v1/usage', operation: '/v1/usage', status: 200 },
  { name: 'usage, once more', method: 'GET', path: '/v1/usage', operation: '/v1/usage', status: 200 },
  {
    name: 'usage over the limit (429)',
    method: 'GET',
    path: '/v1/usage',
    operation: '/v1/usage',
    status: 429,
  },
  { name: 'a crash, masked (500)', method: 'GET', path: '/v1/crash', operation: '/v1/crash', status: 500 },
  { name: 'the HTML reference', method: 'GET', path: '/errors', operation: '/errors', status: 200 },
  { name: 'the Markdown reference', method: 'GET', path: '/errors.md', operation: '/errors.md', status: 200 },
  { name: 'the contract', method: 'GET', path: '/openapi.json', operation: '/openapi.json', status: 200 },
  { name: 'an unknown route (404)', method: 'GET', path: '/v2/nothing', status: 404 },
  { name: 'a method the route does not take (405)', method: 'DELETE', path: '/v1/crash', status: 405 },
  {
    name: 'a method the path does not take (405)',
    method: 'PUT',
    path: '/v1/variables',
    headers: asJson,
    status: 405,
  },
];

describe('the demo publishes its whole contract: /openapi.json', () => {
  let base: string;
  let server: ReturnType<typeof serve>;
  let app: ReturnType<typeof createDemoApp>;
  let spec: Spec;
  beforeAll(async () => {
    app = createDemoApp({ onError: () => {}, rateLimit: 2 });
    ({ server, base } = await listen(app));
    spec = (await (await fetch(`${base}/openapi.json`)).json()) as Spec;
  });
  afterAll(() => new Promise<void>((r) => server.close(() => r())));

  /** The spec's response for a status: the operation's, or for a request no operation takes, the reusable one. */
  const responseFor = (c: Case, status: number): Obj | undefined => {
    const declared =
      c.operation === undefined
        ? spec.components.responses[`ErrataError${status}`]
        : spec.paths[c.operation]?.[c.method.toLowerCase()]?.responses[String(status)];
    const ref = declared?.$ref;
    return typeof ref === 'string'
      ? spec.components.responses[ref.replace('#/components/responses/', '')]
      : declared;
  };
  const validate = (response: Obj, status: number, body: unknown) =>
    new OpenAPIResponseValidator({
      responses: { [status]: response } as never,
      components: spec.components as never,
    }).validateResponse(status, body);

  it('describes every route the app serves, each with the responses of every error it declares', () => {
    const served = new Set(
      app.routes
        .filter((r) => r.method !== 'ALL')
        .map((r) => `${r.method.toLowerCase()} ${r.path.replace(/:(\w+)/g, '{$1}')}`),
    );
    const described = new Set(
      Object.entries(spec.paths).flatMap(([path, item]) => Object.keys(item).map((m) => `${m} ${path}`)),
    );
    expect([...described].sort()).toEqual([...served].sort());
    const post = spec.paths['/v1/variables']?.post?.responses ?? {};
    // Org-scoped calls also answer ORG_SCOPE_INVALID (403), USAGE_LIMIT_EXCEEDED (402), BILLING_UNAVAILABLE (503).
    expect(Object.keys(post).sort()).toEqual(['201', '400', '401', '402', '403', '413', '415', '500', '503']);
    expect(Object.keys(spec.paths['/v1/usage']?.get?.responses ?? {}).sort()).toEqual(['200', '429', '500']);
    expect(Object.keys(spec.paths['/v1/crash']?.get?.responses ?? {})).toEqual(['500']);
  });

  it.each(cases)('$name: $method $path answers $status, valid against the spec', async (c) => {
    const res = await fetch(base + c.path, {
      method: c.method,
      ...(c.headers !== undefined && { headers: c.headers }),
      ...(c.body !== undefined && { body: c.body }),
    });
    expect(res.status).toBe(c.status);
    const response = responseFor(c, res.status);
    expect(response, `no response ${res.status} for ${c.method} ${c.operation ?? c.path}`).toMatchObject({
      content: expect.any(Object),
    });
    const content = (response as { content: Record<string, unknown> }).content;
    const type = (res.headers.get('content-type') ?? '').split(';')[0]?.trim() as string;
    expect(Object.keys(content)).toContain(type);
    const text = await res.text();
    const body = type.endsWith('json') ? JSON.parse(text) : text;
    expect(validate(response as Obj, res.status, body)).toBeUndefined();
    // Every header the error sends beside its Content-Type is documented on its response.
    const documented = Object.keys((response as { headers?: Obj }).headers ?? {}).map((h) => h.toLowerCase());
    for (const h of ['retry-after', 'www-authenticate'])
      if (res.headers.has(h)) expect(documented, `${h} on ${res.status}`).toContain(h);
  });

  const errorCases = cases.filter((c) => c.status >= 400);
  it.each(Object.keys(dialects).filter((d) => d !== 'problem'))(
    '?dialect=%s: every error response is valid against the schema of its media type',
    async (dialect) => {
      for (const c of errorCases) {
        const res = await fetch(`${base}${c.path}?dialect=${dialect}`, {
          method: c.method,
          // The rate limit counts per caller: each dialect is a caller of its own.
          headers: { ...c.headers, 'x-forwarded-for': dialect },
          ...(c.body !== undefined && { body: c.body }),
        });
        const label = `${c.name} in ${dialect}`;
        // The 429 needs the two calls before it: the others answer as in the default dialect.
        if (c.status !== 429) expect(res.status, label).toBe(c.status);
        const response = responseFor(c, res.status) as { content: Record<string, { schema: Obj }> };
        const type = (res.headers.get('content-type') ?? '').split(';')[0]?.trim() as string;
        expect(Object.keys(response.content), `${label}: no ${type} content`).toContain(type);
        const schema = response.content[type]?.schema;
        const body = JSON.parse(await res.text());
        expect(validate({ schema } as Obj, res.status, body), label).toBeUndefined();
      }
    },
  );

  it('passes the Redocly validator', async () => {
    const config = await createConfig({ extends: ['minimal'] });
    const problems = await lintFromString({
      source: JSON.stringify(spec),
      absoluteRef: '/openapi.json',
      config,
    });
    expect(problems.filter((p) => p.severity === 'error').map((p) => p.message)).toEqual([]);
  });

  it('is checked by a validator that rejects what the spec does not describe', () => {
    const notFound = responseFor({ name: '', method: 'GET', path: '/x', status: 404 }, 404) as Obj;
    const unknownCode = { title: 'Not Found', status: 404, code: 'not_found', detail: 'No route.' };
    expect(validate(notFound, 404, unknownCode)).toMatchObject({ message: 'The response was not valid.' });
    const post = responseFor(cases[4] as Case, 201) as Obj;
    expect(validate(post, 201, { stage: 'staging', name: 'X' })).toMatchObject({
      message: 'The response was not valid.',
    });
  });
});
