/**
 * The bundled CLI (scripts/bundle-cli.ts: dist/cli/run.js and a run-<command>.js per command)
 * answers every command as the CLI of separate modules does: the same exit code, stdout and
 * stderr, for successes, findings, YAML and schema errors placed by line and column, a missing
 * file, a TypeScript catalog (jiti), errors thrown in a command's file and answered by run.js
 * (one class identity), and help. It loads what it is built to load: `--help` one file,
 * `lint` of a YAML catalog two, and neither loads a package (yaml, jiti, ajv) it does not need.
 * Both builds are made here from src/ in scratch packages that share the repository's node_modules.
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
import { join, relative } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
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

function run(pkg: string, argv: string[], node: string[] = [], env: Record<string, string> = {}) {
  const r = spawnSync(process.execPath, [...node, join(root, pkg, 'bin', 'errata.js'), ...argv], {
    cwd: work(),
    encoding: 'utf8',
    env: { ...process.env, NO_COLOR: '1', FORCE_COLOR: undefined, ...env },
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

/**
 * What a run of the bundled CLI loads: every ES module it resolves (a loader hook) and every
 * CommonJS module it requires, as paths relative to the scratch folder (packages as their names).
 */
function loaded(argv: string[]): { esm: string[]; cjs: string[]; code: number | null } {
  const trace = join(root, `trace-${argv.join('-').replace(/\W+/g, '_')}.txt`);
  const r = run('bundled', argv, ['--import', pathToFileURL(join(root, 'trace.mjs')).href], {
    ERRATA_TRACE: trace,
  });
  const lines = readFileSync(trace, 'utf8').split('\n');
  const name = (url: string) => {
    const path = url.startsWith('file:') ? fileURLToPath(url) : url;
    const pkg = /[/\\]node_modules[/\\]((?:@[^/\\]+[/\\])?[^/\\]+)/.exec(path);
    if (pkg) return (pkg[1] as string).replace('\\', '/');
    return relative(join(root, 'bundled'), path).replaceAll('\\', '/');
  };
  const list = (kind: string) =>
    [
      ...new Set(
        lines
          .filter((l) => l.startsWith(`${kind} `) && !l.includes(' node:'))
          .map((l) => name(l.slice(kind.length + 1))),
      ),
    ].sort();
  return { esm: list('esm'), cjs: list('cjs'), code: r.code };
}

beforeAll(async () => {
  root = mkdtempSync(join(tmpdir(), 'errata-cli-bundle-'));
  await Promise.all([scratch('modules', false), scratch('bundled', true)]);
  mkdirSync(work());
  writeFileSync(join(work(), 'errors.yaml'), benchCatalog(20));
  writeFileSync(join(work(), 'syntax.yaml'), 'errors:\n  A:\n    status: 404\n  A:\n    status: [\n');
  writeFileSync(join(work(), 'schema.yaml'), 'errors:\n  A:\n    stauts: 404\n    title: 1\n');
  writeFileSync(
    join(work(), 'anchors.yaml'),
    'base: &b\n  status: 404\n  title: Not found\n  message: No such thing.\nerrors:\n  A: *b\n',
  );
  // The loader hook (in its own thread) and the CommonJS cache at exit, written to ERRATA_TRACE.
  writeFileSync(
    join(root, 'hooks.mjs'),
    [
      "import { appendFileSync } from 'node:fs';",
      'export async function resolve(spec, context, next) {',
      '  const r = await next(spec, context);',
      "  appendFileSync(process.env.ERRATA_TRACE, 'esm ' + r.url + '\\n');",
      '  return r;',
      '}',
    ].join('\n'),
  );
  writeFileSync(
    join(root, 'trace.mjs'),
    [
      "import { appendFileSync } from 'node:fs';",
      "import { createRequire, register } from 'node:module';",
      "register('./hooks.mjs', import.meta.url);",
      'const cache = createRequire(import.meta.url).cache;',
      "process.on('exit', () => appendFileSync(process.env.ERRATA_TRACE, Object.keys(cache).map((f) => 'cjs ' + f + '\\n').join('')));",
    ].join('\n'),
  );
  writeFileSync(
    join(work(), 'errors.ts'),
    'export default { errors: { NOT_FOUND: { status: 404 as const, title: "Not found", message: "No such thing." } } };\n',
  );
}, 120_000);

afterAll(() => {
  if (root) rmSync(root, { recursive: true, force: true });
});

describe('the bundled CLI', () => {
  it("adds run.js, a file per command and the inlined packages' licences to dist/cli/, and leaves the library's files as they are", () => {
    const files = (dir: string): string[] =>
      readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
        e.isDirectory() ? files(join(dir, e.name)) : [join(dir, e.name)],
      );
    const modules = join(root, 'modules', 'dist');
    const bundled = join(root, 'bundled', 'dist');
    const added = files(bundled).filter((f) => !existsSync(f.replace(bundled, modules)));
    expect(added.length).toBeGreaterThan(0);
    expect(added.filter((f) => !/[/\\]cli[/\\](run(-[\w-]+)?\.js(\.map)?|LICENSES\.txt)$/.test(f))).toEqual(
      [],
    );
    expect(added.map((f) => f.replace(/^.*[/\\]/, ''))).toContain('run-lint.js');
    expect(readFileSync(join(bundled, 'cli', 'LICENSES.txt'), 'utf8')).toMatch(
      /citty@[\s\S]*picocolors@[\s\S]*js-yaml@/,
    );
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
    ['lint', 'anchors.yaml'],
    ['docs', 'errors.yaml', '--dialect', 'nope'],
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

  it('--help loads run.js and nothing else of the package, and no package', () => {
    const help = loaded(['--help']);
    expect(help.code).toBe(0);
    expect(help.esm).toEqual(['bin/errata.js', 'dist/cli/run.js']);
    expect(help.cjs).toEqual([]);
  });

  it('lint of a YAML catalog loads run.js and run-lint.js (js-yaml inside), and not yaml, jiti or ajv', () => {
    const lint = loaded(['lint', 'errors.yaml']);
    expect(lint.code).toBe(0);
    expect(lint.esm).toEqual(['bin/errata.js', 'dist/cli/run-lint.js', 'dist/cli/run.js']);
    // The catalog's JSON Schema is read with `require`; text-typo reads its English word list
    // (3 MB) the same way, today on every lint (see bench/README.md, cli.ts).
    const known = (f: string) => f.startsWith('schema/') || f === 'an-array-of-english-words';
    expect(lint.cjs.filter((f) => !known(f))).toEqual([]);
    expect(lint.cjs).not.toContain('yaml');
  });

  it('lint of a YAML catalog with anchors loads yaml (which reads them), and only then', () => {
    const lint = loaded(['lint', 'anchors.yaml']);
    expect(lint.cjs).toContain('yaml');
    expect(lint.esm).not.toContain('yaml');
  });
});
