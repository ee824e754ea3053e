// The client on the other runtimes it is for: Bun and Deno run one esbuild
// bundle of it against a node:http server on loopback.
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../../', import.meta.url));
const bin = (name: string) => join(root, 'node_modules', '.bin', name);

const SCRIPT = `
import { createClient, ErrataClientError } from './src/client/index.ts';
const [base, run] = globalThis.Deno ? Deno.args : process.argv.slice(2);
const client = createClient({ baseDelayMs: 5, random: () => 0.5 });
const out = {};
const res = await client.fetch(base + '/flaky?run=' + run);
out.flaky = [res.status, await res.text()];
const html = await client.fromResponse(await fetch(base + '/html'));
out.html = [html instanceof ErrataClientError, html.status, html.code ?? null, html.message, html.retryable];
try {
  await client.fetch(base + '/problem');
} catch (e) {
  out.problem = [e.code, e.status, e.dialect, e.requestId, e.retryable];
}
const big = await client.fromResponse(await fetch(base + '/big'));
out.big = [big.body.length, big.truncated];
const controller = new AbortController();
setTimeout(() => controller.abort(new Error('stop')), 50);
try {
  await client.fetch(base + '/wait', { signal: controller.signal });
} catch (e) {
  out.abort = e.message;
}
console.log('RESULT ' + JSON.stringify(out));
`;

let dir: string;
let server: Server;
let base: string;
const seen = new Map<string, number>();

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'errata-client-'));
  const out = await build({
    stdin: { contents: SCRIPT, resolveDir: root, loader: 'ts' },
    bundle: true,
    platform: 'neutral',
    format: 'esm',
    write: false,
    logLevel: 'silent',
  });
  writeFileSync(join(dir, 'client.mjs'), out.outputFiles[0]?.text ?? '');
  server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://x');
    if (url.pathname === '/flaky') {
      const n = (seen.get(url.search) ?? 0) + 1;
      seen.set(url.search, n);
      if (n === 1) res.writeHead(503).end();
      else res.writeHead(200).end('recovered');
    } else if (url.pathname === '/html') {
      res.writeHead(502, { 'content-type': 'text/html' }).end('<h1>Bad gateway</h1>');
    } else if (url.pathname === '/problem') {
      res
        .writeHead(404, { 'content-type': 'application/problem+json' })
        .end('{"title":"Not found","status":404,"code":"GONE","requestId":"req_1"}');
    } else if (url.pathname === '/big') {
      res.writeHead(500, { 'content-type': 'application/json' });
      res.end(Buffer.alloc(5 * 1024 * 1024, 0x61));
    } else {
      res.writeHead(503, { 'retry-after': '5' }).end();
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  rmSync(dir, { recursive: true, force: true });
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});

function runScript(cmd: string, args: string[]): Promise<unknown> {
  return new Promise((resolve, reject) => {
    execFile(
      cmd,
      args,
      { cwd: dir, timeout: 30_000, env: { ...process.env, NO_COLOR: '1' } },
      (error, stdout, stderr) => {
        const line = stdout.split('\n').find((l) => l.startsWith('RESULT '));
        if (line === undefined)
          reject(new Error(`${cmd} failed: ${error?.message ?? ''}\n${stdout}${stderr}`));
        else resolve(JSON.parse(line.slice(7)));
      },
    );
  });
}

const EXPECTED = {
  flaky: [200, 'recovered'],
  html: [true, 502, null, 'Bad Gateway', true],
  problem: ['GONE', 404, 'problem', 'req_1', false],
  big: [1024 * 1024, true],
  abort: 'stop',
};

describe('errata/client on other runtimes', () => {
  it('parses, retries, caps and aborts under Bun', async () => {
    expect(await runScript(bin('bun'), ['client.mjs', base, 'bun'])).toEqual(EXPECTED);
    expect(seen.get('?run=bun')).toBe(2);
  });

  it('parses, retries, caps and aborts under Deno', async () => {
    expect(
      await runScript(bin('deno'), ['run', '--allow-net=127.0.0.1', 'client.mjs', base, 'deno']),
    ).toEqual(EXPECTED);
    expect(seen.get('?run=deno')).toBe(2);
  });
});
