// The names each subpath exports. The built, packed and installed package is
// tested in packed.test.ts.
import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';

const pkg = JSON.parse(await readFile(new URL('../package.json', import.meta.url), 'utf8')) as {
  main: string;
  types: string;
  exports: Record<string, string | { types: string; default: string }>;
  typesVersions: Record<string, Record<string, string[]>>;
};
const entries = Object.entries(pkg.exports).filter(
  (e): e is [string, { types: string; default: string }] => typeof e[1] === 'object',
);
const source = (target: string) => target.replace('./dist/', '../src/').replace(/\.js$/, '.ts');

describe('package surface', () => {
  for (const [subpath, target] of entries) {
    it(`${subpath} exports exactly the names it did`, async () => {
      const mod = (await import(source(target.default))) as Record<string, unknown>;
      expect(Object.keys(mod).sort()).toMatchSnapshot();
    });
  }
});

describe('package.json', () => {
  it('gives moduleResolution node10 the same types as the exports: main/types for the root, typesVersions for each subpath', () => {
    const root = entries.find(([subpath]) => subpath === '.')?.[1];
    expect({ main: pkg.main, types: pkg.types }).toEqual({ main: root?.default, types: root?.types });
    const fallbacks = Object.fromEntries(
      entries.filter(([subpath]) => subpath !== '.').map(([subpath, t]) => [subpath.slice(2), [t.types]]),
    );
    expect(pkg.typesVersions).toEqual({ '*': fallbacks });
  });

  it('keeps errata/lint as the older name of errata/govern: one module, not two copies', () => {
    const of = (subpath: string) => entries.find(([s]) => s === subpath)?.[1];
    expect(of('./govern')).toEqual({ types: './dist/govern/index.d.ts', default: './dist/govern/index.js' });
    expect(of('./lint')).toEqual(of('./govern'));
  });
});
