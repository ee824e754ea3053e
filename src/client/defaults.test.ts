import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createClient } from './index.js';

// createClient({ baseUrl, headers }): what a real server receives.

/** The URL and headers of each request the test server saw. */
let seen: { url: string; headers: IncomingHttpHeaders }[] = [];
let server: Server;
let origin: string;

beforeAll(async () => {
  server = createServer((req, res) => {
    seen.push({ url: req.url ?? '', headers: req.headers });
    res.end('ok');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});
beforeEach(() => {
  seen = [];
});

describe('createClient({ baseUrl })', () => {
  it('appends a relative path to the base with exactly one slash between them', async () => {
    for (const base of [`${origin}/v1`, `${origin}/v1/`, `${origin}/v1//`])
      for (const path of ['orders/1', '/orders/1', '//orders/1']) {
        const res = await createClient({ baseUrl: base }).fetch(path);
        expect(await res.text()).toBe('ok');
      }
    expect(seen.map((s) => s.url)).toEqual(Array(9).fill('/v1/orders/1'));
  });

  it('keeps the query and the base path (unlike new URL(path, base), which drops /v1 for /orders)', async () => {
    const client = createClient({ baseUrl: new URL(`${origin}/v1`) });
    await client.fetch('/orders?status=open&page=2');
    await client.fetch('?all=1');
    // A colon without "//" is part of a path (Google-style custom methods), not a scheme.
    await client.fetch('projects:list');
    expect(seen.map((s) => s.url)).toEqual([
      '/v1/orders?status=open&page=2',
      '/v1/?all=1',
      '/v1/projects:list',
    ]);
  });

  it('uses an absolute URL, a URL object or a Request as it is', async () => {
    const client = createClient({ baseUrl: 'http://127.0.0.1:9/never' });
    await client.fetch(`${origin}/absolute`);
    await client.fetch(new URL(`${origin}/url-object`));
    await client.fetch(new Request(`${origin}/request`));
    expect(seen.map((s) => s.url)).toEqual(['/absolute', '/url-object', '/request']);
  });

  it('passes a path as it is without a base', async () => {
    const calls: string[] = [];
    const client = createClient({
      fetch: async (input) => {
        calls.push(String(input));
        return new Response('ok');
      },
    });
    await client.fetch('/orders/1');
    expect(calls).toEqual(['/orders/1']);
  });
});

describe('createClient({ headers })', () => {
  it('sends the default headers with every request, in each form they may take', async () => {
    const forms = [
      { authorization: 'Bearer t', 'x-app': 'shop' },
      new Headers({ Authorization: 'Bearer t', 'X-App': 'shop' }),
      [
        ['Authorization', 'Bearer t'],
        ['x-app', 'shop'],
      ] as [string, string][],
    ];
    for (const headers of forms) await createClient({ baseUrl: origin, headers }).fetch('/a');
    for (const s of seen) expect(s.headers).toMatchObject({ authorization: 'Bearer t', 'x-app': 'shop' });
    expect(seen).toHaveLength(3);
  });

  it('merges per-call headers over them: the call wins, case-insensitively, in every form', async () => {
    const client = createClient({
      baseUrl: origin,
      headers: { Authorization: 'Bearer default', 'x-app': 'shop', accept: 'application/json' },
    });
    await client.fetch('/a', { headers: { authorization: 'Bearer call', 'x-extra': '1' } });
    await client.fetch('/a', { headers: new Headers({ 'X-App': 'admin' }) });
    await client.fetch('/a', { headers: [['accept', 'text/plain']] });
    expect(seen[0]?.headers).toMatchObject({
      authorization: 'Bearer call',
      'x-app': 'shop',
      accept: 'application/json',
      'x-extra': '1',
    });
    expect(seen[1]?.headers).toMatchObject({ authorization: 'Bearer default', 'x-app': 'admin' });
    expect(seen[2]?.headers).toMatchObject({ authorization: 'Bearer default', accept: 'text/plain' });
  });

  it('a per-call undefined neither erases a default nor is sent as "undefined"', async () => {
    const token: string | undefined = undefined;
    const client = createClient({ baseUrl: origin, headers: { authorization: 'Bearer default' } });
    await client.fetch('/a', { headers: { authorization: token, 'x-trace': undefined } });
    expect(seen[0]?.headers.authorization).toBe('Bearer default');
    expect(seen[0]?.headers).not.toHaveProperty('x-trace');
    await createClient({ baseUrl: origin, headers: { 'x-trace': undefined } }).fetch('/a');
    expect(seen[1]?.headers).not.toHaveProperty('x-trace');
  });

  it("merges them over a Request's own headers, which win over the defaults", async () => {
    const client = createClient({ headers: { 'x-app': 'shop', 'x-tenant': 'a' } });
    await client.fetch(new Request(`${origin}/r`, { headers: { 'x-tenant': 'b' } }));
    expect(seen[0]?.headers).toMatchObject({ 'x-app': 'shop', 'x-tenant': 'b' });
  });

  it('counts a default Idempotency-Key: a POST with one is retried', async () => {
    let n = 0;
    const client = createClient({
      headers: { 'idempotency-key': 'k1' },
      baseDelayMs: 1,
      fetch: async () => new Response(null, { status: ++n === 1 ? 503 : 200 }),
    });
    const res = await client.fetch('http://127.0.0.1:9/pay', { method: 'POST', body: '{}' });
    expect(res.status).toBe(200);
    expect(n).toBe(2);
  });
});
