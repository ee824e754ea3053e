import { describe, expect, it } from 'vitest';
import { compileTemplate, placeholders, sanitizeParam } from './template.js';

describe('placeholders', () => {
  it('finds {name} and {name:type}, in order, and ignores other braces', () => {
    expect(placeholders('No {name} in {stage:string} ({count:number}) {"a":1} {bad name} {1x}')).toEqual([
      { name: 'name' },
      { name: 'stage', type: 'string' },
      { name: 'count', type: 'number' },
    ]);
  });
  it('treats angle brackets and printf directives as text', () => {
    expect(placeholders('No identifier <identifierID> %s')).toEqual([]);
  });
});

describe('compileTemplate', () => {
  it('inserts parameters as plain text', () => {
    const render = compileTemplate('No variable named {name} in {stage}.');
    expect(render({ name: 'API_URL', stage: 'prod' })).toBe('No variable named API_URL in prod.');
  });
  it('renders numbers, booleans and bigints', () => {
    expect(compileTemplate('{a} {b} {c}')({ a: 1.5, b: false, c: 10n })).toBe('1.5 false 10');
  });
  it('leaves a missing parameter visible', () => {
    expect(compileTemplate('Hi {name}, {x}')({ name: 'Ann' })).toBe('Hi Ann, {x}');
    expect(compileTemplate('Hi {name}')(undefined)).toBe('Hi {name}');
  });
  it('returns a template without placeholders as it is', () => {
    expect(compileTemplate('Plain {"json":true}')({})).toBe('Plain {"json":true}');
  });
  it('strips control and bidi characters from values', () => {
    const render = compileTemplate('v={v}');
    expect(render({ v: 'a\r\nb\u0000c\u202Ed\u2066e\u001b[31m' })).toBe('v=abcde[31m');
  });
  it('bounds each value and never splits a surrogate pair', () => {
    const render = compileTemplate('{v}', { maxParamLength: 10 });
    const out = render({ v: 'x'.repeat(100) });
    expect(out).toBe(`${'x'.repeat(9)}…`);
    const emoji = render({ v: `12345678😀😀😀` });
    expect(emoji.length).toBeLessThanOrEqual(10);
    expect(emoji).toBe('12345678…');
  });
  it('survives objects whose toString throws', () => {
    const evil = {
      toString: () => {
        throw new Error('boom');
      },
    };
    expect(sanitizeParam(evil)).toBe('');
    expect(sanitizeParam(Object.create(null))).toBe('');
  });
});
