// The shared suite's cases for a hostile client and a careless application:
// every adapter answers them alike.
import http from 'node:http';
import net from 'node:net';
import fc from 'fast-check';
import { expect, it } from 'vitest';
import type { ErrorEvent } from '../../src/server/respond.js';
import { api, hostile, kessai, SECRETS, suiteOptions } from './_app.js';
import { call, expectNoLeak } from './_http.js';
import type { Start } from './_suite.js';

interface Shared {
  readonly base: string;
  take(): ErrorEvent[];
}

/** Unhandled rejections and uncaught exceptions while `run` runs, and a few turns after. */
async function crashesDuring(run: () => Promise<void>): Promise<unknown[]> {
  const seen: unknown[] = [];
  const listener = (reason: unknown) => seen.push(reason);
  process.on('unhandledRejection', listener);
  process.on('uncaughtException', listener);
  try {
    await run();
    for (let i = 0; i < 5; i++) await new Promise((r) => setTimeout(r, 10));
  } finally {
    process.off('unhandledRejection', listener);
    process.off('uncaughtException', listener);
  }
  return seen;
}

/** Waits (bounded) until `events` holds an event `ok` accepts. */
async function eventually(take: () => ErrorEvent[], ok: (e: ErrorEvent) => boolean): Promise<ErrorEvent[]> {
  const seen: ErrorEvent[] = [];
  for (let i = 0; i < 100 && !seen.some(ok); i++) {
    await new Promise((r) => setTimeout(r, 20));
    seen.push(...take());
  }
  return seen;
}

/** The raw answer to a GET, whether the response completes, ends early or its connection closes. */
function rawGet(base: string, path: string): Promise<{ status: number | undefined; body: string }> {
  const url = new URL(base);
  return new Promise((resolve) => {
    let status: number | undefined;
    let body = '';
    const done = () => resolve({ status, body });
    const req = http.get({ host: url.hostname, port: url.port, path, agent: false, timeout: 5000 }, (res) => {
      status = res.statusCode;
      res.setEncoding('utf8');
      res.on('data', (c: string) => {
        body += c;
      });
      res.on('end', done);
      res.on('error', done);
      res.on('aborted', done);
    });
    req.on('error', done);
    req.on('timeout', () => req.destroy());
  });
}

const HOOKS: Readonly<Record<string, (e: ErrorEvent) => unknown>> = {
  throws: () => {
    throw new Error(`tracker down ${SECRETS[2]}`);
  },
  rejects: async () => {
    throw new Error(`tracker down ${SECRETS[2]}`);
  },
  'never settles': () => new Promise(() => {}),
  'returns a thenable that throws': () => ({
    // biome-ignore lint/suspicious/noThenProperty: a hostile thenable is the point
    then() {
      throw new Error('then');
    },
  }),
};

/** What the framework lets a handler do. */
export interface Framework {
  /** A handler can start writing its response itself, then fail (Express, Fastify; not a fetch handler). */
  readonly startsResponses: boolean;
}

export function hardeningCases(start: Start, shared: () => Shared, framework: Framework): void {
  it('1: survives an onError hook that throws, rejects or never settles', async () => {
    const { base, take } = shared();
    for (const [name, hook] of Object.entries(HOOKS)) {
      hostile.hook = hook;
      const crashes = await crashesDuring(async () => {
        for (const path of ['/boom/secret', '/boom/catalog5xx', '/declared/other']) {
          const a = await call(base, path);
          expect(a.status, `${name} ${path}`).toBeGreaterThanOrEqual(500);
          expectNoLeak(a);
        }
      });
      hostile.hook = undefined;
      expect(crashes, name).toEqual([]);
      expect((await call(base, '/ok')).status).toBe(200);
    }
    take();
  });

  it('2: bounds the violations of a validation failure, in every dialect', async () => {
    const { base } = shared();
    // 500 wrong items in 1,001 bytes: every validator reports one violation per item.
    const body = `[${Array(500).fill('0').join(',')}]`;
    for (const accept of ['application/problem+json', 'application/vnd.api+json']) {
      const a = await call(base, '/items', {
        method: 'POST',
        headers: { 'content-type': 'application/json', accept },
        body,
      });
      expect(a.status, accept).toBe(400);
      const errors = a.json.errors as unknown[];
      expect(errors.length, accept).toBeGreaterThan(0);
      expect(errors.length, accept).toBeLessThanOrEqual(100);
      expect(a.text.length, accept).toBeLessThan(64 * 1024);
    }
  });

  it('3: sends only field values for the headers an application sets, and a 401 of a catalog named 決済-api', async () => {
    const { base, take } = shared();
    take();
    for (const dialect of ['', '?dialect=envelope']) {
      for (const kind of ['crlf', 'unicode', 'badname']) {
        const a = await call(base, `/odd/${kind}${dialect}`);
        expect(a.status, kind).toBe(404);
        expect(a.headers.get('content-type'), kind).toBe(
          dialect === '' ? 'application/problem+json' : 'application/json',
        );
        expect(a.headers.get('set-cookie'), kind).toBeNull();
        expect(a.headers.get('x-note'), kind).toBe(kind === 'unicode' ? '%E6%B1%BA%E6%B8%88' : null);
      }
    }
    const config = take().filter((e) => e.kind === 'config');
    // Reported once each: the CR/LF value, the encoded value, the bad name.
    expect(config.length).toBe(3);
    const other = await start({ ...suiteOptions().options, catalog: kessai, challenge: undefined });
    try {
      const a = await call(other.url, '/guarded');
      expect(a.status).toBe(401);
      expect(a.headers.get('content-type')).toBe('application/problem+json');
      expect(a.headers.get('www-authenticate')).toBe('Bearer realm="%E6%B1%BA%E6%B8%88-api"');
      expect(a.json.code).toBe('UNAUTHORIZED');
    } finally {
      await other.close();
    }
  });

  it('4: answers an error from a clean set of representation headers, keeping CORS', async () => {
    const { base } = shared();
    const a = await call(base, '/dirty');
    expect(a.status).toBe(404);
    expect(a.headers.get('content-type')).toBe('application/problem+json');
    expect(a.json.code).toBe('THING_NOT_FOUND');
    for (const name of ['content-encoding', 'content-range', 'etag', 'last-modified'])
      expect(a.headers.get(name), name).toBeNull();
    expect(a.headers.get('cache-control') ?? '').not.toContain('public');
    const length = a.headers.get('content-length');
    if (length !== null) expect(Number(length)).toBe(Buffer.byteLength(a.text));
    expect(a.headers.get('access-control-allow-origin')).toBe('*');
  });

  it('4: ends a response that has already started, never writes it twice', async () => {
    const { base, take } = shared();
    take();
    const crashes = await crashesDuring(async () => {
      const a = await rawGet(base, '/partial');
      if (framework.startsResponses) {
        // The handler's own 200 and what it wrote, ended cleanly; the failure is reported, not lost.
        expect(a).toEqual({ status: 200, body: 'partial' });
        const seen = await eventually(take, (e) => e.kind === 'unexpected');
        expect(seen.map((e) => [e.kind, (e.cause as Error).message])).toEqual([
          ['unexpected', 'failed mid-body'],
        ]);
      } else {
        // A fetch handler's response is the server's to stream: no error body follows it.
        if (a.status !== undefined) expect(a.status).toBe(200);
        expect('partial'.startsWith(a.body), a.body).toBe(true);
      }
    });
    expect(crashes).toEqual([]);
    expect((await call(base, '/ok')).status).toBe(200);
    take();
  });

  it('5: answers an upstream 404 as the internal error, never as "no route"', async () => {
    const { base, take } = shared();
    take();
    for (const kind of ['openai404', 'response404', 'error404', 'stripe404']) {
      const a = await call(base, `/boom/${kind}`);
      expect(a.status, kind).toBe(500);
      expect(a.json.code, kind).toBe('INTERNAL');
      expectNoLeak(a);
    }
    expect(take().map((e) => e.kind)).toEqual(Array(4).fill('unexpected'));
  });

  it('6: reports a client that aborts its upload as aborted, not as a server error', async () => {
    const { base, take } = shared();
    take();
    const url = new URL(base);
    for (let i = 0; i < 3; i++) {
      const socket = net.connect(Number(url.port), url.hostname);
      await new Promise((r) => socket.once('connect', r));
      socket.write(
        'POST /echo HTTP/1.1\r\nhost: x\r\ncontent-type: application/json\r\ncontent-length: 1000\r\n\r\n{"a":',
      );
      await new Promise((r) => setTimeout(r, 30));
      socket.destroy();
    }
    const seen = await eventually(take, (e) => e.kind === 'aborted');
    expect(seen.filter((e) => e.kind === 'unexpected')).toEqual([]);
    expect(seen.map((e) => e.kind)).toContain('aborted');
    expect((await call(base, '/ok')).status).toBe(200);
  });

  it('7: sends only finite, non-negative retry delays, capped at a day', async () => {
    const { base } = shared();
    for (const dialect of ['', '?dialect=envelope']) {
      for (const [kind, sent] of [
        ['nan', '30'],
        ['negative', '30'],
        ['infinity', '30'],
        ['huge', '86400'],
      ]) {
        const a = await call(base, `/odd/${kind}${dialect}`);
        expect(a.status, kind).toBe(429);
        expect(a.headers.get('retry-after'), kind).toBe(sent);
      }
    }
    const framework = await call(base, '/boom/http429huge');
    expect(framework.status).toBe(429);
    expect(framework.headers.get('retry-after')).toBe('30');
  });

  it('8: answers an unknown dialect name in the default, reported once', async () => {
    const { base, take } = shared();
    take();
    for (let round = 0; round < 2; round++)
      for (const name of ['constructor', 'toString', '__proto__', 'klingon']) {
        const a = await call(base, `/things/a?dialect=${name}`);
        expect(a.status, name).toBe(404);
        expect(a.headers.get('content-type'), name).toBe('application/problem+json');
        expect(a.json.code, name).toBe('THING_NOT_FOUND');
      }
    expect(take().map((e) => e.kind)).toEqual(Array(4).fill('config'));
  });

  it('9: never hands a JSON body sent as text/plain to a JSON handler', async () => {
    const { base } = shared();
    const a = await call(base, '/echo', {
      method: 'POST',
      headers: { 'content-type': 'text/plain' },
      body: '{"a":1}',
    });
    const echoed =
      a.status === 200 && (a.headers.get('content-type') ?? '').includes('json') && a.json.a === 1;
    expect(echoed).toBe(false);
    if (a.status >= 400) {
      expect(a.status).toBe(415);
      expect(a.headers.get('content-type')).toBe('application/problem+json');
    }
  });

  it('10: answers a forged errata brand as an unexpected error', async () => {
    const { base, take } = shared();
    take();
    const BRAND = Symbol.for('errata.error');
    const real = api.error('THING_NOT_FOUND', { name: 'x' });
    const forged = [
      { [BRAND]: true, message: SECRETS[0] },
      { [BRAND]: true, status: 401, code: 'PWNED', message: SECRETS[2], definition: null },
      {
        [BRAND]: true,
        status: 404,
        code: 'PWNED',
        message: SECRETS[2],
        params: {},
        headers: { 'set-cookie': 'session=stolen' },
        definition: { ...real.definition, entry: { ...real.definition.entry, code: 'OTHER' } },
      },
    ];
    for (const value of forged) {
      hostile.value = value;
      const a = await call(base, '/hostile');
      expect(a.status).toBe(500);
      expect(a.headers.get('content-type')).toBe('application/problem+json');
      expect(a.json.code).toBe('INTERNAL');
      expect(a.text).not.toContain('PWNED');
      expect(a.headers.get('set-cookie')).toBeNull();
      expectNoLeak(a);
    }
    hostile.value = undefined;
    expect(take().map((e) => e.kind)).toEqual(Array(3).fill('unexpected'));
  });

  it('survives generated hostile values and hooks: the answer is in the dialect and leaks nothing', async () => {
    const { base, take } = shared();
    const BRAND = Symbol.for('errata.error');
    const secret = fc.constantFrom(...SECRETS);
    // What an application itself puts in its errors' headers is sent; what was thrown must not be.
    const junk = fc.oneof(fc.string(), fc.string({ unit: 'grapheme' }), fc.constant('a\r\nb'));
    const text = fc.oneof(junk, secret);
    const status = fc.oneof(
      fc.constantFrom(200, 301, 400, 401, 404, 405, 429, 499, 500, 503, 600),
      fc.integer(),
      fc.double(),
    );
    const headers = fc.dictionary(text, fc.oneof(text, fc.integer(), fc.constant(null)), { maxKeys: 4 });
    const thrown = fc.oneof(
      fc.anything(),
      fc.record(
        {
          message: secret,
          status,
          statusCode: status,
          expose: fc.boolean(),
          headers,
          isBoom: fc.boolean(),
          output: fc.record({ statusCode: status, headers }),
          code: fc.oneof(text, fc.constantFrom('FST_ERR_X', 'ECONNRESET')),
          validation: fc.array(fc.anything(), { maxLength: 3 }),
        },
        { requiredKeys: [] },
      ),
      fc
        .record(
          { message: secret, status, code: text, definition: fc.anything(), headers },
          { requiredKeys: [] },
        )
        .map((o) => Object.assign(o, { [BRAND]: true })),
      fc
        .record({ ms: fc.double(), headers: fc.dictionary(junk, junk, { maxKeys: 3 }) })
        .map(({ ms, headers }) => api.error('RATE_LIMITED', {}, { retryAfterMs: ms, headers })),
      secret.map((s) => Object.assign(new Error(s), { stack: `at ${s} (/work/x.js:1:1)` })),
    );
    const hook = fc.constantFrom(undefined, ...Object.values(HOOKS));
    const dialect = fc.constantFrom('', '?dialect=envelope', '?dialect=constructor');
    const crashes = await crashesDuring(async () => {
      await fc.assert(
        fc.asyncProperty(thrown, hook, dialect, async (value, h, d) => {
          hostile.value = value;
          hostile.hook = h;
          const a = await call(base, `/hostile${d}`);
          expect(a.status).toBeGreaterThanOrEqual(400);
          expect(a.status).toBeLessThanOrEqual(599);
          if (d === '?dialect=envelope') {
            expect(a.headers.get('content-type')).toBe('application/json');
            expect(typeof (a.json.error as { code?: unknown }).code).toBe('string');
          } else {
            expect(a.headers.get('content-type')).toBe('application/problem+json');
            expect(a.json.status).toBe(a.status);
          }
          expectNoLeak(a);
        }),
        { numRuns: 60 },
      );
    });
    hostile.value = undefined;
    hostile.hook = undefined;
    expect(crashes).toEqual([]);
    expect((await call(base, '/ok')).status).toBe(200);
    take();
  }, 60_000);
}
