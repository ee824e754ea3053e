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
 * catalogs are also the linter's test material. Each page layout has its own
 * small parser (`_seed-tables.ts`, `_seed-clerk.ts`); a parser throws on any
 * line it does not understand rather than guess. The fixtures are a second,
 * independent reading of the pages (`_seed-fixtures.ts`).
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { CatalogModel } from '../src/catalog/model.js';
import { parseClerk } from './_seed-clerk.js';
import { assemble, type CatalogInput, SeedError } from './_seed-common.js';
import {
  extractAuthos,
  extractBarekey,
  extractClerk,
  extractFlags,
  extractSitescore,
} from './_seed-fixtures.js';
import { parseAuthos, parseBarekey, parseFlags, parseSitescore } from './_seed-tables.js';

export type {
  AuthosFixture,
  BarekeyFixture,
  ClerkFixture,
  FlagsFixture,
  SeedFixtures,
  SitescoreFixture,
} from './_seed-fixtures.js';
export { assemble, SeedError };

const REPO = resolve(dirname(fileURLToPath(import.meta.url)), '..');

interface Seed {
  /** File name prefix in the seeds folder. */
  prefix: string;
  name: string;
  parse(text: string): CatalogInput;
  extract(text: string, source: string): unknown;
}

export const SEEDS: readonly Seed[] = [
  { prefix: '000_', name: 'barekey', parse: parseBarekey, extract: extractBarekey },
  { prefix: '001_', name: 'clerk', parse: parseClerk, extract: extractClerk },
  { prefix: '002_', name: 'sitescore', parse: parseSitescore, extract: extractSitescore },
  { prefix: '003_', name: 'flags', parse: parseFlags, extract: extractFlags },
  { prefix: '004_', name: 'authos', parse: parseAuthos, extract: extractAuthos },
];

/** What the pages give: file contents keyed by file name, for each output folder. */
export interface Generated {
  catalogs: Map<string, string>;
  fixtures: Map<string, string>;
}

const json = (value: unknown) => `${JSON.stringify(value, null, 2)}\n`;

export function generate(seedsDir: string): Generated {
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
    out.catalogs.set(`${seed.name}.json`, json(assemble(seed.parse(text))));
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

function main(args: readonly string[]): number {
  const known = new Set(['--check', '--seeds', '--out', '--fixtures']);
  const unknown = args.find((a) => a.startsWith('--') && !known.has(a));
  if (unknown) throw new SeedError(`unknown option ${unknown} (known: ${[...known].join(', ')})`);
  const seedsDir = resolve(option(args, '--seeds') ?? join(REPO, '..', 'shared', 'seeds'));
  const catalogsDir = resolve(option(args, '--out') ?? join(REPO, 'examples', 'catalogs'));
  const fixturesDir = resolve(option(args, '--fixtures') ?? join(REPO, 'test', 'fixtures', 'seeds'));
  const check = args.includes('--check');
  const generated = generate(seedsDir);
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
    process.exitCode = main(process.argv.slice(2));
  } catch (error) {
    console.error(error instanceof SeedError ? `seeds: ${error.message}` : error);
    process.exitCode = 2;
  }
}
