/**
 * What the catalog's types cost the compiler: generated catalogs of N entries,
 * each entry used once, checked by `tsc --noEmit --extendedDiagnostics`.
 * Run: npx tsx bench/types.ts [sizes…]   (default 100 1000)
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const sizes = process.argv
  .slice(2)
  .map(Number)
  .filter((n) => n > 0);
const dir = join(import.meta.dirname, '.types-tmp');

function catalogSource(n: number): string {
  const lines = [
    "import { defineCatalog } from '../../../src/index.js';",
    'export const api = defineCatalog({',
    '  errors: {',
  ];
  for (let i = 0; i < n; i++) {
    lines.push(
      `    E${i}: { status: ${400 + (i % 100)}, code: 'code_${i}', message: 'Entry ${i}: no {name} in {stage} after {count:number} tries.' },`,
    );
  }
  lines.push('  },', '});');
  lines.push('export function useAll() {', '  return [');
  for (let i = 0; i < n; i++) lines.push(`    api.error('E${i}', { name: 'n', stage: 's', count: ${i} }),`);
  lines.push('  ];', '}', '');
  return lines.join('\n');
}

function measure(n: number): Record<string, number> {
  const sub = join(dir, String(n));
  mkdirSync(sub, { recursive: true });
  writeFileSync(join(sub, 'catalog.ts'), catalogSource(n));
  const out = execFileSync(
    'npx',
    [
      'tsc',
      '--noEmit',
      '--extendedDiagnostics',
      '--strict',
      '--skipLibCheck',
      '--module',
      'nodenext',
      '--target',
      'es2022',
      join(sub, 'catalog.ts'),
    ],
    { encoding: 'utf8' },
  );
  const get = (label: string) =>
    Number((new RegExp(`^${label}:\\s+([\\d.]+)`, 'm').exec(out)?.[1] ?? 'NaN').replace(/K$/, ''));
  return {
    check: get('Check time'),
    total: get('Total time'),
    instantiations: get('Instantiations'),
    memoryK: get('Memory used'),
  };
}

const results: [number, Record<string, number>][] = [];
const baseline = measure(1);
try {
  for (const n of sizes.length ? sizes : [100, 1000]) results.push([n, measure(n)]);
} finally {
  rmSync(dir, { recursive: true, force: true });
}

console.log('\nType-check cost of a catalog (tsc --extendedDiagnostics; each entry used once)\n');
console.log('| entries | check time | total time | instantiations | per entry | memory |');
console.log('|---:|---:|---:|---:|---:|---:|');
for (const [n, r] of [[1, baseline] as [number, Record<string, number>], ...results]) {
  const per = ((r.instantiations ?? 0) - (baseline.instantiations ?? 0)) / Math.max(1, n - 1);
  console.log(
    `| ${n} | ${r.check?.toFixed(2)} s | ${r.total?.toFixed(2)} s | ${r.instantiations} | ${n === 1 ? '—' : per.toFixed(0)} | ${Math.round((r.memoryK ?? 0) / 1024)} MB |`,
  );
}
