/**
 * `errata check` end to end: each input format and each kind of bad input
 * through the CLI's `main` on files in a temporary folder; stdin and the
 * recording proxy as a spawned process against a real server on 127.0.0.1.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { copyFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Log } from 'sarif';
import { afterAll, describe, expect, it } from 'vitest';
import type { CheckReport } from '../src/check/report/index.js';
import { runCli } from './_cli.js';

const REPO = join(import.meta.dirname, '..');
const BIN = join(REPO, 'bin/errata.js');
const FIXTURES = join(REPO, 'test/fixtures/check');
const dirs: string[] = [];
afterAll(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

/** A folder with the fixtures (errors.yaml, clean.har, bad-input.har, truncated.har) and `files`. */
function workspace(files: Record<string, string> = {}): string {
  const dir = mkdtempSync(join(tmpdir(), 'errata-check-'));
  dirs.push(dir);
  for (const f of ['errors.yaml', 'clean.har', 'bad-input.har', 'truncated.har'])
    copyFileSync(join(FIXTURES, f), join(dir, f));
  for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
  return dir;
}

const checks = (report: CheckReport) => report.findings.map((f) => [f.source?.line, f.check, f.severity]);

/** pino-http's line for a response. */
const pinoLine = (status: number, res: object = {}, req: object = {}) =>
  JSON.stringify({
    level: status >= 500 ? 50 : 30,
    time: 1767225600000,
    req: { id: 1, method: 'GET', url: '/orders/42', ...req },
    res: { statusCode: status, ...res },
    responseTime: 3,
    msg: 'request completed',
  });

const problem404 = {
  type: 'https://orders.example.com/errors#ORDER_NOT_FOUND',
  title: 'Order not found',
  status: 404,
  code: 'ORDER_NOT_FOUND',
  detail: 'No order 42 exists.',
  requestId: 'req_1',
};
const headers404 = { 'content-type': 'application/problem+json', 'x-request-id': 'req_1' };

describe('errata check <catalog> <HAR>', () => {
  it('exits 0 on traffic that keeps the contract, with every entry covered', async () => {
    const r = await runCli(['check', 'errors.yaml', 'clean.har', '--coverage'], workspace());
    expect(r.stderr).toBe('');
    expect(r.stdout).toBe(
      '3 responses (2 error responses) checked: no problems\ncoverage: 2 of 2 entries seen (100%)\n',
    );
    expect(r.code).toBe(0);
  });

  it('names each violation by its check and entry, and each bad input by its place; exit 1', async () => {
    const r = await runCli(['check', 'errors.yaml', 'bad-input.har', '--format', 'json'], workspace());
    expect(r.code).toBe(1);
    const report = JSON.parse(r.stdout) as CheckReport;
    expect(report.kind).toBe('errata-check');
    expect(report.inputs).toEqual([{ name: 'bad-input.har', format: 'har' }]);
    expect(checks(report)).toEqual([
      [1, 'status-matches', 'error'],
      [2, 'code-known', 'error'],
      [3, 'input', 'warn'],
      [3, 'type-uri', 'error'],
      [4, 'input', 'warn'],
      [6, 'input', 'warn'],
    ]);
    const messages = report.findings.map((f) => f.message);
    expect(messages[2]).toBe(
      'the body is not UTF-8 (byte 0xe9 at offset 39): read with U+FFFD in place of the bad bytes',
    );
    expect(messages[4]).toBe(
      'the response has 2 content-type headers (a field sent once); every value is checked',
    );
    expect(report.coverage.unknown).toEqual({ ORDER_LOCKED: 1 });
    expect(report.findings[1]).toMatchObject({
      code: 'ORDER_LOCKED',
      status: 409,
      method: 'GET',
      url: 'https://api.orders.example.com/orders/7/refund',
      source: { file: 'bad-input.har', line: 2 },
    });
  });

  it('reads a truncated HAR up to the cut and the other files after it; exit 2 with the line', async () => {
    const r = await runCli(
      ['check', 'errors.yaml', 'truncated.har', 'missing.har', 'clean.har'],
      workspace(),
    );
    expect(r.code).toBe(2);
    expect(r.stdout).toContain(
      'truncated.har\n  entry 3  error  the HAR ends at line 124 inside this entry (truncated?): expected the rest of the entry and the closing "]}}"  input\n',
    );
    expect(r.stdout).toContain('missing.har\n  error  cannot read missing.har: no such file  input\n');
    // Two entries of the truncated file, three of clean.har.
    expect(r.stdout).toContain('5 responses (3 error responses) checked');
  });
});

describe('maxBodyBytes', () => {
  it('skips the body checks of a body over the cap, and still checks its status', async () => {
    const dir = workspace({ 'small.yaml': 'maxBodyBytes: 100\n' });
    const r = await runCli(
      ['check', 'errors.yaml', 'clean.har', '-c', 'small.yaml', '--format', 'json'],
      dir,
    );
    const report = JSON.parse(r.stdout) as CheckReport;
    expect(report.findings.map((f) => [f.source?.line, f.check, f.message])).toEqual([
      [2, 'input', 'the body (186 B) is over the 100 B kept: its checks are skipped'],
      [3, 'input', 'the body (about 174 B) is over the 100 B kept: its checks are skipped'],
    ]);
    expect(report.coverage).toMatchObject({ errors: 2, uncoded: 2 });
    expect(r.code).toBe(0);
  });
});

describe('errata check <catalog> <NDJSON>', () => {
  const log = [
    JSON.stringify({ level: 30, time: 1, msg: 'server listening on 3000' }),
    pinoLine(200),
    pinoLine(404, { headers: headers404, body: problem404 }),
    'Error: ECONNRESET',
    pinoLine(404, { headers: headers404, body: { ...problem404, status: 400 } }, { url: '/orders/x' }),
    '',
  ].join('\n');

  it("reads pino-http's fields by default; a line that is not JSON is a warning at its line", async () => {
    const r = await runCli(['check', 'errors.yaml', 'app.log'], workspace({ 'app.log': log }));
    const lines = r.stdout.split('\n');
    expect(lines.slice(0, 2)).toEqual(['app.log', '  line 4  warn   not JSON: "Error: ECONNRESET"  input']);
    // The check's own words are the engine's; the line, the response and the check's name are the report's.
    expect(lines[2]).toMatch(
      /^ {2}line 5 {2}error {2}GET \/orders\/x → 404 ORDER_NOT_FOUND: .*400.* {2}status-matches$/,
    );
    expect(lines.slice(3)).toEqual([
      '',
      '3 responses (2 error responses) checked: 2 problems (1 error, 1 warning)',
      'coverage: 1 of 2 entries seen (50%)',
      '',
    ]);
    expect(r.code).toBe(1);
  });

  it('maps the fields of another logger with --config, and turns checks off', async () => {
    const line = (o: object) => JSON.stringify(o);
    const ecs = [
      line({
        'http.response.status_code': 404,
        http: { response: { headers: headers404, body: { content: JSON.stringify(problem404) } } },
      }),
      line({
        'http.response.status_code': 429,
        http: {
          response: {
            headers: { 'content-type': 'application/problem+json' },
            body: {
              content: JSON.stringify({
                ...problem404,
                code: 'RATE_LIMITED',
                status: 429,
                type: 'https://orders.example.com/errors#RATE_LIMITED',
                title: 'Too many requests',
                detail: 'Slow down.',
              }),
            },
          },
        },
      }),
    ].join('\n');
    const config = [
      'checks:',
      '  request-id: off',
      'fields:',
      '  status: http.response.status_code',
      '  headers: http.response.headers',
      '  body: http.response.body.content',
      '',
    ].join('\n');
    const dir = workspace({ 'ecs.ndjson': ecs, 'check.yaml': config });
    const r = await runCli(
      ['check', 'errors.yaml', 'ecs.ndjson', '-c', 'check.yaml', '--format', 'json'],
      dir,
    );
    const report = JSON.parse(r.stdout) as CheckReport;
    expect(checks(report)).toEqual([[2, 'retry-after', 'error']]);
    expect(report.coverage.seen).toEqual({ ORDER_NOT_FOUND: 1, RATE_LIMITED: 1 });
    expect(r.code).toBe(1);
  });

  it('reads - as NDJSON from stdin', async () => {
    const dir = workspace();
    const child = spawn(process.execPath, [BIN, 'check', 'errors.yaml', '-', '--format', 'json'], {
      cwd: dir,
      env: { ...process.env, NO_COLOR: '1' },
    });
    child.stdin.end(`${pinoLine(404, { headers: headers404, body: problem404 })}\n${pinoLine(410)}\n`);
    const { code, stdout } = await finished(child);
    const report = JSON.parse(stdout) as CheckReport;
    expect(report.inputs).toEqual([{ name: '-', format: 'ndjson' }]);
    expect(report.coverage).toMatchObject({
      responses: 2,
      errors: 2,
      seen: { ORDER_NOT_FOUND: 1 },
      uncoded: 1,
    });
    expect(code).toBe(0);
  }, 60_000);
});

describe('errata check <catalog> <OTLP JSON>', () => {
  it("counts coverage and unknown codes from server spans' error.type, without bodies", async () => {
    const span = (status: number, errorType?: string) => ({
      traceId: '5b8efff798038103d269b633813fc60c',
      spanId: 'eee19b7ec3c1b174',
      name: 'GET /orders/:id',
      kind: 2,
      attributes: [
        { key: 'http.request.method', value: { stringValue: 'GET' } },
        { key: 'http.route', value: { stringValue: '/orders/:id' } },
        { key: 'http.response.status_code', value: { intValue: String(status) } },
        ...(errorType ? [{ key: 'error.type', value: { stringValue: errorType } }] : []),
      ],
    });
    const line = (...spans: object[]) =>
      JSON.stringify({
        resourceSpans: [{ resource: { attributes: [] }, scopeSpans: [{ scope: { name: 'x' }, spans }] }],
      });
    const otlp = `${line(span(200), span(404, 'ORDER_NOT_FOUND'))}\n${line(span(409, 'ORDER_LOCKED'), span(500, '500'))}\n`;
    const r = await runCli(
      ['check', 'errors.yaml', 'traces.json', '--format', 'json'],
      workspace({ 'traces.json': otlp }),
    );
    const report = JSON.parse(r.stdout) as CheckReport;
    expect(report.inputs).toEqual([{ name: 'traces.json', format: 'otlp' }]);
    expect(report.coverage).toMatchObject({
      responses: 4,
      errors: 3,
      uncoded: 1,
      seen: { ORDER_NOT_FOUND: 1 },
      unknown: { ORDER_LOCKED: 1 },
      neverSeen: ['RATE_LIMITED'],
    });
    expect(report.findings.map((f) => [f.check, f.code, f.source?.line])).toEqual([
      ['code-known', 'ORDER_LOCKED', 2],
    ]);
    expect(r.code).toBe(1);
  });
});

describe('--routes and --coverage', () => {
  const routes = JSON.stringify([
    { method: 'GET', path: '/orders/:id', errors: ['ORDER_NOT_FOUND'] },
    { method: 'POST', path: '/orders', errors: ['RATE_LIMITED', 'ORDER_NOT_FOUND'] },
  ]);

  it('counts coverage per declared route; a declared entry never seen on its route is an error', async () => {
    const dir = workspace({ 'routes.json': routes });
    const r = await runCli(
      ['check', 'errors.yaml', 'clean.har', '--routes', 'routes.json', '--coverage'],
      dir,
    );
    expect(r.stdout).toBe(
      [
        'errors.yaml',
        '  error  POST /orders declares ORDER_NOT_FOUND, never observed on it  coverage',
        '',
        '3 responses (2 error responses) checked: 1 problem (1 error, 0 warnings)',
        'coverage: 2 of 2 entries seen (100%)',
        '  per route:',
        '    GET /orders/:id  1/1',
        '    POST /orders     1/2  never seen: ORDER_NOT_FOUND',
        '',
      ].join('\n'),
    );
    expect(r.code).toBe(1);
    const without = await runCli(['check', 'errors.yaml', 'clean.har', '--routes', 'routes.json'], dir);
    expect(without.code).toBe(0);
  });
});

describe('--format sarif and md', () => {
  it('points a finding about an entry at its line in the catalog, and an input problem at the input', async () => {
    const r = await runCli(['check', 'errors.yaml', 'bad-input.har', '--format', 'sarif'], workspace());
    const log = JSON.parse(r.stdout) as Log;
    expect(log.version).toBe('2.1.0');
    const [run] = log.runs;
    const rules = run?.tool.driver.rules?.map((x) => x.id) ?? [];
    expect(rules).toContain('status-matches');
    expect(rules).toContain('input');
    const results = run?.results ?? [];
    const status = results.find((x) => x.ruleId === 'status-matches');
    // ORDER_NOT_FOUND: is line 4 of errors.yaml.
    expect(status?.locations?.[0]?.physicalLocation).toEqual({
      artifactLocation: { uri: 'errors.yaml', index: 0 },
      region: { startLine: 4 },
    });
    expect(status?.relatedLocations?.[0]?.logicalLocations).toEqual([
      { fullyQualifiedName: 'log.entries[0]', kind: 'element' },
    ]);
    expect(status?.level).toBe('error');
    const input = results.find((x) => x.ruleId === 'input');
    expect(input?.locations?.[0]).toEqual({
      physicalLocation: { artifactLocation: { uri: 'bad-input.har', index: 1 } },
      logicalLocations: [{ fullyQualifiedName: 'log.entries[2]', kind: 'element' }],
    });
    expect(input?.level).toBe('warning');
    expect(r.code).toBe(1);
  });

  it('writes a pull-request comment whose cells the traffic cannot break', async () => {
    const log = [
      pinoLine(404, { headers: headers404, body: { ...problem404, status: 400 } }),
      pinoLine(404, { headers: headers404, body: { ...problem404, code: 'A|B `c` <img src=x>' } }),
      '',
    ].join('\n');
    const dir = workspace({ 'app.log': log });
    const r = await runCli(['check', 'errors.yaml', 'app.log', '--format', 'md', '-o', 'comment.md'], dir);
    expect(r.code).toBe(1);
    expect(r.stdout).toBe('');
    const lines = readFileSync(join(dir, 'comment.md'), 'utf8').split('\n');
    expect(lines.slice(0, 6)).toEqual([
      '### errata check: ❌ 2 errors',
      '',
      '2 responses (2 error responses) from `app.log`, checked against `errors.yaml`.',
      '',
      '| | check | response | problem | where |',
      '| --- | --- | --- | --- | --- |',
    ]);
    expect(lines[6]).toMatch(
      /^\| ❌ \| `status-matches` \| `GET \/orders\/42 → 404 ORDER_NOT_FOUND` \| [^|]*400[^|]* \| `app.log line 1` \|$/,
    );
    const row = lines.find((l) => l.includes('code-known')) ?? '';
    // Six cell borders, whatever the code holds; its markup shown as text.
    expect(row.replace(/\\\|/g, '').split('|')).toHaveLength(7);
    // Outside code spans, markup is escaped.
    expect(row.replace(/`` .*? ``|`[^`]*`/g, '')).not.toMatch(/(?<!\\)<img/);
    expect(row).toContain('\\<img src=x\\>');
    expect(lines).toContain('<summary>coverage: 1 of 2 entries seen (50%)</summary>');
  });
});

describe('--merge', () => {
  it('adds up the coverage of shards and lists the findings of each', async () => {
    const dir = workspace();
    const a = await runCli(
      ['check', 'errors.yaml', 'bad-input.har', '--format', 'json', '-o', 'a.json'],
      dir,
    );
    const b = await runCli(['check', 'errors.yaml', 'clean.har', '--format', 'json', '-o', 'b.json'], dir);
    expect([a.code, b.code]).toEqual([1, 0]);
    const r = await runCli(['check', '--merge', 'a.json', 'b.json', '--format', 'json'], dir);
    const merged = JSON.parse(r.stdout) as CheckReport;
    expect(merged.inputs.map((i) => i.name)).toEqual(['bad-input.har', 'clean.har']);
    expect(merged.findings).toHaveLength(6);
    expect(merged.coverage).toMatchObject({
      responses: 8,
      errors: 7,
      seen: { ORDER_NOT_FOUND: 4, RATE_LIMITED: 1 },
      unknown: { ORDER_LOCKED: 1 },
      neverSeen: [],
    });
    expect(r.code).toBe(1);
    const text = await runCli(['check', '--merge', 'b.json', '--coverage'], dir);
    expect(text.stdout).toContain('coverage: 2 of 2 entries seen (100%)');
    expect(text.code).toBe(0);
  });

  it('refuses a file that is not a report, naming it', async () => {
    const dir = workspace({ 'x.json': '{"kind": "other"}' });
    const r = await runCli(['check', '--merge', 'x.json'], dir);
    expect(r.stderr).toContain(
      'x.json is not an errata check report (expected "kind": "errata-check", "version": 1, from --format json)',
    );
    expect(r.code).toBe(2);
  });
});

describe('bad usage', () => {
  it.each([
    [
      ['check', 'errors.yaml'],
      'missing FILES: the HAR, NDJSON or OTLP JSON files to check (- for stdin), or --proxy',
    ],
    [['check'], 'missing argument CATALOG (the catalog file)'],
    [['check', 'errors.yaml', '--proxy'], '--proxy needs --target URL (the API to forward to)'],
    [
      ['check', '--merge', 'a.json', '--routes', 'r.json'],
      '--routes does not apply to --merge (the reports were checked already)',
    ],
    [
      ['check', 'errors.yaml', '--proxy', '--target', 'http://x', '--port', '99999'],
      '--port must be a port number, 0 to 65535 (got "99999")',
    ],
    [['check', 'errors.yaml', 'clean.har', '--port', '1'], '--port goes with --proxy'],
    [
      ['check', 'errors.yaml', 'clean.har', '--format', 'xml'],
      '--format must be one of text, json, sarif, md (got "xml")',
    ],
    [
      ['check', 'errors.yaml', 'clean.har', '-c', 'bad.yaml'],
      'check config bad.yaml: unknown field "rules" (known: checks, fields, dialect, negotiated, maxBodyBytes)',
    ],
    [
      ['check', 'errors.yaml', 'clean.har', '-c', 'negotiated.yaml'],
      'check config negotiated.yaml: "negotiated" must be true or a list of dialect names',
    ],
    [
      ['check', 'errors.yaml', 'clean.har', '-c', 'typo.yaml'],
      'check config: unknown check "stauts-matches"',
    ],
    [
      ['check', 'errors.yaml', 'clean.har', '--routes', 'routes.yaml'],
      'routes routes.yaml: must be [{method, path, errors: [ids]}] or {"GET /path": [ids]}',
    ],
  ])('errata %j', async (argv, message) => {
    const dir = workspace({
      'bad.yaml': 'rules: {}\n',
      'negotiated.yaml': 'negotiated: stripe\n',
      'typo.yaml': 'checks:\n  stauts-matches: off\n',
      'routes.yaml': '"GET /x"\n',
    });
    const r = await runCli(argv, dir);
    expect(r.stderr.split('\n')[0]).toContain(`error: ${message}`);
    expect(r.code).toBe(2);
  });
});

/** Waits for a child to exit; its exit code and output. */
function finished(child: ChildProcess): Promise<{ code: number | null; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  child.stdout?.on('data', (d: Buffer) => {
    stdout += d;
  });
  child.stderr?.on('data', (d: Buffer) => {
    stderr += d;
  });
  return new Promise((resolve) => child.on('close', (code) => resolve({ code, stdout, stderr })));
}

describe('errata check --proxy', () => {
  it('passes every response through unchanged, prints findings as they happen, and reports at Ctrl-C', async () => {
    // The API behind the proxy: one right answer, one wrong, one success, one gzipped error.
    const { gzipSync } = await import('node:zlib');
    const api: Server = createServer((req, res) => {
      if (req.url === '/orders/42') {
        res.writeHead(404, headers404).end(JSON.stringify(problem404));
      } else if (req.url === '/orders/7') {
        res.writeHead(410, headers404).end(JSON.stringify({ ...problem404, status: 410 }));
      } else if (req.url === '/gz') {
        res
          .writeHead(404, { ...headers404, 'content-encoding': 'gzip' })
          .end(gzipSync(JSON.stringify({ ...problem404, status: 400 })));
      } else res.writeHead(200, { 'content-type': 'application/json' }).end('{"ok":true}');
    });
    await new Promise<void>((r) => api.listen(0, '127.0.0.1', r));
    const target = `http://127.0.0.1:${(api.address() as AddressInfo).port}`;
    const child = spawn(
      process.execPath,
      [BIN, 'check', 'errors.yaml', '--proxy', '--target', target, '--coverage'],
      {
        cwd: workspace(),
        env: { ...process.env, NO_COLOR: '1' },
      },
    );
    const done = finished(child);
    let stdout = '';
    child.stdout?.on('data', (d: Buffer) => {
      stdout += d;
    });
    const proxyUrl = await new Promise<string>((resolve, reject) => {
      let err = '';
      child.stderr?.on('data', (d: Buffer) => {
        err += d;
        const m = /proxy on (http:\/\/127\.0\.0\.1:\d+)/.exec(err);
        if (m) resolve(m[1] as string);
      });
      child.on('exit', () => reject(new Error(`the proxy exited: ${err}`)));
    });
    try {
      const ok = await fetch(`${proxyUrl}/ok`);
      expect([ok.status, await ok.text()]).toEqual([200, '{"ok":true}']);
      const right = await fetch(`${proxyUrl}/orders/42`);
      expect(right.status).toBe(404);
      expect(right.headers.get('x-request-id')).toBe('req_1');
      expect(await right.json()).toEqual(problem404);
      const wrong = await fetch(`${proxyUrl}/orders/7`);
      expect(wrong.status).toBe(410);
      await wrong.text();
      // The finding prints as the response passes, before the proxy stops.
      await expect
        .poll(() => stdout, { timeout: 5000 })
        .toContain('410 ORDER_NOT_FOUND: code "ORDER_NOT_FOUND" is sent with status 410');
      const gz = await fetch(`${proxyUrl}/gz`);
      expect((await gz.json()) as object).toMatchObject({ status: 400 });
      await expect
        .poll(() => stdout, { timeout: 5000 })
        .toMatch(/\/gz → 404 ORDER_NOT_FOUND: .*400.* {2}status-matches/);
    } finally {
      child.kill('SIGINT');
      api.close();
    }
    const { code } = await done;
    expect(stdout).toContain('  error  RATE_LIMITED was never observed  coverage\n');
    expect(stdout).toContain('4 responses (3 error responses) checked: 3 problems (3 errors, 0 warnings)');
    expect(stdout).toContain('  never seen: RATE_LIMITED');
    expect(code).toBe(1);
  }, 60_000);
});
