/**
 * `errata import` on large inputs: a 5,000-entry Markdown reference page (a
 * table per category), the same page as HTML, and an OpenAPI spec of about
 * 5 MB (JSON, every error response a `$ref` to a shared response or schema),
 * each read, recognized and built into a draft as the command does (files
 * read from a temporary folder). Target: each under 1 s. Baseline: reading
 * and `JSON.parse` of the spec's text.
 * Run: npx tsx bench/import.ts [entries]   (default 5000)
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { importSources } from '../src/import/index.js';

const n = Number(process.argv[2] ?? 5000);
const dir = mkdtempSync(join(tmpdir(), 'errata-bench-import-'));
const statuses = [400, 401, 403, 404, 409, 422, 429, 500, 503];
const categories = Array.from({ length: 25 }, (_, i) => `Category ${i}`);

// A page: one table per category under its heading.
const md: string[] = ['# Bench API errors', '', 'Every error response carries a code.', ''];
const html: string[] = [
  '<!doctype html><html><body><h1>Bench API errors</h1><p>Every error response carries a code.</p>',
];
const per = Math.ceil(n / categories.length);
for (const [c, category] of categories.entries()) {
  md.push(
    `## ${category}`,
    '',
    '| Code | HTTP status | Description | Retryable | How to fix |',
    '| --- | --- | --- | --- | --- |',
  );
  html.push(
    `<h2>${category}</h2><table><thead><tr><th>Code</th><th>Status</th><th>Description</th><th>Retry</th></tr></thead><tbody>`,
  );
  for (let i = c * per; i < Math.min(n, (c + 1) * per); i++) {
    const status = statuses[i % statuses.length] as number;
    md.push(
      `| \`ERROR_${i}\` | ${status} | Entry ${i} is not there, or the caller lacks access. | ${status >= 500 ? 'Yes' : 'No'} | Check the name, then retry later. |`,
    );
    html.push(
      `<tr><td><code>ERROR_${i}</code></td><td>${status}</td><td>Entry ${i} is not there.</td><td>${status >= 500 ? 'Yes' : 'No'}</td></tr>`,
    );
  }
  md.push('');
  html.push('</tbody></table>');
}
html.push('</body></html>');
writeFileSync(join(dir, 'errors.md'), md.join('\n'));
writeFileSync(join(dir, 'errors.html'), html.join('\n'));

// A spec of about 5 MB: operations whose error responses share components by $ref.
const paths: Record<string, unknown> = {};
let op = 0;
const spec = {
  openapi: '3.1.0',
  info: { title: 'Bench API', version: '1.0.0' },
  paths,
  components: {
    schemas: {
      Error: { type: 'object', properties: { code: { type: 'string' }, message: { type: 'string' } } },
    },
    responses: {
      Unauthorized: {
        description: 'The token is missing.',
        content: {
          'application/json': {
            schema: { $ref: '#/components/schemas/Error' },
            example: { code: 'unauthorized', message: 'Sign in.' },
          },
        },
      },
    },
  },
};
// The size is counted per operation added (stringifying the whole spec each time was quadratic).
let size = JSON.stringify(spec).length;
while (size < 5 * 1024 * 1024) {
  const responses: Record<string, unknown> = {
    '200': { description: 'OK.' },
    '401': { $ref: '#/components/responses/Unauthorized' },
  };
  for (const status of [400, 404, 409, 422]) {
    const code = `op${op}_${status}`;
    responses[String(status)] = {
      description: `Operation ${op} fails with ${status}: a longer sentence that says why, as real specs do.`,
      content: {
        'application/json': {
          schema: { $ref: '#/components/schemas/Error' },
          examples: {
            one: {
              value: { code, message: `Operation ${op} failed: ${status}.`, details: { field: 'name' } },
            },
          },
        },
      },
    };
  }
  const path = `/resources${op}/{id}`;
  paths[path] = { get: { tags: [`Tag ${op % 40}`], responses } };
  size += JSON.stringify(path).length + JSON.stringify(paths[path]).length + 2;
  op++;
}
writeFileSync(join(dir, 'openapi.json'), JSON.stringify(spec));
const specBytes = readFileSync(join(dir, 'openapi.json')).length;

/**
 * The median CPU time (user + system) of some runs, in ms: on a shared
 * machine the wall time mostly measures the wait for a core.
 */
async function time(fn: () => Promise<unknown>, runs = 3): Promise<number> {
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = process.cpuUsage();
    await fn();
    const used = process.cpuUsage(start);
    times.push((used.user + used.system) / 1000);
  }
  return times.sort((a, b) => a - b)[Math.floor(runs / 2)] as number;
}

const entries = async (name: string) => {
  const r = await importSources([name], { cwd: dir });
  return r.draft ? Object.keys(r.draft.errors).length : 0;
};
const counts = {
  md: await entries('errors.md'),
  html: await entries('errors.html'),
  spec: await entries('openapi.json'),
};
const baseline = await time(async () => JSON.parse(readFileSync(join(dir, 'openapi.json'), 'utf8')));
const rows: Array<[string, number]> = [
  ['read + JSON.parse of the spec (baseline)', baseline],
  [`Markdown page, ${counts.md} entries`, await time(() => importSources(['errors.md'], { cwd: dir }))],
  [`HTML page, ${counts.html} entries`, await time(() => importSources(['errors.html'], { cwd: dir }))],
  [
    `OpenAPI spec, ${(specBytes / 1024 / 1024).toFixed(1)} MB, ${counts.spec} entries`,
    await time(() => importSources(['openapi.json'], { cwd: dir })),
  ],
];
rmSync(dir, { recursive: true, force: true });

console.log('\nerrata import (median CPU time of 3 runs; target: each under 1 s)\n');
console.log('| case | median | ratio to baseline | target |');
console.log('|---|---:|---:|---|');
for (const [name, ms] of rows)
  console.log(
    `| ${name} | ${ms.toFixed(0)} ms | ${(ms / baseline).toFixed(1)}x | ${name.includes('baseline') ? '' : ms < 1000 ? 'met' : 'NOT met'} |`,
  );
