// Imported translations into a language's file beside the catalog (`errors.fr.yaml`): checked
// against the catalog (every key an entry's field, every message valid ICU MessageFormat), merged
// with what the file holds, and written in a stable order (catalog order, then fields in order).
import type { CatalogModel, TranslatedField } from '../catalog/model.js';
import { isRecord } from '../utils/record.js';
import { icuProblem } from './check-icu.js';
import { MessagesError } from './errors.js';
import { setOwn } from './formats.js';
import { FIELDS, type StringSet, splitKey } from './strings.js';

/** What an import did. */
export interface MergeResult {
  /** The language's file: entry id to fields, in stable order. */
  readonly file: Record<string, unknown>;
  readonly added: number;
  readonly changed: number;
  readonly unchanged: number;
  /** Strings not written, and why (a field the catalog itself translates). */
  readonly conflicts: readonly string[];
}

const list = (items: readonly string[]) =>
  items.length <= 5 ? items.join(', ') : `${items.slice(0, 5).join(', ')} and ${items.length - 5} more`;

/** Throws when a key names no entry's field of the catalog, or a message is not valid ICU. */
export function checkTargets(model: CatalogModel, targets: ReadonlyMap<string, string>, file: string): void {
  const malformed: string[] = [];
  const unknown: string[] = [];
  for (const key of targets.keys()) {
    const k = splitKey(key);
    if (k === undefined) malformed.push(key.slice(0, 80));
    else if (!Object.hasOwn(model.errors, k.id)) unknown.push(k.id.slice(0, 80));
  }
  if (malformed.length > 0)
    throw new MessagesError(
      `${file}: ${list(malformed)}: not a string of a catalog (keys are <entry id>.<field>, the field one of ${FIELDS.join(', ')})`,
    );
  if (unknown.length > 0) {
    const ids = [...new Set(unknown)];
    throw new MessagesError(
      unknown.length === targets.size
        ? `${file}: none of its strings names an entry of catalog ${model.name} (${list(ids)}): is it a file for another catalog?`
        : `${file}: catalog ${model.name} has no entry ${list(ids)}`,
    );
  }
  for (const [key, text] of targets) {
    if (splitKey(key)?.field !== 'message') continue;
    const problem = icuProblem(text);
    if (problem !== undefined)
      throw new MessagesError(`${file}: ${key} is not valid ICU MessageFormat: ${problem}`);
  }
}

/**
 * Merges checked translations into a language's file. `inline` holds the fields the catalog
 * itself translates (in an entry's or the catalog's `translations`): those are not written to
 * the file (a field is given once); a different text for one is a conflict, reported.
 */
export function mergeTranslations(
  model: CatalogModel,
  set: StringSet,
  targets: ReadonlyMap<string, string>,
  existing: unknown,
  inline: { readonly [id: string]: { readonly [F in TranslatedField]?: string } },
): MergeResult {
  const current = isRecord(existing) ? existing : {};
  const own = new Map(set.strings.map((s) => [s.key, s.target]));
  let added = 0;
  let changed = 0;
  let unchanged = 0;
  const conflicts: string[] = [];
  const updates = new Map<string, Map<TranslatedField, string>>();
  for (const [key, text] of targets) {
    const { id, field } = splitKey(key) as { id: string; field: TranslatedField };
    const written = Object.hasOwn(inline, id) ? inline[id]?.[field] : undefined;
    if (written !== undefined) {
      if (written === text) unchanged++;
      else conflicts.push(`${key}: the catalog itself translates it; change it there`);
      continue;
    }
    const before = own.get(key);
    if (before === text) unchanged++;
    else if (before === undefined) added++;
    else changed++;
    const fields = updates.get(id) ?? new Map<TranslatedField, string>();
    fields.set(field, text);
    updates.set(id, fields);
  }
  const out: Record<string, unknown> = {};
  // Members of the file that are not entries (`x-…`) first, as written.
  for (const key of Object.keys(current)) if (key.startsWith('x-')) setOwn(out, key, current[key]);
  const entryOf = (id: string): Record<string, unknown> | undefined => {
    const was =
      Object.hasOwn(current, id) && isRecord(current[id]) ? (current[id] as Record<string, unknown>) : {};
    const fields = updates.get(id);
    const entry: Record<string, unknown> = {};
    for (const f of FIELDS) {
      const text = fields?.get(f) ?? was[f];
      if (text !== undefined) entry[f] = text;
    }
    for (const k of Object.keys(was))
      if (!(FIELDS as readonly string[]).includes(k)) setOwn(entry, k, was[k]);
    return Object.keys(entry).length > 0 ? entry : undefined;
  };
  for (const id of Object.keys(model.errors)) {
    const entry = entryOf(id);
    if (entry !== undefined) setOwn(out, id, entry);
  }
  // Entries the catalog no longer has stay as they were (lint reports them).
  for (const id of Object.keys(current))
    if (!id.startsWith('x-') && !Object.hasOwn(model.errors, id)) setOwn(out, id, current[id]);
  return { file: out, added, changed, unchanged, conflicts };
}
