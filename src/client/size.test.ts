import { gzipSync } from 'node:zlib';
import { type BuildOptions, build, type Plugin } from 'esbuild';
import { describe, expect, it } from 'vitest';

// The `errata/client` entry as a browser app would ship it: bundled, minified,
// tree-shaken, platform neutral.
const options: BuildOptions = {
  entryPoints: ['src/client/index.ts'],
  bundle: true,
  minify: true,
  treeShaking: true,
  platform: 'neutral',
  format: 'esm',
  write: false,
  metafile: true,
  logLevel: 'silent',
};

/** Replaces the dialects' parsers with an empty list, to weigh the client's own code. */
const withoutParsers: Plugin = {
  name: 'without-parsers',
  setup(b) {
    b.onResolve({ filter: /dialects\/parsers\.js$/ }, () => ({ path: 'parsers', namespace: 'stub' }));
    b.onLoad({ filter: /.*/, namespace: 'stub' }, () => ({
      contents: 'export const bareParsers = []; export const detect = () => undefined;',
      loader: 'js',
    }));
  },
};

async function bundle(plugins: Plugin[] = []) {
  const result = await build({ ...options, plugins });
  const code = result.outputFiles?.[0]?.contents ?? new Uint8Array();
  const inputs = Object.values(result.metafile?.outputs ?? {}).flatMap((o) =>
    Object.entries(o.inputs)
      .filter(([, i]) => i.bytesInOutput > 0)
      .map(([file]) => file),
  );
  return { text: new TextDecoder().decode(code), gzip: gzipSync(code).length, inputs };
}

/** The client's own code, parsers aside (2029 B when this was written). */
const CLIENT_BUDGET = 2100;
/**
 * The whole entry, every dialect parser included (4073 B when this was
 * written: 2015 B of client, the rest the nine bare parsers and detection).
 * The target is 3 KB (3072 B), which leaves about 1 KB for nine dialects:
 * this ceiling stops growth until a dialect leaves default detection.
 */
const ENTRY_CEILING = 4100;

describe('errata/client bundle', () => {
  it(`keeps the client's own code within ${CLIENT_BUDGET} B gzip`, async () => {
    const own = await bundle([withoutParsers]);
    console.log(`errata/client own code: ${own.gzip} B gzip`);
    expect(own.gzip).toBeLessThanOrEqual(CLIENT_BUDGET);
  });

  it(`keeps the whole entry, parsers included, within ${ENTRY_CEILING} B gzip`, async () => {
    const full = await bundle();
    console.log(`errata/client entry: ${full.gzip} B gzip (target 3072)`);
    expect(full.gzip).toBeLessThanOrEqual(ENTRY_CEILING);
  });

  it('bundles no catalog runtime, no serializer and no node: module', async () => {
    const full = await bundle();
    expect(full.inputs.filter((f) => f.startsWith('src/catalog/'))).toEqual([]);
    expect(full.inputs.every((f) => f.startsWith('src/client/') || f.startsWith('src/dialects/'))).toBe(true);
    expect(full.text).not.toMatch(/from\s*"node:|require\(/);
    expect(full.text).not.toContain('serialize');
    expect(full.text).not.toContain('An internal error occurred');
  });
});
