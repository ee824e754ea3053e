/**
 * The demo's own traffic, recorded here with fetch against the demo server
 * on 127.0.0.1 into a HAR and an NDJSON log, imported by `errata import`:
 * the codes and statuses it answered, each as the demo's catalog has it.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoCatalog } from '../../examples/demo/catalog.js';
import { type Demo, startDemo } from '../../examples/demo/server.js';
import { runCli } from '../_cli.js';

const auth = { authorization: 'Bearer demo-token' };
const json = { ...auth, 'content-type': 'application/json' };
const REQUESTS: Array<{ method?: string; path: string; headers?: Record<string, string>; body?: string }> = [
  { path: '/v1/variables/production/API_URL', headers: auth },
  { path: '/v1/variables/production/API_URL' },
  { path: '/v1/variables/staging/MISSING', headers: auth },
  { path: '/v1/variables/staging/MISSING?dialect=barekey', headers: auth },
  { path: '/v1/variables/staging/MISSING?dialect=google', headers: auth },
  { method: 'POST', path: '/v1/variables', headers: json, body: '{"stage":"qa","name":"lower","value":3}' },
  { method: 'POST', path: '/v1/variables', headers: json, body: '{"stage":' },
  {
    method: 'POST',
    path: '/v1/variables',
    headers: { ...auth, 'content-type': 'text/plain' },
    body: 'hello',
  },
  { method: 'POST', path: '/v1/variables', headers: json, body: 'y'.repeat(20_000) },
  { path: '/v1/crash' },
  { method: 'DELETE', path: '/v1/crash' },
  { path: '/v2/nothing' },
  ...Array.from({ length: 5 }, () => ({ path: '/v1/usage' })),
];

let demo: Demo;
let dir: string;
const recorded: Array<{ status: number; code?: string }> = [];

beforeAll(async () => {
  demo = await startDemo(0, { onError: () => {} });
  dir = mkdtempSync(join(tmpdir(), 'errata-import-traffic-'));
  const entries: unknown[] = [];
  const lines: string[] = [];
  for (const r of REQUESTS) {
    const url = `${demo.url}${r.path}`;
    const res = await fetch(url, {
      method: r.method ?? 'GET',
      headers: r.headers ?? {},
      ...(r.body !== undefined ? { body: r.body } : {}),
    });
    const text = await res.text();
    const headers = [...res.headers].map(([name, value]) => ({ name, value }));
    entries.push({
      startedDateTime: new Date().toISOString(),
      time: 1,
      request: {
        method: r.method ?? 'GET',
        url,
        httpVersion: 'HTTP/1.1',
        headers: [],
        queryString: [],
        cookies: [],
        headersSize: -1,
        bodySize: -1,
      },
      response: {
        status: res.status,
        statusText: res.statusText,
        httpVersion: 'HTTP/1.1',
        headers,
        cookies: [],
        content: { size: text.length, mimeType: res.headers.get('content-type') ?? '', text },
        redirectURL: '',
        headersSize: -1,
        bodySize: text.length,
      },
      cache: {},
      timings: { send: 0, wait: 1, receive: 0 },
    });
    lines.push(
      JSON.stringify({
        req: { method: r.method ?? 'GET', url: r.path },
        res: { statusCode: res.status, headers: Object.fromEntries(res.headers), body: text },
      }),
    );
    recorded.push({ status: res.status });
  }
  writeFileSync(
    join(dir, 'demo.har'),
    JSON.stringify({ log: { version: '1.2', creator: { name: 'errata test', version: '1' }, entries } }),
  );
  writeFileSync(join(dir, 'demo.ndjson'), `${lines.join('\n')}\n`);
});
afterAll(async () => {
  await demo.close();
  rmSync(dir, { recursive: true, force: true });
});

type Entry = {
  code?: string;
  status: number;
  message?: string;
  'x-import': { seen?: number; routes?: string[] };
};

describe.each(['demo.har', 'demo.ndjson'])('errata import %s', (file) => {
  it('yields the codes and statuses the demo answered, each as its catalog has it', async () => {
    const r = await runCli(['import', file, '--format', 'json'], dir);
    expect(r.code, r.stderr).toBe(0);
    const draft = JSON.parse(r.stdout) as { errors: Record<string, Entry> };
    const got = Object.fromEntries(Object.entries(draft.errors).map(([id, e]) => [e.code ?? id, e.status]));
    expect(got).toEqual({
      UNAUTHORIZED: 401,
      VARIABLE_NOT_FOUND: 404,
      INVALID_REQUEST: 400,
      INVALID_JSON: 400,
      UNSUPPORTED_MEDIA_TYPE: 415,
      PAYLOAD_TOO_LARGE: 413,
      INTERNAL_ERROR: 500,
      METHOD_NOT_ALLOWED: 405,
      ROUTE_NOT_FOUND: 404,
      RATE_LIMITED: 429,
    });
    const catalog = demoCatalog();
    for (const [code, status] of Object.entries(got))
      expect(catalog.model.errors[code]?.status, code).toBe(status);
    // The same error seen in three dialects is one entry, seen three times.
    expect(draft.errors.VARIABLE_NOT_FOUND?.['x-import'].seen).toBe(3);
    expect(draft.errors.VARIABLE_NOT_FOUND?.['x-import'].routes?.[0]).toMatch(
      /^GET \/v1\/variables\/staging\/MISSING/,
    );
    expect(recorded.filter((x) => x.status >= 400)).toHaveLength(REQUESTS.length - 1 - 3);
    expect(r.stderr).toMatch(/errata import: 10 entries/);
  });
});
