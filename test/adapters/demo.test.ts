import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDemoApp } from '../../examples/demo/app.js';
import type { ErrorEvent } from '../../src/server/respond.js';

describe('demo app', () => {
  let base: string;
  let server: ReturnType<typeof serve>;
  const events: ErrorEvent[] = [];
  beforeAll(async () => {
    const app = createDemoApp({ onError: (e) => void events.push(e), rateLimit: 2 });
    server = await new Promise((resolve) => {
      const s = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' }, () => resolve(s));
    });
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
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
