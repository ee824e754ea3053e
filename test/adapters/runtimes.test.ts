// The fetch adapter on the runtimes it is for: Bun, Deno and Cloudflare's
// workerd (through miniflare), each running one esbuild bundle.
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { Miniflare } from 'miniflare';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../../', import.meta.url));
const bin = (name: string) => join(root, 'node_modules', '.bin', name);

const ENTRY = `
import { errata } from './src/adapters/fetch.ts';
import { defineCatalog } from './src/catalog/define.ts';
const api = defineCatalog({
  name: 'edge',
  docs: 'https://docs.example.com/edge',
  errors: {
    INTERNAL: { status: 500, message: 'Broken.' },
    GONE: { status: 404, message: 'No {what} here.' },
    SLOW_DOWN: { status: 429, message: 'Slow down.', retry: { strategy: 'after', afterMs: 5000 } },
  },
});
const errors = errata({ catalog: api, onError: () => {} });
export const handler = errors.handle(async (request) => {
  const path = new URL(request.url).pathname;
  if (path === '/boom') throw new Error('postgres://root:hunter2@db');
  if (path === '/slow') throw api.error('SLOW_DOWN');
  if (path === '/body') return Response.json(await errors.readJson(request));
  if (path.startsWith('/gone/')) throw api.error('GONE', { what: path.slice(6) });
  return undefined;
});
export default { fetch: handler };
`;

let dir: string;
let bundle: string;
beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'errata-rt-'));
  const out = await build({
    stdin: { contents: ENTRY, resolveDir: root, loader: 'ts', sourcefile: 'entry.ts' },
    bundle: true,
    format: 'esm',
    platform: 'neutral',
    target: 'es2022',
    write: false,
  });
  bundle = out.outputFiles[0]?.text ?? '';
  writeFileSync(join(dir, 'handler.mjs'), bundle);
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function expectEdgeAnswers(
  base: string,
  fetcher: (url: string, init?: RequestInit) => Promise<Response>,
) {
  const gone = await fetcher(`${base}/gone/widget`, { headers: { 'x-request-id': 'edge-1' } });
  expect(gone.status).toBe(404);
  expect(gone.headers.get('content-type')).toBe('application/problem+json');
  expect(await gone.text()).toBe(
    '{"type":"https://docs.example.com/edge#GONE","title":"Not Found","status":404,"code":"GONE","detail":"No widget here.","instance":"/gone/widget","requestId":"edge-1"}',
  );
  const boom = await fetcher(`${base}/boom`);
  expect(boom.status).toBe(500);
  const text = await boom.text();
  expect(text).not.toContain('hunter2');
  expect(JSON.parse(text).requestId).toMatch(/^[0-9a-f-]{36}$/);
  const slow = await fetcher(`${base}/slow`);
  expect(slow.status).toBe(429);
  expect(slow.headers.get('retry-after')).toBe('5');
  await slow.text();
  const bad = await fetcher(`${base}/body`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: '{nope',
  });
  expect(bad.status).toBe(400);
  expect(((await bad.json()) as { code: string }).code).toBe('MALFORMED_BODY');
  const none = await fetcher(`${base}/nowhere`);
  expect(none.status).toBe(404);
  expect(((await none.json()) as { code: string }).code).toBe('NOT_FOUND');
}

/** Starts a server script under a runtime; resolves with its port once it prints `PORT n`. */
function startProcess(cmd: string, args: string[]): Promise<{ child: ChildProcess; port: number }> {
  return new Promise((resolve, reject) => {
    const child = spawn(cmd, args, {
      cwd: dir,
      stdio: ['ignore', 'pipe', 'pipe'],
      env: { ...process.env, NO_COLOR: '1' },
    });
    let out = '';
    let err = '';
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`${cmd} did not start in 20 s: ${out}${err}`));
    }, 20_000);
    child.stdout?.on('data', (d: Buffer) => {
      out += d;
      const m = /PORT (\d+)/.exec(out);
      if (m) {
        clearTimeout(timer);
        resolve({ child, port: Number(m[1]) });
      }
    });
    child.stderr?.on('data', (d: Buffer) => {
      err += d;
    });
    child.on('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`${cmd} exited with ${code}: ${out}${err}`));
    });
  });
}

async function stop(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null) return;
  const exited = new Promise((r) => child.once('exit', r));
  child.kill('SIGTERM');
  await Promise.race([exited, new Promise((r) => setTimeout(r, 3000))]);
  if (child.exitCode === null) child.kill('SIGKILL');
}

describe('fetch adapter on other runtimes', () => {
  it('serves catalog errors under Bun', async () => {
    writeFileSync(
      join(dir, 'bun.mjs'),
      `import { handler } from './handler.mjs';
const s = Bun.serve({ port: 0, hostname: '127.0.0.1', fetch: handler });
console.log('PORT ' + s.port);`,
    );
    const { child, port } = await startProcess(bin('bun'), ['bun.mjs']);
    try {
      await expectEdgeAnswers(`http://127.0.0.1:${port}`, fetch);
    } finally {
      await stop(child);
    }
  }, 40_000);

  it('serves catalog errors under Deno', async () => {
    writeFileSync(
      join(dir, 'deno.mjs'),
      `import { handler } from './handler.mjs';
Deno.serve({ port: 0, hostname: '127.0.0.1', onListen: ({ port }) => console.log('PORT ' + port) }, handler);`,
    );
    const { child, port } = await startProcess(bin('deno'), [
      'run',
      '--allow-net',
      '--no-prompt',
      'deno.mjs',
    ]);
    try {
      await expectEdgeAnswers(`http://127.0.0.1:${port}`, fetch);
    } finally {
      await stop(child);
    }
  }, 40_000);

  it('serves catalog errors under workerd (miniflare)', async () => {
    // The module list is given, as wrangler gives it, rather than discovered from the script.
    const mf = new Miniflare({
      modules: [{ type: 'ESModule', path: 'worker.mjs', contents: bundle }],
      compatibilityDate: '2025-09-01',
    });
    try {
      await expectEdgeAnswers(
        'http://localhost',
        (url, init) => mf.dispatchFetch(url, init as never) as unknown as Promise<Response>,
      );
    } finally {
      await mf.dispose();
    }
  }, 40_000);
});
