/**
 * Generates the five seed catalogs in `examples/catalogs/` from the error
 * reference pages in `../shared/seeds/`.
 *
 *   npx tsx scripts/seeds.ts            write the catalogs
 *   npx tsx scripts/seeds.ts --check    exit 1 if any catalog would change
 *
 * Options: `--seeds <dir>` (default `../shared/seeds` beside the repository),
 * `--out <dir>` (default `examples/catalogs`).
 *
 * Everything is copied verbatim: codes, statuses, messages and descriptions
 * keep the pages' typos, odd statuses and `<param>` placeholders, because the
 * catalogs are also the linter's test material. Each page layout has its own
 * small parser; a parser throws on any line it does not understand rather
 * than guess.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type {
  CatalogModel,
  DeprecationModel,
  EntryModel,
  JsonSchema,
  ParamModel,
  ParamType,
  RetryPolicy,
} from '../src/catalog/model.js';

const REPO = resolve(dirname(fileURLToPath(import.meta.url)), '..');

// The only retry numbers the pages imply but do not state: the defaults a
// "retry with (exponential) backoff" policy gets.
const EXPONENTIAL = { strategy: 'exponential', baseMs: 500, maxMs: 30_000 } as const;
const NO_RETRY: RetryPolicy = { retryable: false };

interface EntryInput {
  code: string;
  status: number;
  category: string;
  title?: string;
  message?: string;
  description?: string;
  remediation?: string;
  retry: RetryPolicy;
  details?: JsonSchema;
  deprecated?: DeprecationModel;
}

interface CatalogInput {
  name: string;
  title: string;
  description?: string;
  docs: string;
  dialect: string;
  categories: string[];
  /** Ordered [id, entry] pairs; ids are checked for uniqueness on assembly. */
  entries: Array<[string, EntryInput]>;
}

interface Seed {
  /** File name prefix in the seeds folder. */
  prefix: string;
  name: string;
  parse(text: string): CatalogInput;
}

export class SeedError extends Error {
  override name = 'SeedError' as const;
}

// ---------------------------------------------------------------------------
// Shared helpers.

const ID = /^[A-Za-z][A-Za-z0-9_.-]*$/;
const PLACEHOLDER = /\{([A-Za-z_][A-Za-z0-9_]*)(?::(string|number|integer|boolean))?\}/g;

function lines(text: string): string[] {
  return text.replace(/\r\n?/g, '\n').split('\n');
}

function status(text: string, where: string): number {
  if (!/^\d{3}$/.test(text))
    throw new SeedError(`${where}: expected an HTTP status, got ${JSON.stringify(text)}`);
  return Number(text);
}

/** Cells of a one-line pipe table row written `a | b | c |` (no leading pipe). */
function cells(line: string, count: number, where: string): string[] {
  if (!line.endsWith(' |')) throw new SeedError(`${where}: not a table row: ${JSON.stringify(line)}`);
  const parts = line.slice(0, -2).split(' | ');
  if (parts.length !== count) {
    throw new SeedError(`${where}: expected ${count} cells, got ${parts.length}: ${JSON.stringify(line)}`);
  }
  return parts;
}

function jsonType(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  if (typeof value === 'number') return Number.isInteger(value) ? 'integer' : 'number';
  return typeof value;
}

/** A JSON Schema for an example value: property types from the example, the example itself kept. */
function schemaOf(example: unknown): JsonSchema {
  if (example !== null && typeof example === 'object' && !Array.isArray(example)) {
    const properties: Record<string, JsonSchema> = {};
    for (const [key, value] of Object.entries(example)) properties[key] = { type: jsonType(value) };
    return { type: 'object', properties, examples: [example] };
  }
  return { type: jsonType(example), examples: [example] };
}

function paramsOf(message: string | undefined): Record<string, ParamModel> {
  const params: Record<string, ParamModel> = {};
  for (const m of (message ?? '').matchAll(PLACEHOLDER)) {
    const name = m[1] as string;
    params[name] = { type: (m[2] as ParamType | undefined) ?? 'string' };
  }
  return params;
}

/** `Back off 60 seconds`, `Wait an hour`: a stated retry window, in milliseconds. */
function statedWindow(text: string): number | undefined {
  const m = /\b(?:back off|wait)\s+(\d+|an?|one)\s+(second|minute|hour)s?\b/i.exec(text);
  if (!m) return undefined;
  const count = /^\d+$/.test(m[1] as string) ? Number(m[1]) : 1;
  const unit = { second: 1_000, minute: 60_000, hour: 3_600_000 }[(m[2] as string).toLowerCase()] ?? 0;
  return count * unit;
}

/**
 * `Retry once`, `retry twice`: a stated number of retries, as the attempts a
 * client makes at most (`maxAttempts` counts the first one too).
 */
function statedAttempts(text: string): number | undefined {
  const m = /\bretry (once|twice)\b/i.exec(text);
  if (!m) return undefined;
  return (m[1] as string).toLowerCase() === 'once' ? 2 : 3;
}

function pascal(text: string): string {
  return text
    .split(/[^A-Za-z0-9]+/)
    .filter(Boolean)
    .map((w) => (w[0] as string).toUpperCase() + w.slice(1))
    .join('');
}

// ---------------------------------------------------------------------------
// 000 barekey: a `Code | HTTP | Description` table per category, then a
// `Code | Retry?` table whose cells read `Yes — note` / `No — note`.

function parseBarekey(text: string): CatalogInput {
  const src = lines(text);
  const where = (i: number) => `barekey line ${i + 1}`;
  const start = src.indexOf('Error code reference');
  const handling = src.indexOf('Handling errors in code');
  const guidance = src.indexOf('Retry guidance');
  if (start < 0 || handling < start || guidance < handling)
    throw new SeedError('barekey: page layout not recognised');

  const intro = src.slice(0, start).filter((l) => l.trim() !== '');
  const categories: string[] = [];
  const rows: Array<{ code: string; status: number; category: string; description: string }> = [];
  for (let i = start + 1; i < handling; i++) {
    const line = src[i] as string;
    if (line.trim() === '' || line === '|---|---|---|') continue;
    if (src[i + 1] === '| Code | HTTP | Description |') {
      categories.push(line);
      i++;
      continue;
    }
    const category = categories.at(-1);
    if (!category) throw new SeedError(`${where(i)}: row before any category`);
    const [code, http, description] = cells(line, 3, where(i)) as [string, string, string];
    rows.push({ code, status: status(http, where(i)), category, description });
  }

  const retries = new Map<string, RetryPolicy>();
  for (let i = guidance + 1; i < src.length; i++) {
    const line = src[i] as string;
    if (line.trim() === '' || line === '| Code | Retry? |' || line === '|---|---|') continue;
    const [code, advice] = cells(line, 2, where(i)) as [string, string];
    const m = /^(Yes|No) — (.+)$/.exec(advice);
    if (!m) throw new SeedError(`${where(i)}: unrecognised retry advice ${JSON.stringify(advice)}`);
    const note = m[2] as string;
    retries.set(
      code,
      m[1] === 'Yes' ? { retryable: true, ...EXPONENTIAL, note } : { retryable: false, note },
    );
  }

  return {
    name: 'barekey',
    title: 'Barekey error code reference',
    ...(intro.length > 0 ? { description: intro.join('\n') } : {}),
    docs: 'https://docs.example.com/barekey/errors',
    dialect: 'barekey',
    categories,
    entries: rows.map((r) => {
      const retry = retries.get(r.code);
      if (!retry) throw new SeedError(`barekey: no retry guidance for ${r.code}`);
      retries.delete(r.code);
      return [
        r.code,
        { code: r.code, status: r.status, category: r.category, description: r.description, retry },
      ];
    }),
  };
}

// ---------------------------------------------------------------------------
// 001 Clerk: `Status Code: N` followed by a JSON block, grouped under category
// headings; an entry may be preceded by a name heading and/or a description.

interface ClerkBlock {
  status: number;
  body: { shortMessage?: unknown; longMessage?: unknown; code?: unknown; meta?: unknown };
  category: string;
  name?: string;
  description?: string;
}

const TITLE_WORDS = /^[A-Z][a-z]+( [A-Z][a-z]+)*$/;
const IDENT = /^[A-Za-z][A-Za-z0-9]*$/;

function parseClerk(text: string): CatalogInput {
  const src = lines(text);
  const titleAt = src.indexOf('Backend API errors');
  if (titleAt < 0) throw new SeedError('clerk: page title "Backend API errors" not found');
  let i = titleAt + 1;
  while (src[i]?.trim() === '') i++;
  const description = src[i] as string;
  i++;

  const categories: string[] = [];
  const blocks: ClerkBlock[] = [];
  let gap: string[] = [];
  for (; i < src.length; i++) {
    const line = src[i] as string;
    const head = /^Status Code: (.*)$/.exec(line);
    if (!head) {
      if (line.trim() !== '') gap.push(line);
      continue;
    }
    const where = `clerk line ${i + 1}`;
    const code = status(head[1] as string, where);
    const end = src.indexOf('}', i + 1);
    if (src[i + 1] !== '{' || end < 0) throw new SeedError(`${where}: expected a JSON block`);
    const body = JSON.parse(src.slice(i + 1, end + 1).join('\n')) as ClerkBlock['body'];
    i = end;

    // The text between two blocks reads [category] [name heading] [description].
    // A one-word Title Case line is a category unless the next line opens
    // with it ("Unexpected" / "Unexpected is used for ...").
    let k = 0;
    const first = gap[0];
    if (first !== undefined && TITLE_WORDS.test(first) && !gap[1]?.startsWith(`${first} `)) {
      categories.push(first);
      k++;
    }
    let name: string | undefined;
    let desc: string | undefined;
    if (k < gap.length && IDENT.test(gap[k] as string)) name = gap[k++];
    if (k < gap.length) desc = gap[k++];
    if (k < gap.length)
      throw new SeedError(`${where}: unexpected text before the block: ${JSON.stringify(gap)}`);
    if (name === undefined && desc !== undefined) {
      const word = desc.split(' ')[0] as string;
      if (!IDENT.test(word))
        throw new SeedError(`${where}: cannot name the entry described by ${JSON.stringify(desc)}`);
      name = word;
    }
    gap = [];

    const category = categories.at(-1);
    if (!category) throw new SeedError(`${where}: entry before any category`);
    blocks.push({
      status: code,
      body,
      category,
      ...(name !== undefined ? { name } : {}),
      ...(desc !== undefined ? { description: desc } : {}),
    });
  }

  const ids = clerkIds(blocks);
  const entries = blocks.map((b, n): [string, EntryInput] => {
    const where = `clerk entry ${n + 1}`;
    const { code, shortMessage, longMessage, meta } = b.body;
    if (typeof code !== 'string') throw new SeedError(`${where}: code is not a string`);
    if (typeof shortMessage !== 'string') throw new SeedError(`${where}: shortMessage is not a string`);
    if (longMessage !== undefined && typeof longMessage !== 'string') {
      throw new SeedError(`${where}: longMessage is not a string`);
    }
    const deprecated = b.description === undefined ? undefined : deprecation(b.description, ids);
    return [
      ids[n] as string,
      {
        code,
        status: b.status,
        category: b.category,
        title: shortMessage,
        ...(longMessage !== undefined ? { message: longMessage } : {}),
        ...(b.description !== undefined ? { description: b.description } : {}),
        retry: NO_RETRY,
        ...(meta !== undefined ? { details: schemaOf(meta) } : {}),
        ...(deprecated ? { deprecated } : {}),
      },
    ];
  });

  return {
    name: 'clerk',
    title: 'Clerk Backend API errors',
    description,
    docs: 'https://clerk.com/docs/errors/backend-api',
    dialect: 'clerk',
    categories,
    entries,
  };
}

/**
 * Ids for Clerk blocks. A named block keeps its name. A headless block is
 * named after its wire code in PascalCase (`resource_not_found` →
 * `ResourceNotFound`); when that is taken or shared, the category goes in
 * front (`MachineTokenResourceNotFound`); when still shared, every member of
 * the group gets a counter in page order (`…1`, `…2`).
 */
function clerkIds(blocks: readonly ClerkBlock[]): string[] {
  const named = new Set<string>();
  for (const b of blocks) {
    if (b.name === undefined) continue;
    if (named.has(b.name)) throw new SeedError(`clerk: entry name ${b.name} appears twice`);
    named.add(b.name);
  }
  const countBy = (keys: Array<string | undefined>) => {
    const counts = new Map<string, number>();
    for (const k of keys) if (k !== undefined) counts.set(k, (counts.get(k) ?? 0) + 1);
    return counts;
  };
  const base = blocks.map((b) => {
    if (b.name !== undefined) return undefined;
    const code = typeof b.body.code === 'string' ? b.body.code : '';
    return pascal(code) || 'EmptyCode';
  });
  const baseCounts = countBy(base);
  const second = base.map((id, n) => {
    if (id === undefined) return undefined;
    if (baseCounts.get(id) === 1 && !named.has(id)) return id;
    return pascal((blocks[n] as ClerkBlock).category) + id;
  });
  const secondCounts = countBy(second);
  const seen = new Map<string, number>();
  const ids = second.map((id, n) => {
    if (id === undefined) return (blocks[n] as ClerkBlock).name as string;
    if (secondCounts.get(id) === 1 && !named.has(id)) return id;
    const count = (seen.get(id) ?? 0) + 1;
    seen.set(id, count);
    return `${id}${count}`;
  });
  const all = new Set<string>();
  for (const id of ids) {
    if (!ID.test(id)) throw new SeedError(`clerk: invalid id ${JSON.stringify(id)}`);
    if (all.has(id)) throw new SeedError(`clerk: id ${id} is not unique`);
    all.add(id);
  }
  return ids;
}

/** `... Deprecated: <note>`, with `Use X instead` naming the replacement when X is an entry. */
function deprecation(description: string, ids: readonly string[]): DeprecationModel | undefined {
  const at = description.indexOf('Deprecated: ');
  if (at < 0) return undefined;
  const note = description.slice(at + 'Deprecated: '.length);
  const use = /\bUse ([A-Za-z][A-Za-z0-9]*) instead\b/.exec(note)?.[1];
  return use !== undefined && ids.includes(use) ? { replacedBy: use, note } : { note };
}

// ---------------------------------------------------------------------------
// 002 sitescore: headerless rows `CODE | HTTP | Yes/No | Description | Remediation |`;
// the remediation may state the window (`Back off 60 seconds`) and the count (`Retry once`).

function parseSitescore(text: string): CatalogInput {
  const category = 'Errors';
  const entries = lines(text).flatMap((line, i): Array<[string, EntryInput]> => {
    if (line.trim() === '') return [];
    const where = `sitescore line ${i + 1}`;
    const [code, http, retryable, description, remediation] = cells(line, 5, where) as [
      string,
      string,
      string,
      string,
      string,
    ];
    if (retryable !== 'Yes' && retryable !== 'No') throw new SeedError(`${where}: retryable is ${retryable}`);
    const window = statedWindow(remediation);
    const attempts = statedAttempts(remediation);
    const retry: RetryPolicy =
      retryable === 'No'
        ? NO_RETRY
        : {
            retryable: true,
            ...(window !== undefined ? { strategy: 'after', afterMs: window } : EXPONENTIAL),
            ...(attempts !== undefined ? { maxAttempts: attempts } : {}),
          };
    return [[code, { code, status: status(http, where), category, description, remediation, retry }]];
  });
  return {
    name: 'sitescore',
    title: 'Sitescore API errors',
    docs: 'https://docs.example.com/sitescore/errors',
    dialect: 'problem',
    categories: [category],
    entries,
  };
}

// ---------------------------------------------------------------------------
// 003 flags: one section per HTTP status (`400 Bad Request`), its text, then an
// example body `{code, message, details}`.

function parseFlags(text: string): CatalogInput {
  const src = lines(text);
  const category = 'HTTP status codes';
  const start = src.indexOf(category);
  if (start < 0) throw new SeedError(`flags: section "${category}" not found`);
  const entries: Array<[string, EntryInput]> = [];
  let section: { status: number; text: string[] } | undefined;
  for (let i = start + 1; i < src.length; i++) {
    const line = src[i] as string;
    const where = `flags line ${i + 1}`;
    const heading = /^(\d{3}) [A-Z][A-Za-z ]+$/.exec(line);
    if (heading) {
      if (section) throw new SeedError(`${where}: section without an example body`);
      section = { status: status(heading[1] as string, where), text: [] };
    } else if (line === '{') {
      if (!section) throw new SeedError(`${where}: example body outside a section`);
      const end = src.indexOf('}', i + 1);
      if (end < 0) throw new SeedError(`${where}: unterminated example body`);
      const body = JSON.parse(src.slice(i, end + 1).join('\n')) as {
        code?: unknown;
        message?: unknown;
        details?: unknown;
      };
      if (typeof body.code !== 'string' || typeof body.message !== 'string') {
        throw new SeedError(`${where}: example body lacks code or message`);
      }
      entries.push([
        body.code,
        {
          code: body.code,
          status: section.status,
          category,
          message: body.message,
          description: section.text.join('\n'),
          retry: NO_RETRY,
          ...(body.details !== null && body.details !== undefined ? { details: schemaOf(body.details) } : {}),
        },
      ]);
      section = undefined;
      i = end;
    } else if (section && line.trim() !== '') {
      section.text.push(line);
    }
  }
  if (section) throw new SeedError('flags: last section has no example body');
  return {
    name: 'flags',
    title: 'Flags API errors',
    docs: 'https://docs.example.com/flags/errors',
    dialect: 'simple',
    categories: [category],
    entries,
  };
}

// ---------------------------------------------------------------------------
// 004 AuthOS: a table per category whose cells each sit on their own line,
// `| Error Code |`, `HTTP |`, `Description |`, then `CODE |`, `401 |`, `text |`.

function parseAuthos(text: string): CatalogInput {
  const src = lines(text).filter((l) => l.trim() !== '');
  const header = src.indexOf('Error Codes Reference');
  if (header < 0) throw new SeedError('authos: page title "Error Codes Reference" not found');
  const description = src[header + 1] as string;
  const categories: string[] = [];
  const entries: Array<[string, EntryInput]> = [];
  const cell = (n: number) => {
    const line = src[n];
    if (line === undefined || !line.endsWith(' |'))
      throw new SeedError(`authos: expected a table cell, got ${line}`);
    return line.slice(0, -2);
  };
  for (let i = header + 2; i < src.length; i++) {
    if (src[i + 1] !== '| Error Code |') continue;
    const category = src[i] as string;
    categories.push(category);
    if (src[i + 2] !== 'HTTP |' || src[i + 3] !== 'Description |') {
      throw new SeedError(`authos: unexpected table header under ${category}`);
    }
    i += 4;
    while (i + 2 < src.length && /^[A-Z][A-Z0-9_]* \|$/.test(src[i] as string)) {
      const code = cell(i);
      entries.push([
        code,
        {
          code,
          status: status(cell(i + 1), `authos ${code}`),
          category,
          description: cell(i + 2),
          retry: NO_RETRY,
        },
      ]);
      i += 3;
    }
    i--;
  }
  return {
    name: 'authos',
    title: 'AuthOS error codes reference',
    description,
    docs: 'https://docs.example.com/authos/errors',
    dialect: 'authos',
    categories,
    entries,
  };
}

// ---------------------------------------------------------------------------
// Assembly in the normalized key order.

function entry(e: EntryInput): EntryModel {
  return {
    code: e.code,
    status: e.status,
    category: e.category,
    ...(e.title !== undefined ? { title: e.title } : {}),
    ...(e.message !== undefined ? { message: e.message } : {}),
    ...(e.description !== undefined ? { description: e.description } : {}),
    ...(e.remediation !== undefined ? { remediation: e.remediation } : {}),
    params: paramsOf(e.message),
    retry: e.retry,
    ...(e.details !== undefined ? { details: e.details } : {}),
    ...(e.deprecated !== undefined ? { deprecated: e.deprecated } : {}),
    expose: e.status < 500,
  };
}

export function assemble(input: CatalogInput): CatalogModel {
  const errors: Record<string, EntryModel> = {};
  for (const [id, e] of input.entries) {
    if (!ID.test(id)) throw new SeedError(`${input.name}: invalid id ${JSON.stringify(id)}`);
    if (Object.hasOwn(errors, id)) throw new SeedError(`${input.name}: duplicate id ${id}`);
    if (!input.categories.includes(e.category))
      throw new SeedError(`${input.name}: unlisted category ${e.category}`);
    errors[id] = entry(e);
  }
  if (input.entries.length === 0) throw new SeedError(`${input.name}: no entries parsed`);
  return {
    errata: 1,
    name: input.name,
    title: input.title,
    version: '1.0.0',
    ...(input.description !== undefined ? { description: input.description } : {}),
    docs: input.docs,
    dialect: input.dialect,
    categories: input.categories,
    errors,
  };
}

export const SEEDS: readonly Seed[] = [
  { prefix: '000_', name: 'barekey', parse: parseBarekey },
  { prefix: '001_', name: 'clerk', parse: parseClerk },
  { prefix: '002_', name: 'sitescore', parse: parseSitescore },
  { prefix: '003_', name: 'flags', parse: parseFlags },
  { prefix: '004_', name: 'authos', parse: parseAuthos },
];

/** The catalogs' file contents, keyed by file name. */
export function generate(seedsDir: string): Map<string, string> {
  if (!existsSync(seedsDir)) {
    throw new SeedError(
      `seed pages not found: ${seedsDir} does not exist (expected ../shared/seeds beside the repository)`,
    );
  }
  const files = readdirSync(seedsDir).filter((f) => f.endsWith('.txt'));
  const out = new Map<string, string>();
  for (const seed of SEEDS) {
    const matches = files.filter((f) => f.startsWith(seed.prefix));
    if (matches.length !== 1) {
      throw new SeedError(
        `expected one ${seed.prefix}*.txt in ${seedsDir} for ${seed.name}, found ${matches.length}`,
      );
    }
    const text = readFileSync(join(seedsDir, matches[0] as string), 'utf8');
    out.set(`${seed.name}.json`, `${JSON.stringify(assemble(seed.parse(text)), null, 2)}\n`);
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

function main(args: readonly string[]): number {
  const seedsDir = resolve(option(args, '--seeds') ?? join(REPO, '..', 'shared', 'seeds'));
  const outDir = resolve(option(args, '--out') ?? join(REPO, 'examples', 'catalogs'));
  const check = args.includes('--check');
  const generated = generate(seedsDir);
  const stale: string[] = [];
  for (const [file, content] of generated) {
    const path = join(outDir, file);
    const current = existsSync(path) ? readFileSync(path, 'utf8') : undefined;
    if (current === content) continue;
    stale.push(file);
    if (!check) {
      mkdirSync(outDir, { recursive: true });
      writeFileSync(path, content);
    }
  }
  if (check) {
    if (stale.length === 0) return 0;
    const shown = stale.map((file) => relative(process.cwd(), join(outDir, file)));
    console.error(`seed catalogs out of date (run npx tsx scripts/seeds.ts):\n  ${shown.join('\n  ')}`);
    return 1;
  }
  for (const [file, content] of generated) {
    const count = Object.keys((JSON.parse(content) as CatalogModel).errors).length;
    console.log(`${stale.includes(file) ? 'wrote' : 'unchanged'} ${file}: ${count} entries`);
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
