import { deepStrictEqual } from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseDocument } from 'yaml';
import { benchCatalog } from '../../bench/cli-catalog.js';
import { readYamlSubset } from './yaml-subset.js';

const repo = join(import.meta.dirname, '..', '..');

/** What the full parser makes of a text, read as parse-text.ts reads it. */
function full(text: string): { errors: string[]; value: unknown } {
  const doc = parseDocument(text, { uniqueKeys: true, prettyErrors: false, merge: true });
  return {
    errors: doc.errors.map((e) => e.message),
    value: doc.errors.length > 0 ? undefined : doc.toJS({ maxAliasCount: 10_000 }),
  };
}

/**
 * When the subset reader takes a text, yaml must take it without an error and give the same
 * value: the same types and prototypes, -0 apart from 0, and the same key order.
 */
function agrees(text: string): boolean {
  const fast = readYamlSubset(text);
  if (fast === undefined) return false;
  const yaml = full(text);
  expect(yaml.errors, text).toEqual([]);
  deepStrictEqual(fast.value, yaml.value, text);
  expect(JSON.stringify(fast.value), text).toBe(JSON.stringify(yaml.value));
  return true;
}

describe('readYamlSubset', () => {
  it('reads block mappings, sequences, plain and quoted scalars and flow collections as yaml does', () => {
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
    expect(readYamlSubset(text)?.value).toEqual({
      errata: 1,
      name: 'shop',
      title: 'Shop: API errors',
      quote: "it's",
      categories: ['Orders', 'Requests', 404, true, null],
      errors: {
        A_B: {
          status: 404,
          message: 'No order {id:string} exists.',
          retryable: false,
          details: { type: 'object', properties: { sku: { type: 'string' } } },
          links: ['https://example.com/a', { rel: 'help', href: 'x' }],
        },
        toString: null,
        ['__proto__']: 'p',
      },
    });
  });

  it.each([
    ['an anchor and an alias', 'a: &x 1\nb: *x\n'],
    ['a merge key', 'a: {x: 1}\nb:\n  <<: {y: 2}\n'],
    ['a tag', 'a: !!str 1\n'],
    ['a block scalar', 'a: |\n  text\n'],
    ['a scalar over two lines', 'a: one\n  two\n'],
    ['an escape', 'a: "x\\ty"\n'],
    ['a float', 'a: 1.5\n'],
    ['an octal number', 'a: 0o17\n'],
    ['a duplicate key', 'a: 1\na: 2\n'],
    ['a key yaml reads as a boolean', 'true: 1\n'],
    ['a quoted key', '"a": 1\n'],
    ['a document marker', '---\na: 1\n'],
    ['a tab', 'a:\tb\n'],
    ['a flow collection over two lines', 'a: [x,\n  y]\n'],
    ['a trailing comma', 'a: [x, y,]\n'],
    ['": " inside a plain scalar (a yaml error)', 'a: b: c\n'],
    ['bad indentation (a yaml error)', 'a:\n    b: 1\n  c: 2\n'],
    ['a top-level sequence', '- a\n'],
    ['an emoji (outside the Basic Multilingual Plane)', 'a: \u{1f600}\n'],
  ])('leaves %s to yaml', (_, text) => {
    expect(readYamlSubset(text)).toBeUndefined();
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
  const pick = (g: fc.GeneratorValue, common: string[], edge: string[]): string =>
    g(fc.integer, { min: 0, max: 3 }) === 0 ? g(fc.constantFrom, ...edge) : g(fc.constantFrom, ...common);
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

  it('agrees with yaml on every generated document it reads, and reads many of them', () => {
    let read = 0;
    let runs = 0;
    fc.assert(
      fc.property(fc.gen(), (g) => {
        runs++;
        if (agrees(document(g))) read++;
      }),
      { numRuns: 3000 },
    );
    // The generator is not so hostile that nothing reaches the comparison.
    expect(read / runs).toBeGreaterThan(0.1);
  });

  it('agrees with yaml after random edits of a document', () => {
    const edits = fc.array(
      fc.record({
        at: fc.nat(),
        cut: fc.nat({ max: 3 }),
        put: fc.constantFrom(
          '',
          ' ',
          '  ',
          '\n',
          ':',
          ': ',
          '-',
          '- ',
          '#',
          ' #',
          '"',
          "'",
          '[',
          ']',
          '{',
          '}',
          ',',
          '&',
          '*',
          '!',
          '|',
          '>',
          '?',
          '%',
          '\t',
          '\r',
          '.',
          '0',
          'x',
          '\\',
        ),
      }),
      { minLength: 1, maxLength: 3 },
    );
    let read = 0;
    fc.assert(
      fc.property(fc.gen(), edits, (g, list) => {
        let text = document(g);
        for (const e of list) {
          const at = e.at % (text.length + 1);
          text = text.slice(0, at) + e.put + text.slice(at + e.cut);
        }
        if (agrees(text)) read++;
      }),
      { numRuns: 3000 },
    );
    expect(read).toBeGreaterThan(80);
  });
});
