// The fixed words of the reference pages (headings, labels, table headers, counts, the
// search box and filters), per language: the page's "chrome", as opposed to the catalog's
// own text. English, French, German, Spanish and Japanese are built in; a page in any other
// language shows its entries translated and its chrome in English. A `{name}` in a string is
// filled by `fillChrome`; a `…One`/`…Other` pair is a plural, chosen by `pluralChrome`.

import { fallbackChain } from '../catalog/locales.js';
import { CHROME_EN } from './_chrome-en.js';
import { CHROME_DE, CHROME_ES, CHROME_FR, CHROME_JA } from './_chrome-tables.js';

/** Every fixed string of the Markdown and HTML pages. */
export type ChromeStrings = { readonly [K in keyof typeof CHROME_EN]: string };

/** The built-in tables, by primary language tag. */
const TABLES: Readonly<Record<string, ChromeStrings>> = {
  en: CHROME_EN,
  fr: CHROME_FR,
  de: CHROME_DE,
  es: CHROME_ES,
  ja: CHROME_JA,
};

/** The languages the pages' chrome is written in. */
export const CHROME_LOCALES: readonly string[] = Object.keys(TABLES);

/** The chrome of a page in `locale`, and the table's language (`undefined`: none fits, English is used). */
export function chromeFor(locale: string): { strings: ChromeStrings; locale: string | undefined } {
  for (const tag of fallbackChain(locale)) {
    const table = TABLES[tag.toLowerCase()];
    if (table !== undefined) return { strings: table, locale: tag.toLowerCase() };
  }
  return { strings: CHROME_EN, locale: undefined };
}

/** Scripts written right to left, by their ISO 15924 code. */
const RTL_SCRIPTS = new Set(['arab', 'hebr', 'thaa', 'syrc', 'nkoo', 'adlm', 'rohg']);
/** Languages written right to left when the tag names no script. */
const RTL_LANGUAGES = new Set(['ar', 'he', 'iw', 'fa', 'ur', 'ps', 'sd', 'ug', 'yi', 'dv', 'ckb', 'syr']);

/** The direction a language is written in, for the page's `dir`. */
export function textDirection(locale: string): 'ltr' | 'rtl' {
  const [language = '', ...rest] = locale.toLowerCase().split('-');
  const script = rest.find((p) => p.length === 4);
  if (script !== undefined) return RTL_SCRIPTS.has(script) ? 'rtl' : 'ltr';
  return RTL_LANGUAGES.has(language) ? 'rtl' : 'ltr';
}

/**
 * A chrome string with its `{name}`s filled: the string's own words pass through `escape`
 * (`escapeWords`: HTML or Markdown escaping), the values are inserted as given (already escaped or markup).
 */
export function fillChrome(
  template: string,
  values: Readonly<Record<string, string | number>> = {},
  escapeWords: (text: string) => string = (t) => t,
): string {
  let out = '';
  let last = 0;
  for (const m of template.matchAll(/\{(\w+)\}/g)) {
    const value = values[m[1] as string];
    if (value === undefined) continue;
    out += escapeWords(template.slice(last, m.index)) + String(value);
    last = m.index + m[0].length;
  }
  return out + escapeWords(template.slice(last));
}

/** The plural form of a count in a language: the `one` string where the language says so, else `other`. */
export function pluralChrome(locale: string, n: number, one: string, other: string): string {
  let category: string;
  try {
    category = new Intl.PluralRules(locale).select(n);
  } catch {
    category = n === 1 ? 'one' : 'other';
  }
  return category === 'one' ? one : other;
}

/**
 * The name of a language in that language, for a language menu: `Français`, `Deutsch`,
 * `日本語`; the tag itself where the runtime has no name for it.
 */
export function languageName(locale: string): string {
  try {
    const name = new Intl.DisplayNames([locale], { type: 'language', fallback: 'code' }).of(locale);
    if (name === undefined || name === '') return locale;
    return name.charAt(0).toLocaleUpperCase(locale) + name.slice(1);
  } catch {
    return locale;
  }
}
