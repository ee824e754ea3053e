import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';

const run = promisify(execFile);
const pkg = JSON.parse(await readFile(new URL('../package.json', import.meta.url), 'utf8')) as {
  exports: Record<string, string | { types: string; default: string }>;
  bin: Record<string, string>;
};
const entries = Object.entries(pkg.exports).filter(
  (e): e is [string, { types: string; default: string }] => typeof e[1] === 'object',
);
const source = (target: string) => target.replace('./dist/', '../src/').replace(/\.js$/, '.ts');

describe('package surface', () => {
  for (const [subpath, target] of entries) {
    it(`${subpath} exports exactly the names it did`, async () => {
      const mod = (await import(source(target.default))) as Record<string, unknown>;
      expect(Object.keys(mod).sort()).toMatchSnapshot();
    });
  }
});

describe('the built package', () => {
  let out: string | undefined;
  afterAll(async () => {
    if (out) await rm(out, { recursive: true, force: true });
  });

  it('builds every export with its types, and the bin runs from the build', async () => {
    out = await mkdtemp(join(tmpdir(), 'errata-build-'));
    await run('npx', ['tsc', '-p', 'tsconfig.build.json', '--outDir', join(out, 'dist')]);
    for (const [, target] of entries) {
      expect(existsSync(join(out, target.default))).toBe(true);
      expect(existsSync(join(out, target.types))).toBe(true);
    }
    // The built CLI, with the schema beside dist/ as in the published package.
    await run('cp', ['-r', 'schema', 'bin', 'package.json', out]);
    await run('ln', ['-s', join(process.cwd(), 'node_modules'), join(out, 'node_modules')]);
    const r = await run('node', [join(out, 'bin/errata.js'), 'export', 'examples/catalogs/flags.json']);
    expect(r.stdout).toBe(await readFile('examples/catalogs/flags.json', 'utf8'));
  }, 120_000);
});
