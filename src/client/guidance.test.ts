import { describe, expect, it } from 'vitest';
import { createClient, type RetryInfo } from './index.js';

// The `retry` member of a problem body (RFC 9457 section 3.2 extension member)
// is the entry's retry policy as the catalog states it: errata's client obeys it.
const problem = (status: number, retry?: unknown) =>
  JSON.stringify({ type: 'about:blank', title: 'Failed', status, code: `E${status}`, retry });

/** A client whose every attempt gets `status` with `body`; it records the waits it announces. */
function answering(status: number, body: string, headers: Record<string, string> = {}) {
  const seen: RetryInfo[] = [];
  let attempts = 0;
  const client = createClient({
    fetch: async () => {
      attempts++;
      return new Response(body, {
        status,
        headers: { 'content-type': 'application/problem+json', ...headers },
      });
    },
    baseDelayMs: 1,
    maxDelayMs: 2,
    random: () => 0.5,
    retries: 5,
    onRetry: (i) => seen.push(i),
  });
  return { client, seen, attempts: () => attempts };
}

describe('a problem body says whether and when to retry', () => {
  it('does not retry a 500 or a 429 whose body says retryable: false', async () => {
    for (const status of [500, 429]) {
      const { client, attempts } = answering(status, problem(status, { retryable: false }));
      const e = await client.fetch('http://example.invalid/').catch((x: unknown) => x);
      expect(e).toMatchObject({ status, retryable: false });
      expect(attempts()).toBe(1);
    }
  });

  it('retries a 409 whose body says retryable, after its afterMs, exact to the millisecond', async () => {
    const { client, seen, attempts } = answering(
      409,
      problem(409, { retryable: true, strategy: 'after', afterMs: 30 }),
      // The same delay as Retry-After, rounded up to whole seconds: the body is the exact one.
      { 'retry-after': '1' },
    );
    const e = await client.fetch('http://example.invalid/', {}, { retries: 1 }).catch((x: unknown) => x);
    expect(e).toMatchObject({ status: 409, retryable: true, retryAfterMs: 30 });
    expect(seen.map((i) => i.delayMs)).toEqual([30]);
    expect(attempts()).toBe(2);
  });

  it("follows the body's exponential back-off and its maxAttempts over the client's defaults", async () => {
    const { client, seen, attempts } = answering(
      503,
      problem(503, { retryable: true, strategy: 'exponential', baseMs: 40, maxMs: 60, maxAttempts: 3 }),
    );
    await client.fetch('http://example.invalid/').catch(() => {});
    // 0.5 × min(60, 40 × 2^n): 20 then 30; three attempts in all, though the call allows six.
    expect(seen.map((i) => i.delayMs)).toEqual([20, 30]);
    expect(attempts()).toBe(3);
  });

  it('never makes more attempts than the call allows, whatever maxAttempts says', async () => {
    const { client, attempts } = answering(503, problem(503, { retryable: true, maxAttempts: 10 }));
    await client.fetch('http://example.invalid/', {}, { retries: 1 }).catch(() => {});
    expect(attempts()).toBe(2);
  });

  it('lets the should-retry header win over the body', async () => {
    const { client, attempts } = answering(500, problem(500, { retryable: false }), {
      'x-should-retry': 'true',
    });
    await client.fetch('http://example.invalid/', {}, { retries: 1 }).catch(() => {});
    expect(attempts()).toBe(2);
  });

  it('keeps the status default when the body states nothing or something malformed', () => {
    const client = createClient();
    for (const retry of [undefined, 'no', { retryable: 'false' }, null])
      expect(client.parse(problem(500, retry), { status: 500 }).retryable).toBe(true);
    expect(client.parse(problem(400, { retryable: 1 }), { status: 400 }).retryable).toBe(false);
  });
});
