import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCatalog } from '../src/catalog/define.js';
import { exportCatalog } from '../src/catalog/export.js';
import { loadCatalog, normalizeDocument, validateCatalogDocument } from '../src/catalog/load.js';
import { CatalogError, normalizeCatalog } from '../src/catalog/normalize.js';

const run = promisify(execFile);
const SEEDS = ['barekey', 'clerk', 'sitescore', 'flags', 'authos'];
let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'errata-load-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function issuesOf(text: string, ext = 'json'): Promise<string[]> {
  const file = join(dir, `c${Math.random().toString(36).slice(2)}.${ext}`);
  await writeFile(file, text);
  try {
    await loadCatalog(file);
  } catch (e) {
    expect(e).toBeInstanceOf(CatalogError);
    expect((e as CatalogError).file).toBe(file);
    return (e as CatalogError).issues.map((i) => (i.path ? `${i.path}: ${i.message}` : i.message));
  }
  throw new Error('expected the catalog to be rejected');
}

describe('seed catalogs', () => {
  for (const name of SEEDS) {
    it(`${name}: loads, validates against the JSON Schema, and round-trips byte for byte`, async () => {
      const file = new URL(`../examples/catalogs/${name}.json`, import.meta.url).pathname;
      const text = await readFile(file, 'utf8');
      expect(validateCatalogDocument(JSON.parse(text))).toEqual([]);
      const model = await loadCatalog(file);
      const exported = exportCatalog(model);
      expect(exported).toBe(text);
      expect(exportCatalog(normalizeDocument(JSON.parse(exported)))).toBe(exported);
      // Every entry can be instantiated.
      const api = createCatalog(model);
      for (const id of api.ids) expect(api.error(id).status).toBe(model.errors[id]?.status);
    });
  }

  it('round-trips through YAML too', async () => {
    const { stringify } = await import('yaml');
    const model = await loadCatalog(new URL('../examples/catalogs/clerk.json', import.meta.url).pathname);
    const file = join(dir, 'clerk.yaml');
    await writeFile(file, stringify(JSON.parse(exportCatalog(model))));
    expect(exportCatalog(await loadCatalog(file))).toBe(exportCatalog(model));
  });
});

describe('malformed catalogs', () => {
  const cases: [string, string, string[], string?][] = [
    ['not an object', '[1,2]', ['must be an object, got an array']],
    ['errors missing', '{"name":"x"}', ['errors: is required']],
    ['errors not an object', '{"errors":[]}', ['errors: must be an object keyed by entry id, got an array']],
    [
      'status out of range',
      '{"errors":{"VARIABLE_NOT_FOUND":{"status":200}}}',
      ['errors.VARIABLE_NOT_FOUND.status: must be an integer from 400 to 599, got number 200'],
    ],
    [
      'status as a string',
      '{"errors":{"A":{"status":"404"}}}',
      ['errors.A.status: must be an integer from 400 to 599, got string "404"'],
    ],
    ['status missing', '{"errors":{"A":{"code":"a"}}}', ['errors.A.status: is required']],
    [
      'status not an integer',
      '{"errors":{"A":{"status":404.5}}}',
      ['errors.A.status: must be an integer from 400 to 599, got number 404.5'],
    ],
    ['misspelt field', '{"errors":{"A":{"status":404,"mesage":"x"}}}', ['errors.A.mesage: unknown field']],
    ['unknown top-level field', '{"error":{},"errors":{}}', ['error: unknown field']],
    [
      'bad id',
      '{"errors":{"1bad id":{"status":400}}}',
      ['errors["1bad id"]: id must start with a letter and hold only letters, digits, "_", "." and "-"'],
    ],
    [
      'code not a string',
      '{"errors":{"A":{"status":400,"code":7}}}',
      ['errors.A.code: must be a string, got number 7'],
    ],
    [
      'unknown retry strategy',
      '{"errors":{"A":{"status":503,"retry":{"strategy":"sometimes"}}}}',
      ['errors.A.retry.strategy: must be one of exponential, fixed, after, got string "sometimes"'],
    ],
    [
      'fixed strategy without delay',
      '{"errors":{"A":{"status":503,"retry":{"strategy":"fixed"}}}}',
      ['errors.A.retry.delayMs: is required by the fixed strategy'],
    ],
    [
      'negative delay',
      '{"errors":{"A":{"status":429,"retry":{"afterMs":-5}}}}',
      ['errors.A.retry.afterMs: must be a non-negative integer (milliseconds), got number -5'],
    ],
    [
      'exponential max below base',
      '{"errors":{"A":{"status":503,"retry":{"baseMs":1000,"maxMs":10}}}}',
      ['errors.A.retry.maxMs: must be at least baseMs'],
    ],
    [
      'bad param type',
      '{"errors":{"A":{"status":400,"message":"{n}","params":{"n":"date"}}}}',
      ['errors.A.params.n: must be one of string, number, integer, boolean'],
    ],
    [
      'details not a schema',
      '{"errors":{"A":{"status":400,"details":"object"}}}',
      ['errors.A.details: must be a JSON Schema object or a Standard Schema, got string "object"'],
    ],
    [
      'links with spaces',
      '{"errors":{"A":{"status":400,"links":["not a url"]}}}',
      ['errors.A.links[0]: must be a URL'],
    ],
    [
      'duplicate categories',
      '{"categories":["A","A"],"errors":{}}',
      ['categories[1]: duplicate category "A"'],
    ],
    ['wrong format version', '{"errata":2,"errors":{}}', ['errata: must be 1 (the catalog format version)']],
    [
      'expose not boolean',
      '{"errors":{"A":{"status":500,"expose":"no"}}}',
      ['errors.A.expose: must be a boolean, got string "no"'],
    ],
    [
      'deprecated of the wrong shape',
      '{"errors":{"A":{"status":400,"deprecated":{"replaced":"B"}}}}',
      ['errors.A.deprecated.replaced: unknown field'],
    ],
  ];
  for (const [title, text, expected] of cases) {
    it(`rejects: ${title}`, async () => {
      expect(await issuesOf(text)).toEqual(expected);
    });
  }

  it('reports every problem at once, across entries', async () => {
    const issues = await issuesOf(
      JSON.stringify({
        name: 1,
        errors: { A: { status: 700 }, B: { status: 404, category: '' }, C: { status: 500, retry: 'yes' } },
      }),
    );
    expect(issues).toEqual([
      'name: must be a string, got number 1',
      'errors.A.status: must be an integer from 400 to 599, got number 700',
      'errors.B.category: must not be empty',
      'errors.C.retry: must be false, true or a retry policy object, got string "yes"',
    ]);
  });

  it('reports JSON syntax errors and duplicate keys', async () => {
    expect((await issuesOf('{"errors": {'))[0]).toMatch(/^JSON syntax error: /);
    expect(await issuesOf('{"errors":{"A":{"status":400},"A":{"status":404}}}')).toEqual([
      expect.stringMatching(/^duplicate key at line 1, column \d+/),
    ]);
  });

  it('reports YAML syntax errors with line and column', async () => {
    const issues = await issuesOf('errors:\n  A:\n    status: [400\n', 'yaml');
    expect(issues[0]).toMatch(/^YAML syntax error at line \d+, column \d+/);
    expect(await issuesOf('errors:\n  A: {status: 400}\n  A: {status: 404}\n', 'yaml')).toEqual([
      expect.stringMatching(/^duplicate key at line 3/),
    ]);
  });

  it('rejects unsupported and unreadable files clearly', async () => {
    expect(await issuesOf('x', 'txt')).toEqual([
      'unsupported file type ".txt": use .ts, .js, .json, .yaml or .yml',
    ]);
    await expect(loadCatalog(join(dir, 'missing.json'))).rejects.toThrow('cannot read file: ENOENT');
  });

  it('agrees with the published JSON Schema on what is malformed', () => {
    for (const [, text] of cases) {
      const doc = JSON.parse(text);
      let modelRejects = false;
      try {
        normalizeCatalog(doc);
      } catch {
        modelRejects = true;
      }
      const schemaRejects = validateCatalogDocument(doc).length > 0;
      // One rule spans two fields, which JSON Schema cannot compare.
      const relational = text.includes('"maxMs":10');
      expect({ text, schemaRejects }).toEqual({ text, schemaRejects: relational ? false : modelRejects });
    }
  });
});

describe('TypeScript catalogs', () => {
  it('loads a .ts module exporting defineCatalog()', async () => {
    const file = join(process.cwd(), 'test', `_tmp_catalog_${process.pid}.ts`);
    await writeFile(
      file,
      `import { defineCatalog } from '../src/index.js';\nexport default defineCatalog({ name: 'ts', errors: { A: { status: 200 as 400, message: 'hi {x}' } } });\n`,
    );
    try {
      await expect(loadCatalog(file)).rejects.toThrow(CatalogError);
      await writeFile(
        file,
        `import { defineCatalog } from '../src/index.js';\nexport const catalog = defineCatalog({ name: 'ts', errors: { A: { status: 404, message: 'hi {x}' } } });\n`,
      );
      const model = await loadCatalog(file);
      expect(model.name).toBe('ts');
      expect(model.errors.A?.params).toEqual({ x: { type: 'string' } });
    } finally {
      await rm(file, { force: true });
    }
  });
});

describe('CLI: export and types', () => {
  const cli = (...args: string[]) =>
    run('node', ['bin/errata.js', ...args], { env: { ...process.env, NO_COLOR: '1' } }).then(
      (r) => ({ code: 0, ...r }),
      (e: { code: number; stdout: string; stderr: string }) => e,
    );

  it('exports a seed catalog as canonical JSON', async () => {
    const r = await cli('export', 'examples/catalogs/flags.json');
    expect(r.code).toBe(0);
    expect(r.stdout).toBe(await readFile('examples/catalogs/flags.json', 'utf8'));
  });

  it('exits 2 with every path for a malformed catalog, and no stack trace', async () => {
    const file = join(dir, 'bad.yaml');
    await writeFile(file, 'errors:\n  A: {status: 200}\n  B: {status: 404, stauts: 1}\n');
    const r = await cli('export', file);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(`${file}: invalid catalog`);
    expect(r.stderr).toContain('errors.A.status: must be an integer from 400 to 599, got number 200');
    expect(r.stderr).toContain('errors.B.stauts: unknown field');
    expect(r.stderr).not.toMatch(/\bat .*\.(ts|js):\d+/);
    expect(r.stdout).toBe('');
  });

  it('exits 2 on bad usage', async () => {
    expect((await cli('export')).code).toBe(2);
    expect((await cli('export', 'a.json', '--nope')).stderr).toContain('unknown option "--nope"');
    expect((await cli('frobnicate')).stderr).toContain('unknown command "frobnicate"');
  });

  it('writes TypeScript that type-checks and infers like the DSL', async () => {
    const yamlFile = join(dir, 'api.yaml');
    await writeFile(
      yamlFile,
      [
        'name: gen',
        'errors:',
        '  NOT_FOUND:',
        '    status: 404',
        '    message: "No {kind} named {name:string} ({count:number})"',
        '  INVALID:',
        '    status: 400',
        '    details:',
        '      type: object',
        '      required: [field]',
        '      properties: { field: { type: string }, limit: { type: [integer, "null"] }, tags: { type: array, items: { enum: [a, b] } } }',
        '',
      ].join('\n'),
    );
    const out = join(process.cwd(), 'test', `_tmp_generated_${process.pid}.ts`);
    const use = join(process.cwd(), 'test', `_tmp_use_${process.pid}.ts`);
    try {
      const r = await cli('types', yamlFile, '-o', out, '--import-from', '../src/index.js');
      expect(r.code).toBe(0);
      const base = out.split('/').pop()?.replace(/\.ts$/, '.js');
      await writeFile(
        use,
        [
          `import { api } from './${base}';`,
          `const ok = api.error('NOT_FOUND', { kind: 'flag', name: 'x', count: 2 });`,
          `const d = api.error('INVALID', {}, { details: { field: 'f', limit: null, tags: ['a'] } });`,
          `const f: string = d.details.field; const l: number | null | undefined = d.details.limit;`,
          `// @ts-expect-error count must be a number`,
          `api.error('NOT_FOUND', { kind: 'flag', name: 'x', count: '2' });`,
          `// @ts-expect-error tags only a or b`,
          `api.error('INVALID', {}, { details: { field: 'f', tags: ['c'] } });`,
          `export { ok, f, l };`,
          '',
        ].join('\n'),
      );
      const tsc = await run('npx', [
        'tsc',
        '--noEmit',
        '--strict',
        '--module',
        'nodenext',
        '--skipLibCheck',
        '--target',
        'es2022',
        use,
      ]).then(
        () => 0,
        (e: { stdout: string }) => e.stdout,
      );
      expect(tsc).toBe(0);
      // The generated module is the same catalog at runtime.
      const mod = (await import(out)) as { api: { model: unknown } };
      expect(mod.api.model).toEqual(await loadCatalog(yamlFile));
    } finally {
      await rm(out, { force: true });
      await rm(use, { force: true });
    }
  }, 60_000);
});
