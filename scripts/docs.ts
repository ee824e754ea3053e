/**
 * Regenerates the seed reference pages: each catalog in examples/catalogs/
 * becomes examples/docs/<name>.md and examples/docs/<name>.html, in the
 * catalog's own dialect (RFC 9457 `problem` with a note where that dialect is
 * not available).
 *
 *   npx tsx scripts/docs.ts            write the pages
 *   npx tsx scripts/docs.ts --check    exit 1 when a page is stale or missing
 *   --catalogs DIR / --out DIR         other folders (used by the tests)
 */
import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import { basename, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { loadCatalog } from '../src/catalog/load.js';
import { renderHtml } from '../src/docs/html.js';
import { renderMarkdown } from '../src/docs/markdown.js';
import { buildReference } from '../src/docs/reference.js';

const root = fileURLToPath(new URL('..', import.meta.url));
const { values } = parseArgs({
  options: {
    check: { type: 'boolean', default: false },
    catalogs: { type: 'string', default: join(root, 'examples', 'catalogs') },
    out: { type: 'string', default: join(root, 'examples', 'docs') },
  },
});
const catalogs = resolve(values.catalogs);
const out = resolve(values.out);

const written = (await readdir(catalogs)).filter((f) => /\.(json|ya?ml)$/.test(f)).sort();
const stems = new Set(written.map((f) => f.replace(/\.(json|ya?ml)$/, '')));
// A per-locale file beside a catalog (sitescore.fr.yaml) is loaded with it, not as a catalog.
const files = written.filter((f) => !stems.has(f.replace(/\.[^.]+\.(json|ya?ml)$/, '')));
const stale: string[] = [];
await mkdir(out, { recursive: true });
for (const file of files) {
  const model = await loadCatalog(join(catalogs, file));
  const ref = buildReference(model);
  const name = basename(file).replace(/\.(json|ya?ml)$/, '');
  for (const [ext, text] of [
    ['md', renderMarkdown(ref)],
    ['html', renderHtml(ref)],
  ] as const) {
    const target = join(out, `${name}.${ext}`);
    const current = await readFile(target, 'utf8').catch(() => undefined);
    if (current === text) continue;
    if (values.check) stale.push(relative(process.cwd(), target) || target);
    else {
      await writeFile(target, text);
      console.log(`wrote ${relative(process.cwd(), target)}`);
    }
  }
}
if (values.check) {
  if (stale.length > 0) {
    console.error(`stale reference pages (run: npx tsx scripts/docs.ts):\n  ${stale.join('\n  ')}`);
    process.exitCode = 1;
  } else console.log(`${files.length * 2} reference pages up to date`);
}
