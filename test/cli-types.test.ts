/**
 * `errata types`: `--check` catches a generated file that no longer matches its
 * catalog, and the generated code marks deprecated entries so that the
 * TypeScript language service (what editors run) reports their use.
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import ts from 'typescript';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runCli } from './_cli.js';

const repo = resolve(import.meta.dirname, '..');
let dir: string;
beforeEach(() => {
  // Inside the repository, so the generated code resolves errata's types from src/.
  mkdirSync(join(repo, 'test-artifacts'), { recursive: true });
  dir = mkdtempSync(join(repo, 'test-artifacts', 'types-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const run = (...argv: string[]) => runCli(argv, dir);
const importFrom = () => relative(join(dir, 'src'), join(repo, 'src/index.js')).replaceAll('\\', '/');

const CATALOG = `errata: 1
name: orders
version: 1.2.0
errors:
  ORDER_NOT_FOUND:
    status: 404
    title: Order not found
    message: "No order has the id {orderId:string}."
  ORDER_MISSING:
    status: 404
    title: Order not found
    message: "No order has the id {orderId:string}."
    deprecated: { since: 1.1.0, replacedBy: ORDER_NOT_FOUND, note: "one id per condition" }
  OUT_OF_STOCK:
    status: 409
    title: Out of stock
    message: "Only {available:integer} left."
    deprecated: true
`;

describe('errata types --check', () => {
  it('exits 0 when the generated file is what the catalog gives, 1 with the file and the fix when stale', async () => {
    writeFileSync(join(dir, 'errors.yaml'), CATALOG);
    expect((await run('types', 'errors.yaml', '-o', 'src/errors.ts')).code).toBe(0);
    const fresh = await run('types', 'errors.yaml', '-o', 'src/errors.ts', '--check');
    expect(fresh).toEqual({ code: 0, stdout: 'src/errors.ts is up to date\n', stderr: '' });
    // The same catalog spelt another way is the same generated code.
    expect((await run('types', './errors.yaml', '-o', './src/errors.ts', '--check')).code).toBe(0);

    // A breaking change: the parameter is renamed. The old file still compiles; --check says it is stale.
    writeFileSync(join(dir, 'errors.yaml'), CATALOG.replaceAll('{orderId:string}', '{id:string}'));
    const before = readFileSync(join(dir, 'src/errors.ts'), 'utf8');
    const stale = await run('types', 'errors.yaml', '-o', 'src/errors.ts', '--check');
    expect(stale.code).toBe(1);
    expect(stale.stdout).toBe(
      'src/errors.ts is stale: it differs from what errors.yaml gives now.\n' +
        'Regenerate it with "errata types errors.yaml -o src/errors.ts" and commit it.\n',
    );
    expect(readFileSync(join(dir, 'src/errors.ts'), 'utf8')).toBe(before);

    expect((await run('types', 'errors.yaml', '-o', 'src/errors.ts')).code).toBe(0);
    expect((await run('types', 'errors.yaml', '-o', 'src/errors.ts', '--check')).code).toBe(0);
  });

  it('names the options to regenerate with, and reads CRLF line endings as the same file', async () => {
    writeFileSync(join(dir, 'errors.yaml'), CATALOG);
    const argv = ['types', 'errors.yaml', '-o', 'gen.ts', '--name', 'orders', '--import-from', 'errata/x'];
    await run(...argv);
    writeFileSync(join(dir, 'gen.ts'), readFileSync(join(dir, 'gen.ts'), 'utf8').replaceAll('\n', '\r\n'));
    expect((await run(...argv, '--check')).code).toBe(0);
    writeFileSync(join(dir, 'gen.ts'), '// hand-edited\n');
    const stale = await run(...argv, '--check');
    expect(stale.code).toBe(1);
    expect(stale.stdout).toContain(
      'Regenerate it with "errata types errors.yaml -o gen.ts --name orders --import-from errata/x"',
    );
  });

  it('refuses a check without the file to compare, or of a file that is not there (exit 2)', async () => {
    writeFileSync(join(dir, 'errors.yaml'), CATALOG);
    const noOut = await run('types', 'errors.yaml', '--check');
    expect(noOut.code).toBe(2);
    expect(noOut.stderr).toContain('--check compares the generated file: give it with --out');
    const missing = await run('types', 'errors.yaml', '-o', 'src/errors.ts', '--check');
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain(
      'no generated file at src/errors.ts: run "errata types errors.yaml -o src/errors.ts" and commit it',
    );
  });
});

/** A language service over the files of `dir`, with the repository's compiler options. */
function languageService(files: string[]) {
  const config = ts.readConfigFile(join(repo, 'tsconfig.json'), ts.sys.readFile);
  const { options } = ts.parseJsonConfigFileContent(config.config, ts.sys, repo);
  const host: ts.LanguageServiceHost = {
    getCompilationSettings: () => ({ ...options, noEmit: true }),
    getScriptFileNames: () => files,
    getScriptVersion: () => '1',
    getScriptSnapshot: (f) => {
      const text = ts.sys.readFile(f);
      return text === undefined ? undefined : ts.ScriptSnapshot.fromString(text);
    },
    getCurrentDirectory: () => dir,
    getDefaultLibFileName: ts.getDefaultLibFilePath,
    fileExists: ts.sys.fileExists,
    readFile: ts.sys.readFile,
    readDirectory: ts.sys.readDirectory,
    directoryExists: ts.sys.directoryExists,
    getDirectories: ts.sys.getDirectories,
  };
  return ts.createLanguageService(host);
}

describe('generated code and deprecated entries', () => {
  it('puts @deprecated TSDoc on each deprecated entry, with since, replacement and note', async () => {
    writeFileSync(join(dir, 'errors.yaml'), CATALOG);
    const r = await run('types', 'errors.yaml');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain(
      '    /** @deprecated since 1.1.0; use ORDER_NOT_FOUND instead; one id per condition */\n    ORDER_MISSING: {',
    );
    expect(r.stdout).toContain('    /** @deprecated */\n    OUT_OF_STOCK: {');
    expect(r.stdout).not.toMatch(/@deprecated[^\n]*\n\s*ORDER_NOT_FOUND: \{/);
  });

  it('type-checks, and the language service reports each use of a deprecated id (not of the others)', async () => {
    writeFileSync(join(dir, 'errors.yaml'), CATALOG);
    expect(
      (await run('types', 'errors.yaml', '-o', 'src/errors.ts', '--import-from', importFrom())).code,
    ).toBe(0);
    const use = join(dir, 'src/use.ts');
    writeFileSync(
      use,
      [
        "import { api } from './errors.js';",
        "export const a = api.error('ORDER_NOT_FOUND', { orderId: 'o_1' });",
        "export const b = api.error('ORDER_MISSING', { orderId: 'o_1' });",
        "export const c = api.error('OUT_OF_STOCK', { available: 2 });",
        "export const code: 'ORDER_MISSING' = b.id;",
        '// @ts-expect-error: the deprecated overload still checks the parameters',
        "api.error('ORDER_MISSING', { nope: 1 });",
        '',
      ].join('\n'),
    );
    const service = languageService([join(dir, 'src/errors.ts'), use]);
    const errors = [
      ...service.getSemanticDiagnostics(use),
      ...service.getSemanticDiagnostics(join(dir, 'src/errors.ts')),
    ].map((d) => ts.flattenDiagnosticMessageText(d.messageText, '\n'));
    expect(errors).toEqual([]);
    const text = readFileSync(use, 'utf8');
    const deprecatedAt = service
      .getSuggestionDiagnostics(use)
      .filter((d) => d.reportsDeprecated)
      .map((d) => text.slice(0, d.start).split('\n').length);
    // Lines 3, 4 and 7 create deprecated entries; line 2 does not.
    expect(deprecatedAt).toEqual([3, 4, 7]);
  });

  it("types a client by the generated catalog with every code its server sends, in the catalog's casing", async () => {
    writeFileSync(join(dir, 'errors.yaml'), CATALOG);
    expect(
      (await run('types', 'errors.yaml', '-o', 'src/errors.ts', '--import-from', importFrom())).code,
    ).toBe(0);
    const client = relative(join(dir, 'src'), join(repo, 'src/client/index.js')).replaceAll('\\', '/');
    const use = join(dir, 'src/client.ts');
    writeFileSync(
      use,
      [
        `import { createClient } from '${client}';`,
        "import type { api } from './errors.js';",
        'const client = createClient<typeof api>();',
        'declare const e: unknown;',
        "export const own = client.is(e, 'ORDER_NOT_FOUND');",
        '// The catalog has no 405 nor 413 entry: its server answers with these.',
        "export const method = client.is(e, 'METHOD_NOT_ALLOWED');",
        "export const large = client.is(e, 'PAYLOAD_TOO_LARGE');",
        '// @ts-expect-error: not in the casing of the catalog, so never sent',
        "client.is(e, 'method_not_allowed');",
        '',
      ].join('\n'),
    );
    const service = languageService([join(dir, 'src/errors.ts'), use]);
    expect(
      service.getSemanticDiagnostics(use).map((d) => ts.flattenDiagnosticMessageText(d.messageText, '\n')),
    ).toEqual([]);
  });

  it('type-checks whatever the exported name, "catalog" included', async () => {
    writeFileSync(join(dir, 'errors.yaml'), CATALOG);
    for (const name of ['catalog', 'Entries', 'Deprecated']) {
      const file = `src/${name}.ts`;
      const argv = ['types', 'errors.yaml', '-o', file, '--import-from', importFrom(), '--name', name];
      expect((await run(...argv)).code).toBe(0);
    }
    const files = ['catalog', 'Entries', 'Deprecated'].map((n) => join(dir, `src/${n}.ts`));
    const service = languageService(files);
    expect(files.flatMap((f) => service.getSemanticDiagnostics(f).map((d) => d.messageText))).toEqual([]);
    expect(readFileSync(files[0] as string, 'utf8')).toContain(
      'export const catalog: Deprecated & typeof catalog_ = catalog_;',
    );
  });

  it('leaves a catalog without deprecated entries exported as it is', async () => {
    writeFileSync(join(dir, 'errors.yaml'), CATALOG.replace(/\n {4}deprecated: .*\n/g, '\n'));
    const r = await run('types', 'errors.yaml');
    expect(r.stdout).not.toContain('@deprecated');
    expect(r.stdout).toContain('export const api = defineCatalog({');
  });
});

const SDK_CATALOG = `errata: 1
name: orders-api
errors:
  ORDER_NOT_FOUND:
    status: 404
    title: Order not found
    message: "No order has the id {orderId:string}."
  OUT_OF_STOCK:
    status: 409
    message: "Secret text: only {available:integer} left."
    details:
      type: object
      required: [sku, available]
      properties: { sku: { type: string }, available: { type: integer } }
  billing.unavailable:
    status: 503
    retry: { retryable: true, strategy: exponential, baseMs: 250, maxMs: 8000, maxAttempts: 4, note: "Secret note" }
  RATE_LIMITED:
    status: 429
    retry: { retryable: true, strategy: after, afterMs: 60000 }
`;

describe('errata types --client', () => {
  const clientModule = () =>
    relative(join(dir, 'src'), join(repo, 'src/client/index.js')).replaceAll('\\', '/');

  it('writes a module that type-checks: the class, the code union, a guard per code with its details', async () => {
    writeFileSync(join(dir, 'errors.yaml'), SDK_CATALOG);
    const gen = await run(
      'types',
      'errors.yaml',
      '--client',
      '-o',
      'src/errors.ts',
      '--import-from',
      clientModule(),
    );
    expect(gen.code).toBe(0);
    const text = readFileSync(join(dir, 'src/errors.ts'), 'utf8');
    // No catalog text: neither a message, a title nor a retry note.
    for (const secret of ['Secret', 'No order has', 'Order not found']) expect(text).not.toContain(secret);
    expect(text).toContain('export const OrdersApiError = defineClientError<Catalog>()("OrdersApiError");');
    const use = join(dir, 'src/use.ts');
    writeFileSync(
      use,
      [
        "import { OrdersApiError, isOrderNotFound, isOutOfStock, isBillingUnavailable, type Code } from './errors.js';",
        'declare const e: unknown;',
        'if (isOutOfStock(e)) {',
        '  const sku: string = e.details.sku;',
        '  const available: number = e.details.available;',
        "  const name: 'OrdersApiError' = e.name;",
        '}',
        'if (isOrderNotFound(e)) { const none: undefined = e.details; }',
        'if (e instanceof OrdersApiError) { const code: string | undefined = e.code; }',
        "export const codes: Code[] = ['ORDER_NOT_FOUND', 'billing.unavailable', 'RATE_LIMITED'];",
        '// @ts-expect-error: not a code of the catalog',
        "export const bad: Code = 'NOPE';",
        'export const guard = isBillingUnavailable;',
        '',
      ].join('\n'),
    );
    const service = languageService([join(dir, 'src/errors.ts'), use]);
    const errors = [join(dir, 'src/errors.ts'), use].flatMap((f) =>
      service.getSemanticDiagnostics(f).map((d) => ts.flattenDiagnosticMessageText(d.messageText, '\n')),
    );
    expect(errors).toEqual([]);
  });

  it('works at runtime: the guards, the retry table and the errors of a client made with the class', async () => {
    writeFileSync(join(dir, 'errors.yaml'), SDK_CATALOG);
    const gen = await run(
      'types',
      'errors.yaml',
      '--client',
      '-o',
      'src/errors.ts',
      '--import-from',
      clientModule().replace(/\.js$/, '.ts'),
    );
    expect(gen.code).toBe(0);
    const sdk = await import(join(dir, 'src/errors.ts'));
    const { createClient } = await import('../src/client/index.js');
    const client = createClient({ error: sdk.OrdersApiError });
    const body = (status: number, code: string) => JSON.stringify({ title: 'x', status, code });
    const stock = client.parse(body(409, 'OUT_OF_STOCK'), { status: 409 });
    expect(stock).toBeInstanceOf(sdk.OrdersApiError);
    expect(stock.name).toBe('OrdersApiError');
    expect([sdk.isOutOfStock(stock), sdk.isOrderNotFound(stock)]).toEqual([true, false]);
    expect(sdk.isBillingUnavailable(client.parse(body(503, 'billing.unavailable'), { status: 503 }))).toBe(
      true,
    );
    // The plain client's error of the same code is not the SDK's.
    expect(sdk.isOutOfStock(createClient().parse(body(409, 'OUT_OF_STOCK'), { status: 409 }))).toBe(false);
    expect(sdk.retryPolicy).toEqual({
      'billing.unavailable': { strategy: 'exponential', baseMs: 250, maxMs: 8000, maxAttempts: 4 },
      RATE_LIMITED: { strategy: 'after', afterMs: 60000 },
    });
    expect(
      ['billing.unavailable', 'RATE_LIMITED', 'OUT_OF_STOCK', 'toString', undefined].map(sdk.mayRetry),
    ).toEqual([true, true, false, false, false]);
  });

  it('names the class with --error-name, refuses a bad one, and checks the file with --client --check', async () => {
    writeFileSync(join(dir, 'errors.yaml'), SDK_CATALOG);
    const argv = ['types', 'errors.yaml', '--client', '--error-name', 'ShopError', '-o', 'src/errors.ts'];
    expect((await run(...argv)).code).toBe(0);
    expect(readFileSync(join(dir, 'src/errors.ts'), 'utf8')).toContain('export const ShopError = ');
    expect((await run(...argv, '--check')).code).toBe(0);
    const other = await run('types', 'errors.yaml', '--client', '-o', 'src/errors.ts', '--check');
    expect(other.code).toBe(1);
    expect(other.stdout).toContain('"errata types errors.yaml -o src/errors.ts --client"');
    const bad = await run('types', 'errors.yaml', '--client', '--error-name', 'class');
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('--error-name must be a JavaScript identifier');
    const alone = await run('types', 'errors.yaml', '--error-name', 'ShopError');
    expect(alone.code).toBe(2);
    expect(alone.stderr).toContain('--error-name names the class of --client');
  });
});
