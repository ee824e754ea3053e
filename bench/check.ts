/**
 * `errata check` over a large NDJSON request log (pino-http lines, 1 in 10 an
 * error response with its body, some of them wrong), on one core: MB/s and
 * peak RSS of each case, each in its own process, side by side with a
 * hand-written loop (read the file in chunks, split lines, `JSON.parse` each:
 * the limit). Then the same pipeline at several input sizes, to show memory
 * does not grow with the input; and a HAR of the same traffic (streamed JSON).
 * Targets: ≥ 100 MB/s of NDJSON checked, < 200 MB peak RSS at any size.
 * Run: npx tsx bench/check.ts   (CHECK_BENCH_MB=1024 for a 1 GB log; ROUNDS=3)
 * Profile one case: npx tsx bench/check.ts --generate FILE MB (writes FILE and
 * FILE.catalog.yaml), run the bench once (it bundles the cases), then
 * node --cpu-prof node_modules/.cache/errata-bench-check.mjs 'errata check (read + check)' FILE FILE.catalog.yaml
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, openSync, rmSync, writeFileSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const SIZE_MB = Number(process.env.CHECK_BENCH_MB ?? 256);
const ROUNDS = Number(process.env.ROUNDS ?? 3);

const CATALOG = `name: bench
docs: https://api.example.com/errors
errors:
  ORDER_NOT_FOUND: { status: 404, title: Order not found, message: "No order {orderId} exists." }
  OUT_OF_STOCK: { status: 409, title: Out of stock, message: "{sku} is out of stock." }
  RATE_LIMITED: { status: 429, title: Too many requests, message: Slow down., retry: { afterMs: 60000 } }
  INVALID_REQUEST: { status: 400, title: Invalid request, message: The request is invalid. }
  INTERNAL_ERROR: { status: 500, title: Internal error, message: An internal error occurred., expose: false }
`;

/** One log line: a success most of the time; every 10th an error response, every 50th a wrong one. */
function line(i: number): string {
  const req = {
    id: i,
    method: i % 3 === 0 ? 'POST' : 'GET',
    url: `/orders/${i}`,
    headers: { host: 'api.example.com', 'user-agent': 'bench/1.0', accept: 'application/json' },
  };
  const base = { level: 30, time: 1767225600000 + i, pid: 4242, hostname: 'api-1', req };
  if (i % 10 !== 0)
    return JSON.stringify({
      ...base,
      res: {
        statusCode: 200,
        headers: { 'content-type': 'application/json', 'content-length': '42', 'x-request-id': `req_${i}` },
      },
      responseTime: 3,
      msg: 'request completed',
    });
  const wrong = i % 50 === 0;
  const body = {
    type: `https://api.example.com/errors#ORDER_NOT_FOUND`,
    title: 'Order not found',
    status: wrong ? 400 : 404,
    code: 'ORDER_NOT_FOUND',
    detail: `No order ${i} exists.`,
    requestId: `req_${i}`,
  };
  return JSON.stringify({
    ...base,
    res: {
      statusCode: 404,
      headers: { 'content-type': 'application/problem+json', 'x-request-id': `req_${i}` },
      body,
    },
    responseTime: 2,
    msg: 'request completed',
  });
}

/** Writes about `mb` megabytes of log lines (in 4 MB buffers, so generating stays bounded too). */
function generate(path: string, mb: number): number {
  const fd = openSync(path, 'w');
  let written = 0;
  let i = 0;
  while (written < mb * 1024 * 1024) {
    const lines: string[] = [];
    let size = 0;
    while (size < 4 * 1024 * 1024) {
      const l = line(i++);
      lines.push(l);
      size += l.length + 1;
    }
    written += writeSync(fd, `${lines.join('\n')}\n`);
  }
  return written;
}

/** The same traffic as a HAR file (entries streamed out one by one). */
function generateHar(path: string, mb: number): number {
  const fd = openSync(path, 'w');
  let written = writeSync(
    fd,
    '{"log":{"version":"1.2","creator":{"name":"bench","version":"1"},"entries":[\n',
  );
  for (let i = 0; written < mb * 1024 * 1024; i++) {
    const l = JSON.parse(line(i)) as {
      req: { method: string; url: string };
      res: { statusCode: number; headers: Record<string, string>; body?: unknown };
    };
    const entry = {
      request: { method: l.req.method, url: `https://api.example.com${l.req.url}`, headers: [] },
      response: {
        status: l.res.statusCode,
        headers: Object.entries(l.res.headers).map(([name, value]) => ({ name, value })),
        content: {
          mimeType: l.res.headers['content-type'],
          text: l.res.body === undefined ? '{"ok":true}' : JSON.stringify(l.res.body),
        },
      },
    };
    written += writeSync(fd, `${i === 0 ? '' : ',\n'}${JSON.stringify(entry, null, 2)}`);
  }
  return written + writeSync(fd, ']}}\n');
}

// ---- the cases (bench/check-cases.ts), each run in a child process from
// the bundle `bundleCases` builds: errata's modules as the CLI ships them,
// bundled by esbuild for Node 20 and run by plain `node` (tsx's transform
// keeps function names at a cost per closure, and its loader holds tens of
// MB, neither of which the shipped CLI has).

async function bundleCases(): Promise<string> {
  const { build } = await import('esbuild');
  // Inside the project, so that the packages left out of the bundle resolve; two
  // folders down, as dist/cli is, so that the catalog loader finds ../../schema.
  const outfile = join(import.meta.dirname, '../node_modules/.cache/errata-bench-check.mjs');
  await build({
    entryPoints: [join(import.meta.dirname, 'check-cases.ts')],
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    packages: 'external',
    outfile,
    logLevel: 'error',
  });
  return outfile;
}

let casesBundle = '';
const CASE_NAMES = [
  'JSON.parse per line (baseline)',
  'errata readers (no checks)',
  'errata check (read + check)',
  'errata check, HAR (read + check)',
];

interface Measured {
  readonly seconds: number;
  /** CPU time of the process (user + system): on a busy machine, closer to the work done than wall time. */
  readonly cpuSeconds: number;
  readonly rssMb: number;
  readonly count: number;
}

function runCase(name: string, file: string, catalog: string): Measured {
  // One core: the child is pinned to CPU 0 when taskset exists.
  const args = [casesBundle, name, file, catalog];
  const pinned = spawnSync('taskset', ['-c', '0', process.execPath, ...args], { encoding: 'utf8' });
  const r = pinned.error ? spawnSync(process.execPath, args, { encoding: 'utf8' }) : pinned;
  if (r.status !== 0) throw new Error(`${name} failed: ${r.stderr}`);
  return JSON.parse(r.stdout.trim().split('\n').pop() as string) as Measured;
}

if (process.argv[2] === '--generate') {
  const [, , , file, mb] = process.argv;
  generate(file as string, Number(mb));
  writeFileSync(`${file}.catalog.yaml`, CATALOG);
} else {
  const dir = mkdtempSync(join(tmpdir(), 'errata-bench-check-'));
  try {
    casesBundle = await bundleCases();
    const catalog = join(dir, 'errors.yaml');
    writeFileSync(catalog, CATALOG);
    const log = join(dir, 'app.ndjson');
    const bytes = generate(log, SIZE_MB);
    const mb = bytes / 1024 / 1024;
    console.log(
      `\nNDJSON log: ${mb.toFixed(0)} MB, ${ROUNDS} rounds, best of each (one process per run, pinned to one CPU)\n`,
    );
    const names = CASE_NAMES.filter((n) => !n.includes('HAR'));
    const best = new Map<string, Measured>();
    for (let round = 0; round < ROUNDS; round++)
      for (const name of names) {
        const m = runCase(name, log, catalog);
        const prev = best.get(name);
        if (prev === undefined || m.cpuSeconds < prev.cpuSeconds)
          best.set(name, { ...m, rssMb: Math.max(m.rssMb, prev?.rssMb ?? 0) });
      }
    const base = best.get(names[0] as string) as Measured;
    console.log('| case | MB/s (wall) | MB/s (CPU time) | ratio to baseline (CPU) | peak RSS |');
    console.log('|---|---:|---:|---:|---:|');
    for (const name of names) {
      const m = best.get(name) as Measured;
      console.log(
        `| ${name} | ${(mb / m.seconds).toFixed(0)} | ${(mb / m.cpuSeconds).toFixed(0)} | ${(base.cpuSeconds / m.cpuSeconds).toFixed(2)}x | ${m.rssMb.toFixed(0)} MB |`,
      );
    }
    const checked = best.get('errata check (read + check)') as Measured;
    const rate = mb / Math.max(checked.seconds, checked.cpuSeconds);
    console.log(
      `\nerrata check: ${rate.toFixed(0)} MB/s (target ≥ 100: ${rate >= 100 ? 'met' : 'MISSED'}), ${checked.count} findings; load average ${(await import('node:os')).loadavg()[0]?.toFixed(1)}`,
    );

    console.log('\npeak RSS by input size (errata check, one run each)\n');
    console.log('| input | MB/s | peak RSS |');
    console.log('|---:|---:|---:|');
    let worst = 0;
    for (const size of [16, 64, SIZE_MB]) {
      const file = size === SIZE_MB ? log : join(dir, `app-${size}.ndjson`);
      const b = size === SIZE_MB ? bytes : generate(file, size);
      const m = runCase('errata check (read + check)', file, catalog);
      worst = Math.max(worst, m.rssMb);
      console.log(
        `| ${(b / 1024 / 1024).toFixed(0)} MB | ${(b / 1024 / 1024 / m.seconds).toFixed(0)} | ${m.rssMb.toFixed(0)} MB |`,
      );
      if (size !== SIZE_MB) rmSync(file);
    }
    console.log(
      `\npeak RSS at most ${worst.toFixed(0)} MB (target < 200 MB: ${worst < 200 ? 'met' : 'MISSED'})`,
    );

    const har = join(dir, 'traffic.har');
    const harBytes = generateHar(har, Math.min(64, SIZE_MB));
    const m = runCase('errata check, HAR (read + check)', har, catalog);
    console.log(
      `\nHAR of the same traffic, ${(harBytes / 1024 / 1024).toFixed(0)} MB: ${(harBytes / 1024 / 1024 / m.seconds).toFixed(0)} MB/s, peak RSS ${m.rssMb.toFixed(0)} MB`,
    );
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
