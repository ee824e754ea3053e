/**
 * Runs every benchmark script in bench/ (every `*.ts` not starting with `_`,
 * amplification.ts among them) one after the other, each in its own process
 * so that one's warm-up and garbage do not colour the next.
 * Run: npm run bench [-- name …]
 */
import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';

const only = process.argv.slice(2);
const scripts = readdirSync(import.meta.dirname)
  .filter((f) => f.endsWith('.ts') && !f.startsWith('_') && f !== 'index.ts')
  .filter((f) => only.length === 0 || only.includes(f.replace(/\.ts$/, '')))
  .sort();

let failed = 0;
for (const script of scripts) {
  console.log(`\n## ${script}`);
  const r = spawnSync(process.execPath, ['--import', 'tsx', join(import.meta.dirname, script)], {
    stdio: 'inherit',
  });
  if (r.status !== 0) failed++;
}
process.exitCode = failed > 0 ? 1 : 0;
