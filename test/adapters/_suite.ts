// One suite, every adapter: the same cases against a real server on 127.0.0.1.
import http from 'node:http';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ErrorEvent, ServerOptions } from '../../src/server/respond.js';
import { type ErrataMatchers, errataMatchers } from '../../src/testing/index.js';
import { api, BODY_LIMIT, SECRETS, suiteOptions } from './_app.js';
import { hardeningCases } from './_hardening.js';
import { call, expectNoLeak } from './_http.js';

declare module 'vitest' {
  // biome-ignore lint/suspicious/noExplicitAny: vitest's own declaration reads `T = any`
  interface Matchers<T = any> extends ErrataMatchers<T> {}
}
expect.extend(errataMatchers);

export interface Running {
  /** `http://127.0.0.1:PORT` */
  readonly url: string;
  close(): Promise<void>;
}
export type Start = (options: ServerOptions) => Promise<Running>;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const TYPE = 'https://docs.example.com/testapi/errors#';

/** Runs the shared cases against one adapter. */
export function adapterSuite(name: string, start: Start): void {
  describe(`${name} adapter (shared suite)`, () => {
    let server: Running;
    let events: ErrorEvent[];
    let base: string;
    beforeAll(async () => {
      const s = suiteOptions();
      events = s.events;
      server = await start(s.options);
      base = server.url;
    });
    afterAll(() => server?.close());
    const take = () => events.splice(0, events.length);

    it('serves a route that succeeds', async () => {
      const a = await call(base, '/ok');
      expect(a.status).toBe(200);
      expect(a.json).toEqual({ ok: true });
    });

    it('answers a catalog error thrown in a handler in the dialect, pinned', async () => {
      const a = await call(base, '/things/widget', { headers: { 'x-request-id': 'req-abc.123' } });
      expect(a.status).toBe(404);
      expect(a.headers.get('content-type')).toBe('application/problem+json');
      expect(a.headers.get('x-request-id')).toBe('req-abc.123');
      expect(a.text).toBe(
        `{"type":"${TYPE}THING_NOT_FOUND","title":"Not Found","status":404,"code":"THING_NOT_FOUND","detail":"No thing named widget.","instance":"/things/widget","requestId":"req-abc.123"}`,
      );
      expect(a).toBeErrataError('THING_NOT_FOUND', { catalog: api, message: 'No thing named widget.' });
    });

    it('answers a catalog error thrown in async code', async () => {
      const a = await call(base, '/async/things/gadget');
      expect(a.status).toBe(404);
      expect(a.json.detail).toBe('No thing named gadget.');
      expect(a.headers.get('x-request-id')).toMatch(UUID);
      expect(a.json.requestId).toBe(a.headers.get('x-request-id'));
    });

    it('answers a catalog error thrown in middleware, a 401 with its challenge', async () => {
      const a = await call(base, '/guarded');
      expect(a.status).toBe(401);
      expect(a.json.code).toBe('UNAUTHORIZED');
      expect(a.headers.get('www-authenticate')).toBe('Bearer realm="testapi", error="invalid_token"');
      expect(a).toConformTo(api);
    });

    it('sends Retry-After where the entry states a delay', async () => {
      const a = await call(base, '/rate');
      expect(a.status).toBe(429);
      expect(a.headers.get('retry-after')).toBe('30');
      expect(a.json.code).toBe('RATE_LIMITED');
      expect(a).toConformTo(api);
    });

    it('masks an unknown exception as the internal error and gives it to the hook', async () => {
      take();
      const a = await call(base, '/boom/secret', { headers: { 'x-request-id': 'trace-1' } });
      expect(a.status).toBe(500);
      expect(a.json).toMatchObject({
        code: 'INTERNAL',
        status: 500,
        detail: 'An internal error occurred.',
        requestId: 'trace-1',
      });
      expectNoLeak(a);
      const [e] = take();
      expect(e?.kind).toBe('unexpected');
      expect(e?.requestId).toBe('trace-1');
      const cause = e?.cause as Error;
      expect(cause.message).toContain(SECRETS[0]);
      expect(cause.stack).toContain('leaky');
    });

    it('leaks nothing of secrets, database errors, circular causes, non-errors or foreign headers', async () => {
      for (const kind of [
        'secret',
        'db',
        'circular',
        'string',
        'object',
        'catalog5xx',
        'headers',
        'http500',
        'proxy',
        'x',
      ]) {
        for (const dialect of ['', '?dialect=envelope']) {
          const a = await call(base, `/boom/${kind}${dialect}`, { headers: { accept: 'application/json' } });
          expect(a.status, kind).toBe(kind === 'catalog5xx' ? 503 : 500);
          expect(a.headers.get('x-leak')).toBeNull();
          expect(a.headers.get('set-cookie')).toBeNull();
          expectNoLeak(a);
          if (dialect === '') expect(a).toConformTo(api);
        }
      }
      const kinds = take().map((e) => e.kind);
      expect(kinds).toContain('server');
      expect(kinds.filter((k) => k === 'unexpected').length).toBe(18);
    });

    it("answers a framework's own client error (http-errors, Boom) by its status, not its message", async () => {
      const unauthorized = await call(base, '/boom/http401');
      expect(unauthorized.status).toBe(401);
      expect(unauthorized.json.code).toBe('UNAUTHORIZED');
      expect(unauthorized.headers.get('www-authenticate')).toMatch(/^Bearer realm="testapi"/);
      const limited = await call(base, '/boom/http429');
      expect([limited.status, limited.json.code]).toEqual([429, 'RATE_LIMITED']);
      expect(limited.headers.get('retry-after')).toBe('7');
      expect(limited.headers.get('x-leak')).toBeNull();
      const forbidden = await call(base, '/boom/boom403');
      expect([forbidden.status, forbidden.json.code]).toEqual([403, 'FORBIDDEN']);
      expect(forbidden.json.detail).toBe('The request is not allowed.');
      for (const a of [unauthorized, limited, forbidden]) {
        expect(a.headers.get('content-type')).toBe('application/problem+json');
        expectNoLeak(a);
      }
      expect(take()).toEqual([]);
    });

    it('replaces a hostile request id with a generated one', async () => {
      for (const bad of ['a'.repeat(200), '<script>x</script>', 'a b', 'x"y', '']) {
        const a = await call(base, '/things/x', { headers: { 'x-request-id': bad } });
        expect(a.headers.get('x-request-id')).toMatch(UUID);
      }
    });

    it('answers a malformed JSON body with the catalog 400', async () => {
      const a = await call(base, '/echo', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: '{"name": "x",',
      });
      expect(a.status).toBe(400);
      expect(a.json.code).toBe('INVALID_JSON');
      expect(a.headers.get('content-type')).toBe('application/problem+json');
      expectNoLeak(a);
    });

    it('answers a path that is not valid percent-encoding with the catalog 404, not a 500', async () => {
      const a = await call(base, '/things/%E0%A4%A');
      expect(a.status).toBe(404);
      expect(a.headers.get('content-type')).toBe('application/problem+json');
      expect(['NOT_FOUND', 'THING_NOT_FOUND']).toContain(a.json.code);
      expect(take().filter((e) => e.kind === 'unexpected')).toEqual([]);
      expectNoLeak(a);
    });

    it('echoes a well-formed JSON body', async () => {
      const a = await call(base, '/echo', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: '{"a":1}',
      });
      expect(a.status).toBe(200);
      expect(a.json).toEqual({ a: 1 });
    });

    it('answers a body over the limit with 413 (the built-in entry, in the app dialect)', async () => {
      const a = await call(base, '/echo', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ pad: 'x'.repeat(BODY_LIMIT * 4) }),
      });
      expect(a.status).toBe(413);
      expect(a.json).toMatchObject({ code: 'PAYLOAD_TOO_LARGE', status: 413 });
      expect(a.headers.get('content-type')).toBe('application/problem+json');
    });

    it('answers an unknown route with the catalog 404', async () => {
      const a = await call(base, '/nowhere/at-all?x=1');
      expect(a.status).toBe(404);
      expect(a.json).toMatchObject({ code: 'NOT_FOUND', detail: 'No route for GET /nowhere/at-all.' });
    });

    it('answers a method the route does not take with 405 and Allow', async () => {
      const a = await call(base, '/ok', { method: 'DELETE' });
      expect(a.status).toBe(405);
      expect(a.json.code).toBe('METHOD_NOT_ALLOWED');
      expect(a.headers.get('allow')).toMatch(/^GET\b/);
      expect(a.headers.get('allow')).not.toContain('DELETE');
      expect({ ...a, method: 'DELETE' }).toConformTo(api);
    });

    it('lists every field violation of a Standard Schema with JSON Pointers', async () => {
      const a = await call(base, '/validate', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ name: '', age: -1.5, tags: ['a', 2], address: { 'zip/code': 'abc' } }),
      });
      expect(a.status).toBe(400);
      expect(a.json.code).toBe('VALIDATION_FAILED');
      const pointers = (a.json.errors as { pointer: string }[]).map((e) => e.pointer).sort();
      expect(pointers).toEqual(['#/address/zip~1code', '#/age', '#/name', '#/tags/1']);
      expect(a).toBeErrataError('VALIDATION_FAILED', { catalog: api, status: 400 });
      for (const e of a.json.errors as { detail: string; code: string }[]) {
        expect(e.detail.length).toBeGreaterThan(0);
        expect(typeof e.code).toBe('string');
      }
    });

    it('answers valid input', async () => {
      const body = { name: 'n', age: 3, tags: [], address: { 'zip/code': '12345' } };
      const a = await call(base, '/validate', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(body),
      });
      expect(a.status).toBe(200);
      expect(a.json).toEqual(body);
    });

    it('chooses the dialect per request: a function of the request, then Accept', async () => {
      const env = await call(base, '/things/a?dialect=envelope', { headers: { 'x-request-id': 'r1' } });
      expect(env.headers.get('content-type')).toBe('application/json');
      expect(env.json).toEqual({
        error: { code: 'THING_NOT_FOUND', message: 'No thing named a.', requestId: 'r1' },
      });
      const t = await call(base, '/things/a', {
        headers: { accept: 'application/json;q=0.5, application/vnd.tiny+json', 'x-request-id': 'r2' },
      });
      expect(t.headers.get('content-type')).toBe('application/vnd.tiny+json');
      expect(t.json).toEqual({ c: 'THING_NOT_FOUND', r: 'r2' });
      expect(t.headers.get('x-request-id')).toBe('r2');
      const j = await call(base, '/things/a', {
        headers: { accept: 'application/json, application/vnd.tiny+json;q=0.1' },
      });
      expect(j.headers.get('content-type')).toBe('application/problem+json');
      const p = await call(base, '/things/a', { headers: { accept: 'application/problem+json' } });
      expect(p.headers.get('content-type')).toBe('application/problem+json');
    });

    it('serves declared errors and fails loudly (500, reported) on an undeclared one in development', async () => {
      take();
      const ok = await call(base, '/declared/thing');
      expect(ok.status).toBe(404);
      const bad = await call(base, '/declared/other');
      expect(bad.status).toBe(500);
      expect(bad.json.code).toBe('INTERNAL');
      const seen = take();
      expect(seen.map((e) => e.kind)).toEqual(['undeclared']);
      const cause = seen[0]?.cause as Error;
      expect(cause.message).toContain('USAGE_LIMIT');
      expect(cause.message).toContain('GET /declared/:what');
    });

    hardeningCases(start, () => ({ base, take }), {
      startsResponses: name === 'express' || name === 'fastify',
    });

    it('answers a bounded burst of 20,000 errors correctly with a flat heap', async () => {
      setFlagsFromString('--expose-gc');
      const gc = runInNewContext('gc') as () => void;
      const agent = new http.Agent({ keepAlive: true, maxSockets: 32 });
      const url = new URL(base);
      let wrong = 0;
      const one = (i: number) =>
        new Promise<void>((resolve, reject) => {
          const req = http.get(
            { host: url.hostname, port: url.port, path: `/things/n${i}`, agent, timeout: 5000 },
            (res) => {
              let body = '';
              res.setEncoding('utf8');
              res.on('data', (c: string) => {
                body += c;
              });
              res.on('end', () => {
                if (res.statusCode !== 404 || !body.includes(`"detail":"No thing named n${i}."`)) wrong++;
                resolve();
              });
            },
          );
          req.on('error', reject);
        });
      const burst = async (n: number) => {
        let next = 0;
        const deadline = Date.now() + 60_000;
        const worker = async () => {
          while (next < n && Date.now() < deadline) await one(next++);
        };
        await Promise.all(Array.from({ length: 32 }, worker));
        return next;
      };
      await burst(2000);
      gc();
      gc();
      const before = process.memoryUsage().heapUsed;
      const done = await burst(20_000);
      gc();
      gc();
      const after = process.memoryUsage().heapUsed;
      agent.destroy();
      expect(done).toBe(20_000);
      expect(wrong).toBe(0);
      // Client and server share this process; a leak of even 500 bytes per response would show as 10 MB.
      expect(after - before).toBeLessThan(8 * 1024 * 1024);
    }, 90_000);
  });
}
