/**
 * Bundles the CLI's own modules into dist/cli/ after `tsc`: dist/cli/run.js (what bin/errata.js
 * runs) and the chunks esbuild splits off at each command's `await import()`, so a command
 * loads a few files instead of some sixty small modules, each resolved, read and compiled on
 * its own. Packages stay imports of the installed ones (no third-party code in the bundle);
 * each of errata's modules lands in exactly one chunk, so a class has one identity across
 * commands. The chunks sit beside run.js, two folders below the package, where
 * `../../package.json` and `../../schema/` resolve as they do from src/cli/ and src/catalog/.
 * The library's entry points (dist/index.js, errata/load, ...) stay tsc's files.
 * Run: npx tsx scripts/bundle-cli.ts (npm run build runs it after tsc).
 */
import { readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { pathToFileURL } from 'node:url';
import { build } from 'esbuild';

/** Name prefix of the chunk files, so a rebuild can remove the previous build's. */
const CHUNK = 'chunk-';

/** Writes the bundled CLI of the package at `root` (its src/) into `outdir`; returns the files written. */
export async function bundleCli(root: string, outdir = join(root, 'dist', 'cli')): Promise<string[]> {
  for (const f of readdirSync(outdir, { withFileTypes: true }).filter((e) => e.isFile()))
    if (f.name.startsWith(CHUNK)) rmSync(join(outdir, f.name));
  const result = await build({
    entryPoints: [join(root, 'src', 'cli', 'run.ts')],
    outdir,
    bundle: true,
    splitting: true,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    packages: 'external',
    chunkNames: `${CHUNK}[hash]`,
    // The sources ship in src/, so the maps point at them rather than copy them.
    sourcemap: true,
    sourcesContent: false,
    metafile: true,
    absWorkingDir: root,
    logLevel: 'error',
  });
  for (const [file, output] of Object.entries(result.metafile.outputs)) {
    // A module that one command imports and another loads statically gets a chunk that only
    // re-exports it, whose map names no source: name the module it stands for.
    if (!file.endsWith('.js') || output.entryPoint === undefined) continue;
    const mapFile = join(root, `${file}.map`);
    const map = JSON.parse(readFileSync(mapFile, 'utf8')) as { sources: string[] };
    if (map.sources.length > 0) continue;
    map.sources = [relative(dirname(mapFile), join(root, output.entryPoint)).replaceAll('\\', '/')];
    writeFileSync(mapFile, JSON.stringify(map));
  }
  return Object.keys(result.metafile.outputs);
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const files = await bundleCli(join(import.meta.dirname, '..'));
  console.log(`bundled the CLI: ${files.filter((f) => f.endsWith('.js')).length} files in dist/cli/`);
}
