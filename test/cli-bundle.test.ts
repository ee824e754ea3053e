/**
 * The bundled CLI (scripts/bundle-cli.ts: dist/cli/run.js and its chunks) answers every command
 * as the CLI of separate modules does: the same exit code, stdout and stderr, for successes,
 * findings, YAML and schema errors placed by line and column, a missing file, a TypeScript
 * catalog (jiti), and help. Both builds are made here from src/ in scratch packages that share
 * the repository's node_modules.
 */
import { spawnSync } from 'node:child_process';
import {
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { build } from 'esbuild';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { benchCatalog } from '../bench/cli-catalog.js';
import { bundleCli } from '../scripts/bundle-cli.js';

const repo = join(import.meta.dirname, '..');
let root = '';

/** A package of bin/, schema/ and dist/ (src/ compiled file by file, as tsc does), bundled or not. */
async function scratch(name: string, bundled: boolean): Promise<string> {
  const dir = join(root, name);
  const src = join(repo, 'src');
  const entryPoints = readdirSync(src, { withFileTypes: true, recursive: true })
    .filter((f) => f.isFile() && f.name.endsWith('.ts') && !/\.test(-d)?\.ts$/.test(f.name))
    .map((f) => join(f.parentPath, f.name));
  await build({
    entryPoints,
    outdir: join(dir, 'dist'),
    outbase: src,
    format: 'esm',
    platform: 'node',
    logLevel: 'error',
  });
  if (bundled) await bundleCli(repo, join(dir, 'dist', 'cli'));
  for (const part of ['bin', 'schema', 'package.json'])
    cpSync(join(repo, part), join(dir, part), { recursive: true });
  symlinkSync(join(repo, 'node_modules'), join(dir, 'node_modules'), 'dir');
  return dir;
}

const work = () => join(root, 'work');

function run(pkg: string, argv: string[]) {
  const r = spawnSync(process.execPath, [join(root, pkg, 'bin', 'errata.js'), ...argv], {
    cwd: work(),
    encoding: 'utf8',
    env: { ...process.env, NO_COLOR: '1', FORCE_COLOR: undefined },
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

beforeAll(async () => {
  root = mkdtempSync(join(tmpdir(), 'errata-cli-bundle-'));
  await Promise.all([scratch('modules', false), scratch('bundled', true)]);
  mkdirSync(work());
  writeFileSync(join(work(), 'errors.yaml'), benchCatalog(20));
  writeFileSync(join(work(), 'syntax.yaml'), 'errors:\n  A:\n    status: 404\n  A:\n    status: [\n');
  writeFileSync(join(work(), 'schema.yaml'), 'errors:\n  A:\n    stauts: 404\n    title: 1\n');
  writeFileSync(
    join(work(), 'errors.ts'),
    'export default { errors: { NOT_FOUND: { status: 404 as const, title: "Not found", message: "No such thing." } } };\n',
  );
}, 120_000);

afterAll(() => {
  if (root) rmSync(root, { recursive: true, force: true });
});

describe('the bundled CLI', () => {
  it("adds run.js and its chunks to dist/cli/, and leaves the library's files as they are", () => {
    const files = (dir: string): string[] =>
      readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
        e.isDirectory() ? files(join(dir, e.name)) : [join(dir, e.name)],
      );
    const modules = join(root, 'modules', 'dist');
    const bundled = join(root, 'bundled', 'dist');
    const added = files(bundled).filter((f) => !existsSync(f.replace(bundled, modules)));
    expect(added.length).toBeGreaterThan(0);
    expect(added.filter((f) => !/[/\\]cli[/\\](chunk-\w+|run)\.js(\.map)?$/.test(f))).toEqual([]);
    for (const f of files(modules).filter((f) => !/[/\\]cli[/\\]run\.js(\.map)?$/.test(f)))
      expect(readFileSync(f.replace(modules, bundled), 'utf8'), f).toBe(readFileSync(f, 'utf8'));
  });

  it.each([
    ['--help'],
    ['--version'],
    ['lint', '--help'],
    ['lint', 'errors.yaml'],
    ['lint', 'errors.yaml', '--format', 'json'],
    ['lint', 'syntax.yaml'],
    ['lint', 'schema.yaml'],
    ['lint', 'missing.yaml'],
    ['lint', 'errors.ts'],
    ['lint', 'errors.yaml', '--max-warnings', 'x'],
    ['export', 'errors.yaml'],
    ['types', 'errors.yaml'],
    ['docs', 'errors.yaml', '--format', 'markdown'],
    ['openapi', 'errors.yaml'],
    ['diff', 'errors.yaml', 'errors.ts'],
    ['nope'],
  ])('errata %s answers as the CLI of modules does', (...argv) => {
    const modules = run('modules', argv);
    expect(run('bundled', argv)).toEqual(modules);
    // Something was said, whichever stream it went to.
    expect(`${modules.stdout}${modules.stderr}`.length).toBeGreaterThan(0);
  });
});
