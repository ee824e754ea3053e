// The translators' formats by name: each one's writer and reader, and which format a file is in.
import type { ReadFile, TranslatorFormat, WrittenFile } from './formats.js';
import { readI18next, writeI18next } from './i18next.js';
import { readIcuJson, writeIcuJson } from './icu-json.js';
import { CONTEXT_KEY } from './json-context.js';
import { readPo, writePo } from './po.js';
import type { StringSet } from './strings.js';
import { readXliff, writeXliff } from './xliff.js';

export { EXTENSIONS, TRANSLATOR_FORMATS, type TranslatorFormat } from './formats.js';

const WRITERS: Readonly<Record<TranslatorFormat, (set: StringSet) => WrittenFile>> = {
  xliff: writeXliff,
  po: writePo,
  'icu-json': writeIcuJson,
  i18next: writeI18next,
};

const READERS: Readonly<Record<TranslatorFormat, (text: string, file: string) => ReadFile>> = {
  xliff: readXliff,
  po: readPo,
  'icu-json': readIcuJson,
  i18next: readI18next,
};

/** The strings of one language in a translators' format. */
export function writeStrings(set: StringSet, format: TranslatorFormat): WrittenFile {
  return WRITERS[format](set);
}

/** A translators' file read in a format. */
export function readStrings(text: string, file: string, format: TranslatorFormat): ReadFile {
  return READERS[format](text, file);
}

/**
 * The format of a file: the extension (`.xlf`, `.xliff`, `.po`), and for `.json` the format its
 * `$context` names, else ICU JSON. `undefined` when neither tells.
 */
export function formatOfFile(name: string, text: string): TranslatorFormat | undefined {
  const ext = /\.([A-Za-z]+)$/.exec(name)?.[1]?.toLowerCase();
  if (ext === 'xlf' || ext === 'xliff') return 'xliff';
  if (ext === 'po' || ext === 'pot') return 'po';
  if (ext !== 'json') return undefined;
  try {
    const doc = JSON.parse(text) as Record<string, { format?: unknown } | undefined>;
    return doc?.[CONTEXT_KEY]?.format === 'i18next' ? 'i18next' : 'icu-json';
  } catch {
    // The reader says what is wrong with it.
    return 'icu-json';
  }
}
