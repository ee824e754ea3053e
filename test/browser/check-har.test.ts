/**
 * `errata check` over a HAR recorded by real Chromium (Debian's `chromium`,
 * driven by playwright-core's `recordHar`) against the demo API: every request
 * of examples/demo/requests.ts, sent by the page with fetch, so every route and
 * every error the demo can send is in the file. The demo passes with every
 * code it declares seen.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BROKEN_VARIABLE, DEMO_ORG_TOKENS, DEMO_TOKEN } from '../../examples/demo/app.js';
import { demoCatalog } from '../../examples/demo/catalog.js';
import { demoRequests } from '../../examples/demo/requests.js';
import { type Demo, startDemo } from '../../examples/demo/server.js';
import type { CheckReport } from '../../src/check/report/index.js';
import { runCli } from '../_cli.js';
import { CHROMIUM_ARGS, ensureChromium } from './setup.js';

interface Sent {
  readonly url: string;
  readonly method: string;
  readonly headers: Record<string, string>;
  readonly body?: string;
}

/**
 * The requests a demo command sends, read from its words as curl would (the
 * list quotes every URL, header and body in single quotes): `-H`, `-d`,
 * `--data-binary @-` after `yes | head -c N`, `-X`, and a `for` loop's repeats.
 */
function curlRequests(command: string): Sent[] {
  const loop = /^for i in ((?:\d+ ?)+); do (.*); done$/.exec(command);
  if (loop)
    return (loop[1] as string)
      .trim()
      .split(' ')
      .flatMap(() => curlRequests(loop[2] as string));
  let words = [...command.matchAll(/'([^']*)'|(\S+)/g)].map((m) => m[1] ?? (m[2] as string));
  let stdin: string | undefined;
  if (words[0] === 'yes') {
    const n = Number(words[4]);
    stdin = 'y\n'.repeat(n / 2 + 1).slice(0, n);
    words = words.slice(words.indexOf('curl'));
  }
  const headers: Record<string, string> = {};
  let method: string | undefined;
  let body: string | undefined;
  let url = '';
  for (let i = 1; i < words.length && words[i] !== '|'; i++) {
    const w = words[i] as string;
    if (w === '-H') {
      const [name, ...value] = (words[++i] as string).split(':');
      headers[(name as string).trim()] = value.join(':').trim();
    } else if (w === '-d' || w === '--data-binary') {
      const data = words[++i] as string;
      body = data === '@-' ? stdin : data;
    } else if (w === '-X') method = words[++i];
    else if (/^https?:/.test(w)) url = w;
  }
  return [
    {
      url,
      method: method ?? (body === undefined ? 'GET' : 'POST'),
      headers,
      ...(body !== undefined && { body }),
    },
  ];
}

let demo: Demo;
let dir: string;
beforeAll(async () => {
  demo = await startDemo(0, { onError: () => {}, deviceCodeTtlMs: DEVICE_CODE_TTL });
  dir = mkdtempSync(join(tmpdir(), 'errata-check-har-'));
});
afterAll(async () => {
  await demo?.close();
  rmSync(dir, { recursive: true, force: true });
});

/** A device code's lifetime in this demo: short, so that one can expire during the test. */
const DEVICE_CODE_TTL = 200;

/** The requests that reach the codes of org states and of the CLI device flow, which the demo list leaves out. */
function orgAndDeviceRequests(url: string): Sent[] {
  const json = { 'Content-Type': 'application/json' };
  const bearer = (token: string) => ({ ...json, Authorization: `Bearer ${token}` });
  const variable = `${url}/v1/variables/production/API_URL`;
  return [
    { url: variable, method: 'GET', headers: bearer(DEMO_ORG_TOKENS.revoked) },
    { url: variable, method: 'GET', headers: bearer(DEMO_ORG_TOKENS.outage) },
    { url: `${url}/v1/variables/${BROKEN_VARIABLE}`, method: 'GET', headers: bearer(DEMO_TOKEN) },
    {
      url: `${url}/v1/variables`,
      method: 'POST',
      headers: bearer(DEMO_ORG_TOKENS.free),
      body: JSON.stringify({ stage: 'staging', name: 'A', value: 'v' }),
    },
    {
      url: `${url}/v1/variables`,
      method: 'POST',
      headers: bearer(DEMO_TOKEN),
      body: JSON.stringify({ stage: 'staging', name: 'A', value: 'v', orgSlug: 'another-org' }),
    },
    { url: variable, method: 'GET', headers: bearer(DEMO_ORG_TOKENS.free) },
    ...[DEMO_ORG_TOKENS.revoked, DEMO_ORG_TOKENS.outage].map((token) => ({
      url: `${url}/v1/variables`,
      method: 'POST',
      headers: bearer(token),
      body: JSON.stringify({ stage: 'staging', name: 'A', value: 'v' }),
    })),
    {
      url: `${url}/v1/cli/device/token`,
      method: 'POST',
      headers: json,
      body: JSON.stringify({ deviceCode: 'no-such-code' }),
    },
    // Each device route's malformed and invalid bodies; the approval's missing and revoked tokens.
    ...['/v1/cli/device/complete', '/v1/cli/device/token', '/v1/cli/token/refresh'].flatMap((path) => [
      { url: url + path, method: 'POST', headers: bearer(DEMO_TOKEN), body: '{"userCode":' },
      { url: url + path, method: 'POST', headers: bearer(DEMO_TOKEN), body: '{}' },
    ]),
    { url: `${url}/v1/cli/device/complete`, method: 'POST', headers: json, body: '{"userCode":"ABCDEFGH"}' },
    {
      url: `${url}/v1/cli/device/complete`,
      method: 'POST',
      headers: bearer(DEMO_ORG_TOKENS.revoked),
      body: '{"userCode":"ABCDEFGH"}',
    },
    {
      url: `${url}/v1/cli/device/complete`,
      method: 'POST',
      headers: bearer(DEMO_TOKEN),
      body: '{"userCode":"ABCDEFGH"}',
    },
    {
      url: `${url}/v1/cli/device/complete`,
      method: 'POST',
      headers: bearer(DEMO_TOKEN),
      body: JSON.stringify({ userCode: 'abc' }),
    },
    {
      url: `${url}/v1/cli/token/refresh`,
      method: 'POST',
      headers: json,
      body: JSON.stringify({ refreshToken: 'rt_unknown' }),
    },
  ];
}

describe('errata check over a HAR that Chromium recorded against the demo', () => {
  it('reads the curl commands of the demo list as requests', () => {
    const list = demoRequests('http://d');
    expect(curlRequests(list.find((r) => r.statuses.includes(413))?.command ?? '')).toEqual([
      {
        url: 'http://d/v1/variables',
        method: 'POST',
        headers: { Authorization: 'Bearer demo-token', 'Content-Type': 'application/json' },
        body: 'y\n'.repeat(10_000),
      },
    ]);
    expect(curlRequests(list.find((r) => r.statuses.includes(429))?.command ?? '')).toHaveLength(4);
    expect(curlRequests("curl -i -X DELETE 'http://d/v1/crash'")[0]?.method).toBe('DELETE');
  });

  it('passes, with every code the demo declares seen', async () => {
    const browser = await chromium.launch({ executablePath: ensureChromium(), args: CHROMIUM_ARGS });
    const har = join(dir, 'demo.har');
    try {
      const context = await browser.newContext({ recordHar: { path: har, content: 'embed' } });
      const page = await context.newPage();
      await page.goto(`${demo.url}/`);
      const requests = [
        ...demoRequests(demo.url).flatMap((r) => curlRequests(r.command)),
        // The routes the list does not reach: the reference pages, and POST without a token.
        { url: `${demo.url}/errors`, method: 'GET', headers: {} },
        { url: `${demo.url}/errors.md`, method: 'GET', headers: {} },
        {
          url: `${demo.url}/v1/variables`,
          method: 'POST',
          headers: { 'Content-Type': 'application/json' },
          body: '{}',
        },
        ...orgAndDeviceRequests(demo.url),
      ];
      const statuses = await page.evaluate(async (list: Sent[]) => {
        const out: number[] = [];
        for (const r of list) {
          const res = await fetch(r.url, { method: r.method, headers: r.headers, body: r.body ?? null });
          await res.text();
          out.push(res.status);
        }
        return out;
      }, requests);
      expect(statuses.filter((s) => s >= 400).length).toBeGreaterThan(15);
      // Device codes left unused past their lifetime: DEVICE_CODE_EXPIRED, on exchange and on approval.
      const expired = await page.evaluate(
        async ({ url, ttl, token }) => {
          const post = (path: string, body: object, auth?: string) =>
            fetch(url + path, {
              method: 'POST',
              headers: {
                'Content-Type': 'application/json',
                ...(auth !== undefined && { Authorization: `Bearer ${auth}` }),
              },
              body: JSON.stringify(body),
            });
          const start = async () =>
            (await (await post('/v1/cli/device/start', {})).json()) as {
              deviceCode: string;
              userCode: string;
            };
          const [a, b] = [await start(), await start()];
          await new Promise((r) => setTimeout(r, ttl + 50));
          const out: number[] = [];
          for (const res of [
            await post('/v1/cli/device/token', { deviceCode: a.deviceCode }),
            await post('/v1/cli/device/complete', { userCode: b.userCode }, token),
          ]) {
            await res.text();
            out.push(res.status);
          }
          return out;
        },
        { url: demo.url, ttl: DEVICE_CODE_TTL, token: DEMO_TOKEN },
      );
      expect(expired).toEqual([410, 410]); // the status the seed page gives DEVICE_CODE_EXPIRED
      await context.close();
    } finally {
      await browser.close();
    }
    // The catalog as the demo serves it (its docs URL is the demo's), and its routes from its contract.
    writeFileSync(join(dir, 'catalog.json'), JSON.stringify(demoCatalog(`${demo.url}/errors`).model));
    const spec = (await (await fetch(`${demo.url}/openapi.json`)).json()) as {
      paths: Record<string, Record<string, { 'x-errata-errors'?: string[] }>>;
    };
    const routes = Object.entries(spec.paths).flatMap(([path, item]) =>
      Object.entries(item).map(([method, op]) => ({ method, path, errors: op['x-errata-errors'] ?? [] })),
    );
    writeFileSync(join(dir, 'routes.json'), JSON.stringify(routes));
    // The demo answers in any dialect a request asks for (?dialect=stripe): the config says so.
    writeFileSync(join(dir, 'check.json'), JSON.stringify({ negotiated: true }));

    const argv = [
      'check',
      'catalog.json',
      'demo.har',
      '--routes',
      'routes.json',
      '-c',
      'check.json',
      '--format',
      'json',
    ];
    const r = await runCli(argv, dir);
    const report = JSON.parse(r.stdout) as CheckReport;
    expect(report.inputs).toEqual([{ name: 'demo.har', format: 'har' }]);
    expect(report.findings).toEqual([]);
    expect(r.code).toBe(0);
    // Every code a route declares was sent, and the two no route can declare (no route, no method).
    const canSend = new Set([...routes.flatMap((x) => x.errors), 'ROUTE_NOT_FOUND', 'METHOD_NOT_ALLOWED']);
    expect(
      [...canSend].filter((id) => !(report.coverage.seen[id] ?? 0)),
      JSON.stringify([...canSend].filter((id) => !(report.coverage.seen[id] ?? 0))),
    ).toEqual([]);
    expect(report.coverage.unknown).toEqual({});
    expect(report.coverage.uncoded).toBe(0);
    // Per route, what is left unseen is only the internal error every route declares for a crash.
    expect(
      Object.values(report.coverage.neverSeenByRoute)
        .flat()
        .filter((id) => id !== 'INTERNAL_ERROR'),
    ).toEqual([]);
    // The recorded file is Chromium's own HAR 1.2.
    const log = JSON.parse(readFileSync(join(dir, 'demo.har'), 'utf8')) as {
      log: { version: string; creator: { name: string } };
    };
    expect(log.log.version).toBe('1.2');
    expect(log.log.creator.name).toBe('Playwright');
  }, 120_000);
});
