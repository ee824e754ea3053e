import { existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { UnknownDialectError } from './errors.js';
import * as publicNames from './index.js';
import { builtins, dialects, findDialect, getDialect } from './registry.js';

describe('the registry of built-in dialects', () => {
  it('lists them by name in the order errata has always listed them', () => {
    const names = Object.keys(dialects);
    // Those that joined later follow, in detection order.
    const later = names.slice(9);
    expect(later).toEqual(builtins.map(([d]) => d.name).filter((n) => later.includes(n)));
    expect(later).toEqual(expect.arrayContaining(['azure', 'supabase', 'connect', 'kubernetes', 'oci']));
    expect(names.slice(0, 9)).toEqual([
      'problem',
      'barekey',
      'clerk',
      'simple',
      'authos',
      'openai',
      'stripe',
      'google',
      'jsonapi',
    ]);
    expect(Object.isFrozen(dialects)).toBe(true);
    for (const [d] of builtins) expect(dialects[d.name]).toBe(d);
  });

  it('has one folder per dialect, with the dialect, its bare parser and its tests', () => {
    for (const [d] of builtins)
      for (const file of [`${d.name}.ts`, 'parse-bare.ts', `${d.name}.test.ts`])
        expect(existsSync(new URL(`./${d.name}/${file}`, import.meta.url)), `${d.name}/${file}`).toBe(true);
  });

  it('makes every built-in dialect and its safe parser public, and no bare parser', () => {
    const exported: Record<string, unknown> = { ...publicNames };
    const names = Object.keys(exported);
    for (const [d] of builtins) {
      expect(exported[d.name]).toBe(d);
      const parse = names.find((n) => n.toLowerCase() === `parse${d.name}`);
      expect(parse, `parse<Name> of ${d.name}`).toBeTypeOf('string');
      expect(exported[parse ?? '']).toBeTypeOf('function');
    }
    expect(names.filter((n) => n.endsWith('Bare'))).toEqual([]);
  });

  it('getDialect refuses names that are not own dialects', () => {
    expect(() => getDialect('constructor')).toThrow(
      /unknown dialect "constructor" \(known: authos, azure, barekey/,
    );
    expect(() => getDialect('__proto__')).toThrow(TypeError);
    // The one error of an unknown name, whoever looks it up (the docs generators too).
    expect(() => getDialect('soap')).toThrow(UnknownDialectError);
  });

  it('findDialect prefers the extra dialects, then the built-ins', () => {
    const mine = { ...dialects.simple, name: 'simple' } as (typeof dialects)[string];
    expect(findDialect('simple', { simple: mine })).toBe(mine);
    expect(findDialect('clerk', { simple: mine })).toBe(dialects.clerk);
    expect(findDialect('toString')).toBeUndefined();
  });
});
