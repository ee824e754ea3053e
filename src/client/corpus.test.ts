import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apis, corpus } from '../../test/fixtures/corpus/index.js';
import { pathPointer } from '../utils/json-pointer.js';
import { createClient, ErrataClientError, type RetryInfo } from './index.js';

// Error responses as real APIs, frameworks and proxies send them (shapes from
// their public documentation), served over loopback: what the client reads of
// each, and that what is broken or hostile neither throws nor hangs.

type Route = { status: number; headers?: Record<string, string>; body?: string | Buffer };
const json = (status: number, body: unknown, headers: Record<string, string> = {}): Route => ({
  status,
  headers: { 'content-type': 'application/json', ...headers },
  body: JSON.stringify(body),
});

// Proxies and odd shapes; the real APIs' responses are the corpus of test/fixtures/corpus/.
const routes: Record<string, Route> = {
  ...Object.fromEntries(
    corpus.map((c) => [
      c.name,
      typeof c.body === 'string'
        ? { status: c.status, headers: { ...c.headers }, body: c.body }
        : json(c.status, c.body, { ...c.headers }),
    ]),
  ),
  'problem-bare': json(
    404,
    { type: 'about:blank', status: 404 },
    { 'content-type': 'application/problem+json' },
  ),
  'problem-numeric-code': json(400, { title: 'Bad input', code: 1234 }),
  'cloudflare-504': {
    status: 504,
    headers: { 'content-type': 'text/html; charset=UTF-8', 'cf-ray': '8f1e2d3c4b5a6978-SJC' },
    body: '<!DOCTYPE html><html><head><title>example.com | 504: Gateway time-out</title></head><body>Gateway time-out</body></html>',
  },
  'envoy-503': {
    status: 503,
    headers: { 'content-type': 'text/plain' },
    body: 'upstream connect error or disconnect/reset before headers. reset reason: connection failure',
  },
  'empty-429': { status: 429, headers: { 'retry-after': '2' } },
  'bad-utf8': {
    status: 400,
    headers: { 'content-type': 'application/json' },
    body: Buffer.concat([
      Buffer.from('{"title":"bad '),
      Buffer.from([0xff, 0xfe, 0xc3]),
      Buffer.from('","code":"U"}'),
    ]),
  },
};

const zippedText = JSON.stringify({ title: 'Zipped', code: 'ZIP', detail: 'x'.repeat(4000) });
const gzipped = gzipSync(zippedText);

let server: Server;
let base: string;
let hits = 0;
beforeAll(async () => {
  server = createServer((req, res) => {
    const name = (req.url ?? '').slice(1);
    hits++;
    if (name === 'gzip-cut') {
      // A gzip body cut short, as a proxy that gave up sends it.
      res.writeHead(502, { 'content-type': 'application/json', 'content-encoding': 'gzip' });
      res.end(gzipped.subarray(0, 40));
    } else if (name === 'gzip-bogus') {
      res.writeHead(500, { 'content-type': 'application/json', 'content-encoding': 'gzip' });
      res.end('{"title":"not gzip at all"}');
    } else if (name === 'stall') {
      // Headers and the start of a body, then nothing.
      res.writeHead(503, { 'content-type': 'application/json' });
      res.write('{"title":"Unavail');
    } else if (name === 'head-503') {
      res.writeHead(503, { 'content-type': 'application/json', 'content-length': '64' }).end();
    } else if (name === 'redirect') {
      res.writeHead(302, { location: '/elsewhere' }).end();
    } else if (name === 'not-modified') {
      res.writeHead(304, { etag: '"v1"' }).end();
    } else if (name === 'ok') {
      res.writeHead(200, { 'content-type': 'text/plain' }).end('fine');
    } else {
      const r = routes[name] ?? { status: 404 };
      res.writeHead(r.status, r.headers);
      res.end(r.body);
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});

const client = createClient();
const READER_NAMES = [
  'problem',
  'google',
  'stripe',
  'openai',
  'barekey',
  'clerk',
  'jsonapi',
  'authos',
  'simple',
];
const get = async (name: string, init?: RequestInit) =>
  client.fromResponse(await fetch(`${base}/${name}`, init));

describe('fromResponse: the corpus of real APIs', () => {
  const protoKeys = Object.getOwnPropertyNames(Object.prototype).sort();

  it(`covers at least 30 APIs (${apis().length}), each case under its own name`, () => {
    expect(apis().length).toBeGreaterThanOrEqual(30);
    expect(new Set(corpus.map((c) => c.name)).size).toBe(corpus.length);
  });

  it.each(corpus.map((c) => [`${c.api}: ${c.name}`, c] as const))('%s', async (_, c) => {
    const e = await get(c.name);
    expect(e).toBeInstanceOf(ErrataClientError);
    const { violations, details, ...fields } = c.expect;
    expect({
      status: e.status,
      code: e.code,
      message: e.message,
      requestId: e.requestId,
      retryable: e.retryable,
      retryAfterMs: e.retryAfterMs,
    }).toEqual({ status: c.status, ...fields });
    // The reader names the dialects it knows by shape (not those added since, which it reads all the same).
    const named = c.dialects?.find((d) => READER_NAMES.includes(d));
    if (named) expect(e.dialect).toBe(named);
    if (violations) expect(e.violations).toEqual(violations);
    if (details !== undefined) expect(e.details).toEqual(details);
    expect(Object.getOwnPropertyNames(Object.prototype).sort()).toEqual(protoKeys);
  });
});

describe('client.fetch: the delay a real API states in its body', () => {
  const attempt = async (name: string) => {
    const seen: number[] = [];
    const stop = new AbortController();
    // Told the delay, the retry is stopped before its wait.
    const c = createClient({
      onRetry: (i) => {
        seen.push(i.delayMs);
        stop.abort(new Error('seen'));
      },
    });
    const e = await c.fetch(`${base}/${name}`, { signal: stop.signal }).catch((x: unknown) => x);
    return { seen, e };
  };

  it("waits Kubernetes' details.retryAfterSeconds, sent without Retry-After", async () => {
    expect((await attempt('kubernetes-500-timeout')).seen).toEqual([2000]);
  });

  it("gives up at once on Discord's retry_after of 64.57 s, beyond maxRetryAfterMs", async () => {
    const { seen, e } = await attempt('discord-429');
    expect(seen).toEqual([]);
    expect(e).toMatchObject({ status: 429, retryable: true, retryAfterMs: 64_570 });
  });
});

describe('fromResponse: proxies and odd shapes', () => {
  it.each([
    ['problem-numeric-code', { status: 400, code: '1234', message: 'Bad input', dialect: 'problem' }],
    ['problem-bare', { status: 404, dialect: 'problem', message: 'Not Found', type: 'about:blank' }],
    // RFC 7807 as found: `status` as a string, extension members, no title.
    [
      'problem-odd',
      {
        status: 403,
        dialect: 'problem',
        title: 'You do not have enough credit.',
        type: 'https://example.com/probs/out-of-credit',
      },
    ],
    // Not JSON and no code: the status text, the body kept as it came.
    ['cloudflare-504', { status: 504, code: undefined, message: 'Gateway Timeout', retryable: true }],
    [
      'envoy-503',
      {
        status: 503,
        code: undefined,
        message: 'Service Unavailable',
        body: expect.stringMatching(/^upstream/),
      },
    ],
    ['empty-429', { status: 429, body: '', retryable: true, retryAfterMs: 2000 }],
    ['bad-utf8', { status: 400, code: 'U', message: 'bad \ufffd\ufffd\ufffd' }],
    ['aws-xml', { status: 404, body: expect.stringContaining('<Code>NoSuchKey</Code>') }],
  ] as const)('%s', async (name, expected) => {
    const e = await get(name);
    expect(e).toBeInstanceOf(ErrataClientError);
    expect(e).toMatchObject(expected);
  });
});

describe('fromResponse: broken transports and statuses that are not errors', () => {
  it('keeps what a cut gzip body decoded to', async () => {
    const e = await get('gzip-cut');
    expect(e).toMatchObject({ status: 502, code: undefined, data: undefined, retryable: true });
    expect(zippedText.startsWith(e.body)).toBe(true);
  });

  it('reads a body that is not the gzip it claims as empty and cut', async () => {
    expect(await get('gzip-bogus')).toMatchObject({ status: 500, body: '', truncated: true });
  });

  it('ends the read of a stalled body when the fetch signal fires', async () => {
    const started = performance.now();
    const e = await get('stall', { signal: AbortSignal.timeout(150) });
    expect(e).toMatchObject({ status: 503, body: '{"title":"Unavail', truncated: true, code: undefined });
    expect(performance.now() - started).toBeLessThan(3000);
  });

  it.each([
    ['ok', undefined, 200, 'OK'],
    ['redirect', { redirect: 'manual' } as RequestInit, 302, 'Found'],
    ['not-modified', undefined, 304, 'Not Modified'],
  ] as const)(
    'reads a %s response given to it as an error that is not retried',
    async (name, init, status, text) => {
      expect(await get(name, init)).toMatchObject({ status, message: text, retryable: false });
    },
  );

  it('reads a status outside 200-599 from a response-like object', () => {
    expect(client.parse('', { status: 101 })).toMatchObject({
      status: 101,
      message: 'HTTP 101',
      retryable: false,
    });
  });
});

describe('client.fetch: stalls, HEAD and odd Retry-After values', () => {
  const seen: RetryInfo[] = [];
  const retrying = createClient({
    baseDelayMs: 20,
    maxDelayMs: 20,
    random: () => 0.5,
    onRetry: (i) => seen.push(i),
  });

  it('rejects with a timeout at timeoutMs when the error body stalls', async () => {
    const started = performance.now();
    const e = await retrying.fetch(`${base}/stall`, {}, { timeoutMs: 200 }).catch((x: unknown) => x);
    expect(e).toMatchObject({ status: 0, code: 'timeout' });
    expect(performance.now() - started).toBeLessThan(3000);
  });

  it('retries a HEAD (idempotent) whose 503 has no body', async () => {
    hits = 0;
    const e = await retrying
      .fetch(`${base}/head-503`, { method: 'HEAD' }, { retries: 1 })
      .catch((x: unknown) => x);
    expect(e).toMatchObject({ status: 503, body: '' });
    expect(hits).toBe(2);
  });

  it.each(['-5', '-1'])('ignores Retry-After %s and backs off instead of retrying at once', async (value) => {
    expect(
      client.parse('', { status: 503, headers: new Headers({ 'retry-after': value }) }).retryAfterMs,
    ).toBe(undefined);
    seen.length = 0;
    const answers = createClient({
      fetch: async () => new Response(null, { status: 503, headers: { 'retry-after': value } }),
      baseDelayMs: 20,
      random: () => 0.5,
      retries: 1,
      onRetry: (i) => seen.push(i),
    });
    await answers.fetch('http://example.invalid/').catch(() => {});
    expect(seen.map((i) => i.delayMs)).toEqual([10]);
  });

  it('stops at once when onRetry aborts the signal, not after the wait', async () => {
    const controller = new AbortController();
    const reason = new Error('aborted in onRetry');
    const c = createClient({
      fetch: async () => new Response(null, { status: 503, headers: { 'retry-after': '5' } }),
      onRetry: () => controller.abort(reason),
    });
    const started = performance.now();
    expect(
      await c.fetch('http://example.invalid/', { signal: controller.signal }).catch((x: unknown) => x),
    ).toBe(reason);
    expect(performance.now() - started).toBeLessThan(2000);
  });

  it('ignores a fractional Retry-After (delay-seconds is digits only, RFC 9110 section 10.2.3)', () => {
    const e = client.parse('', { status: 503, headers: new Headers({ 'retry-after': '1.5' }) });
    expect(e.retryAfterMs).toBe(undefined);
  });
});

describe('linear time on pathological field paths', () => {
  // Each took tens of seconds at this size (quadratic regular expressions); a 1 MiB body, minutes.
  const n = 200_000;
  const bodies = {
    'OpenAI param': {
      error: { type: 'invalid_request_error', message: 'm', param: '['.repeat(n), code: 'x' },
    },
    'Clerk param_name': { errors: [{ message: 'm', code: 'c', meta: { param_name: '['.repeat(n) } }] },
    'Google @type': {
      error: { code: 400, status: 'INVALID_ARGUMENT', message: 'm', details: [{ '@type': 'a'.repeat(n) }] },
    },
    'Google field': {
      error: {
        code: 400,
        status: 'INVALID_ARGUMENT',
        message: 'm',
        details: [
          {
            '@type': 'type.googleapis.com/google.rpc.BadRequest',
            fieldViolations: [{ field: '['.repeat(n) }],
          },
        ],
      },
    },
  };

  it.each(Object.entries(bodies))('reads a %s of 200,000 characters at once', (_, body) => {
    const text = JSON.stringify(body);
    const started = performance.now();
    expect(client.parse(text, { status: 400 })).toBeInstanceOf(ErrataClientError);
    expect(performance.now() - started).toBeLessThan(2000);
  });

  it('keeps pathPointer linear and its readings of well-formed paths', () => {
    const started = performance.now();
    pathPointer('['.repeat(n));
    expect(performance.now() - started).toBeLessThan(2000);
    expect(pathPointer('items[0].name')).toBe('/items/0/name');
    expect(pathPointer('metadata[a.b][c]')).toBe('/metadata/a.b/c');
    expect(pathPointer('a[b')).toBe('/a/b');
  });
});
