// Rules of the source layout that the compiler does not check.
import { readdirSync, readFileSync } from 'node:fs';
import { basename, dirname, join, relative, resolve, sep } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = resolve(import.meta.dirname, '..');
const src = join(root, 'src');

/** Every TypeScript file below a folder, tests included. */
function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((d) =>
    d.isDirectory() ? sourceFiles(join(dir, d.name)) : d.name.endsWith('.ts') ? [join(dir, d.name)] : [],
  );
}

/** The relative module specifiers of a file: static imports and re-exports, `import()` and `import type`. */
function relativeImports(text: string): string[] {
  const out: string[] = [];
  for (const m of text.matchAll(/(?:\bfrom\s*|\bimport\s*\(\s*|^\s*import\s+)(['"])(\.{1,2}\/[^'"]+)\1/gm))
    out.push(m[2] as string);
  return out;
}

/**
 * Whether `importer` may import `target`: a `_`-prefixed file is private to
 * its folder, so only files in that folder or below it may import it.
 */
function mayImport(importer: string, target: string): boolean {
  if (!basename(target).startsWith('_')) return true;
  const owner = dirname(target);
  const from = dirname(importer);
  return from === owner || from.startsWith(owner + sep);
}

describe('private files', () => {
  it('reads every kind of relative import', () => {
    const text = [
      "import { a } from './a.js';",
      "import type { B } from '../b/_b.js';",
      "export { c } from './c/_c.js';",
      "import './side-effect.js';",
      "const d = await import('../d/_d.js');",
      "import { e } from 'node:fs';",
    ].join('\n');
    expect(relativeImports(text)).toEqual([
      './a.js',
      '../b/_b.js',
      './c/_c.js',
      './side-effect.js',
      '../d/_d.js',
    ]);
  });

  it('lets a _ file be imported from its folder and the folders below it only', () => {
    expect(mayImport('/s/server/respond.ts', '/s/server/_headers.ts')).toBe(true);
    expect(mayImport('/s/cli/commands/docs.ts', '/s/cli/_io.ts')).toBe(true);
    expect(mayImport('/s/adapters/hono.ts', '/s/server/_headers.ts')).toBe(false);
    expect(mayImport('/s/server-extra/x.ts', '/s/server/_headers.ts')).toBe(false);
    expect(mayImport('/s/index.ts', '/s/dialects/_common.ts')).toBe(false);
    expect(mayImport('/s/adapters/hono.ts', '/s/server/violations.ts')).toBe(true);
  });

  it('src/ imports no _ file from outside its folder', () => {
    const found: string[] = [];
    for (const file of sourceFiles(src))
      for (const spec of relativeImports(readFileSync(file, 'utf8'))) {
        const target = resolve(dirname(file), spec).replace(/\.js$/, '.ts');
        // Test helpers in test/ (`test/_cli.ts`) are the test suite's; the rule is about the package.
        if (target.startsWith(src + sep) && !mayImport(file, target))
          found.push(`${relative(root, file)} imports ${spec}`);
      }
    expect(found).toEqual([]);
  });
});

describe('src/utils', () => {
  it('imports nothing, so any layer may take a tool from it, the client included', () => {
    const found: string[] = [];
    for (const file of sourceFiles(join(src, 'utils')))
      if (
        !file.endsWith('.test.ts') &&
        /^\s*(?:import|export)\b[^;]*\bfrom\s*['"]/m.test(readFileSync(file, 'utf8'))
      )
        found.push(relative(root, file));
    expect(found).toEqual([]);
  });
});
