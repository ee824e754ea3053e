// Translations, as written inline in an entry (`translations: { fr: { message } }`), in the
// catalog (`translations: { fr: { ID: { message } } }`) or in a per-locale file beside it
// (`errors.fr.yaml`: `ID: { message }`), gathered into one map by locale, then by entry id.
import { isRecord } from '../../utils/record.js';
import { type AddIssue, pathKey } from '../issue-path.js';
import { describe, unknownField } from '../issue-wording.js';
import { LOCALE_TAG } from '../locales.js';
import type { TranslatedField, TranslationModel } from '../model.js';

/** The fields a translation may give, in the order they are written back. */
export const TRANSLATED_FIELDS: readonly TranslatedField[] = [
  'title',
  'message',
  'description',
  'remediation',
];

/** Translations being gathered: locale, then entry id, then field; a field given twice is reported. */
export class TranslationSet {
  readonly #byLocale = new Map<string, Map<string, Record<string, string>>>();
  readonly #where = new Map<string, string>();

  /** Adds one entry's fields in one locale; `path` is where they were written (for a clash). */
  add(locale: string, id: string, fields: TranslationModel, path: string, add: AddIssue): void {
    let ids = this.#byLocale.get(locale);
    if (ids === undefined) {
      ids = new Map();
      this.#byLocale.set(locale, ids);
    }
    let own = ids.get(id);
    if (own === undefined) {
      own = {};
      ids.set(id, own);
    }
    for (const field of TRANSLATED_FIELDS) {
      const text = fields[field];
      if (text === undefined) continue;
      const key = `${locale}\u0000${id}\u0000${field}`;
      const first = this.#where.get(key);
      if (first !== undefined) {
        add(pathKey(path, field), `the ${locale} ${field} of ${id} is also given at ${first}: give it once`);
        continue;
      }
      this.#where.set(key, pathKey(path, field));
      own[field] = text;
    }
  }

  /** Notes a locale even when it translates nothing yet (an empty per-locale file). */
  touch(locale: string): void {
    if (!this.#byLocale.has(locale)) this.#byLocale.set(locale, new Map());
  }

  get size(): number {
    return this.#byLocale.size;
  }

  /** The map of the model: locales in the order first seen, entries in the order written. */
  toModel(): Record<string, Record<string, TranslationModel>> {
    const out: Record<string, Record<string, TranslationModel>> = {};
    for (const [locale, ids] of this.#byLocale) {
      const entries: Record<string, TranslationModel> = {};
      for (const [id, fields] of ids) {
        const ordered: Record<string, string> = {};
        for (const f of TRANSLATED_FIELDS) if (fields[f] !== undefined) ordered[f] = fields[f];
        entries[id] = ordered;
      }
      out[locale] = entries;
    }
    return out;
  }
}

/** A locale key as written: a BCP 47-shaped tag (lint says whether it is a valid one). */
function localeKey(locale: string, path: string, add: AddIssue): boolean {
  if (LOCALE_TAG.test(locale)) return true;
  add(path, `"${locale.slice(0, 40)}" is not a language tag (BCP 47, like fr or pt-BR)`);
  return false;
}

/** One entry's fields in one locale; `undefined` when it is not an object. */
export function readTranslation(raw: unknown, path: string, add: AddIssue): TranslationModel | undefined {
  if (!isRecord(raw)) {
    add(
      path,
      `must be an object of translated fields (${TRANSLATED_FIELDS.join(', ')}), got ${describe(raw)}`,
    );
    return undefined;
  }
  const out: Record<string, string> = {};
  for (const [key, value] of Object.entries(raw)) {
    if (!(TRANSLATED_FIELDS as readonly string[]).includes(key)) {
      if (!key.startsWith('x-')) add(pathKey(path, key), unknownField(key, TRANSLATED_FIELDS));
      continue;
    }
    if (typeof value !== 'string') add(pathKey(path, key), `must be a string, got ${describe(value)}`);
    else out[key] = value;
  }
  return out;
}

/** An entry's inline `translations`: locale to fields. */
export function readEntryTranslations(
  raw: unknown,
  id: string,
  path: string,
  set: TranslationSet,
  add: AddIssue,
): void {
  if (raw === undefined) return;
  if (!isRecord(raw)) {
    add(path, `must be an object of locale to translated fields, got ${describe(raw)}`);
    return;
  }
  for (const [locale, fields] of Object.entries(raw)) {
    const at = pathKey(path, locale);
    if (!localeKey(locale, at, add)) continue;
    const t = readTranslation(fields, at, add);
    if (t !== undefined) set.add(locale, id, t, at, add);
  }
}

/** One locale's entries: entry id to fields (the catalog's `translations.fr`, or a per-locale file). */
export function readLocaleEntries(
  raw: unknown,
  locale: string,
  path: string,
  set: TranslationSet,
  add: AddIssue,
): void {
  set.touch(locale);
  if (raw === null || raw === undefined) return;
  if (!isRecord(raw)) {
    add(path, `must be an object of entry id to translated fields, got ${describe(raw)}`);
    return;
  }
  for (const [id, fields] of Object.entries(raw)) {
    if (id.startsWith('x-')) continue;
    const at = pathKey(path, id);
    const t = readTranslation(fields, at, add);
    if (t !== undefined) set.add(locale, id, t, at, add);
  }
}

/** The catalog's own `translations`: locale to entry id to fields. */
export function readCatalogTranslations(raw: unknown, set: TranslationSet, add: AddIssue): void {
  if (raw === undefined) return;
  if (!isRecord(raw)) {
    add('translations', `must be an object of locale to entries, got ${describe(raw)}`);
    return;
  }
  for (const [locale, entries] of Object.entries(raw)) {
    const at = pathKey('translations', locale);
    if (localeKey(locale, at, add)) readLocaleEntries(entries, locale, at, set, add);
  }
}
