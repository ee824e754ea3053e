/**
 * Documentation generators on a generated 5,000-entry catalog: Markdown, HTML,
 * OpenAPI and the JSON export, each from the model (as `errata docs` runs
 * them), and all four from one shared reference. Target: all formats under 1 s
 * in total. Baseline: the JSON export (one JSON.stringify of the model).
 * Run: npx tsx bench/docs.ts [entries]   (default 5000)
 */
import { normalizeCatalog } from '../src/catalog/normalize.js';
import {
  buildReference,
  generateHtml,
  generateJson,
  generateMarkdown,
  generateOpenApi,
  renderHtml,
  renderMarkdown,
  renderOpenApi,
} from '../src/docs/index.js';

const n = Number(process.argv[2] ?? 5000);
const categories = Array.from({ length: 25 }, (_, i) => `Category ${i}`);
const statuses = [400, 401, 403, 404, 409, 410, 422, 429, 500, 502, 503, 504];
const errors: Record<string, unknown> = {};
for (let i = 0; i < n; i++) {
  const status = statuses[i % statuses.length] as number;
  errors[`ERROR_${i}`] = {
    status,
    category: categories[i % categories.length],
    title: `Error number ${i}`,
    message: `Entry ${i}: no {name} in {stage} after {count:integer} tries.`,
    description: `Happens when entry ${i} is asked for something that is not there. It can also mean the caller <lacks> access & more.`,
    remediation: `Check the name and the stage, then try again | or ask support about ${i}.`,
    retry: status === 429 ? { afterMs: 60_000 } : status >= 500,
    ...(i % 7 === 0 && { details: { type: 'object', properties: { field: { type: 'string' } } } }),
    ...(i % 50 === 1 && { deprecated: { since: '2.0', replacedBy: 'ERROR_0' } }),
  };
}
const { model } = normalizeCatalog({
  name: 'bench',
  version: '1.0.0',
  docs: 'https://docs.example.com/errors',
  categories,
  errors,
});

interface Row {
  name: string;
  ms: number;
  bytes: number;
}

/** Mean wall time of `fn` over `runs` runs after one warm-up run. */
function time(name: string, fn: () => string, runs = 5): Row {
  let bytes = fn().length;
  const t0 = performance.now();
  for (let i = 0; i < runs; i++) bytes = fn().length;
  return { name, ms: (performance.now() - t0) / runs, bytes };
}

const rows: Row[] = [
  time('json (export, baseline)', () => generateJson(model)),
  time('markdown', () => generateMarkdown(model, { dialect: 'problem' })),
  time('html', () => generateHtml(model, { dialect: 'problem' })),
  time('openapi', () => JSON.stringify(generateOpenApi(model, { dialect: 'problem' }))),
  time('all four, one shared reference', () => {
    const ref = buildReference(model, { dialect: 'problem' });
    return generateJson(model) + renderMarkdown(ref) + renderHtml(ref) + JSON.stringify(renderOpenApi(ref));
  }),
  time('buildReference alone (examples + schema)', () => String(buildReference(model).entries.length)),
];

const base = rows[0]?.ms ?? Number.NaN;
console.log(
  `\nDocumentation of a ${n.toLocaleString('en')}-entry catalog (mean of 5 runs after a warm-up)\n`,
);
console.log('| case | mean | output | ratio to json |');
console.log('|---|---:|---:|---:|');
for (const r of rows)
  console.log(
    `| ${r.name} | ${r.ms.toFixed(1)} ms | ${(r.bytes / 1e6).toFixed(2)} MB | ${(r.ms / base).toFixed(1)}x |`,
  );
const separate = rows.slice(0, 4).reduce((s, r) => s + r.ms, 0);
const shared = rows[4]?.ms ?? Number.NaN;
console.log(
  `\nAll formats: ${separate.toFixed(0)} ms generated one by one, ${shared.toFixed(0)} ms from one shared reference (target: under 1000 ms).`,
);

// The HTML page in Chromium (when Debian's chromium is installed): its size and how long a
// search takes to answer a keystroke, from the input event to the frame after the result, and
// the renderer's main-thread CPU time for it (which other work on the machine hardly moves).
// Targets: under 5 MB, under 50 ms.
const html = generateHtml(model, { dialect: 'problem' });
console.log(`\nHTML page: ${(Buffer.byteLength(html) / 1e6).toFixed(2)} MB (target: under 5 MB).`);
const { existsSync } = await import('node:fs');
if (existsSync(process.env.ERRATA_CHROMIUM ?? '/usr/bin/chromium')) {
  const { chromium } = await import('playwright-core');
  const { CHROMIUM, CHROMIUM_ARGS } = await import('../test/browser/setup.js');
  const { median, searchCpu, searchLatencies, TYPED } = await import('../test/browser/_search-latency.js');
  const { createServer } = await import('node:http');
  const server = createServer((_req, res) => res.writeHead(200, { 'content-type': 'text/html' }).end(html));
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const port = (server.address() as { port: number }).port;
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
  for (const viewport of [
    { name: 'desktop 1280×900', width: 1280, height: 900 },
    { name: 'phone 390×844', width: 390, height: 844 },
  ]) {
    const page = await browser.newPage({ viewport });
    const t0 = performance.now();
    await page.goto(`http://127.0.0.1:${port}/`);
    const load = performance.now() - t0;
    await searchLatencies(page, ['warm', '']);
    const times = await searchLatencies(page, TYPED);
    const cpu = await searchCpu(browser, page, TYPED);
    const typing = times.slice(0, -1);
    console.log(
      `search, ${viewport.name}: load ${load.toFixed(0)} ms; every keystroke median ${median(times).toFixed(1)} ms (typing median ${median(
        typing,
      ).toFixed(1)}, max ${Math.max(...typing).toFixed(1)}; clearing, all entries shown again, ${(
        times.at(-1) ?? 0
      ).toFixed(
        1,
      )}); renderer CPU a keystroke median ${median(cpu).toFixed(1)} ms, clearing ${(cpu.at(-1) ?? 0).toFixed(1)} ms (target: under 50 ms)`,
    );
    await page.close();
  }
  await browser.close();
  server.close();
} else console.log('Chromium not installed: search latency not measured.');
