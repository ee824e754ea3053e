/**
 * Hostile input to every command: bad files, bad catalogs, bad arguments. Each
 * gets one clear message, exit 2 (1 only for findings), and never a stack
 * trace. Most cases run `main()` in-process; what only a process shows (a
 * closed pipe, a module that leaves a timer or never settles) runs the bin.
 */
import { spawn, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from './_cli.js';

const REPO = fileURLToPath(new URL('..', import.meta.url));
const BIN = join(REPO, 'bin/errata.js');
const STACK = /\n\s+at |node:internal|\.ts:\d+:\d+\)/;
let dir: string;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'errata-hostile-'));
  const ok = { name: 'h', errors: { A: { status: 404, message: 'No {name}.' }, B: { status: 400 } } };
  const files: Record<string, string | Buffer> = {
    'ok.json': JSON.stringify(ok),
    'ok2.json': JSON.stringify({ ...ok, errors: { A: ok.errors.A } }),
    'proto.json': JSON.stringify({
      name: 'p',
      errors: {
        constructor: { status: 400, message: '{constructor} x {toString:number}' },
        B: { status: 400, deprecated: { replacedBy: 'toString' } },
      },
    }),
    'clerkish.json': JSON.stringify({
      name: 'c',
      errors: { UserNotFound: { status: 404, code: 'resource_not_found' } },
    }),
    'empty.json': '',
    'trailing.json': '{\n  "errors": {\n    "A": {"status": 400,}\n  }\n}\n',
    'bad.yaml': 'errors:\n  A:\n    status: [400\n',
    'latin1.json': Buffer.from('{"errors":{"A":{"status":400,"message":"caf\xe9"}}}', 'latin1'),
    'bomb.yaml': [
      'x-a: &a [lol, lol, lol, lol, lol, lol, lol, lol, lol]',
      ...[...'bcdefghi'].map((c, i) => `x-${c}: &${c} [${Array(9).fill(`*${'abcdefgh'[i]}`).join(', ')}]`),
      'errors: {}',
    ].join('\n'),
    'spec.json': JSON.stringify({
      openapi: '3.1.0',
      info: { title: 't', version: '1' },
      paths: { '/a': { get: { responses: { 200: { description: 'ok' } } } } },
    }),
    'spec-paths.json': JSON.stringify({ openapi: '3.1.0', paths: [] }),
    'routes-proto.json': JSON.stringify([{ method: 'GET', path: '/a', errors: ['constructor'] }]),
    'a-file': 'x',
  };
  for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
  mkdirSync(join(dir, 'folder.json'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const run = (...argv: string[]) => runCli(argv, dir);

/** Runs a command that must fail with exit 2, one clear message and nothing on stdout. */
async function refused(argv: string[], message: string | RegExp) {
  const r = await run(...argv);
  expect(r.code, argv.join(' ')).toBe(2);
  expect(r.stdout, argv.join(' ')).toBe('');
  if (typeof message === 'string') expect(r.stderr, argv.join(' ')).toContain(message);
  else expect(r.stderr, argv.join(' ')).toMatch(message);
  expect(r.stderr, argv.join(' ')).not.toMatch(STACK);
  return r;
}

describe('bad files, for every command that reads a catalog', () => {
  const commands: string[][] = [
    ['export'],
    ['types'],
    ['docs'],
    ['lint'],
    ['lock', '--check'],
    ['render', '%', 'A'],
    ['diff', 'ok.json'],
    ['openapi', 'merge', 'spec.json'],
  ];
  const argv = (cmd: string[], file: string) =>
    cmd.includes('%') ? cmd.map((a) => (a === '%' ? file : a)) : [...cmd, file];
  const cases: [string, string | RegExp][] = [
    ['missing.json', /^error: file not found: missing\.json\n$/],
    ['folder.json', /^error: a directory, not a file: folder\.json\n$/],
    ['.', /^error: a directory, not a file: \.\n$/],
    ['empty.json', 'empty.json: invalid catalog\n  the file is empty'],
    ['trailing.json', 'JSON syntax error: trailing comma before "}" at line 3, column 25'],
    ['bad.yaml', /YAML syntax error at line \d+, column \d+/],
    ['latin1.json', 'not valid UTF-8 at line 1, column 44 (byte 0xe9 at offset 43)'],
    ['bomb.yaml', 'YAML aliases expand too far'],
    ['catalog.txt', 'unsupported file type ".txt"'],
  ];
  for (const cmd of commands)
    it(`errata ${cmd.filter((a) => a !== '%').join(' ')} <bad file>`, async () => {
      for (const [file, message] of cases) await refused(argv(cmd, file), message);
    });
});

describe('bad arguments', () => {
  it('names a missing argument, a repeated option, an empty value and a value given to a switch', async () => {
    await refused(['export'], 'Missing required positional argument: CATALOG\nRun "errata export --help"');
    await refused(
      ['lint', 'ok.json', '--format', 'json', '--format', 'text'],
      'option "--format" is given twice',
    );
    await refused(['export', 'ok.json', '-o', 'a.json', '--out', 'b.json'], 'is given twice (also as "-o")');
    await refused(['export', 'ok.json', '-o', ''], 'option "-o" needs a value (got an empty string)');
    await refused(['export', 'ok.json', '--out='], 'option "--out" needs a value');
    await refused(['lock', 'ok.json', '--lock='], 'option "--lock" needs a value');
    await refused(['diff', 'ok.json', 'ok.json', '--allow-breaking=yes'], 'takes no value (got "yes")');
    await refused(['export', 'ok.json', '-out', 'x.json'], 'unknown option "-out"');
    await refused(['types', 'ok.json', '--name', 'default'], '--name must be a JavaScript identifier');
    await refused(['types', 'ok.json', '--name', 'a-b'], '--name must be a JavaScript identifier');
    await refused(['render', 'ok.json', ''], 'ID must not be empty');
    await refused(['export', ''], 'CATALOG must not be empty');
    await refused(
      ['render', 'ok.json', 'x'.repeat(100_000)],
      `no entry "${'x'.repeat(79)}…" in catalog "h"\n`,
    );
    await refused(
      ['docs', 'ok.json', '--format', 'json', '--dialect', 'soap'],
      '--dialect: unknown dialect "soap"',
    );
    await refused(['openapi', 'ok.json', '--routes', 'routes-proto.json'], '--routes applies to merge only');
    // `--switch=true|false` and `--no-switch` still work.
    expect((await run('diff', 'ok.json', 'ok.json', '--allow-breaking=true')).code).toBe(0);
    expect((await run('lint', 'ok.json', '-o', 'lint.txt', '--max-warnings', '100')).code).toBe(0);
  });

  it('looks up only own names: constructor and __proto__ are neither dialects nor entries', async () => {
    await refused(
      ['docs', 'ok.json', '--dialect', 'constructor'],
      '--dialect: unknown dialect "constructor"',
    );
    await refused(['docs', 'ok.json', '--dialect', '__proto__'], '--dialect: unknown dialect "__proto__"');
    await refused(
      ['openapi', 'merge', 'spec.json', 'ok.json', '-d', 'toString'],
      'unknown dialect "toString"',
    );
    await refused(['render', 'ok.json', 'constructor'], 'no entry "constructor" in catalog "h"');
    await refused(['render', 'ok.json', '__proto__'], 'no entry "__proto__" in catalog "h"');
    await refused(
      ['openapi', 'merge', 'spec.json', 'ok.json', '--routes', 'routes-proto.json'],
      'routes-proto.json: [0].errors[0]: unknown error id "constructor"',
    );
    // An entry named like a prototype member is an ordinary entry.
    const r = await run(
      'render',
      'proto.json',
      'constructor',
      '--params',
      '{"constructor":"c","toString":5}',
    );
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout).body.detail).toBe('c x 5');
    // A parameter named like a prototype member is missing when the caller does not give it.
    const missing = await run('render', 'proto.json', 'constructor', '--params', '{"toString":5}');
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('constructor');
    const md = await run('docs', 'proto.json');
    expect(md.stdout).toContain('use `toString`');
    expect(md.stdout).not.toContain('(#toString)');
  });

  it('says which entries send a wire code given to render in place of an id', async () => {
    await refused(
      ['render', 'clerkish.json', 'resource_not_found'],
      'no entry "resource_not_found" in catalog "c". "resource_not_found" is the wire code of UserNotFound: give an entry id',
    );
  });
});

describe('lint configs and watching', () => {
  it('refuses an option of the wrong type, and a folder that cannot be watched', async () => {
    writeFileSync(
      join(dir, 'typo.json'),
      JSON.stringify({ rules: { 'text-typo': ['warn', { minCount: 'x' }] } }),
    );
    await refused(
      ['lint', 'ok.json', '--config', 'typo.json'],
      'lint config: rule "text-typo": option "minCount" must have the type of its default, 3 (got "x")',
    );
    writeFileSync(join(dir, 'statuses.yaml'), 'rules:\n  retry-5xx: [warn, {statuses: ["500"]}]\n');
    await refused(['lint', 'ok.json', '--config', 'statuses.yaml'], 'option "statuses" must have the type');
    await refused(['docs', 'no-folder/x.json', '--watch'], /cannot watch .*no-folder\/x\.json: ENOENT/);
  });
});

describe('catalog text on a terminal', () => {
  it('shows control characters of codes and titles escaped in lint and diff text', async () => {
    const esc = '\u001b[2J\u009b';
    writeFileSync(
      join(dir, 'escapes.json'),
      JSON.stringify({ errors: { A: { status: 400, code: `a${esc}`, title: `lower ${esc}` } } }),
    );
    for (const argv of [
      ['lint', 'escapes.json'],
      ['diff', 'escapes.json', 'ok.json'],
      ['diff', 'escapes.json', 'ok.json', '--format', 'md'],
    ]) {
      const r = await run(...argv);
      expect(r.code, argv.join(' ')).toBe(1);
      expect(r.stdout.includes('\u001b') || r.stdout.includes('\u009b'), argv.join(' ')).toBe(false);
    }
    expect((await run('diff', 'escapes.json', 'ok.json')).stdout).toContain('code a%1B[2J%9B:');
  });
});

describe('output paths', () => {
  it('creates missing folders, and says in words why a file cannot be written', async () => {
    expect((await run('export', 'ok.json', '-o', 'new/deep/out.json')).code).toBe(0);
    expect(JSON.parse(readFileSync(join(dir, 'new/deep/out.json'), 'utf8')).name).toBe('h');
    expect((await run('lock', 'ok.json', '--lock', 'locks/errata.lock.json')).code).toBe(0);
    expect((await run('lock', 'ok.json', '--check', '--lock', 'locks/errata.lock.json')).code).toBe(0);
    await refused(
      ['export', 'ok.json', '-o', 'a-file/out.json'],
      'cannot write a-file/out.json: cannot create its folder: EEXIST',
    );
    await refused(
      ['docs', 'ok.json', '-o', 'folder.json'],
      'cannot write folder.json: EISDIR (it is a directory, not a file)',
    );
    await refused(['lock', 'ok.json', '--lock', 'folder.json'], 'cannot write folder.json: EISDIR');
    await refused(
      ['lock', 'ok.json', '--check', '--lock', 'folder.json'],
      'cannot read folder.json: a directory, not a file',
    );
    await refused(['lock', 'ok.json', '--check', '--lock', 'bomb.yaml'], 'bomb.yaml is not a valid lock');
  });
});

describe('OpenAPI documents', () => {
  it('refuses a paths member that is not an object rather than dropping it', async () => {
    await refused(
      ['openapi', 'merge', 'spec-paths.json', 'ok.json'],
      'spec-paths.json: paths: must be an object of path items',
    );
    await refused(['openapi', 'merge', 'bomb.yaml', 'ok.json'], 'bomb.yaml: YAML aliases expand too far');
    await refused(['openapi', 'merge', 'empty.json', 'ok.json'], 'empty.json: the file is empty');
  });
});

describe('the process', () => {
  const bin = (args: string[], input?: string) =>
    spawnSync(process.execPath, [BIN, ...args], {
      cwd: dir,
      encoding: 'utf8',
      env: { ...process.env, NO_COLOR: '1' },
      timeout: 30_000,
      ...(input !== undefined && { input }),
    });

  it('prints --version and --help, and exits 2 without a command', () => {
    expect(bin(['--version'])).toMatchObject({
      status: 0,
      stdout: `${JSON.parse(readFileSync('package.json', 'utf8')).version}\n`,
    });
    expect(bin(['--help']).status).toBe(0);
    expect(bin([]).status).toBe(2);
  });

  it('ends with one line, exit 2, when a catalog module throws later or never settles', () => {
    writeFileSync(
      join(dir, 'later.ts'),
      'setTimeout(() => { throw new Error("later"); }, 20);\nexport default { errors: { A: { status: 400 } } };\n',
    );
    const later = bin(['lint', 'later.ts', '-o', 'later.txt']);
    expect(later.status).toBe(2);
    expect(later.stderr).toBe('error: uncaught exception: later\n');
    writeFileSync(join(dir, 'hang.ts'), 'await new Promise(() => {});\nexport default { errors: {} };\n');
    const hang = bin(['export', 'hang.ts']);
    expect(hang.status).toBe(2);
    expect(hang.stderr).toContain('the command could not finish');
    expect(hang.stderr).not.toMatch(STACK);
  }, 60_000);

  it('stops quietly when the reader closes the pipe', async () => {
    const big: Record<string, unknown> = {};
    for (let i = 0; i < 5000; i++) big[`E${i}`] = { status: 400, message: `Entry ${i} with some text.` };
    writeFileSync(join(dir, 'big.json'), JSON.stringify({ errors: big }));
    const child = spawn(process.execPath, [BIN, 'export', 'big.json'], { cwd: dir });
    let stderr = '';
    child.stderr.on('data', (d) => {
      stderr += d;
    });
    child.stdout.once('data', () => child.stdout.destroy());
    const code = await new Promise<number | null>((done) => child.on('close', done));
    expect(stderr).toBe('');
    expect(code).toBe(0);
  }, 60_000);
});
