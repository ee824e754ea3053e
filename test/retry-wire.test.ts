/**
 * Retry guidance from the catalog to every client, in every built-in dialect:
 * an entry's retry policy (or its silence) is served over loopback, then read
 * back by errata's client and by the dialects' own parsers (`parseAny`), which
 * must agree with the catalog: retryable or not, after which delay, and, where
 * the catalog says nothing, the status defaults every client applies.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { defineCatalog } from '../src/catalog/define.js';
import { createClient } from '../src/client/index.js';
import { dialects, parseAny } from '../src/dialects/index.js';
import type { WireError } from '../src/dialects/types.js';
import { toWire } from '../src/server/response.js';

const api = defineCatalog({
  name: 'shop',
  docs: 'https://shop.example.com/errors',
  errors: {
    LEDGER_FAILED: { status: 500, title: 'Ledger failed', retry: false },
    QUOTA_USED_UP: {
      status: 429,
      title: 'Quota used up',
      retry: { retryable: false, note: 'Upgrade the plan.' },
    },
    CRASHED: { status: 500, title: 'Crashed' },
    BAD_INPUT: { status: 400, title: 'Bad input' },
    CONFLICT: { status: 409, title: 'Conflict' },
    MAINTENANCE: { status: 503, title: 'Maintenance', retry: { afterMs: 2000 } },
    NOT_READY: { status: 400, title: 'Not ready', retry: { delayMs: 1000 } },
    UPSTREAM: { status: 502, title: 'Upstream failed', retry: { baseMs: 40, maxMs: 80, maxAttempts: 2 } },
  },
});
type Id =
  | 'LEDGER_FAILED'
  | 'QUOTA_USED_UP'
  | 'CRASHED'
  | 'BAD_INPUT'
  | 'CONFLICT'
  | 'MAINTENANCE'
  | 'NOT_READY'
  | 'UPSTREAM';

/** What the catalog promises a client: retryable (the status default when unstated), and the delay. */
const promised: Record<Id, { retryable: boolean; retryAfterMs: number | undefined; stated: boolean }> = {
  LEDGER_FAILED: { retryable: false, retryAfterMs: undefined, stated: true },
  QUOTA_USED_UP: { retryable: false, retryAfterMs: undefined, stated: true },
  CRASHED: { retryable: true, retryAfterMs: undefined, stated: false },
  BAD_INPUT: { retryable: false, retryAfterMs: undefined, stated: false },
  CONFLICT: { retryable: false, retryAfterMs: undefined, stated: false },
  MAINTENANCE: { retryable: true, retryAfterMs: 2000, stated: true },
  NOT_READY: { retryable: true, retryAfterMs: 1000, stated: true },
  UPSTREAM: { retryable: true, retryAfterMs: undefined, stated: true },
};

let server: Server;
let base = '';
let wire: WireError = { status: 500, headers: {}, body: '' };
let hits = 0;
beforeAll(async () => {
  server = createServer((_req, res) => {
    hits++;
    res.writeHead(wire.status, wire.headers).end(wire.body);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});

const ids = Object.keys(promised) as Id[];
const names = Object.keys(dialects);

describe.each(names)('the %s dialect', (name) => {
  const serve = (id: Id, retryAfterMs?: number) => {
    const error = retryAfterMs === undefined ? api.error(id) : api.error(id, {}, { retryAfterMs });
    wire = toWire(error, { dialect: name, requestId: 'req_1' });
    return wire;
  };

  it.each(ids)("errata's client reads back what the catalog says of %s", async (id) => {
    serve(id);
    const e = await createClient().fromResponse(await fetch(`${base}/x`));
    expect({ code: e.code, status: e.status }).toEqual({ code: id, status: api.model.errors[id]?.status });
    expect({ retryable: e.retryable, retryAfterMs: e.retryAfterMs }).toEqual({
      retryable: promised[id].retryable,
      retryAfterMs: promised[id].retryAfterMs,
    });
  });

  it.each(ids)("the dialects' parsers read back what the catalog says of %s", (id) => {
    const w = serve(id);
    const headers = new Headers(w.headers);
    const p = parseAny(JSON.parse(w.body), { status: w.status, headers });
    expect(p?.dialect).toBe(name);
    // A parser answers what the response says: nothing when the catalog says nothing.
    expect(p?.retryable).toBe(promised[id].stated ? promised[id].retryable : undefined);
    expect(p?.retryAfterMs).toBe(promised[id].retryAfterMs);
  });

  it('sends no should-retry header and no retry member for an entry that does not say', () => {
    for (const id of ['CRASHED', 'BAD_INPUT', 'CONFLICT'] as const) {
      const w = serve(id);
      expect(w.headers['x-should-retry']).toBe(undefined);
      expect(w.headers['stripe-should-retry']).toBe(undefined);
      expect(JSON.parse(w.body).retry).toBe(undefined);
    }
  });

  it('is not retried by client.fetch when the catalog says no, at 500 and at 429', async () => {
    for (const id of ['LEDGER_FAILED', 'QUOTA_USED_UP'] as const) {
      serve(id);
      hits = 0;
      const e = await createClient({ retries: 3, baseDelayMs: 1 })
        .fetch(`${base}/x`)
        .catch((x: unknown) => x);
      expect(e).toMatchObject({ code: id, retryable: false });
      expect(hits).toBe(1);
    }
  });

  it("carries an occurrence's own delay, in whole seconds at least", async () => {
    serve('UPSTREAM', 3000);
    const e = await createClient().fromResponse(await fetch(`${base}/x`));
    expect([e.retryable, e.retryAfterMs]).toEqual([true, 3000]);
  });
});

describe('exact delays and the back-off a catalog states', () => {
  const exact = defineCatalog({
    errors: { SLOW_DOWN: { status: 429, title: 'Slow down', retry: { afterMs: 1500 } } },
  });

  it.each(['problem', 'google', 'openai'])('%s carries 1500 ms exactly', async (name) => {
    wire = toWire(exact.error('SLOW_DOWN'), { dialect: name });
    const e = await createClient().fromResponse(await fetch(`${base}/x`));
    expect(e.retryAfterMs).toBe(1500);
  });

  it.each(['simple', 'clerk', 'jsonapi', 'authos', 'barekey', 'stripe'])(
    '%s carries 1500 ms as Retry-After: 2 (whole seconds, rounded up)',
    async (name) => {
      wire = toWire(exact.error('SLOW_DOWN'), { dialect: name });
      const e = await createClient().fromResponse(await fetch(`${base}/x`));
      expect(e.retryAfterMs).toBe(2000);
    },
  );

  it("problem: errata's client backs off as the catalog says, and stops at its maxAttempts", async () => {
    wire = toWire(api.error('UPSTREAM'), { dialect: 'problem' });
    expect(JSON.parse(wire.body).retry).toEqual({ retryable: true, baseMs: 40, maxMs: 80, maxAttempts: 2 });
    hits = 0;
    const delays: number[] = [];
    await createClient({ retries: 5, random: () => 0.5, onRetry: (i) => delays.push(i.delayMs) })
      .fetch(`${base}/x`)
      .catch(() => {});
    expect(hits).toBe(2);
    expect(delays).toEqual([20]);
  });
});
