// The languages of a catalog and the explicit fallback between them: a field of an entry in
// `fr-CA` is the `fr-CA` translation's, else the `fr` one's, else the catalog's own text.
import type { CatalogModel, TranslatedField, TranslationModel } from './model.js';

/**
 * What a catalog accepts as a language tag: BCP 47's characters and length (lint checks that it
 * is a valid tag); also what `Content-Language` may say.
 */
export const LOCALE_TAG = /^[A-Za-z0-9-]{1,35}$/;

/** The language of a catalog's own text when it does not state one. */
export const DEFAULT_LOCALE = 'en';

/** The language the catalog's own text is written in. */
export function sourceLocale(model: CatalogModel): string {
  return model.locale ?? DEFAULT_LOCALE;
}

/** The catalog's languages: its own first, then each it has translations for, as written. */
export function catalogLocales(model: CatalogModel): string[] {
  const source = sourceLocale(model);
  const out = [source];
  for (const locale of Object.keys(model.translations ?? {}))
    if (!sameTag(locale, source) && !out.some((l) => sameTag(l, locale))) out.push(locale);
  return out;
}

/** Whether two tags name the same language (tags are case-insensitive, RFC 5646 section 2.1.1). */
export function sameTag(a: string, b: string): boolean {
  return a.toLowerCase() === b.toLowerCase();
}

/**
 * The tags a lookup tries for `tag`, most specific first, as RFC 4647 section 3.4 truncates:
 * `zh-Hant-TW` gives `zh-Hant-TW`, `zh-Hant`, `zh`; a single-letter subtag (an extension or
 * private-use marker) is dropped with what follows it when it is left last.
 */
export function fallbackChain(tag: string): string[] {
  const out: string[] = [];
  const parts = tag.split('-').filter((p) => p !== '');
  while (parts.length > 0) {
    out.push(parts.join('-'));
    parts.pop();
    while (parts.length > 0 && (parts[parts.length - 1] as string).length === 1) parts.pop();
  }
  return out;
}

/** The translations of one locale as the catalog keys them (the tag may differ in case). */
function localeTable(
  model: CatalogModel,
  locale: string,
): { readonly [id: string]: TranslationModel } | undefined {
  const all = model.translations;
  if (all === undefined) return undefined;
  const own = all[locale];
  if (own !== undefined) return own;
  for (const key of Object.keys(all)) if (sameTag(key, locale)) return all[key];
  return undefined;
}

/** A field's text in a language, and the language it is actually in after fallback. */
export interface LocalizedText {
  readonly text: string;
  readonly locale: string;
}

/**
 * An entry's field in `locale`: the most specific translation along {@link fallbackChain},
 * else the catalog's own text (in {@link sourceLocale}); `undefined` when the entry has none.
 */
export function localizedField(
  model: CatalogModel,
  id: string,
  field: TranslatedField,
  locale: string,
): LocalizedText | undefined {
  const source = sourceLocale(model);
  for (const tag of fallbackChain(locale)) {
    if (sameTag(tag, source)) break;
    const text = localeTable(model, tag)?.[id]?.[field];
    if (text !== undefined) return { text, locale: tag };
  }
  const own = model.errors[id]?.[field];
  return own === undefined ? undefined : { text: own, locale: source };
}
