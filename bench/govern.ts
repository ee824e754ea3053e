/**
 * Governance on a generated 5,000-entry catalog: `lint` with every built-in
 * rule, `diff` against a version with ~5% of entries changed, and the lock
 * check, side by side with normalizing the catalog (the baseline: the work
 * every command does before governing anything). Target: lint + diff < 300 ms.
 * Run: npx tsx bench/govern.ts
 */
import { exportCatalog } from '../src/catalog/export.js';
import { normalizeCatalog } from '../src/catalog/normalize.js';
import { builtinRules, checkLock, diffCatalogs, lint } from '../src/govern/index.js';

const N = 5000;
const statuses = [400, 401, 403, 404, 409, 422, 429, 500, 502, 503];

function doc(variant: number): Record<string, unknown> {
  const errors: Record<string, unknown> = {};
  for (let i = 0; i < N; i++) {
    const status = statuses[i % statuses.length] as number;
    const changed = variant > 0 && i % 20 === 0;
    errors[`ERROR_${i}`] = {
      // Every 10th entry shares a code, as real catalogs do.
      ...(i % 10 === 0 && { code: `SHARED_${Math.floor(i / 100)}` }),
      status: changed && status === 404 ? 410 : status,
      category: `Area ${i % 25}`,
      title: `Error number ${i}`,
      message: changed ? `Resource {id} in {org} failed (${i}).` : `Resource {id} in {org} failed with ${i}.`,
      description: `Returned when operation ${i} fails. See https://docs.example.com/ops/${i}.`,
      remediation: i % 3 === 0 ? 'Fix the request and send it again.' : undefined,
      retry: status >= 500 || status === 429 ? { afterMs: 1000 } : false,
      details: {
        type: 'object',
        properties: {
          id: { type: 'string' },
          count: { type: changed ? 'integer' : 'number' },
          ...(!(changed && i % 40 === 0) && { reason: { enum: ['a', 'b', 'c'] } }),
        },
        required: ['id'],
      },
    };
  }
  if (variant > 0) {
    for (let i = 0; i < 50; i++) delete errors[`ERROR_${i * 97 + 1}`];
    for (let i = 0; i < 50; i++) errors[`NEW_${i}`] = { status: 400, title: 'New', message: 'New.' };
  }
  return { name: 'bench', docs: 'https://docs.example.com/errors', errors };
}

const oldDoc = doc(0);
const newDoc = doc(1);
const oldModel = normalizeCatalog(oldDoc).model;
const newModel = normalizeCatalog(newDoc).model;
const lockText = exportCatalog(oldModel);

/** Median and minimum of `rounds` runs after a warm-up (the median resists GC pauses and a busy machine). */
function time(fn: () => unknown, rounds = 30): { median: number; min: number } {
  for (let i = 0; i < 3; i++) fn();
  const runs: number[] = [];
  for (let i = 0; i < rounds; i++) {
    const t = performance.now();
    fn();
    runs.push(performance.now() - t);
  }
  runs.sort((a, b) => a - b);
  return { median: runs[runs.length >> 1] as number, min: runs[0] as number };
}

const findings = lint(newModel).length;
const changes = diffCatalogs(oldModel, newModel).length;
const cases: [string, () => unknown][] = [
  ['normalize (baseline)', () => normalizeCatalog(newDoc)],
  [`lint, ${builtinRules.length} rules`, () => lint(newModel)],
  ['diff', () => diffCatalogs(oldModel, newModel)],
  ['lint + diff', () => [lint(newModel), diffCatalogs(oldModel, newModel)]],
  ['lock --check (export + compare + diff)', () => checkLock(newModel, oldModel, lockText)],
];
const results = cases.map(([name, fn]) => [name, time(fn)] as const);
const base = results[0]?.[1].median ?? Number.NaN;
console.log(`\n${N}-entry catalog: ${findings} findings, ${changes} changes\n`);
console.log('| case | median | min | ratio to normalize |');
console.log('|---|---:|---:|---:|');
for (const [name, r] of results)
  console.log(
    `| ${name} | ${r.median.toFixed(1)} ms | ${r.min.toFixed(1)} ms | ${(r.median / base).toFixed(2)}x |`,
  );

const total = results.find(([n]) => n === 'lint + diff')?.[1].median ?? Number.NaN;
console.log(
  `\nlint + diff, median: ${total.toFixed(1)} ms (target < 300 ms: ${total < 300 ? 'met' : 'MISSED'})`,
);

console.log('\nslowest rules\n');
console.log('| rule | median |');
console.log('|---|---:|');
const perRule = builtinRules
  .map((r) => [r.id, time(() => lint(newModel, { rules: [r] }), 9).median] as const)
  .sort((a, b) => b[1] - a[1])
  .slice(0, 5);
for (const [id, ms] of perRule) console.log(`| ${id} | ${ms.toFixed(2)} ms |`);
