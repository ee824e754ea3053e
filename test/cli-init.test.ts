/**
 * `errata init`: the starter catalog passes `errata lint` with no finding in
 * both formats and type-checks, the server file of each adapter type-checks
 * and answers from the catalog, and no file is ever overwritten.
 */
import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import ts from 'typescript';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ADAPTERS } from '../src/cli/commands/init.js';
import { runCli } from './_cli.js';

const repo = resolve(import.meta.dirname, '..');
let dir: string;
beforeEach(() => {
  // Inside the repository: tsconfig.json maps 'errata/*' to src/, for tsc and for tsx.
  mkdirSync(join(repo, 'test-artifacts'), { recursive: true });
  dir = mkdtempSync(join(repo, 'test-artifacts', 'init-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const run = (...argv: string[]) => runCli(argv, dir);

/**
 * Points a TypeScript catalog's `'errata'` import at this repository's source: the CLI loads
 * it with jiti, which resolves the package name to the repository's unbuilt dist/.
 */
function importFromSource(file: string): void {
  const text = readFileSync(file, 'utf8');
  const to = JSON.stringify(relative(dirname(file), join(repo, 'src/index.js')).replaceAll('\\', '/'));
  expect(text).toContain("from 'errata';");
  writeFileSync(file, text.replace("from 'errata';", `from ${to};`));
}

/** Every file under the folder with its text and modification time. */
function snapshot(root: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const f of readdirSync(root, { recursive: true, withFileTypes: true }))
    if (f.isFile()) {
      const p = join(f.parentPath, f.name);
      out[p.slice(root.length + 1)] = `${statSync(p).mtimeMs}\n${readFileSync(p, 'utf8')}`;
    }
  return out;
}

/** tsc's errors for the files, with the repository's compiler options. */
function typeErrors(files: string[]): string[] {
  const config = ts.readConfigFile(join(repo, 'tsconfig.json'), ts.sys.readFile);
  const { options } = ts.parseJsonConfigFileContent(config.config, ts.sys, repo);
  const program = ts.createProgram(files, { ...options, noEmit: true });
  return ts
    .getPreEmitDiagnostics(program)
    .map((d) => `${d.file?.fileName ?? ''}: ${ts.flattenDiagnosticMessageText(d.messageText, '\n')}`);
}

describe('errata init', () => {
  it.each([
    ['yaml', 'errors.yaml', ['errata.lint.yaml', 'errors.ts', 'errors.yaml']],
    ['ts', 'errors.ts', ['errata.lint.yaml', 'errors.ts']],
  ] as const)(
    '--format %s writes a catalog that lints clean and type-checks',
    async (format, catalog, written) => {
      const r = await run('init', '--format', format);
      expect(r.code).toBe(0);
      expect(r.stderr).toBe('');
      expect(readdirSync(dir).sort()).toEqual([...written]);
      for (const f of written) expect(r.stdout).toContain(`wrote ${f}`);
      expect(r.stdout).toContain(
        'Next steps:\n  npm init -y && npm pkg set type=module\n  npm install errata\n',
      );
      expect(r.stdout).toContain(`npx errata lint ${catalog} --config errata.lint.yaml`);
      expect(r.stdout).toContain(`npx errata docs ${catalog}`);
      expect(r.stdout.includes('npx errata types errors.yaml -o errors.ts')).toBe(format === 'yaml');
      if (format === 'ts') importFromSource(join(dir, 'errors.ts'));

      for (const config of [[], ['--config', 'errata.lint.yaml']]) {
        const lint = await run('lint', catalog, '--format', 'json', ...config);
        expect({ code: lint.code, findings: JSON.parse(lint.stdout), stderr: lint.stderr }).toEqual({
          code: 0,
          findings: [],
          stderr: '',
        });
      }
      const model = JSON.parse((await run('export', catalog, '--as-written')).stdout);
      expect(Object.keys(model.errors)).toEqual([
        'ITEM_NOT_FOUND',
        'NOT_FOUND',
        'METHOD_NOT_ALLOWED',
        'INVALID_JSON',
        'PAYLOAD_TOO_LARGE',
        'UNSUPPORTED_MEDIA_TYPE',
        'VALIDATION_FAILED',
        'RATE_LIMITED',
        'INTERNAL_ERROR',
        'SERVICE_UNAVAILABLE',
      ]);
      expect(model.errors.VALIDATION_FAILED.details.properties.fields.type).toBe('array');
      expect(model.errors.RATE_LIMITED.retry).toMatchObject({ retryable: true, strategy: 'after' });
      expect(model.errors.SERVICE_UNAVAILABLE.retry).toMatchObject({
        retryable: true,
        strategy: 'exponential',
      });
      expect(model.errors.ITEM_NOT_FOUND.params).toEqual({ itemId: { type: 'string' } });
      if (format === 'yaml')
        expect((await run('types', 'errors.yaml', '-o', 'errors.ts', '--check')).code).toBe(0);

      // The catalog (or the code generated from it) type-checks, and its ids and parameters are typed.
      writeFileSync(
        join(dir, 'use.ts'),
        [
          "import { api } from './errors.js';",
          "api.error('ITEM_NOT_FOUND', { itemId: 'i_1' });",
          "api.error('VALIDATION_FAILED', {}, { details: { fields: ['/name'] } });",
          '// @ts-expect-error: itemId is a string',
          "api.error('ITEM_NOT_FOUND', { itemId: 1 });",
          '// @ts-expect-error: no such id',
          "api.error('ITEM_NOT_FOUN', { itemId: 'i_1' });",
          '',
        ].join('\n'),
      );
      expect(typeErrors([join(dir, 'errors.ts'), join(dir, 'use.ts')])).toEqual([]);
    },
  );

  it('writes the same catalog in YAML and in TypeScript', async () => {
    await run('init', '--dir', 'y');
    await run('init', '--format', 'ts', '--dir', 't');
    importFromSource(join(dir, 't/errors.ts'));
    const yaml = await run('export', 'y/errors.yaml');
    const tsx = await run('export', 't/errors.ts');
    expect(yaml.code).toBe(0);
    expect(tsx.stdout).toBe(yaml.stdout);
  });

  it('never overwrites: with any of its files present it refuses, names them, and writes nothing', async () => {
    expect((await run('init', '--adapter', 'hono')).code).toBe(0);
    const before = snapshot(dir);
    const again = await run('init', '--adapter', 'hono');
    expect(again.code).toBe(2);
    expect(again.stdout).toBe('');
    expect(again.stderr).toContain(
      'errors.yaml, errors.ts, errata.lint.yaml, server.ts already exist: errata init never overwrites a file, and wrote nothing',
    );
    expect(snapshot(dir)).toEqual(before);

    // One file in the way is enough, and the others are not written either.
    mkdirSync(join(dir, 'other'));
    writeFileSync(join(dir, 'other', 'errata.lint.yaml'), 'rules: {}\n');
    const one = await run('init', '--format', 'ts', '--dir', 'other');
    expect(one.code).toBe(2);
    expect(one.stderr).toMatch(
      /^error: other\/errata\.lint\.yaml already exists: errata init never overwrites/,
    );
    expect(readdirSync(join(dir, 'other'))).toEqual(['errata.lint.yaml']);
    expect(readFileSync(join(dir, 'other', 'errata.lint.yaml'), 'utf8')).toBe('rules: {}\n');
  });

  it('creates the --dir folder and says to cd into it', async () => {
    const r = await run('init', '--dir', 'new/api', '--adapter', 'express');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('wrote new/api/errors.yaml');
    expect(r.stdout).toContain(
      'Next steps:\n  cd new/api\n  npm init -y && npm pkg set type=module\n  npm install errata express\n',
    );
    expect(r.stdout).toContain('npm install -D typescript tsx @types/node @types/express');
    expect(readdirSync(join(dir, 'new/api')).sort()).toEqual([
      'errata.lint.yaml',
      'errors.ts',
      'errors.yaml',
      'server.ts',
    ]);
  });

  it('says to make the folder an ES module package unless it is one (its servers use top-level await)', async () => {
    const cases: [string | undefined, string[]][] = [
      [undefined, ['npm init -y && npm pkg set type=module']],
      ['{"name":"shop"}', ['npm pkg set type=module']],
      ['{"name":"shop","type":"commonjs"}', ['npm pkg set type=module']],
      ['{"name":"shop","type":"module"}', []],
    ];
    for (const [i, [pkg, expected]] of cases.entries()) {
      const sub = join(dir, `p${i}`);
      mkdirSync(sub);
      if (pkg !== undefined) writeFileSync(join(sub, 'package.json'), pkg);
      const r = await run('init', '--adapter', 'fastify', '--dir', `p${i}`);
      expect(r.code).toBe(0);
      const steps =
        r.stdout
          .split('Next steps:\n')[1]
          ?.split('\n')
          .map((l) => l.trim()) ?? [];
      expect(steps.slice(1, steps.indexOf('npm install errata fastify')), pkg ?? 'no package.json').toEqual(
        expected,
      );
    }
  });

  it('refuses a bad --format or --adapter as a usage error, writing nothing', async () => {
    const cases: [string[], string][] = [
      [['--format', 'json'], '--format must be one of yaml, ts (got "json")'],
      [['--adapter', 'koa'], '--adapter must be one of express, fastify, hono, fetch (got "koa")'],
      [['--adapter'], 'option "--adapter" needs a value'],
      [['--dri', 'x'], 'unknown option "--dri". Did you mean --dir?'],
    ];
    for (const [argv, message] of cases) {
      const r = await run('init', ...argv);
      expect(r.code, argv.join(' ')).toBe(2);
      expect(r.stderr).toContain(message);
    }
    expect(readdirSync(dir)).toEqual([]);
  });

  it('says so when --dir is a file, and writes nothing', async () => {
    writeFileSync(join(dir, 'taken'), 'x');
    const r = await run('init', '--dir', 'taken');
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^error: cannot check whether taken\/errors\.yaml exists: .*; wrote nothing\n/);
    expect(readdirSync(dir)).toEqual(['taken']);
  });
});

describe('errata init --adapter', () => {
  it('writes a server.ts that type-checks, for every adapter', { timeout: 180_000 }, async () => {
    for (const adapter of ADAPTERS)
      expect((await run('init', '--adapter', adapter, '--dir', adapter)).code).toBe(0);
    // A typo in what a route declares is a compile error on every adapter: each declaration is
    // typed by the catalog's ids. One program for the eight (type-checking is the slow part).
    for (const adapter of ADAPTERS) {
      const text = readFileSync(join(dir, adapter, 'server.ts'), 'utf8');
      expect(text).toContain("['ITEM_NOT_FOUND']");
      writeFileSync(join(dir, adapter, 'typo.ts'), text.replace("['ITEM_NOT_FOUND']", "['ITEM_NOT_FOUN']"));
    }
    const errors = typeErrors(ADAPTERS.flatMap((a) => [join(dir, a, 'server.ts'), join(dir, a, 'typo.ts')]));
    expect(errors.map((e) => e.slice(dir.length + 1, e.indexOf(':'))).sort()).toEqual(
      ADAPTERS.map((a) => `${a}/typo.ts`).sort(),
    );
    for (const e of errors) expect(e).toContain('"ITEM_NOT_FOUN"');
  });

  it.each(ADAPTERS)('%s: server.ts starts and answers from the catalog', async (adapter) => {
    expect((await run('init', '--adapter', adapter)).code).toBe(0);
    const child = spawn(process.execPath, ['--import', 'tsx', join(dir, 'server.ts')], {
      cwd: repo,
      env: { ...process.env, PORT: '0' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    try {
      let out = '';
      const url = await new Promise<string>((done, fail) => {
        child.stdout.on('data', (chunk: Buffer) => {
          out += chunk;
          const m = /listening on (http:\/\/127\.0\.0\.1:\d+)/.exec(out);
          if (m) done(m[1] as string);
        });
        child.stderr.on('data', (chunk: Buffer) => {
          out += chunk;
        });
        child.once('exit', (code) => fail(new Error(`exited with ${code}: ${out}`)));
      });
      const found = await fetch(`${url}/items/1`);
      expect(found.status).toBe(200);
      expect(await found.json()).toEqual({ id: '1', name: 'First item' });

      const missing = await fetch(`${url}/items/2`);
      expect(missing.status).toBe(404);
      expect(missing.headers.get('content-type')).toMatch(/^application\/problem\+json/);
      expect(await missing.json()).toMatchObject({
        type: 'https://api.example.com/errors#ITEM_NOT_FOUND',
        title: 'Item not found',
        status: 404,
        code: 'ITEM_NOT_FOUND',
        detail: 'No item has the id 2.',
      });

      const route = await fetch(`${url}/nope`);
      expect(route.status).toBe(404);
      expect(await route.json()).toMatchObject({
        type: 'https://api.example.com/errors#NOT_FOUND',
        code: 'NOT_FOUND',
        detail: 'No route for GET /nope.',
      });

      const method = await fetch(`${url}/items/1`, { method: 'DELETE' });
      expect(method.status).toBe(405);
      expect(((await method.json()) as { code: string }).code).toBe('METHOD_NOT_ALLOWED');
    } finally {
      child.kill();
    }
  });
});
