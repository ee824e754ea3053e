/**
 * Requests per second of an error response, per framework, on loopback:
 *   (a) a hand-written 404 JSON response (the baseline),
 *   (b) the same 404 thrown as an errata error through the adapter,
 *   (c) a plain `Error` subclass thrown to the framework's own error handler,
 *   (d) the errata error answered without a throw (`errors.respond(…)`): errata's own cost.
 * Each framework's servers run in a child process; autocannon runs here, the
 * cases alternating round by round. Run: npx tsx bench/adapters.ts [framework …]
 */
import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import type { AddressInfo } from 'node:net';
import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';

interface LoadResult {
  requests: { average: number; total: number };
  non2xx: number;
}
// autocannon ships no types.
const autocannon = createRequire(import.meta.url)('autocannon') as (options: {
  url: string;
  connections: number;
  duration: number;
}) => Promise<LoadResult>;

const FRAMEWORKS = ['fetch', 'hono', 'express', 'fastify'] as const;
type Framework = (typeof FRAMEWORKS)[number];
const ROUNDS = Number(process.env.ROUNDS ?? 3);
const DURATION = Number(process.env.DURATION ?? 2);
const CONNECTIONS = 32;

// ---------------------------------------------------------------------------
// Servers (child process)

/**
 * A thing that exists: the (b) and (c) handlers answer it with a 200, and the warm-up asks for it,
 * as real handlers do not only throw. A function that only ever throws never leaves V8's
 * interpreter (its tier-up budget is spent on returns and loops, never on a throw), which would
 * charge an interpreted handler to the error cases.
 */
const KNOWN = 'known';

class NotFoundError extends Error {
  override name = 'NotFoundError';
  status = 404;
  statusCode = 404;
}

async function serve(fw: Framework): Promise<void> {
  const { defineCatalog } = await import('../src/catalog/define.js');
  const api = defineCatalog({
    name: 'bench',
    docs: 'https://docs.example.com/bench/errors',
    errors: { THING_NOT_FOUND: { status: 404, category: 'Things', message: 'No thing named {name}.' } },
  });
  const options = { catalog: api, onError: () => {}, development: false };
  // (a): what a careful hand-written handler sends: the same problem body, request id included.
  const handWritten = (name: string, path: string, incoming: string | null | undefined) => {
    const requestId = incoming ?? crypto.randomUUID();
    return {
      headers: { 'content-type': 'application/problem+json', 'x-request-id': requestId },
      body: JSON.stringify({
        type: 'https://docs.example.com/bench/errors#THING_NOT_FOUND',
        title: 'Not Found',
        status: 404,
        code: 'THING_NOT_FOUND',
        detail: `No thing named ${name}.`,
        instance: path,
        requestId,
      }),
    };
  };
  let ports: number[] = [];

  if (fw === 'fetch' || fw === 'hono') {
    const { serve: nodeServe } = await import('@hono/node-server');
    const up = (fetch: (r: Request) => Response | Promise<Response>) =>
      new Promise<number>((resolve) => {
        const s = nodeServe({ fetch, port: 0, hostname: '127.0.0.1' }, () =>
          resolve((s.address() as AddressInfo).port),
        );
      });
    if (fw === 'fetch') {
      const { errata } = await import('../src/adapters/fetch.js');
      const errors = errata(options);
      const routes = (req: Request) => {
        const url = new URL(req.url);
        const name = url.pathname.slice(3);
        if (url.pathname.startsWith('/a/')) {
          const h = handWritten(name, url.pathname, req.headers.get('x-request-id'));
          return new Response(h.body, { status: 404, headers: h.headers });
        }
        if (name === KNOWN) return Response.json({ name });
        if (url.pathname.startsWith('/b/')) throw api.error('THING_NOT_FOUND', { name });
        if (url.pathname.startsWith('/d/'))
          return errors.respond(api.error('THING_NOT_FOUND', { name }), req);
        throw new NotFoundError(`No thing named ${name}.`);
      };
      ports = [await up(errors.handle(routes)), await up(routes)];
    } else {
      const { Hono } = await import('hono');
      const { errata } = await import('../src/adapters/hono.js');
      const app = new Hono();
      const errors = errata(app, options);
      app.get('/d/:name', (c) =>
        errors.respond(api.error('THING_NOT_FOUND', { name: c.req.param('name') }), c),
      );
      app.get('/a/:name', (c) => {
        const h = handWritten(c.req.param('name'), c.req.path, c.req.header('x-request-id'));
        return c.body(h.body, 404, h.headers);
      });
      app.get('/b/:name', (c) => {
        const name = c.req.param('name');
        if (name === KNOWN) return c.json({ name });
        throw api.error('THING_NOT_FOUND', { name });
      });
      const plain = new Hono();
      plain.get('/c/:name', (c) => {
        const name = c.req.param('name');
        if (name === KNOWN) return c.json({ name });
        throw new NotFoundError(`No thing named ${name}.`);
      });
      ports = [await up(app.fetch), await up(plain.fetch)];
    }
  } else if (fw === 'express') {
    const { default: express } = await import('express');
    const { errata } = await import('../src/adapters/express.js');
    const up = (app: ReturnType<typeof express>) =>
      new Promise<number>((resolve) => {
        const s = app.listen(0, '127.0.0.1', () => resolve((s.address() as AddressInfo).port));
      });
    const app = express();
    const errors = errata(options);
    app.get('/a/:name', (req, res) => {
      const h = handWritten(req.params.name, req.path, req.headers['x-request-id'] as string | undefined);
      res.status(404).set(h.headers).send(h.body);
    });
    app.get('/b/:name', (req, res) => {
      const name = req.params.name;
      if (name === KNOWN) return void res.json({ name });
      throw api.error('THING_NOT_FOUND', { name });
    });
    app.get('/d/:name', (req, res) =>
      errors.respond(api.error('THING_NOT_FOUND', { name: req.params.name }), req, res),
    );
    app.use(errors.handler);
    const plain = express();
    plain.get('/c/:name', (req, res) => {
      const name = req.params.name;
      if (name === KNOWN) return void res.json({ name });
      throw new NotFoundError(`No thing named ${name}.`);
    });
    ports = [await up(app), await up(plain)];
  } else {
    const { default: Fastify } = await import('fastify');
    const { errata } = await import('../src/adapters/fastify.js');
    const app = Fastify();
    const plugin = errata(options);
    await app.register(plugin);
    app.get<{ Params: { name: string } }>('/d/:name', (req, reply) =>
      plugin.respond(api.error('THING_NOT_FOUND', { name: req.params.name }), req, reply),
    );
    // Fastify's fastest form: a synchronous handler that sends and returns nothing.
    app.get<{ Params: { name: string } }>('/a/:name', (req, reply) => {
      const h = handWritten(req.params.name, req.url, req.headers['x-request-id'] as string | undefined);
      reply.code(404).headers(h.headers).send(Buffer.from(h.body));
    });
    app.get<{ Params: { name: string } }>('/b/:name', (req) => {
      const name = req.params.name;
      if (name === KNOWN) return { name };
      throw api.error('THING_NOT_FOUND', { name });
    });
    const plain = Fastify();
    plain.get<{ Params: { name: string } }>('/c/:name', (req) => {
      const name = req.params.name;
      if (name === KNOWN) return { name };
      throw new NotFoundError(`No thing named ${name}.`);
    });
    await app.listen({ port: 0, host: '127.0.0.1' });
    await plain.listen({ port: 0, host: '127.0.0.1' });
    ports = [(app.server.address() as AddressInfo).port, (plain.server.address() as AddressInfo).port];
  }
  // The load side asks for the server's CPU time around each run: a per-request cost that other
  // processes on the machine disturb far less than requests per second.
  process.on('message', () => process.send?.(process.cpuUsage()));
  // A normal exit, so that `node --cpu-prof` can write its profile.
  process.on('SIGTERM', () => process.exit(0));
  console.log(`PORTS ${ports.join(' ')}`);
}

// ---------------------------------------------------------------------------
// Load (this process)

/**
 * The servers run as plain JavaScript, bundled by esbuild, as an application
 * runs in production: under tsx's loader every `throw` costs several
 * microseconds more, which would be charged to case (b).
 */
async function bundleServers(): Promise<string> {
  const { build } = await import('esbuild');
  const out = fileURLToPath(new URL('../node_modules/.cache/errata-bench/adapters.mjs', import.meta.url));
  await build({
    entryPoints: [fileURLToPath(import.meta.url)],
    outfile: out,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    packages: 'external',
    logLevel: 'error',
  });
  return out;
}

function startServers(
  script: string,
  fw: Framework,
): Promise<{ child: ChildProcess; errata: number; plain: number }> {
  return new Promise((resolve, reject) => {
    const [command, args] = pinned
      ? ['taskset', ['-c', String(cpus - 1), process.execPath, script, 'serve', fw]]
      : [process.execPath, [script, 'serve', fw]];
    const child = spawn(command, args, {
      // Express's own handler (case c) prints every error's stack to stderr, as it does in production.
      stdio: ['ignore', 'pipe', 'pipe', 'ipc'],
      env: { ...process.env, NODE_ENV: 'production' },
    });
    let out = '';
    let err = '';
    child.stderr?.on('data', (d: Buffer) => {
      if (err.length < 10_000) err += d;
    });
    child.stdout?.on('data', (d: Buffer) => {
      out += d;
      const m = /PORTS (\d+) (\d+)/.exec(out);
      if (m) resolve({ child, errata: Number(m[1]), plain: Number(m[2]) });
    });
    child.on('exit', (code) => reject(new Error(`${fw} server exited with ${code}\n${err}`)));
  });
}

function cpu(child: ChildProcess): Promise<number> {
  return new Promise((resolve) => {
    child.once('message', (m: { user: number; system: number }) => resolve(m.user + m.system));
    child.send('cpu');
  });
}

/** One run: requests per second, and the server's CPU microseconds per request. */
async function measure(child: ChildProcess, url: string): Promise<{ rps: number; cpuUs: number }> {
  const before = await cpu(child);
  const r = await autocannon({ url, connections: CONNECTIONS, duration: DURATION });
  const after = await cpu(child);
  return { rps: r.requests.average, cpuUs: (after - before) / Math.max(1, r.requests.total) };
}

/**
 * With two CPUs or more and `taskset` (util-linux), the server runs on the last
 * CPU and the load on the first: neither migrates, and the rounds vary far less
 * (on a 2-core machine, requests per second of one case spread 3% pinned,
 * 10% not). `PIN=0` turns it off.
 */
const cpus = availableParallelism();
const pinned =
  process.env.PIN !== '0' &&
  cpus >= 2 &&
  spawnSync('taskset', ['-p', '-c', '0', String(process.pid)], { stdio: 'ignore' }).status === 0;

async function main(): Promise<void> {
  const only = process.argv
    .slice(2)
    .filter((a): a is Framework => (FRAMEWORKS as readonly string[]).includes(a));
  const list = only.length > 0 ? only : [...FRAMEWORKS];
  const rows: string[] = [];
  const script = await bundleServers();
  for (const fw of list) {
    const { child, errata, plain } = await startServers(script, fw);
    try {
      const urls = {
        a: `http://127.0.0.1:${errata}/a/widget`,
        b: `http://127.0.0.1:${errata}/b/widget`,
        c: `http://127.0.0.1:${plain}/c/widget`,
        d: `http://127.0.0.1:${errata}/d/widget`,
      };
      // The (b) and (c) handlers' success path, then each case: a warm-up, and a check that each
      // case answers an error (status ≥ 400) rather than 200.
      for (const url of [urls.b, urls.c]) {
        const ok = url.replace(/widget$/, KNOWN);
        const w = await autocannon({ url: ok, connections: 8, duration: 1 });
        if (w.non2xx !== 0) throw new Error(`${ok} answered an error`);
      }
      for (const url of Object.values(urls)) {
        const w = await autocannon({ url, connections: 8, duration: 1 });
        if (w.non2xx !== w.requests.total) throw new Error(`${url} answered some 2xx`);
      }
      const got = { a: [] as number[], b: [] as number[], c: [] as number[], d: [] as number[] };
      const cost = { a: [] as number[], b: [] as number[], c: [] as number[], d: [] as number[] };
      for (let round = 0; round < ROUNDS; round++)
        for (const k of ['a', 'b', 'c', 'd'] as const) {
          const m = await measure(child, urls[k]);
          got[k].push(m.rps);
          cost[k].push(m.cpuUs);
        }
      // Other processes only ever slow a run down: the best round is the least disturbed one.
      const best = (xs: number[]) => Math.max(...xs).toFixed(0);
      const least = (xs: number[]) => Math.min(...xs);
      const [a, b, c, d] = [got.a, got.b, got.c, got.d].map((xs) => Math.max(...xs)) as [
        number,
        number,
        number,
        number,
      ];
      const [ca, cb, cc, cd] = [cost.a, cost.b, cost.c, cost.d].map(least) as [
        number,
        number,
        number,
        number,
      ];
      // Each round's (b) over the same round's (a), whose median a slow drift of the machine cannot move.
      const paired = (xs: number[]) => {
        const r = xs.map((x, i) => x / (got.a[i] ?? x)).sort((p, q) => p - q);
        return (r[Math.floor(r.length / 2)] ?? 0).toFixed(2);
      };
      rows.push(
        `| ${fw} | ${best(got.a)} | ${best(got.b)} | **${(b / a).toFixed(2)}x** | ${paired(got.b)}x | ${best(got.c)} | ${(c / a).toFixed(2)}x | ${best(got.d)} | ${(d / a).toFixed(2)}x | ${ca.toFixed(1)} / ${cb.toFixed(1)} / ${cc.toFixed(1)} / ${cd.toFixed(1)} | **${(ca / cb).toFixed(2)}x** | ${(ca / cd).toFixed(2)}x |`,
      );
      console.error(
        `${fw}: rps a ${got.a.map(Math.round)} b ${got.b.map(Math.round)} c ${got.c.map(Math.round)}`,
      );
    } finally {
      child.kill();
    }
  }
  console.log(
    `\nError responses per second on loopback (autocannon, ${CONNECTIONS} connections, ${ROUNDS} alternating rounds of ${DURATION} s, best round of each case${pinned ? `; server pinned to CPU ${cpus - 1}, load to CPU 0` : ''})\n`,
  );
  console.log(
    '| framework | (a) hand-written 404 rps | (b) errata error thrown rps | b / a | b / a, median of rounds | (c) plain Error, own handler rps | c / a | (d) errata, no throw rps | d / a | server CPU µs per request a / b / c / d | capacity b / a (CPU) | capacity d / a (CPU) |',
  );
  console.log('|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|');
  for (const r of rows) console.log(r);
}

if (process.argv[2] === 'serve') await serve(process.argv[3] as Framework);
else await main();
