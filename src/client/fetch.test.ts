import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createClient, ErrataClientError, type RetryInfo } from './index.js';

/** What the test server saw of one request. */
interface Hit {
  readonly at: number;
  readonly method: string;
  readonly headers: IncomingHttpHeaders;
  readonly body: string;
}
/** What the test server answers; `hang` never answers. */
type Reply = { status: number; headers?: Record<string, string>; body?: string } | 'hang';

let server: Server;
let base: string;
let hits: Hit[] = [];
let reply: (n: number) => Reply = () => ({ status: 200 });

beforeAll(async () => {
  server = createServer(async (req, res) => {
    let body = '';
    for await (const chunk of req) body += chunk;
    hits.push({ at: performance.now(), method: req.method ?? '', headers: req.headers, body });
    const r = reply(hits.length);
    if (r === 'hang') return;
    res.writeHead(r.status, { 'content-type': 'application/problem+json', ...r.headers });
    res.end(r.body ?? JSON.stringify({ title: 'Failed', status: r.status, code: `E${r.status}` }));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});
beforeEach(() => {
  hits = [];
});

/** Answers the given replies in turn (counting from now), then 200. */
const answer = (...replies: Reply[]) => {
  const from = hits.length;
  reply = (n) => replies[n - from - 1] ?? { status: 200, body: 'ok' };
};
const gap = (i: number) => (hits[i]?.at ?? 0) - (hits[i - 1]?.at ?? 0);

// Small delays and no jitter randomness: back-off of attempt n is 0.5 * min(50, 10 * 2^n).
const retries: RetryInfo[] = [];
const client = createClient({
  baseDelayMs: 10,
  maxDelayMs: 50,
  random: () => 0.5,
  onRetry: (info) => retries.push(info),
});
beforeEach(() => {
  retries.length = 0;
});

async function rejection(p: Promise<unknown>): Promise<unknown> {
  try {
    await p;
  } catch (e) {
    return e;
  }
  throw new Error('expected a rejection');
}

describe('client.fetch: passing through', () => {
  it('returns a response below 400 as it is: a 304, a redirect not followed', async () => {
    answer({ status: 304, body: '' }, { status: 302, headers: { location: '/elsewhere' }, body: '' });
    const notModified = await client.fetch(`${base}/cached`, { headers: { 'if-none-match': '"v1"' } });
    expect(notModified.status).toBe(304);
    const redirect = await client.fetch(`${base}/moved`, { redirect: 'manual' });
    expect(redirect.status).toBe(302);
    expect(redirect.headers.get('location')).toBe('/elsewhere');
    expect(hits).toHaveLength(2);
    expect(retries).toEqual([]);
  });

  it('returns an ok response as it is, after one request', async () => {
    answer({ status: 200, body: 'hello' });
    const res = await client.fetch(`${base}/a`);
    expect(await res.text()).toBe('hello');
    expect(hits).toHaveLength(1);
  });

  it('throws the typed error of a response it may not retry', async () => {
    answer({ status: 404 });
    const e = await rejection(client.fetch(`${base}/a`));
    expect(e).toBeInstanceOf(ErrataClientError);
    expect(e).toMatchObject({
      status: 404,
      code: 'E404',
      message: 'Failed',
      retryable: false,
      dialect: 'problem',
    });
    expect(hits).toHaveLength(1);
  });
});

describe('client.fetch: server guidance', () => {
  it('waits Retry-After seconds on a 503', async () => {
    answer({ status: 503, headers: { 'retry-after': '1' } });
    const res = await client.fetch(`${base}/a`);
    expect(res.status).toBe(200);
    expect(hits).toHaveLength(2);
    expect(gap(1)).toBeGreaterThanOrEqual(950);
    expect(retries.map((r) => [r.attempt, r.delayMs, r.error.status])).toEqual([[1, 1000, 503]]);
  });

  it('waits retry-after-ms, which wins over Retry-After', async () => {
    answer({ status: 429, headers: { 'retry-after-ms': '120', 'retry-after': '30' } });
    await client.fetch(`${base}/a`);
    expect(hits).toHaveLength(2);
    expect(gap(1)).toBeGreaterThanOrEqual(110);
    expect(retries[0]?.delayMs).toBe(120);
  });

  it('waits until a Retry-After HTTP-date', async () => {
    reply = (n) =>
      n === 1
        ? { status: 503, headers: { 'retry-after': new Date(Date.now() + 1500).toUTCString() } }
        : { status: 200 };
    await client.fetch(`${base}/a`);
    expect(hits).toHaveLength(2);
    const delay = retries[0]?.delayMs ?? -1;
    // HTTP-dates have whole seconds: the wait is between 0.5 and 1.5 s.
    expect(delay).toBeGreaterThan(400);
    expect(delay).toBeLessThanOrEqual(1500);
    expect(gap(1)).toBeGreaterThanOrEqual(delay - 10);
  });

  it('retries at once for an HTTP-date in the past', async () => {
    answer({ status: 503, headers: { 'retry-after': 'Wed, 21 Oct 2015 07:28:00 GMT' } });
    await client.fetch(`${base}/a`);
    expect(retries[0]?.delayMs).toBe(0);
  });

  it('does not retry a 503 when x-should-retry is false', async () => {
    answer({ status: 503, headers: { 'x-should-retry': 'false', 'retry-after': '0' } });
    const e = await rejection(client.fetch(`${base}/a`));
    expect(e).toMatchObject({ status: 503, retryable: false });
    expect(hits).toHaveLength(1);
  });

  it('retries a 400 when x-should-retry is true', async () => {
    answer({ status: 400, headers: { 'x-should-retry': 'true' } });
    const res = await client.fetch(`${base}/a`);
    expect(res.ok).toBe(true);
    expect(hits).toHaveLength(2);
  });

  it('reads Stripe-Should-Retry too', async () => {
    answer({ status: 409, headers: { 'stripe-should-retry': 'true' } });
    await client.fetch(`${base}/a`);
    expect(hits).toHaveLength(2);
  });

  it('gives up at once, without waiting, when the server asks for more than maxRetryAfterMs', async () => {
    answer({ status: 503, headers: { 'retry-after': '3600' } });
    const started = performance.now();
    const e = await rejection(client.fetch(`${base}/a`));
    expect(e).toMatchObject({ status: 503, retryAfterMs: 3_600_000, retryable: true });
    expect(hits).toHaveLength(1);
    expect(retries).toHaveLength(0);
    expect(performance.now() - started).toBeLessThan(3000);
  });

  it('follows the body of a user-defined dialect: retryable and retryAfterMs', async () => {
    const custom = createClient({
      random: () => 0,
      dialect: {
        name: 'custom',
        parse: (body) => {
          const b = body as { retry?: boolean; wait?: number };
          return {
            dialect: 'custom',
            status: 0,
            code: 'X',
            message: 'm',
            retryable: b.retry,
            retryAfterMs: b.wait,
          };
        },
      },
      onRetry: (info) => retries.push(info),
    });
    answer({ status: 400, body: '{"retry":true,"wait":30}' });
    await custom.fetch(`${base}/a`);
    expect(retries.map((r) => r.delayMs)).toEqual([30]);
    answer({ status: 503, body: '{"retry":false}' });
    expect(await rejection(custom.fetch(`${base}/a`))).toMatchObject({ status: 503, retryable: false });
    expect(hits).toHaveLength(3);
  });
});

describe('client.fetch: statuses without guidance', () => {
  it.each([408, 429, 500, 502, 503, 504])('retries %i', async (status) => {
    answer({ status });
    await client.fetch(`${base}/a`);
    expect(hits).toHaveLength(2);
  });

  it.each([400, 401, 403, 404, 409, 422, 501])('does not retry %i', async (status) => {
    answer({ status });
    const e = await rejection(client.fetch(`${base}/a`));
    expect(e).toMatchObject({ status, retryable: false });
    expect(hits).toHaveLength(1);
  });
});

describe('client.fetch: idempotency', () => {
  it.each(['POST', 'PATCH'])('does not retry a %s without an Idempotency-Key', async (method) => {
    answer({ status: 503 });
    const e = await rejection(client.fetch(`${base}/a`, { method, body: '{"a":1}' }));
    expect(e).toMatchObject({ status: 503, retryable: true });
    expect(hits).toHaveLength(1);
  });

  it('retries a POST with an Idempotency-Key, sending the same key and body', async () => {
    answer({ status: 503 }, { status: 500 });
    const res = await client.fetch(`${base}/a`, {
      method: 'POST',
      body: '{"a":1}',
      headers: { 'Idempotency-Key': 'k-1' },
    });
    expect(res.status).toBe(200);
    expect(hits.map((h) => [h.method, h.headers['idempotency-key'], h.body])).toEqual([
      ['POST', 'k-1', '{"a":1}'],
      ['POST', 'k-1', '{"a":1}'],
      ['POST', 'k-1', '{"a":1}'],
    ]);
  });

  it('retries a PUT and a DELETE (idempotent methods)', async () => {
    answer({ status: 503 });
    await client.fetch(`${base}/a`, { method: 'PUT', body: 'x' });
    answer({ status: 503 });
    await client.fetch(`${base}/a`, { method: 'DELETE' });
    expect(hits.map((h) => h.method)).toEqual(['PUT', 'PUT', 'DELETE', 'DELETE']);
  });

  it('resends a Request object, body included, on each attempt', async () => {
    answer({ status: 503 });
    const req = new Request(`${base}/a`, {
      method: 'POST',
      body: 'payload',
      headers: { 'idempotency-key': 'k-2' },
    });
    await client.fetch(req);
    expect(hits.map((h) => h.body)).toEqual(['payload', 'payload']);
  });

  it('does not retry a stream body, which cannot be sent twice', async () => {
    answer({ status: 503 });
    const body = new Blob(['streamed']).stream();
    const init = { method: 'PUT', body, duplex: 'half' } as RequestInit;
    const e = await rejection(client.fetch(`${base}/a`, init));
    expect(e).toMatchObject({ status: 503 });
    expect(hits.map((h) => h.body)).toEqual(['streamed']);
  });
});

describe('client.fetch: budgets', () => {
  it('stops after `retries` retries and throws the last error', async () => {
    reply = () => ({ status: 503 });
    const e = await rejection(client.fetch(`${base}/a`));
    expect(e).toMatchObject({ status: 503, code: 'E503' });
    expect(hits).toHaveLength(3);
    // Full jitter with random() = 0.5: 0.5 * min(50, 10 * 2^n).
    expect(retries.map((r) => [r.attempt, r.delayMs])).toEqual([
      [1, 5],
      [2, 10],
    ]);
  });

  it('treats a retries that is not a number as no retry', async () => {
    reply = () => ({ status: 503 });
    await rejection(client.fetch(`${base}/a`, {}, { retries: Number.NaN }));
    expect(hits).toHaveLength(1);
  });

  it('takes per-call options over the client options', async () => {
    reply = () => ({ status: 503 });
    await rejection(client.fetch(`${base}/a`, {}, { retries: 4, maxDelayMs: 15 }));
    expect(hits).toHaveLength(5);
    // 0.5 × min(15, 10 × 2^n), rounded up to whole milliseconds.
    expect(retries.map((r) => r.delayMs)).toEqual([5, 8, 8, 8]);
    await rejection(client.fetch(`${base}/a`, {}, { retries: 0 }));
    expect(hits).toHaveLength(6);
  });

  it('caps the back-off window at maxDelayMs and spreads it with random()', async () => {
    const seen: number[] = [];
    const c = createClient({
      baseDelayMs: 8,
      maxDelayMs: 20,
      retries: 3,
      random: () => 0.99,
      onRetry: (i) => seen.push(i.delayMs),
    });
    reply = () => ({ status: 500 });
    await rejection(c.fetch(`${base}/a`));
    // 0.99 × 8, × 16, × 20, rounded up to whole milliseconds.
    expect(seen).toEqual([8, 16, 20]);
  });

  it('throws the error at once when the wait would overrun timeoutMs', async () => {
    answer({ status: 503, headers: { 'retry-after': '2' } });
    const started = performance.now();
    const e = await rejection(client.fetch(`${base}/a`, {}, { timeoutMs: 500 }));
    expect(e).toMatchObject({ status: 503, retryAfterMs: 2000 });
    expect(hits).toHaveLength(1);
    expect(performance.now() - started).toBeLessThan(1500);
  });

  it('aborts a hanging attempt at timeoutMs with a timeout error', async () => {
    answer('hang');
    const e = await rejection(client.fetch(`${base}/a`, {}, { timeoutMs: 150 }));
    expect(e).toBeInstanceOf(ErrataClientError);
    expect(e).toMatchObject({ status: 0, code: 'timeout', retryable: false });
    expect(hits).toHaveLength(1);
  });
});

describe('client.fetch: abort', () => {
  it('stops at once during a wait and rejects with the abort reason', async () => {
    answer({ status: 503, headers: { 'retry-after': '5' } });
    const controller = new AbortController();
    const reason = new Error('user left');
    const started = performance.now();
    const p = client.fetch(`${base}/a`, { signal: controller.signal });
    setTimeout(() => controller.abort(reason), 100);
    expect(await rejection(p)).toBe(reason);
    expect(performance.now() - started).toBeLessThan(3000);
    expect(hits).toHaveLength(1);
    expect(retries).toHaveLength(1);
  });

  it('rejects with the default AbortError reason', async () => {
    answer({ status: 503, headers: { 'retry-after': '5' } });
    const controller = new AbortController();
    const p = client.fetch(`${base}/a`, { signal: controller.signal });
    setTimeout(() => controller.abort(), 50);
    const e = await rejection(p);
    expect(e).toBeInstanceOf(DOMException);
    expect((e as DOMException).name).toBe('AbortError');
  });

  it('aborts an attempt in flight with the reason', async () => {
    answer('hang');
    const p = client.fetch(`${base}/a`, { signal: AbortSignal.timeout(100) });
    const e = await rejection(p);
    expect((e as DOMException).name).toBe('TimeoutError');
    expect(hits).toHaveLength(1);
  });

  it('honours the signal of a Request given as input', async () => {
    answer({ status: 503, headers: { 'retry-after': '5' } });
    const controller = new AbortController();
    const reason = new Error('from the request');
    const p = client.fetch(new Request(`${base}/a`, { signal: controller.signal }));
    setTimeout(() => controller.abort(reason), 50);
    expect(await rejection(p)).toBe(reason);
    expect(hits).toHaveLength(1);
  });

  it('sends nothing when the signal is already aborted', async () => {
    const reason = new Error('already');
    expect(await rejection(client.fetch(`${base}/a`, { signal: AbortSignal.abort(reason) }))).toBe(reason);
    expect(hits).toHaveLength(0);
  });
});

describe('client.fetch: network errors', () => {
  let closed: string;
  beforeAll(async () => {
    const s = createServer();
    await new Promise<void>((resolve) => s.listen(0, '127.0.0.1', resolve));
    closed = `http://127.0.0.1:${(s.address() as AddressInfo).port}`;
    await new Promise((resolve) => s.close(resolve));
  });

  it('retries an idempotent request, then throws a network_error with status 0', async () => {
    const e = await rejection(client.fetch(`${closed}/a`));
    expect(e).toBeInstanceOf(ErrataClientError);
    expect(e).toMatchObject({ status: 0, code: 'network_error', retryable: true });
    expect((e as Error).cause).toBeInstanceOf(TypeError);
    expect(retries.map((r) => r.attempt)).toEqual([1, 2]);
  });

  it('does not retry a POST without a key after a network error', async () => {
    const e = await rejection(client.fetch(`${closed}/a`, { method: 'POST', body: 'x' }));
    expect(e).toMatchObject({ status: 0, code: 'network_error' });
    expect(retries).toHaveLength(0);
  });

  it('uses the fetch given in the options', async () => {
    let calls = 0;
    const c = createClient({
      fetch: async () => {
        calls++;
        return new Response(null, { status: calls < 2 ? 502 : 204 });
      },
      random: () => 0,
    });
    expect((await c.fetch('https://example.invalid/x')).status).toBe(204);
    expect(calls).toBe(2);
  });
});
