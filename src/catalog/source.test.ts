/** Reading catalog text: bytes to text, the JSON checker, and the nesting check. */
import { describe, expect, it } from 'vitest';
import { checkJson, decodeSource, findUnsafeNesting, lineColumn } from './source.js';

const bytes = (...parts: (string | number[])[]) =>
  Buffer.concat(parts.map((p) => (typeof p === 'string' ? Buffer.from(p, 'utf8') : Buffer.from(p))));

describe('decodeSource', () => {
  it('reads UTF-8 and drops a byte order mark', () => {
    expect(decodeSource(bytes('{"a":"é"}'))).toEqual({ ok: true, text: '{"a":"é"}' });
    expect(decodeSource(bytes([0xef, 0xbb, 0xbf], '{}'))).toEqual({ ok: true, text: '{}' });
  });

  it('refuses invalid UTF-8 with the place of the first bad byte, instead of U+FFFD', () => {
    const r = decodeSource(bytes('{\n  "a": "caf', [0xe9], '"\n}'));
    expect(r).toEqual({
      ok: false,
      message: 'not valid UTF-8 at line 2, column 12 (byte 0xe9 at offset 13): save the file as UTF-8',
    });
    // Overlong forms, surrogates and truncated sequences are invalid too.
    for (const bad of [
      [0xc0, 0x80],
      [0xed, 0xa0, 0x80],
      [0xe2, 0x82],
      [0xf5, 0x80, 0x80, 0x80],
    ])
      expect(decodeSource(bytes('x', bad)).ok).toBe(false);
  });

  it('names UTF-16 and UTF-32 files', () => {
    expect(decodeSource(bytes([0xff, 0xfe], [0x7b, 0, 0x7d, 0]))).toEqual({
      ok: false,
      message: 'the file is UTF-16; save it as UTF-8',
    });
    expect(decodeSource(bytes([0xfe, 0xff, 0, 0x7b]))).toMatchObject({ ok: false });
    expect(decodeSource(bytes([0xff, 0xfe, 0, 0], [0x7b, 0, 0, 0]))).toEqual({
      ok: false,
      message: 'the file is UTF-32; save it as UTF-8',
    });
  });
});

describe('checkJson', () => {
  const first = (text: string) => {
    const [p] = checkJson(text);
    if (!p) return undefined;
    const { line, col } = lineColumn(text, p.offset);
    return `${line}:${col} ${p.message}`;
  };

  it('accepts what JSON.parse accepts', () => {
    for (const text of [
      '{}',
      '[]',
      ' {"a": [1, -2.5e+3, true, false, null, "x\\u00e9\\n\\"", {}], "b": {"c": []}} ',
      '"just a string"',
      '0',
    ]) {
      expect(checkJson(text), text).toEqual([]);
      expect(() => JSON.parse(text)).not.toThrow();
    }
  });

  it('says what is wrong and where', () => {
    expect(first('{\n  "a": 1,\n}')).toBe('3:1 trailing comma before "}"');
    expect(first('[1, 2,]')).toBe('1:7 trailing comma before "]"');
    expect(first('{"a": 1}}')).toBe('1:9 unexpected "}" after the end of the JSON value');
    expect(first('{"a": \'x\'}')).toBe('1:7 strings take double quotes in JSON');
    expect(first('{a: 1}')).toBe('1:2 expected a double-quoted property name, found "a"');
    expect(first('{"a" 1}')).toBe('1:6 expected ":" after the property name, found "1"');
    expect(first('{"a": 1 "b": 2}')).toBe(`1:9 expected "," or "}", found '"'`);
    expect(first('{"a": "x\ny"}')).toMatch(/^1:9 unterminated string/);
    expect(first('{"a": "\\q"}')).toBe('1:8 bad escape "\\q" in a string');
    expect(first('{"a": [1, 2')).toBe('1:12 unexpected end of the file: 2 unclosed brackets');
    expect(first('{"a": tru}')).toBe('1:7 expected a value, found "t"');
    expect(first('{"a": 01}')).toBe('1:8 expected "," or "}", found "1"');
    expect(first('   ')).toBe('1:4 the file is empty');
  });

  it('reports every duplicate key with the first one, __proto__ included', () => {
    const problems = checkJson('{"a": 1, "__proto__": {}, "a": 2, "__proto__": 3}');
    expect(problems.map((p) => [p.kind, p.message])).toEqual([
      ['duplicate', '"a" (first at line 1, column 2)'],
      ['duplicate', '"__proto__" (first at line 1, column 10)'],
    ]);
    // Escapes are decoded before keys are compared.
    expect(checkJson('{"a": 1, "\\u0061": 2}')).toHaveLength(1);
  });

  it('refuses nesting deeper than the limit without overflowing the stack', () => {
    const deep = `${'['.repeat(200_000)}${']'.repeat(200_000)}`;
    expect(checkJson(deep)).toEqual([{ kind: 'depth', offset: 100, message: 'more than 100 levels' }]);
    expect(checkJson(`${'['.repeat(100)}${']'.repeat(100)}`)).toEqual([]);
  });

  it('reads a long string in linear time', () => {
    const text = JSON.stringify({ a: 'x'.repeat(20_000_000) });
    const t0 = performance.now();
    expect(checkJson(text)).toEqual([]);
    expect(performance.now() - t0).toBeLessThan(5_000);
  });
});

describe('findUnsafeNesting', () => {
  it('finds an object that contains itself, and nesting past the limit', () => {
    const a: Record<string, unknown> = { b: { c: [1, {}] } };
    expect(findUnsafeNesting(a)).toBeUndefined();
    (a.b as Record<string, unknown>).self = a;
    expect(findUnsafeNesting(a)).toEqual({
      path: 'b.self',
      message: 'refers to itself (a YAML alias of an enclosing node)',
    });
    // Shared, but not circular: fine.
    const shared = { x: 1 };
    expect(findUnsafeNesting({ a: shared, b: [shared, shared] })).toBeUndefined();
    let deep: unknown = {};
    for (let i = 0; i < 150; i++) deep = { d: deep };
    expect(findUnsafeNesting(deep)?.message).toBe('nested more than 100 levels deep');
  });
});
