/**
 * Every example app in examples/ passes `errata check`: each started on
 * 127.0.0.1 behind the recording proxy (`errata check <catalog> --proxy`),
 * sent a request for every route and every error it can answer, and the
 * report at the end has no error and every entry seen but the internal error
 * (no example has a route that crashes).
 */
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { start as startExpress } from '../examples/express/app.js';
import { start as startFastify } from '../examples/fastify/app.js';
import { start as startFetch } from '../examples/fetch/app.js';
import { start as startHono } from '../examples/hono/app.js';
import type { CheckReport } from '../src/check/report/index.js';
import { runProxy } from '../src/cli/commands/_check-proxy.js';

type Started = { url: string; close(): Promise<void> };
const REPO = join(import.meta.dirname, '..');
const examples: [string, string, (port: number) => Promise<Started>][] = [
  ['express', 'examples/express/catalog.yaml', startExpress],
  ['fastify', 'examples/fastify/catalog.ts', startFastify],
  ['hono', 'examples/hono/catalog.yaml', startHono],
  ['fetch', 'examples/fetch/catalog.ts', startFetch],
];

/** Every route and error of the orders API: as examples/README.md lists them, and the failures. */
async function exercise(base: string): Promise<number[]> {
  const json = { 'content-type': 'application/json' };
  const send = async (path: string, init: RequestInit = {}) => {
    const res = await fetch(`${base}${path}`, init);
    await res.arrayBuffer();
    return res.status;
  };
  const created = await fetch(`${base}/orders`, {
    method: 'POST',
    headers: json,
    body: JSON.stringify({ sku: 'TEA-001', quantity: 1 }),
  });
  const { id } = (await created.json()) as { id: string };
  return [
    created.status,
    await send(`/orders/${id}`),
    await send('/orders/nope'),
    await send('/orders', { method: 'POST', headers: json, body: '{"sku":"CUP-002","quantity":3}' }),
    await send('/orders', { method: 'POST', headers: json, body: '{"sku":"tea","quantity":0}' }),
    await send('/orders', { method: 'POST', headers: json, body: '{"sku":' }),
    await send('/orders', {
      method: 'POST',
      headers: { 'content-type': 'application/xml' },
      body: '<order/>',
    }),
    await send('/orders', { method: 'POST', headers: json, body: `{"sku":"${'x'.repeat(20_000)}"}` }),
    await send('/orders', { method: 'DELETE' }),
    await send('/no/such/route'),
  ];
}

describe.each(examples)('examples/%s passes errata check', (_name, catalog, start) => {
  let app: Started;
  beforeAll(async () => {
    app = await start(0);
  });
  afterAll(() => app?.close());

  it('every response through the recording proxy keeps the catalog, every entry but the crash seen', async () => {
    let stdout = '';
    let stderr = '';
    let stop = () => {};
    const stopped = new Promise<void>((resolve) => {
      stop = resolve;
    });
    const io = {
      stdout: (t: string) => {
        stdout += t;
      },
      stderr: (t: string) => {
        stderr += t;
      },
      color: false,
      cwd: REPO,
    };
    const run = runProxy({ catalog, target: app.url, port: 0, format: 'json', coverage: false }, io, stopped);
    await expect
      .poll(() => /proxy on (http:\/\/\S+) /.exec(stderr)?.[1] ?? '', { timeout: 90_000 })
      .toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    const proxy = /proxy on (http:\/\/\S+) /.exec(stderr)?.[1] as string;
    const statuses = await exercise(proxy);
    expect(statuses).toEqual([201, 200, 404, 409, 422, 400, 415, 413, 405, 404]);
    stop();
    const code = await run;
    const report = JSON.parse(stdout) as CheckReport;
    expect(report.findings.filter((f) => f.severity === 'error')).toEqual([]);
    expect(code).toBe(0);
    expect(report.coverage).toMatchObject({ responses: 10, errors: 8, uncoded: 0, unknown: {} });
    expect(report.coverage.neverSeen).toEqual(['INTERNAL_ERROR']);
  }, 150_000);
});
