// What every translators' format module provides: a writer from the strings of one language, and
// a reader back to translated text by key, as ICU MessageFormat for a message.
import type { StringSet } from './strings.js';

/** A file written for translators, and what the writer had to say (strings left out, and why). */
export interface WrittenFile {
  readonly text: string;
  readonly notes: readonly string[];
}

/** A translators' file as read: what it says it is for, and its translations. */
export interface ReadFile {
  /** The catalog the file names, when it names one. */
  readonly catalog?: string;
  /** The language the file names, when it names one. */
  readonly locale?: string;
  /**
   * Each translated string by key (`OUT_OF_STOCK.message`), in the file's order, read against
   * the catalog's strings in that language; an empty translation is left out (not translated yet).
   */
  targets(set: StringSet): Map<string, string>;
}

/** The translators' formats `errata messages` writes and reads. */
export const TRANSLATOR_FORMATS = ['xliff', 'po', 'icu-json', 'i18next'] as const;
export type TranslatorFormat = (typeof TRANSLATOR_FORMATS)[number];

/** The file extension each format is written with. */
export const EXTENSIONS: Readonly<Record<TranslatorFormat, string>> = {
  xliff: '.xlf',
  po: '.po',
  'icu-json': '.json',
  i18next: '.json',
};

/** Sets a key of a plain object as an own property, whatever it is (`__proto__` too). */
export function setOwn(o: object, key: string, value: unknown): void {
  Object.defineProperty(o, key, { value, enumerable: true, writable: true, configurable: true });
}
