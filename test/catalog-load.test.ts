import { execFile } from 'node:child_process';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCatalog } from '../src/catalog/define.js';
import { CatalogError } from '../src/catalog/errors.js';
import { exportCatalog } from '../src/catalog/export.js';
import {
  loadCatalog,
  normalizeDocument,
  SourceFileError,
  validateCatalogDocument,
} from '../src/catalog/load.js';
import { normalizeCatalog } from '../src/catalog/normalize.js';
import { runCli } from './_cli.js';

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

/** Each problem of a rejected catalog with its place: `line:column path: message`, `-:-` when it has none. */
async function placedOf(text: string, ext: string): Promise<string[]> {
  const file = join(dir, `p${Math.random().toString(36).slice(2)}.${ext}`);
  await writeFile(file, text);
  const error = await loadCatalog(file).then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(CatalogError);
  return (error as CatalogError).issues.map(
    (i) => `${i.line ?? '-'}:${i.column ?? '-'} ${i.path ? `${i.path}: ` : ''}${i.message}`,
  );
}

describe('seed catalogs', () => {
  for (const name of SEEDS) {
    it(`${name}: loads, validates against the JSON Schema, and round-trips byte for byte`, async () => {
      const file = new URL(`../examples/catalogs/${name}.json`, import.meta.url).pathname;
      const text = await readFile(file, 'utf8');
      expect(validateCatalogDocument(JSON.parse(text))).toEqual([]);
      // The catalog's own file: a seed's languages beside it (sitescore.fr.yaml) are not written in it.
      const model = await loadCatalog(file, { localeFiles: false });
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
    [
      'misspelt field',
      '{"errors":{"A":{"status":404,"mesage":"x"}}}',
      ['errors.A.mesage: unknown field (did you mean "message"?)'],
    ],
    [
      'unknown top-level field',
      '{"error":{},"errors":{}}',
      ['error: unknown field (did you mean "errors"?)'],
    ],
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
      ['errors.A.deprecated.replaced: unknown field (did you mean "replacedBy"?)'],
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
    expect((await issuesOf('{"errors": {'))[0]).toMatch(/^JSON syntax error: .* at line 1, column 13$/);
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
    await expect(loadCatalog(join(dir, 'missing.json'))).rejects.toThrow('file not found: ');
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

describe('field typos', () => {
  it('suggests the field meant, at the top level and in an entry, in JSON, YAML and TypeScript', async () => {
    const expected = [
      'categries: unknown field (did you mean "categories"?)',
      'errors.A.stauts: unknown field (did you mean "status"?)',
      'errors.A.status: is required',
    ];
    const doc = { categries: [], errors: { A: { stauts: 404 } } };
    expect(await issuesOf(JSON.stringify(doc))).toEqual(expected);
    expect(await issuesOf('categries: []\nerrors:\n  A:\n    stauts: 404\n', 'yaml')).toEqual(expected);
    expect(await issuesOf(`export default ${JSON.stringify(doc)};\n`, 'ts')).toEqual(expected);
    expect(() => normalizeCatalog(doc)).toThrow('errors.A.stauts: unknown field (did you mean "status"?)');
  });

  it('suggests inside retry, params and deprecated, and says nothing when no field is close', async () => {
    const errors = {
      A: { status: 503, retry: { strategy: 'fixed', delayMs: 5, maxAtempts: 2 } },
      B: { status: 400, message: '{n}', params: { n: { typ: 'string' } } },
      C: { status: 400, deprecated: { sinse: '2.0' } },
      D: { status: 400, statusCode: 400, zzzzzzzz: 1 },
    };
    expect(await issuesOf(JSON.stringify({ errors }))).toEqual([
      'errors.A.retry.maxAtempts: unknown field (did you mean "maxAttempts"?)',
      'errors.B.params.n.typ: unknown field (did you mean "type"?)',
      'errors.C.deprecated.sinse: unknown field (did you mean "since"?)',
      'errors.D.statusCode: unknown field (did you mean "status"?)',
      'errors.D.zzzzzzzz: unknown field',
    ]);
  });
});

describe('the place of a problem', () => {
  it('gives the line and column of each problem in a YAML catalog: the field, or the entry missing one', async () => {
    const text = [
      'name: shop',
      'errors:',
      '  ORDER_NOT_FOUND:',
      '    status: "404"',
      '    mesage: Order {id} not found',
      '  BAD:',
      '    code: x',
      'categories:',
      '  - Orders',
      '  - ""',
    ].join('\n');
    expect((await placedOf(text, 'yaml')).sort()).toEqual(
      [
        '4:5 errors.ORDER_NOT_FOUND.status: must be an integer from 400 to 599, got string "404"',
        '5:5 errors.ORDER_NOT_FOUND.mesage: unknown field (did you mean "message"?)',
        '6:3 errors.BAD.status: is required',
        '10:5 categories[1]: must be a non-empty string',
      ].sort(),
    );
  });

  it('gives the line and column of each problem in a JSON catalog', async () => {
    const text = [
      '{',
      '  "errors": {',
      '    "A": {',
      '      "status": "404",',
      '      "stauts": 1',
      '    },',
      '    "1bad id": { "status": 400 }',
      '  },',
      '  "links": []',
      '}',
    ].join('\n');
    expect(await placedOf(text, 'json')).toEqual([
      '9:3 links: unknown field',
      '5:7 errors.A.stauts: unknown field (did you mean "status"?)',
      '4:7 errors.A.status: must be an integer from 400 to 599, got string "404"',
      '7:5 errors["1bad id"]: id must start with a letter and hold only letters, digits, "_", "." and "-"',
    ]);
  });

  it('follows YAML aliases and merge keys to the text that holds the field', async () => {
    const text = [
      'x-base: &base',
      '  status: 404',
      '  stauts: 1',
      'x-more: &more {category: ""}',
      'errors:',
      '  A: *base',
      '  B:',
      '    <<: *more',
      '    status: 400',
    ].join('\n');
    expect((await placedOf(text, 'yaml')).sort()).toEqual(
      [
        '3:3 errors.A.stauts: unknown field (did you mean "status"?)',
        '4:16 errors.B.category: must not be empty',
      ].sort(),
    );
  });

  it('places a missing top-level field at the start of the document, and leaves a TypeScript catalog unplaced', async () => {
    expect(await placedOf('\nname: x\n', 'yaml')).toEqual(['2:1 errors: is required']);
    expect(await placedOf('export default { errors: { A: { stauts: 1 } } };\n', 'ts')).toEqual([
      '-:- errors.A.stauts: unknown field (did you mean "status"?)',
      '-:- errors.A.status: is required',
    ]);
  });

  it('puts the place first in the message: file:line:column: path: problem', async () => {
    const file = join(dir, 'placed.yaml');
    await writeFile(file, 'errors:\n  A:\n    status: 200\n');
    await expect(loadCatalog(file)).rejects.toThrow(
      `${file}: invalid catalog (1 problem)\n  ${file}:3:5: errors.A.status: must be an integer from 400 to 599, got number 200`,
    );
  });

  it('is printed by the CLI the same way, for errata lint and errata export', async () => {
    await writeFile(join(dir, 'lint-me.yaml'), 'errors:\n  A:\n    stauts: 404\n');
    for (const command of ['lint', 'export']) {
      const r = await runCli([command, 'lint-me.yaml'], dir);
      expect(r.code).toBe(2);
      expect(r.stderr).toBe(
        [
          'error: lint-me.yaml: invalid catalog',
          '  lint-me.yaml:3:5: errors.A.stauts: unknown field (did you mean "status"?)',
          '  lint-me.yaml:2:3: errors.A.status: is required',
          '',
        ].join('\n'),
      );
    }
  });
});

describe('files that cannot be read', () => {
  it('says "file not found" for a missing catalog of any kind, naming it as given', async () => {
    for (const name of ['missing.json', 'missing.yaml', 'missing.ts', 'no-folder/missing.yml']) {
      const error = await loadCatalog(name, { cwd: dir }).then(
        () => undefined,
        (e: unknown) => e,
      );
      expect(error).toBeInstanceOf(CatalogError);
      expect((error as Error).message).toBe(`file not found: ${name}`);
      expect((error as CatalogError).file).toBe(name);
    }
  });

  it('says a directory is not a file', async () => {
    await mkdir(join(dir, 'dir.json'));
    await mkdir(join(dir, 'dir.ts'));
    for (const name of ['.', 'dir.json', 'dir.ts'])
      await expect(loadCatalog(name, { cwd: dir })).rejects.toThrow(`a directory, not a file: ${name}`);
  });

  it('names the reason of any other failure to read, with the error as the cause', () => {
    const denied = Object.assign(new Error('EACCES: permission denied'), { code: 'EACCES' });
    const error = new SourceFileError('secret.yaml', denied);
    expect(error).toBeInstanceOf(CatalogError);
    expect(error.message).toBe('cannot read secret.yaml: EACCES (permission denied)');
    expect(error.issues).toEqual([{ path: '', message: 'cannot read file: EACCES (permission denied)' }]);
    expect(error.cause).toBe(denied);
  });

  it('makes the CLI exit 2 with one line, as for other bad input', async () => {
    const r = await runCli(['lint', 'missing.yaml'], dir);
    expect(r).toEqual({ code: 2, stdout: '', stderr: 'error: file not found: missing.yaml\n' });
  });
});

describe('hostile catalogs', () => {
  it('reads a BOM, and refuses what is not UTF-8 text with its place', async () => {
    const file = join(dir, 'bom.json');
    await writeFile(file, Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('{"errors":{}}')]));
    expect((await loadCatalog(file)).errors).toEqual({});
    const latin1 = join(dir, 'latin1.yaml');
    await writeFile(
      latin1,
      Buffer.from('errors:\n  A:\n    status: 400\n    message: "caf\xe9"\n', 'latin1'),
    );
    await expect(loadCatalog(latin1)).rejects.toThrow(
      'not valid UTF-8 at line 4, column 18 (byte 0xe9 at offset 46): save the file as UTF-8',
    );
  });

  it('gives the line and column of a JSON syntax error, and names empty files', async () => {
    expect(await issuesOf('{\n  "errors": {\n    "A": {"status": 400,}\n  }\n}\n')).toEqual([
      'JSON syntax error: trailing comma before "}" at line 3, column 25',
    ]);
    expect(await issuesOf('')).toEqual(['the file is empty']);
    expect(await issuesOf('\n# nothing\n', 'yaml')).toEqual(['must be an object, got null']);
    expect(await issuesOf(' \n', 'yaml')).toEqual(['the file is empty']);
  });

  it('refuses YAML alias bombs, self-referencing aliases, and several documents', async () => {
    const bomb = ['x-a: &a [lol, lol, lol, lol, lol, lol, lol, lol, lol]'];
    for (const [i, c] of [...'bcdefghi'].entries())
      bomb.push(`x-${c}: &${c} [${Array(9).fill(`*${'abcdefgh'[i]}`).join(', ')}]`);
    bomb.push('errors: {}');
    const t0 = performance.now();
    expect(await issuesOf(bomb.join('\n'), 'yaml')).toEqual([
      'YAML aliases expand too far (an alias "bomb"): repeat the values instead of nesting aliases',
    ]);
    expect(performance.now() - t0).toBeLessThan(5_000);
    expect(await issuesOf('errors:\n  A: &a\n    status: 400\n    x-self: *a\n', 'yaml')).toEqual([
      'errors.A.x-self: refers to itself (a YAML alias of an enclosing node)',
    ]);
    expect(await issuesOf('errors: {}\n---\nerrors: {}\n', 'yaml')).toEqual([
      'YAML syntax error at line 2, column 1: the file holds more than one YAML document ("---"); a catalog is one document',
    ]);
  });

  it('takes YAML merge keys and many aliases of one node', async () => {
    const lines = ['x-base: &base {status: 503, retry: true}', 'errors:'];
    for (let i = 0; i < 500; i++) lines.push(`  E${i}: *base`);
    lines.push('  F:', '    <<: *base', '    message: hi');
    const model = await loadCatalog(
      await (async () => {
        const f = join(dir, 'aliases.yaml');
        await writeFile(f, lines.join('\n'));
        return f;
      })(),
    );
    expect(Object.keys(model.errors)).toHaveLength(501);
    expect(model.errors.F).toMatchObject({ status: 503, message: 'hi', retry: { retryable: true } });
  });

  it('refuses nesting deeper than a catalog needs, in JSON and YAML, without a stack overflow', async () => {
    const n = 100_000;
    expect(await issuesOf(`{"errors":{},"x-d":${'['.repeat(n)}${']'.repeat(n)}}`)).toEqual([
      'nested too deeply at line 1, column 119: more than 100 levels',
    ]);
    expect((await issuesOf(`errors: {}\nx-d: ${'['.repeat(n)}${']'.repeat(n)}\n`, 'yaml'))[0]).toMatch(
      /^YAML syntax error at line 2, column \d+: nested too deeply/,
    );
    expect((await issuesOf(`errors: {}\nx-d: ${'['.repeat(150)}${']'.repeat(150)}\n`, 'yaml'))[0]).toMatch(
      /^x-d(\[0\])+: nested more than 100 levels deep$/,
    );
  });

  it('keeps prototype names as plain data: ids, parameters and details fields', async () => {
    const model = normalizeDocument({
      errors: {
        constructor: { status: 400, message: '{constructor} and {toString:number}' },
        toString: {
          status: 400,
          details: { type: 'object', properties: { ['__proto__']: { type: 'string' } } },
        },
      },
    });
    // Read through a string, as TypeScript types `errors.constructor` as Object's.
    const entry = (id: string) => model.errors[id];
    expect(entry('constructor')?.params).toEqual({
      constructor: { type: 'string' },
      toString: { type: 'number' },
    });
    const details = entry('toString')?.details as { properties: object };
    expect(Object.keys(details.properties)).toEqual(['__proto__']);
    expect(Object.getPrototypeOf(details.properties)).toBe(Object.prototype);
    // Rendering reads only own parameters: with an empty object they are missing, and the
    // message is never sent with its placeholders (the generic text, as the entry has no title).
    const api = createCatalog(model);
    expect(api.error('constructor', {}).message).toBe('The request could not be completed.');
    expect(api.error('constructor', { constructor: 'C', toString: 5 }).message).toBe('C and 5');
    expect(await issuesOf('{"errors":{"__proto__":{"status":400}}}')).toEqual([
      'errors.__proto__: id must start with a letter and hold only letters, digits, "_", "." and "-"',
    ]);
    expect(await issuesOf('{"errors":{"A":{"status":400,"message":"{__proto__}"}}}')).toEqual([
      'errors.A.message: the placeholder {__proto__} is not allowed (a reserved name)',
    ]);
    expect(await issuesOf('{"errors":{"A":{"status":400,"params":{"__proto__":"string"}}}}')).toEqual([
      'errors.A.params.__proto__: parameter name __proto__ is not allowed (a reserved name)',
    ]);
  });

  it('reports what JSON cannot hold in a TypeScript catalog, at its path', () => {
    const cyclic: Record<string, unknown> = { errors: { A: { status: 400 } } };
    cyclic['x-self'] = cyclic;
    const schema: Record<string, unknown> = { type: 'object' };
    schema.properties = { me: schema };
    const issues = (doc: unknown) => {
      try {
        normalizeCatalog(doc);
      } catch (e) {
        return (e as CatalogError).issues.map((i) => `${i.path}: ${i.message}`);
      }
      return [];
    };
    expect(issues(cyclic)).toEqual(['x-self: refers to itself (a circular reference): it must be JSON data']);
    expect(issues({ errors: { A: { status: 400, details: schema } } })).toEqual([
      'errors.A.details.properties.me: refers to itself (a circular reference): it must be JSON data',
    ]);
    expect(
      issues({
        errors: {
          A: { status: 400, 'x-n': 10n, 'x-f': () => 1, 'x-inf': Number.POSITIVE_INFINITY, 'x-m': new Map() },
        },
      }),
    ).toEqual([
      'errors.A.x-n: must be JSON data, got a bigint (write it as a number or a string)',
      'errors.A.x-f: must be JSON data, got a function',
      'errors.A.x-inf: must be JSON data, got Infinity',
      'errors.A.x-m: must be JSON data, got a Map',
    ]);
    expect(issues({ errors: { A: { status: 10n } } })).toEqual([
      'errors.A.status: must be an integer from 400 to 599, got bigint 10',
    ]);
    expect(issues({ errors: { A: { status: 'x'.repeat(1_000_000) } } })[0]?.length).toBeLessThan(200);
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

  it('says why a module gives no catalog: it throws, exits, exports nothing or the wrong thing', async () => {
    const exit = process.exit;
    const cases: [string, string][] = [
      ['throw new Error("boom");\n', 'cannot load module: boom (at M.ts, line 1)'],
      [
        'const a = 1;\n\nthrow new TypeError("three");\n',
        'cannot load module: TypeError: three (at M.ts, line 3)',
      ],
      [
        'export default {\n  errors: {\n    A: { status: 400 ;\n',
        'cannot load module: ParseError: Unexpected token, expected "," (at M.ts:3:21)',
      ],
      ['throw 42;\n', 'the module threw 42'],
      ['throw null;\n', 'the module threw null'],
      ['process.exit(0);\nexport default {};\n', 'the module called process.exit(0) while loading'],
      ['export default { errors: {} ;\n', 'cannot load module: ParseError: '],
      ['import "./no-such-module.js";\n', "cannot load module: Cannot find module './no-such-module.js'"],
      ['', 'the module exports nothing: export default defineCatalog({...}), or export `catalog`'],
      ['export const x = 1;\n', 'the module exports no catalog (it exports `x`)'],
      ['export default 42;\n', 'the module exports no catalog (it exports `default`)'],
      ['export default [1];\n', 'must be an object, got an array'],
      ['export default Promise.reject(new Error("later"));\n', 'cannot read the exported catalog: later'],
      [
        'export default { errors: { A: { status: 400, get message() { throw new Error("getter"); } } } };\n',
        'cannot read the exported catalog: getter',
      ],
    ];
    for (const [source, message] of cases) {
      const file = join(dir, `M.ts`);
      await writeFile(file, source);
      const error = await loadCatalog(file).then(
        () => undefined,
        (e: unknown) => e,
      );
      expect(error, source).toBeInstanceOf(CatalogError);
      expect((error as CatalogError).file).toBe(file);
      expect((error as CatalogError).issues[0]?.message, source).toContain(message);
    }
    // process.exit is put back after loading.
    expect(process.exit).toBe(exit);
  });

  it("resolves imports through the catalog's own tsconfig.json paths, as the app that imports it does", async () => {
    const app = join(dir, 'paths-app');
    await mkdir(join(app, 'src', 'shared'), { recursive: true });
    await writeFile(
      join(app, 'tsconfig.json'),
      JSON.stringify({ compilerOptions: { baseUrl: '.', paths: { '@shared/*': ['./src/shared/*'] } } }),
    );
    await writeFile(join(app, 'src', 'shared', 'status.ts'), 'export const NOT_FOUND = 404 as const;\n');
    await writeFile(
      join(app, 'src', 'errors.ts'),
      "import { NOT_FOUND } from '@shared/status';\nexport default { name: 'paths', errors: { GONE: { status: NOT_FOUND, message: 'Gone.' } } };\n",
    );
    const model = await loadCatalog(join(app, 'src', 'errors.ts'));
    expect(model.errors.GONE?.status).toBe(404);
  });

  it('takes a plain object exported as `api`, and a promise of a catalog', async () => {
    const file = join(dir, 'plain.ts');
    await writeFile(file, 'export const api = { name: "plain", errors: { A: { status: 404 } } };\n');
    expect((await loadCatalog(file)).name).toBe('plain');
    await writeFile(file, 'export default Promise.resolve({ name: "later", errors: {} });\n');
    expect((await loadCatalog(file)).name).toBe('later');
  });
});

describe('generated TypeScript', () => {
  it('keeps a __proto__ details field as a field, and refuses reserved export names', async () => {
    const { generateTypes } = await import('../src/catalog/codegen.js');
    const model = normalizeDocument(
      JSON.parse(
        '{"errors":{"A":{"status":400,"details":{"type":"object","properties":{"__proto__":{"type":"string"}}}}}}',
      ),
    );
    const text = generateTypes(model, { source: 'a\nprocess.exit(1)//.json' });
    expect(text).toContain('{"type":"object","properties":{["__proto__"]:{"type":"string"}}}');
    expect(text.split('\n')[0]).toBe(
      '// Generated by `errata types` from a process.exit(1)//.json. Do not edit.',
    );
    expect(() => generateTypes(model, { exportName: 'default' })).toThrow(TypeError);
  });
});

describe('CLI: export and types', () => {
  const cli = (...args: string[]) =>
    run('node', ['bin/errata.js', ...args], { env: { ...process.env, NO_COLOR: '1' } }).then(
      (r) => ({ code: 0, ...r }),
      (e: { code: number; stdout: string; stderr: string }) => e,
    );

  it('exports a seed catalog as written, as canonical JSON, with --as-written', async () => {
    const r = await cli('export', 'examples/catalogs/flags.json', '--as-written');
    expect(r.code).toBe(0);
    expect(r.stdout).toBe(await readFile('examples/catalogs/flags.json', 'utf8'));
  });

  it('exports the contract: the entries as written, then the server failures, and exporting that adds nothing', async () => {
    const written = JSON.parse(await readFile('examples/catalogs/flags.json', 'utf8')) as {
      errors: Record<string, { code: string }>;
    };
    const r = await cli('export', 'examples/catalogs/flags.json');
    expect(r.code).toBe(0);
    const contract = JSON.parse(r.stdout) as { errors: Record<string, { code: string; category: string }> };
    const ids = Object.keys(contract.errors);
    expect(ids.slice(0, Object.keys(written.errors).length)).toEqual(Object.keys(written.errors));
    const added = ids.slice(Object.keys(written.errors).length);
    expect(added).toContain('method_not_allowed');
    expect(new Set(added.map((id) => contract.errors[id]?.category))).toEqual(new Set(['Server failures']));
    const file = join(dir, 'contract.json');
    await writeFile(file, r.stdout);
    expect((await cli('export', file)).stdout).toBe(r.stdout);
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
