import { typeUri } from '../../catalog/anchor.js';
import type { CatalogModel, EntryModel } from '../../catalog/model.js';
import { type Change, change, showValue } from './changes.js';
import { compareServerFailures } from './contract.js';
import { compareEntry } from './entry.js';
import { compareTranslations } from './translations.js';

/** Options of {@link diffCatalogs}. */
export interface DiffOptions {
  /** Report changes to titles, messages, descriptions and remediations. @default true */
  readonly wording?: boolean;
}

/**
 * Compares two versions of a catalog and classifies every change as breaking
 * or not for clients. Entries are matched by id; an entry whose id changed but
 * whose wire code and status did not is a rename. The effective contracts are
 * compared too: a server failure (a 405, a framework's 409) answered with
 * another code than before is a change clients see. Breaking changes come first.
 */
export function diffCatalogs(before: CatalogModel, after: CatalogModel, options: DiffOptions = {}): Change[] {
  const out: Change[] = [];
  const add = (c: Change) => out.push(c);
  const wording = options.wording ?? true;
  const catalogSite = (field: string) => ({ id: null, code: null, field });

  if (before.dialect !== after.dialect)
    add(
      change(
        'dialect-changed',
        catalogSite('dialect'),
        `default dialect ${before.dialect} → ${after.dialect}`,
        {
          before: before.dialect,
          after: after.dialect,
        },
      ),
    );
  const docsChanged = (before.docs ?? '') !== (after.docs ?? '') && before.docs !== undefined;
  if (docsChanged)
    add(
      change(
        'docs-changed',
        catalogSite('docs'),
        `docs ${showValue(before.docs)} → ${showValue(after.docs)}`,
        { before: before.docs, after: after.docs },
      ),
    );
  else if (before.docs === undefined && after.docs !== undefined)
    add(
      change('docs-changed:first-set', catalogSite('docs'), `docs set to ${showValue(after.docs)}`, {
        after: after.docs,
      }),
    );

  const removed = Object.keys(before.errors).filter((id) => !Object.hasOwn(after.errors, id));
  const added = new Set(Object.keys(after.errors).filter((id) => !Object.hasOwn(before.errors, id)));

  // Added entries by wire code and status: a rename keeps both.
  const byWire = new Map<string, string[]>();
  for (const id of added) {
    const entry = after.errors[id] as EntryModel;
    if (entry.code === '') continue;
    const key = `${entry.code}\u0000${entry.status}`;
    const list = byWire.get(key);
    if (list) list.push(id);
    else byWire.set(key, [id]);
  }
  for (const id of removed) {
    const old = before.errors[id] as EntryModel;
    // Among the candidates, prefer the one with the same message.
    const candidates = (byWire.get(`${old.code}\u0000${old.status}`) ?? []).filter((n) => added.has(n));
    const to = candidates.find((n) => after.errors[n]?.message === old.message) ?? candidates[0];
    if (to !== undefined) {
      added.delete(to);
      add(
        change(
          'entry-renamed',
          { id: to, code: old.code, field: 'id' },
          `entry ${id} renamed to ${to} (code ${showValue(old.code)}, status ${old.status} kept)`,
          { before: id, after: to },
        ),
      );
      if (!docsChanged && after.docs !== undefined)
        add(
          change(
            'type-changed',
            { id: to, code: old.code, field: 'type' },
            `type ${typeUri(before, id)} → ${typeUri(after, to)}`,
            { before: typeUri(before, id), after: typeUri(after, to) },
          ),
        );
      compareEntry(old, after.errors[to] as EntryModel, to, add, wording);
      continue;
    }
    const since = old.deprecated?.since ? ` since ${old.deprecated.since}` : '';
    add(
      change(
        'entry-removed',
        { id, code: old.code, field: 'id' },
        `entry ${id} removed${old.deprecated ? ` (deprecated${since})` : ''}`,
      ),
    );
  }
  for (const id of added) {
    const entry = after.errors[id] as EntryModel;
    add(
      change(
        'entry-added',
        { id, code: entry.code, field: 'id' },
        `entry ${id} added (${showValue(entry.code)}, ${entry.status})`,
      ),
    );
  }

  const newCodes = new Set(Object.values(after.errors).map((e) => e.code));
  const oldCodes = new Set(Object.values(before.errors).map((e) => e.code));
  for (const code of oldCodes)
    if (code !== '' && !newCodes.has(code))
      add(
        change(
          'code-removed',
          { id: null, code, field: 'code' },
          `wire code ${showValue(code)} no longer sent by any entry`,
        ),
      );

  for (const [id, old] of Object.entries(before.errors)) {
    const now = Object.hasOwn(after.errors, id) ? after.errors[id] : undefined;
    if (now) compareEntry(old, now, id, add, wording);
  }
  // What clients receive is the effective contract: the server failures the catalog has no entry for too.
  compareServerFailures(before, after, add);
  // The languages: a locale gone breaks those who asked for it; a translation reworded does not.
  compareTranslations(before, after, add, wording);
  // Stable: breaking first, each group in the order found.
  return [...out.filter((c) => c.breaking), ...out.filter((c) => !c.breaking)];
}
