// Imported entries into a catalog v1 draft: ids (the entry's name, else its
// code), categories, params from message placeholders, the dialect the
// example bodies speak, and an `x-import` member on every entry saying
// where it came from and what was guessed.
import type { EntryModel, JsonSchema, ParamModel, ParamType } from '../catalog/model.js';
import { dialectOf } from './example.js';
import type { ImportedEntry, SourceImport } from './types.js';

export const ID = /^[A-Za-z][A-Za-z0-9_.-]*$/;
const PLACEHOLDER = /\{([A-Za-z_][A-Za-z0-9_]*)(?::(string|number|integer|boolean))?\}/g;
/** The category of an entry no heading or column placed. */
export const DEFAULT_CATEGORY = 'Errors';
/** The status of an entry no source gave one: a server error, not shown to clients, until a person says. */
export const DEFAULT_STATUS = 500;

export type DraftEntry = EntryModel & { readonly 'x-import'?: { from: string[]; inferred: string[] } };

/** A catalog v1 draft: the normalized model's shape, plus `x-import` members. */
export interface Draft {
  errata: 1;
  name: string;
  title: string;
  version: string;
  description?: string;
  docs?: string;
  dialect?: string;
  categories: string[];
  errors: Record<string, DraftEntry>;
  'x-import'?: { sources: string[]; dialect?: string };
}

export function pascal(text: string): string {
  return text
    .split(/[^A-Za-z0-9]+/)
    .filter(Boolean)
    .map((w) => (w[0] as string).toUpperCase() + w.slice(1))
    .join('');
}

function paramsOf(message: string | undefined): Record<string, ParamModel> {
  const params: Record<string, ParamModel> = {};
  for (const m of (message ?? '').matchAll(PLACEHOLDER))
    params[m[1] as string] = { type: (m[2] as ParamType | undefined) ?? 'string' };
  return params;
}

/**
 * Ids: a named entry keeps its name; the others take their code (in
 * PascalCase when the page names entries that way, or when the code is no
 * valid id). Where two share one, the category goes in front, then a
 * counter in page order.
 */
export function entryIds(entries: readonly ImportedEntry[]): string[] {
  const named = new Set(entries.flatMap((e) => (e.name !== undefined ? [e.name] : [])));
  const pascalStyle = named.size > 0;
  const base = entries.map((e) => {
    if (e.name !== undefined) return undefined;
    const id = pascalStyle || !ID.test(e.code) ? pascal(e.code) : e.code;
    return id === '' || !ID.test(id) ? `Error${id.replace(/[^A-Za-z0-9]/g, '')}` : id;
  });
  const fix = base.map((id) => (id === 'Error' ? 'EmptyCode' : id));
  const count = (ids: Array<string | undefined>) => {
    const counts = new Map<string, number>();
    for (const id of ids) if (id !== undefined) counts.set(id, (counts.get(id) ?? 0) + 1);
    return counts;
  };
  const firstCounts = count(fix);
  const second = fix.map((id, n) => {
    if (id === undefined) return undefined;
    if (firstCounts.get(id) === 1 && !named.has(id)) return id;
    return pascal(entries[n]?.category ?? '') + id;
  });
  const secondCounts = count(second);
  const seen = new Map<string, number>();
  const taken = new Set<string>(named);
  return second.map((id, n) => {
    const entry = entries[n] as ImportedEntry;
    if (id === undefined) {
      // Two entries with one name: the second gets a counter.
      let name = entry.name as string;
      if (!ID.test(name)) name = pascal(name) || 'Entry';
      if (taken.has(name) && entries.findIndex((e) => e.name === entry.name) !== n) name = `${name}${n + 1}`;
      taken.add(name);
      return name;
    }
    if (secondCounts.get(id) === 1 && !named.has(id)) return id;
    const k = (seen.get(id) ?? 0) + 1;
    seen.set(id, k);
    return `${id}${k}`;
  });
}

/** Example bodies per source that vote for the dialect: enough to tell, few enough to stay fast on a large spec. */
const MAX_VOTES = 200;

/** The dialect most example bodies speak (of the first ones of each source), and how many did. */
export function detectDialect(
  sources: readonly SourceImport[],
): { name: string; votes: number; of: number } | undefined {
  const votes = new Map<string, number>();
  let of = 0;
  for (const s of sources)
    for (const ex of s.examples.slice(0, MAX_VOTES)) {
      of++;
      const d = dialectOf(ex.body, ex.status, ex.contentType);
      if (d !== undefined) votes.set(d, (votes.get(d) ?? 0) + 1);
    }
  const best = [...votes].sort((a, b) => b[1] - a[1])[0];
  return best ? { name: best[0], votes: best[1], of } : undefined;
}

function entryModel(e: ImportedEntry, replaced: string | undefined): DraftEntry {
  const inferred = [...e.provenance.inferred];
  let status = e.status;
  if (status === undefined) {
    status = DEFAULT_STATUS;
    inferred.push(`status not given: ${DEFAULT_STATUS} assumed`);
  }
  const category = e.category ?? DEFAULT_CATEGORY;
  if (e.category === undefined) inferred.push(`category not given: "${DEFAULT_CATEGORY}" assumed`);
  const deprecated =
    e.deprecated === undefined
      ? undefined
      : replaced !== undefined
        ? { replacedBy: replaced, ...e.deprecated }
        : e.deprecated;
  return {
    code: e.code,
    status,
    category,
    ...(e.title !== undefined ? { title: e.title } : {}),
    ...(e.message !== undefined ? { message: e.message } : {}),
    ...(e.description !== undefined ? { description: e.description } : {}),
    ...(e.remediation !== undefined ? { remediation: e.remediation } : {}),
    params: paramsOf(e.message),
    ...(e.retry !== undefined ? { retry: e.retry } : {}),
    ...(e.details !== undefined ? { details: e.details as JsonSchema } : {}),
    ...(deprecated !== undefined ? { deprecated } : {}),
    expose: status < 500,
    'x-import': {
      from: [...new Set(e.provenance.from)],
      inferred: [...new Set(inferred)],
      ...(e.seen !== undefined ? { seen: e.seen } : {}),
      ...(e.routes !== undefined && e.routes.length > 0 ? { routes: e.routes } : {}),
    },
  } as DraftEntry;
}

export interface DraftOptions {
  readonly name?: string;
  readonly title?: string;
}

/** The draft catalog of the merged entries of some sources. */
export function buildDraft(
  entries: readonly ImportedEntry[],
  sources: readonly SourceImport[],
  options: DraftOptions = {},
): Draft {
  const ids = entryIds(entries);
  const errors: Record<string, DraftEntry> = {};
  const categories: string[] = [];
  entries.forEach((e, n) => {
    const note = e.deprecated?.note ?? '';
    const use = /\bUse ([A-Za-z][A-Za-z0-9]*) instead\b/.exec(note)?.[1];
    const model = entryModel(e, use !== undefined && ids.includes(use) ? use : undefined);
    if (!categories.includes(model.category)) categories.push(model.category);
    errors[ids[n] as string] = model;
  });
  const dialect = detectDialect(sources);
  const title = options.title ?? sources.find((s) => s.title)?.title ?? 'Imported API errors';
  const description = sources.find((s) => s.description)?.description;
  return {
    errata: 1,
    name:
      options.name ??
      (title
        .toLowerCase()
        .replace(/[^a-z0-9]+/g, '-')
        .replace(/^-|-$/g, '') ||
        'imported'),
    title,
    version: '0.1.0',
    ...(description !== undefined ? { description } : {}),
    ...(dialect !== undefined ? { dialect: dialect.name } : {}),
    categories,
    errors,
    'x-import': {
      sources: sources.map((s) => `${s.source} (${s.kind})`),
      ...(dialect !== undefined
        ? {
            dialect: `${dialect.name}: ${dialect.votes} of ${dialect.of} example bodies read as ${dialect.name}`,
          }
        : {}),
    },
  };
}

/**
 * The draft as a person would write it: no `code` where it is the id, no
 * empty `params`, no `expose` where the status implies it (the loader puts
 * them back).
 */
export function tidy(draft: Draft): Draft {
  const errors: Record<string, DraftEntry> = {};
  for (const [id, entry] of Object.entries(draft.errors)) {
    const { code, params, expose, ...rest } = entry;
    errors[id] = {
      ...(code !== id ? { code } : {}),
      ...rest,
      ...(Object.keys(params).length > 0 ? { params } : {}),
      ...(expose !== entry.status < 500 ? { expose } : {}),
    } as DraftEntry;
  }
  return { ...draft, errors };
}
