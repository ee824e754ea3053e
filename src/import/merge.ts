// Merging: several sources into one list of entries (the first to give a
// field gives it: the page its descriptions, the spec its routes, traffic
// its seen counts), and a draft into a catalog a person wrote, adding what
// it lacks and changing nothing it says. Where two disagree on a code's
// status, neither is picked: the conflict is reported.
import { isRecord } from '../utils/record.js';
import { type Draft, type DraftEntry, ID } from './draft.js';
import type { ImportedEntry, SourceImport } from './types.js';

export interface Conflict {
  readonly code: string;
  /** The status each side gives, with where it was read. */
  readonly kept: { status: number; place: string };
  readonly other: { status: number; place: string };
}

export const conflictText = (c: Conflict) =>
  `code ${c.code}: status ${c.kept.status} (${c.kept.place}) and ${c.other.status} (${c.other.place}); kept ${c.kept.status}`;

const FIELDS = [
  'name',
  'category',
  'title',
  'message',
  'description',
  'remediation',
  'retry',
  'details',
  'deprecated',
] as const;

/** The entries of several sources as one list; an entry of a later source fills the gaps of an earlier one with its code. */
export function mergeSources(sources: readonly SourceImport[]): {
  entries: ImportedEntry[];
  conflicts: Conflict[];
} {
  const entries: ImportedEntry[] = [];
  const conflicts: Conflict[] = [];
  const owner = new Map<ImportedEntry, number>();
  const byCode = new Map<string, ImportedEntry[]>();
  sources.forEach((source, n) => {
    for (const incoming of source.entries) {
      const earlier = (byCode.get(incoming.code) ?? []).filter((e) => owner.get(e) !== n);
      const same = earlier.find(
        (e) => e.status === undefined || incoming.status === undefined || e.status === incoming.status,
      );
      if (!same && earlier.length > 0) {
        const kept = earlier[0] as ImportedEntry;
        conflicts.push({
          code: incoming.code,
          kept: { status: kept.status as number, place: kept.provenance.from[0] ?? '' },
          other: { status: incoming.status as number, place: incoming.provenance.from[0] ?? source.source },
        });
        continue;
      }
      if (!same) {
        const copy = {
          ...incoming,
          provenance: { from: [...incoming.provenance.from], inferred: [...incoming.provenance.inferred] },
        };
        owner.set(copy, n);
        entries.push(copy);
        byCode.set(copy.code, [...(byCode.get(copy.code) ?? []), copy]);
        continue;
      }
      if (same.status === undefined && incoming.status !== undefined) same.status = incoming.status;
      for (const key of FIELDS)
        if (same[key] === undefined && incoming[key] !== undefined)
          (same as unknown as Record<string, unknown>)[key] = incoming[key];
      if (incoming.seen !== undefined) same.seen = (same.seen ?? 0) + incoming.seen;
      if (incoming.routes) same.routes = [...new Set([...(same.routes ?? []), ...incoming.routes])];
      same.provenance.from.push(...incoming.provenance.from);
      same.provenance.inferred.push(...incoming.provenance.inferred);
    }
  });
  return { entries, conflicts };
}

export interface MergeReport {
  /** Entries added to the catalog. */
  readonly added: string[];
  /** Entries of the catalog given fields they lacked, with the fields. */
  readonly filled: Array<{ id: string; fields: string[] }>;
  readonly conflicts: Conflict[];
}

const TEXT_FIELDS = ['title', 'message', 'description', 'remediation', 'retry', 'details'] as const;

/**
 * A catalog as written (the parsed JSON or YAML document) with the draft's
 * entries merged in: a new code is added, an entry with the code and the
 * same status gets only the fields it lacks (and an `x-import` saying which),
 * a different status is a conflict and changes nothing.
 */
export function mergeIntoCatalog(
  written: Record<string, unknown>,
  draft: Draft,
  place: string,
): { catalog: Record<string, unknown>; report: MergeReport } {
  const catalog: Record<string, unknown> = structuredClone(written);
  const errors: Record<string, unknown> = isRecord(catalog.errors) ? catalog.errors : {};
  catalog.errors = errors;
  const report: MergeReport = { added: [], filled: [], conflicts: [] };
  const codeOf = (id: string, entry: Record<string, unknown>) =>
    typeof entry.code === 'string' ? entry.code : id;
  for (const [draftId, incoming] of Object.entries(draft.errors)) {
    const matches = Object.entries(errors).filter(
      (pair): pair is [string, Record<string, unknown>] =>
        isRecord(pair[1]) && codeOf(pair[0], pair[1]) === incoming.code,
    );
    const same = matches.find(([, e]) => e.status === incoming.status);
    if (!same && matches.length > 0) {
      const [id, e] = matches[0] as [string, Record<string, unknown>];
      report.conflicts.push({
        code: incoming.code,
        kept: { status: Number(e.status), place: `${place} errors.${id}` },
        other: { status: incoming.status, place: incoming['x-import']?.from[0] ?? draftId },
      });
      continue;
    }
    if (!same) {
      let id = draftId;
      for (let n = 2; Object.hasOwn(errors, id); n++) id = `${draftId}${n}`;
      const { params, expose, ...entry } = incoming as DraftEntry & Record<string, unknown>;
      const fresh: Record<string, unknown> = { ...entry };
      if (fresh.code === id && ID.test(id)) delete fresh.code;
      if (Object.keys(params ?? {}).length > 0) fresh.params = params;
      errors[id] = fresh;
      report.added.push(id);
      const category = entry.category as string;
      if (Array.isArray(catalog.categories) && !catalog.categories.includes(category))
        catalog.categories.push(category);
      continue;
    }
    const [id, entry] = same;
    const fields: string[] = [];
    for (const key of TEXT_FIELDS) {
      if (entry[key] === undefined && incoming[key] !== undefined) {
        entry[key] = incoming[key];
        fields.push(key);
      }
    }
    if (fields.length > 0) {
      entry['x-import'] = { from: incoming['x-import']?.from ?? [], added: fields };
      report.filled.push({ id, fields });
    }
  }
  return { catalog, report };
}
