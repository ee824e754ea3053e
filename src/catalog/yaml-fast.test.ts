import { deepStrictEqual } from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseDocument } from 'yaml';
import { benchCatalog } from '../../bench/cli-catalog.js';
import { readYamlFast } from './yaml-fast.js';

const repo = join(import.meta.dirname, '..', '..');

/** What the full parser makes of a text, read as parse-text.ts reads it. */
function full(text: string): { errors: string[]; value: unknown } {
  const doc = parseDocument(text, { uniqueKeys: true, prettyErrors: false, merge: true });
  return {
    errors: doc.errors.map((e) => e.message),
    value: doc.errors.length > 0 ? undefined : doc.toJS({ maxAliasCount: 10_000 }),
  };
}

/** When js-yaml reads a text, yaml reads it without an error to the same value, prototypes and key order included. */
function agrees(text: string): boolean {
  const fast = readYamlFast(text);
  if (fast === undefined) return false;
  const yaml = full(text);
  expect(yaml.errors, text).toEqual([]);
  deepStrictEqual(fast.value, yaml.value, text);
  expect(JSON.stringify(fast.value), text).toBe(JSON.stringify(yaml.value));
  return true;
}

describe('readYamlFast: js-yaml reads catalogs, yaml what js-yaml should not', () => {
  it('reads block mappings, sequences, quoted scalars, flow collections and block scalars as yaml does', () => {
    const text = [
      '# a comment',
      'errata: 1',
      'name: shop   # trailing comment',
      'title: "Shop: API errors"',
      "quote: 'it''s'",
      'categories: [Orders, Requests, 404, true, null]',
      'errors:',
      '  A_B:',
      '    status: 404',
      '    message: No order {id:string} exists.',
      '    description: |',
      '      Two lines',
      '      of text.',
      '    retryable: false',
      '    details: { type: object, properties: { sku: { type: string } } }',
      '    links:',
      '    - https://example.com/a',
      '    -   rel: help',
      '        href: x',
      '  toString:',
      '  __proto__: p',
      '',
    ].join('\r\n');
    expect(agrees(text)).toBe(true);
    const value = readYamlFast(text)?.value as { errors: Record<string, unknown> };
    expect(Object.getPrototypeOf(value.errors)).toBe(Object.prototype);
    expect(Object.hasOwn(value.errors, '__proto__')).toBe(true);
    expect(value.errors.A_B).toMatchObject({ status: 404, description: 'Two lines\nof text.\n' });
  });

  it('merges merge keys, as yaml is set to', () => {
    expect(readYamlFast('b:\n  <<: {y: 2}\n  z: 3\n')?.value).toEqual({ b: { y: 2, z: 3 } });
  });

  it('reads a document of comments only as null, as yaml does', () => {
    expect(readYamlFast('# nothing\n')).toEqual({ value: null });
  });

  it.each([
    ['an anchor and an alias (yaml bounds what aliases expand to)', 'a: &x 1\nb: *x\n'],
    ['a duplicate key (an error yaml places)', 'a: 1\na: 2\n'],
    ['an empty sequence item (js-yaml misreads the items after it)', 'a:\n - b:\n    -\n - c: 1\n'],
    ['two documents', 'a: 1\n---\nb: 2\n'],
    ['a syntax error', 'a: b: c\n'],
    ['bad indentation', 'a:\n    b: 1\n  c: 2\n'],
  ])('leaves %s to yaml', (_, text) => {
    expect(readYamlFast(text)).toBeUndefined();
  });

  it("reads the repository's YAML catalogs and the bench catalog, the same as yaml", () => {
    for (const file of ['examples/express/catalog.yaml', 'examples/hono/catalog.yaml'])
      expect(agrees(readFileSync(join(repo, file), 'utf8')), file).toBe(true);
    expect(agrees(benchCatalog(20))).toBe(true);
  });

  const keys = [
    'a',
    'errors',
    'ORDER_NOT_FOUND',
    'x.y',
    'a/b',
    'a-b',
    '$schema',
    '_k',
    'y',
    'no',
    'true',
    'Null',
    '__proto__',
    'toString',
    'constructor',
    'key with space',
    '"q"',
    "'q'",
    '1',
    '<<',
    '~',
    'a:b',
    'é',
    'k#',
    '-k',
    '? k',
    '&a k',
  ];
  const scalars = [
    'value',
    'No order {orderId} exists.',
    'Say "hi" [now], {ok}',
    "it's",
    '404',
    '+5',
    '-5',
    '007',
    '0',
    '-0',
    '+0',
    '12345678901234567890',
    '0o17',
    '0x1F',
    '1.5',
    '.5',
    '1e3',
    '1.',
    '.inf',
    '.NaN',
    'true',
    'False',
    'TRUE',
    'tRue',
    'null',
    'Null',
    '~',
    'yes',
    'on',
    '"quoted"',
    '""',
    "''",
    "'single'",
    "'it''s'",
    '"a \\"b\\""',
    '"a # b"',
    '" padded "',
    'a # comment',
    'a#b',
    'a: b',
    'a:',
    'a :b',
    'a:b',
    '[a, b]',
    '[]',
    '{}',
    '{ a: 1, b: [x, y] }',
    '{a: 1}',
    '{a: 1, a: 2}',
    '{a:1}',
    '[a, b,]',
    '[a: b]',
    '[a #b]',
    '&anchor x',
    '*alias',
    '!tag x',
    '|',
    '>-',
    '- x',
    '@x',
    '`x`',
    '%x',
    '<< x',
    '<<',
    'C#',
    'x  ',
    'ü\u00a0',
    '\u00a0x\u00a0',
    '\u2028',
    '\u0085',
    '{ "a": 1 }',
    '[ "a", \'b\' ]',
    '"unterminated',
    "'x' y",
    '"x"#c',
    '"x" #c',
    '[a] # c',
    '[a]#c',
    '{ a: {b: c} }',
    '[[1], [2, [3]]]',
    'http://x.y/z',
    'a - b',
    'a, b',
    '[a - b, c+d, e/f, $x, true, Null, 0x1, 1e2]',
    '{a: }',
    '[ , ]',
  ];
  // Three draws in four from what catalogs hold, so that many documents reach the comparison.
  const commonKeys = ['errors', 'status', 'title', 'message', 'ORDER_NOT_FOUND', 'x.y', 'a-b', '$schema'];
  const commonScalars = [
    '404',
    'Order not found',
    'No order {id:string} exists.',
    'true',
    '"quoted"',
    '[a, b]',
  ];
  const pick = (g: fc.GeneratorValue, common: string[], _edge: string[]): string =>
    g(fc.constantFrom, ...common);
  const comment = (g: fc.GeneratorValue): string[] =>
    g(fc.boolean) ? [] : [g(fc.constantFrom, '', '  ', '# note', '    # indented note', ' #', '#')];

  /** A document of mappings and sequences, its keys and scalars drawn from the edge cases above. */
  function document(g: fc.GeneratorValue): string {
    const lines: string[] = [];
    const pad = (n: number) => ' '.repeat(n);
    const value = (indent: number, depth: number, ofKey: boolean): string | undefined => {
      const kind = depth > 3 ? 0 : g(fc.integer, { min: 0, max: 5 });
      if (kind <= 1) return pick(g, commonScalars, scalars);
      if (kind === 2) return g(fc.constantFrom, '', ' # c');
      const at = indent + g(fc.constantFrom, 1, 2, 4, ...(ofKey ? [0] : []));
      if (kind === 3 || kind === 4) mapping(at === indent ? at + 2 : at, depth + 1);
      else sequence(at, depth + 1);
      return undefined;
    };
    const entry = (prefix: string, indent: number, depth: number, ofKey: boolean) => {
      const at = lines.length;
      lines.push('');
      const v = value(indent, depth, ofKey);
      lines[at] = `${prefix}${v === undefined ? '' : v === '' || v.startsWith(' ') ? v : ` ${v}`}`;
      lines.splice(at + 1, 0, ...comment(g));
    };
    function mapping(indent: number, depth: number) {
      const n = g(fc.integer, { min: 1, max: 4 });
      for (let i = 0; i < n; i++) entry(`${pad(indent)}${pick(g, commonKeys, keys)}:`, indent, depth, true);
    }
    function sequence(indent: number, depth: number) {
      const n = g(fc.integer, { min: 1, max: 3 });
      for (let i = 0; i < n; i++) {
        if (g(fc.boolean)) {
          entry(`${pad(indent)}-`, indent, depth, false);
          continue;
        }
        // `- key: value`, and more keys of that mapping below it.
        const gap = g(fc.constantFrom, 1, 3);
        const more = g(fc.integer, { min: 0, max: 2 });
        entry(`${pad(indent)}-${pad(gap)}${pick(g, commonKeys, keys)}:`, indent + 1 + gap, depth + 1, true);
        for (let k = 0; k < more; k++)
          entry(`${pad(indent + 1 + gap)}${pick(g, commonKeys, keys)}:`, indent + 1 + gap, depth + 1, true);
      }
    }
    mapping(0, 0);
    const eol = g(fc.constantFrom, '\n', '\r\n');
    return `${lines.join(eol)}${g(fc.constantFrom, '', eol)}`;
  }

  it('agrees with yaml on every generated catalog-like document it reads, and reads most of them', () => {
    let read = 0;
    fc.assert(
      fc.property(fc.gen(), (g) => {
        if (agrees(document(g))) read++;
      }),
      { numRuns: 3000 },
    );
    // What it declines is a duplicate key the generator wrote, which yaml reports.
    expect(read).toBeGreaterThan(900);
  });
});
