/**
 * `errata --help` starts fast because nothing heavy is loaded before a command
 * runs: the modules reached from the CLI's entry by static imports must not
 * include yaml, ajv, jiti, the docs generators, the lint rules, the dialects or
 * the catalog loader; each command imports those inside its run. Checked on the import
 * graph of the sources (type-only imports are erased, so they do not count).
 */
import { readFileSync } from 'node:fs';
import { dirname, relative, resolve } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

const repo = resolve(import.meta.dirname, '..');

/** Every module the file loads at start-up: relative files and package names. */
function staticGraph(entry: string): { files: string[]; packages: string[] } {
  const files = new Set<string>();
  const packages = new Set<string>();
  const todo = [entry];
  while (todo.length > 0) {
    const file = todo.pop() as string;
    if (files.has(file)) continue;
    files.add(file);
    const source = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.Latest);
    for (const st of source.statements) {
      let spec: ts.Expression | undefined;
      // `import type` is erased; `import { type X }` is kept as `import {}` under verbatimModuleSyntax.
      if (ts.isImportDeclaration(st) && !st.importClause?.isTypeOnly) spec = st.moduleSpecifier;
      if (ts.isExportDeclaration(st) && !st.isTypeOnly) spec = st.moduleSpecifier;
      if (spec === undefined || !ts.isStringLiteral(spec)) continue;
      if (spec.text.startsWith('.')) todo.push(resolve(dirname(file), spec.text.replace(/\.js$/, '.ts')));
      else packages.add(spec.text);
    }
  }
  return { files: [...files].map((f) => relative(repo, f)).sort(), packages: [...packages].sort() };
}

describe('CLI start-up', () => {
  const graph = staticGraph(resolve(repo, 'src/cli/run.ts'));

  it('reads the graph it checks (the entry reaches every command definition)', () => {
    expect(graph.files).toContain('src/cli/main.ts');
    expect(graph.files).toContain('src/cli/commands/lint.ts');
    expect(graph.files).toContain('src/cli/commands/docs.ts');
    expect(graph.packages).toContain('citty');
  });

  it('loads no heavy dependency before a command runs', () => {
    const heavy = graph.packages.filter((p) => /^(yaml|ajv|jiti|typescript)(\/|$)/.test(p));
    expect(heavy).toEqual([]);
    const eager = graph.files.filter(
      (f) =>
        f.startsWith('src/docs/') ||
        f.startsWith('src/govern/') ||
        f.startsWith('src/dialects/') ||
        f === 'src/catalog/load.ts' ||
        f === 'src/cli/commands/_render-docs.ts',
    );
    expect(eager).toEqual([]);
  });
});
