// The catalog's languages between two versions: a locale gone breaks the callers who asked for it;
// a translation added, reworded or removed (it falls back) does not.
import { localizedField, sameTag, sourceLocale } from '../../catalog/locales.js';
import type { CatalogModel, TranslatedField, TranslationModel } from '../../catalog/model.js';
import { type AddChange, change, entryChange } from './changes.js';

const FIELDS: readonly TranslatedField[] = ['title', 'message', 'description', 'remediation'];

type Table = { readonly [id: string]: TranslationModel };

/** The locales of a catalog's translations, each with its table, as written. */
const locales = (model: CatalogModel): [string, Table][] => Object.entries(model.translations ?? {});

/** The table of `locale` in `tables`, matched case-insensitively. */
const find = (tables: readonly [string, Table][], locale: string): Table | undefined =>
  tables.find(([l]) => sameTag(l, locale))?.[1];

const entries = (n: number) => `${n} ${n === 1 ? 'entry' : 'entries'}`;

/**
 * Compares the translations of two catalogs. A locale is added or removed as a whole (one change
 * each); within a locale both have, each field of an entry both have is added, reworded or removed.
 * Translations of entries added, removed or renamed are left to those changes. With `wording`
 * false only locales are compared.
 */
export function compareTranslations(
  before: CatalogModel,
  after: CatalogModel,
  add: AddChange,
  wording: boolean,
): void {
  const was = locales(before);
  const now = locales(after);
  for (const [locale, table] of was)
    if (find(now, locale) === undefined)
      add(
        change(
          'locale-removed',
          { id: null, code: null, field: `translations.${locale}` },
          `locale ${locale} removed (it translated ${entries(Object.keys(table).length)}): callers asking for ${locale} now read ${sourceLocale(after)}`,
        ),
      );
  for (const [locale, table] of now)
    if (find(was, locale) === undefined)
      add(
        change(
          'locale-added',
          { id: null, code: null, field: `translations.${locale}` },
          `locale ${locale} added (${entries(Object.keys(table).length)})`,
        ),
      );
  if (!wording) return;
  for (const [locale, table] of now) {
    const old = find(was, locale);
    if (old === undefined) continue;
    for (const id of Object.keys(before.errors)) {
      const current = Object.hasOwn(after.errors, id) ? after.errors[id] : undefined;
      if (current === undefined) continue;
      const at = (field: TranslatedField) => ({
        id,
        code: current.code,
        field: `translations.${locale}.${field}`,
      });
      const a = Object.hasOwn(old, id) ? old[id] : undefined;
      const b = Object.hasOwn(table, id) ? table[id] : undefined;
      for (const field of FIELDS) {
        const from = a?.[field];
        const to = b?.[field];
        if (from === to) continue;
        const values = { before: from, after: to };
        if (from === undefined)
          add(entryChange('translation-added', at(field), `${locale} ${field} added`, values));
        else if (to === undefined) {
          const fallback = localizedField(after, id, field, locale)?.locale ?? sourceLocale(after);
          add(
            entryChange(
              'translation-removed',
              at(field),
              `${locale} ${field} removed: it falls back to ${fallback}`,
              values,
            ),
          );
        } else add(entryChange('translation-changed', at(field), `${locale} ${field} reworded`, values));
      }
    }
  }
}
