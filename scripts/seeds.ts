/**
 * Generates, from the error reference pages in `../shared/seeds/`, the five
 * seed catalogs in `examples/catalogs/` and the test fixtures in
 * `test/fixtures/seeds/` (what the tests need from the pages, so that
 * `npm test` never reads them).
 *
 *   npx tsx scripts/seeds.ts            write the catalogs and the fixtures
 *   npx tsx scripts/seeds.ts --check    exit 1 if any of them would change
 *
 * Options: `--seeds <dir>` (default `../shared/seeds` beside the repository),
 * `--out <dir>` (catalogs, default `examples/catalogs`), `--fixtures <dir>`
 * (default `test/fixtures/seeds`). Exit 2 when the pages cannot be read.
 *
 * Everything is copied verbatim: codes, statuses, messages and descriptions
 * keep the pages' typos, odd statuses and `<param>` placeholders, because the
 * catalogs are also the linter's test material. The catalogs are what
 * `errata import` makes of each page (`src/import/`), with what the pages do
 * not say (name, title, docs, dialect: `_seed-common.ts`) and without the
 * importer's `x-import` notes; the script fails when the importer reports a
 * problem on a page. The fixtures are a second, independent reading of the
 * pages (`_seed-fixtures.ts`).
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { CatalogModel } from '../src/catalog/model.js';
import { buildDraft } from '../src/import/draft.js';
import { markdownBlocks } from '../src/import/markdown.js';
import { readPage } from '../src/import/page.js';
import { SEED_CATALOGS, type SeedCatalog, SeedError } from './_seed-common.js';
import {
  extractAuthos,
  extractBarekey,
  extractClerk,
  extractFlags,
  extractSitescore,
} from './_seed-fixtures.js';

export type {
  AuthosFixture,
  BarekeyFixture,
  ClerkFixture,
  FlagsFixture,
  SeedFixtures,
  SitescoreFixture,
} from './_seed-fixtures.js';
export { SeedError };

const REPO = resolve(dirname(fileURLToPath(import.meta.url)), '..');

interface Seed extends SeedCatalog {
  extract(text: string, source: string): unknown;
}

const EXTRACT: Record<string, Seed['extract']> = {
  barekey: extractBarekey,
  clerk: extractClerk,
  sitescore: extractSitescore,
  flags: extractFlags,
  authos: extractAuthos,
};

export const SEEDS: readonly Seed[] = SEED_CATALOGS.map((c) => ({
  ...c,
  extract: EXTRACT[c.name] as Seed['extract'],
}));

/** A seed page imported as a catalog, in the normalized key order, without the importer's notes. */
export async function importSeed(text: string, file: string, seed: SeedCatalog): Promise<CatalogModel> {
  const page = readPage(await markdownBlocks(text), file, 'markdown');
  if (page.problems.length > 0)
    throw new SeedError(`${seed.name}: ${page.problems.map((p) => `${p.place}: ${p.message}`).join('; ')}`);
  const draft = buildDraft(page.entries, [page], { name: seed.name, title: seed.title });
  const errors: Record<string, unknown> = {};
  for (const [id, entry] of Object.entries(draft.errors)) {
    const { 'x-import': _notes, ...rest } = entry;
    errors[id] = rest;
  }
  const description = seed.noDescription ? undefined : draft.description;
  return {
    errata: 1,
    name: seed.name,
    title: seed.title,
    version: '1.0.0',
    ...(description !== undefined ? { description } : {}),
    docs: seed.docs,
    dialect: seed.dialect,
    categories: draft.categories,
    errors,
  } as unknown as CatalogModel;
}

/** What the pages give: file contents keyed by file name, for each output folder. */
export interface Generated {
  catalogs: Map<string, string>;
  fixtures: Map<string, string>;
}

const json = (value: unknown) => `${JSON.stringify(value, null, 2)}\n`;

export async function generate(seedsDir: string): Promise<Generated> {
  if (!existsSync(seedsDir)) {
    throw new SeedError(
      `seed pages not found: ${seedsDir} does not exist (expected ../shared/seeds beside the repository, or --seeds <dir>). ` +
        'The catalogs and test fixtures are committed: npm test does not need the pages.',
    );
  }
  const files = readdirSync(seedsDir).filter((f) => f.endsWith('.txt'));
  const out: Generated = { catalogs: new Map(), fixtures: new Map() };
  for (const seed of SEEDS) {
    const matches = files.filter((f) => f.startsWith(seed.prefix));
    if (matches.length !== 1) {
      throw new SeedError(
        `expected one ${seed.prefix}*.txt in ${seedsDir} for ${seed.name}, found ${matches.length}`,
      );
    }
    const file = matches[0] as string;
    const text = readFileSync(join(seedsDir, file), 'utf8');
    out.catalogs.set(`${seed.name}.json`, json(await importSeed(text, file, seed)));
    out.fixtures.set(`${seed.name}.json`, json(seed.extract(text, file)));
  }
  return out;
}

function option(args: readonly string[], name: string): string | undefined {
  const at = args.indexOf(name);
  if (at < 0) return undefined;
  const value = args[at + 1];
  if (value === undefined || value.startsWith('--')) throw new SeedError(`${name} needs a directory`);
  return value;
}

/** Writes (unless `check`) the files that differ; returns the stale paths. */
function sync(outDir: string, files: Map<string, string>, check: boolean): string[] {
  const stale: string[] = [];
  for (const [file, content] of files) {
    const path = join(outDir, file);
    if (existsSync(path) && readFileSync(path, 'utf8') === content) continue;
    stale.push(path);
    if (!check) {
      mkdirSync(outDir, { recursive: true });
      writeFileSync(path, content);
    }
  }
  return stale;
}

async function main(args: readonly string[]): Promise<number> {
  const known = new Set(['--check', '--seeds', '--out', '--fixtures']);
  const unknown = args.find((a) => a.startsWith('--') && !known.has(a));
  if (unknown) throw new SeedError(`unknown option ${unknown} (known: ${[...known].join(', ')})`);
  const seedsDir = resolve(option(args, '--seeds') ?? join(REPO, '..', 'shared', 'seeds'));
  const catalogsDir = resolve(option(args, '--out') ?? join(REPO, 'examples', 'catalogs'));
  const fixturesDir = resolve(option(args, '--fixtures') ?? join(REPO, 'test', 'fixtures', 'seeds'));
  const check = args.includes('--check');
  const generated = await generate(seedsDir);
  const stale = [
    ...sync(catalogsDir, generated.catalogs, check),
    ...sync(fixturesDir, generated.fixtures, check),
  ];
  const shown = stale.map((path) => relative(process.cwd(), path));
  if (check) {
    if (stale.length === 0) return 0;
    console.error(
      `seed catalogs or fixtures out of date (run npx tsx scripts/seeds.ts):\n  ${shown.join('\n  ')}`,
    );
    return 1;
  }
  for (const [file, content] of generated.catalogs) {
    const count = Object.keys((JSON.parse(content) as CatalogModel).errors).length;
    const written = stale.includes(join(catalogsDir, file));
    console.log(`${written ? 'wrote' : 'unchanged'} catalog ${file}: ${count} entries`);
  }
  for (const file of generated.fixtures.keys()) {
    const written = stale.includes(join(fixturesDir, file));
    console.log(`${written ? 'wrote' : 'unchanged'} fixture ${file}`);
  }
  return 0;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  try {
    process.exitCode = await main(process.argv.slice(2));
  } catch (error) {
    console.error(error instanceof SeedError ? `seeds: ${error.message}` : error);
    process.exitCode = 2;
  }
}
