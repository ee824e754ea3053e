/**
 * Bundles the CLI into dist/cli/ after `tsc`, so that a command loads two files of errata's own:
 *
 * - `run.js` (what bin/errata.js runs): run.ts and everything it loads by static imports, that is
 *   the parser and every command's definition, with the small packages every run loads inlined
 *   (citty, picocolors; and js-yaml, which reads most catalogs). `errata --help` loads this file
 *   and nothing else: each module or package the ES loader resolves, reads and links costs about
 *   a millisecond, and picocolors, a CommonJS package, about ten more (the CommonJS loader and its
 *   export lexer start for it).
 * - `run-<command>.js`: everything the command loads with `await import()` (the catalog loader,
 *   the lint rules, the generators ...), in one file without splitting, so `errata lint` loads one
 *   more file, not some twenty chunks. A command's `import('../../catalog/load.js')` becomes
 *   `import('./run-lint.js').then((m) => m.k0)`: the same module namespace, from that file.
 *   Dynamic imports made outside a command's file (run.ts, _output.ts) go to `run-shared.js`.
 *
 * A module of the start-up graph is never copied into a command's file: the command's file takes
 * it from run.js (which re-exports its names), so `CatalogError`, `UsageError` and the others have
 * one identity whichever file threw them. Other packages (yaml, jiti, ajv's runtime) stay imports
 * of the installed ones. The files sit two folders below the package, where `../../package.json`
 * and `../../schema/` resolve as they do from src/cli/ and src/catalog/. The library's entry
 * points (dist/index.js, errata/load, ...) stay tsc's files. The inlined packages' licences are
 * written beside the bundle (LICENSES.txt).
 * Run: npx tsx scripts/bundle-cli.ts (npm run build runs it after tsc).
 */
import { existsSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { type BuildOptions, build, type Metafile, type Plugin } from 'esbuild';
import ts from 'typescript';

/** Packages inlined into the bundle: small, and loaded by every run (js-yaml: by every YAML catalog's). */
export const INLINED_PACKAGES = ['citty', 'picocolors', 'js-yaml'] as const;

/** Files this script writes into dist/cli/ (removed first, so a rebuild leaves none of the last one's). */
const OWN_FILE = /^(run-[\w-]+\.js(\.map)?|run\.js\.map|chunk-\w+\.js(\.map)?|LICENSES\.txt)$/;

const common = {
  bundle: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  // The sources ship in src/, so the maps point at them rather than copy them.
  sourcemap: true,
  sourcesContent: false,
  metafile: true,
  logLevel: 'error',
} as const satisfies BuildOptions;

const packageName = (spec: string) =>
  spec
    .split('/')
    .slice(0, spec.startsWith('@') ? 2 : 1)
    .join('/');

/** Every package import stays one, but for the inlined packages. */
const packages: Plugin = {
  name: 'packages',
  setup(b) {
    b.onResolve({ filter: /^[^./]/ }, (a) =>
      (INLINED_PACKAGES as readonly string[]).includes(packageName(a.path)) && !a.path.startsWith('node:')
        ? undefined
        : { path: a.path, external: true },
    );
  },
};

/** `../x.js` imported from `dir`, as the source file it names. */
const sourceOf = (dir: string, spec: string) => resolve(dir, spec).replace(/\.js$/, '.ts');

/** The file of a group of dynamic imports: a command's file's, or the rest's. */
const groupOf = (file: string) => /[/\\]cli[/\\]commands[/\\]([\w-]+)\.ts$/.exec(file)?.[1] ?? 'shared';

/** Writes the bundled CLI of the package at `root` (its src/) into `outdir`; returns the files written. */
export async function bundleCli(root: string, outdir = join(root, 'dist', 'cli')): Promise<string[]> {
  for (const f of readdirSync(outdir, { withFileTypes: true }))
    if (f.isFile() && OWN_FILE.test(f.name)) rmSync(join(outdir, f.name));
  const entry = join(root, 'src', 'cli', 'run.ts');
  const options = { ...common, absWorkingDir: root };

  // 1. The start-up graph (run.ts's static imports) and the dynamic imports its files make.
  const dynamic = new Map<string, Set<string>>();
  const scan = await build({
    ...options,
    entryPoints: [entry],
    write: false,
    outdir,
    plugins: [
      packages,
      {
        name: 'scan',
        setup(b) {
          b.onResolve({ filter: /^\./ }, (a) => {
            if (a.kind !== 'dynamic-import') return undefined;
            const targets = dynamic.get(a.importer) ?? new Set<string>();
            dynamic.set(a.importer, targets.add(sourceOf(a.resolveDir, a.path)));
            return { path: a.path, external: true };
          });
        },
      },
    ],
  });
  const startup = new Set(
    Object.keys(scan.metafile.inputs)
      .filter((f) => f.startsWith('src/'))
      .map((f) => join(root, f)),
  );
  const groups = new Map<string, string[]>();
  for (const [file, targets] of dynamic) {
    const list = groups.get(groupOf(file)) ?? [];
    for (const t of targets) if (!list.includes(t)) list.push(t);
    groups.set(groupOf(file), list);
  }

  // 2. The names each start-up module exports (run.js re-exports them, renamed, for the commands' files).
  const named = await build({
    ...options,
    entryPoints: [...startup].filter((f) => f !== entry),
    splitting: true,
    write: false,
    outdir,
    outbase: join(root, 'src'),
    plugins: [packages],
  });
  const exportsOf = new Map<string, string[]>();
  for (const out of Object.values(named.metafile.outputs))
    if (out.entryPoint !== undefined) exportsOf.set(join(root, out.entryPoint), out.exports);
  const index = new Map([...exportsOf.keys()].map((f, i) => [f, i]));
  const alias = (file: string, name: string) => `${name}$${index.get(file)}`;

  // 3. A file per group: its modules without splitting, the start-up modules taken from run.js.
  const taken = new Set<string>();
  const written: Metafile[] = [];
  for (const [group, targets] of groups) {
    const r = await build({
      ...options,
      stdin: {
        contents: targets.map((t, i) => `export * as k${i} from ${JSON.stringify(t)};`).join('\n'),
        resolveDir: root,
        sourcefile: `run-${group}.ts`,
        loader: 'ts',
      },
      outfile: join(outdir, `run-${group}.js`),
      plugins: [
        packages,
        {
          name: 'from-run',
          setup(b) {
            b.onResolve({ filter: /^\.\/run\.js$/, namespace: 'from-run' }, () => ({
              path: './run.js',
              external: true,
            }));
            b.onResolve({ filter: /^\./ }, (a) => {
              const file = sourceOf(a.resolveDir, a.path);
              if (!startup.has(file)) return undefined;
              taken.add(file);
              return { path: file, namespace: 'from-run' };
            });
            b.onLoad({ filter: /.*/, namespace: 'from-run' }, (a) => {
              const names = (exportsOf.get(a.path) ?? []).map((n) => `${alias(a.path, n)} as ${n}`);
              return { contents: `export { ${names.join(', ')} } from './run.js';`, loader: 'js' };
            });
          },
        },
      ],
    });
    written.push(r.metafile);
  }

  // 4. run.js: run.ts and its graph, each dynamic import pointed at its group's file, and the
  // names the groups' files take from it.
  const reexports = [...taken].map((file) => {
    const names = (exportsOf.get(file) ?? []).map((n) => `${n} as ${alias(file, n)}`);
    return `export { ${names.join(', ')} } from ${JSON.stringify(file)};`;
  });
  const main = await build({
    ...options,
    stdin: {
      contents: [`import ${JSON.stringify(entry)};`, ...reexports].join('\n'),
      resolveDir: root,
      sourcefile: '_cli-entry.ts',
      loader: 'ts',
    },
    outfile: join(outdir, 'run.js'),
    plugins: [
      packages,
      {
        name: 'to-groups',
        setup(b) {
          // The package says it has no side effects; its CLI's entry has.
          b.onResolve({ filter: /run\.ts$/ }, (a) =>
            a.path === entry ? { path: entry, sideEffects: true } : undefined,
          );
          b.onResolve({ filter: /^\.\/run-[\w-]+\.js$/ }, (a) => ({ path: a.path, external: true }));
          b.onResolve({ filter: /^\./ }, (a) => {
            if (a.kind === 'dynamic-import')
              throw new Error(`${relative(root, a.importer)}: import("${a.path}") is not a string literal`);
            return undefined;
          });
          b.onLoad({ filter: /\.ts$/ }, (a) => {
            if (!dynamic.has(a.path)) return undefined;
            const group = groupOf(a.path);
            const text = readFileSync(a.path, 'utf8');
            return {
              contents: pointDynamicImports(a.path, text, groups.get(group) ?? [], group),
              loader: 'ts',
            };
          });
        },
      },
    ],
  });
  written.push(main.metafile);
  writeLicences(root, outdir);
  keepOwnSources(root, written);
  return [...written.flatMap((m) => Object.keys(m.outputs)), relative(root, join(outdir, 'LICENSES.txt'))];
}

/** `import('../x.js')` in `file` becomes `import('./run-<group>.js').then((m) => m.k<i>)`. */
function pointDynamicImports(file: string, text: string, targets: string[], group: string): string {
  const source = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true);
  const edits: { start: number; end: number; text: string }[] = [];
  const visit = (node: ts.Node) => {
    if (ts.isCallExpression(node) && node.expression.kind === ts.SyntaxKind.ImportKeyword) {
      const [spec] = node.arguments;
      if (spec && ts.isStringLiteral(spec) && spec.text.startsWith('.')) {
        const k = targets.indexOf(sourceOf(dirname(file), spec.text));
        edits.push({
          start: node.getStart(source),
          end: node.getEnd(),
          text: `import('./run-${group}.js').then((m) => m.k${k})`,
        });
      }
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  let out = text;
  for (const e of edits.sort((a, b) => b.start - a.start))
    out = out.slice(0, e.start) + e.text + out.slice(e.end);
  return out;
}

/** The inlined packages' licence texts, which their code carries into the bundle. */
function writeLicences(root: string, outdir: string): void {
  const parts = INLINED_PACKAGES.map((name) => {
    const dir = join(root, 'node_modules', name);
    const { version } = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as { version: string };
    const files = ['LICENSE', 'LICENSE.md', 'dist/THIRD-PARTY-LICENSES.md'].filter((f) =>
      existsSync(join(dir, f)),
    );
    return [`${name}@${version}`, ...files.map((f) => readFileSync(join(dir, f), 'utf8').trim())].join(
      '\n\n',
    );
  });
  writeFileSync(
    join(outdir, 'LICENSES.txt'),
    `The bundled CLI (run.js, run-*.js) includes code of these packages:\n\n${parts.join('\n\n---\n\n')}\n`,
  );
}

const BASE64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

/** A source map's `mappings` as absolute segments [column, source, line, column, name?] per line. */
function decodeMappings(mappings: string): number[][][] {
  const state = [0, 0, 0, 0, 0];
  return mappings.split(';').map((line) => {
    state[0] = 0;
    return line
      .split(',')
      .filter((s) => s !== '')
      .map((segment) => {
        const fields: number[] = [];
        let value = 0;
        let shift = 0;
        for (const char of segment) {
          const digit = BASE64.indexOf(char);
          value += (digit & 31) << shift;
          shift += 5;
          if (digit & 32) continue;
          fields.push(value & 1 ? -(value >>> 1) : value >>> 1);
          value = 0;
          shift = 0;
        }
        return fields.map((f, i) => {
          state[i] = (state[i] as number) + f;
          return state[i] as number;
        });
      });
  });
}

function encodeMappings(lines: number[][][]): string {
  const state = [0, 0, 0, 0, 0];
  const vlq = (n: number) => {
    let v = n < 0 ? (-n << 1) | 1 : n << 1;
    let out = '';
    do {
      const digit = v & 31;
      v >>>= 5;
      out += BASE64[v > 0 ? digit | 32 : digit];
    } while (v > 0);
    return out;
  };
  return lines
    .map((line) => {
      state[0] = 0;
      return line
        .map((fields) =>
          fields
            .map((f, i) => {
              const delta = f - (state[i] as number);
              state[i] = f;
              return vlq(delta);
            })
            .join(''),
        )
        .join(',');
    })
    .join(';');
}

/**
 * Each map names only errata's own sources, which the package ships: the inlined packages' code
 * and the generated entries are left unmapped (their sources are not in the package).
 */
function keepOwnSources(root: string, metafiles: Metafile[]): void {
  for (const metafile of metafiles)
    for (const file of Object.keys(metafile.outputs)) {
      if (!file.endsWith('.js.map')) continue;
      const mapFile = join(root, file);
      const map = JSON.parse(readFileSync(mapFile, 'utf8')) as { sources: string[]; mappings: string };
      const src = join(root, 'src');
      const own = map.sources.map((s) => !relative(src, resolve(dirname(mapFile), s)).startsWith('..'));
      const renumber: number[] = [];
      let next = 0;
      for (const keep of own) renumber.push(keep ? next++ : -1);
      const lines = decodeMappings(map.mappings).map((line) =>
        line
          .filter((f) => f.length === 1 || own[f[1] as number])
          .map((f) =>
            f.length === 1 ? f : [f[0] as number, renumber[f[1] as number] as number, ...f.slice(2)],
          ),
      );
      map.sources = map.sources.filter((_, i) => own[i]);
      map.mappings = encodeMappings(lines);
      writeFileSync(mapFile, JSON.stringify(map));
    }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const files = await bundleCli(join(import.meta.dirname, '..'));
  console.log(`bundled the CLI: ${files.filter((f) => f.endsWith('.js')).length} files in dist/cli/`);
}
