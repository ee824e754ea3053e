// ICU JSON: a flat object of key (`OUT_OF_STOCK.message`) to text, a message as ICU MessageFormat
// (the form FormatJS and most translation platforms read), every string present (`""` until it
// is translated), with errata's `$context` first.
import type { ReadFile, WrittenFile } from './formats.js';
import { setOwn } from './formats.js';
import { CONTEXT_KEY, contextOf, memberText, readJsonFile } from './json-context.js';
import type { StringSet } from './strings.js';

/** The strings of one language as ICU JSON. */
export function writeIcuJson(set: StringSet): WrittenFile {
  const out: Record<string, unknown> = {};
  setOwn(out, CONTEXT_KEY, contextOf(set, 'icu-json'));
  for (const s of set.strings) setOwn(out, s.key, s.target ?? '');
  return { text: `${JSON.stringify(out, null, 2)}\n`, notes: [] };
}

/** An ICU JSON file's translations. */
export function readIcuJson(text: string, file: string): ReadFile {
  const doc = readJsonFile(text, file, 'ICU JSON');
  const out = new Map<string, string>();
  for (const [key, value] of Object.entries(doc.members)) {
    const t = memberText(value, key, file);
    if (t !== '') out.set(key, t);
  }
  return {
    ...(doc.catalog !== undefined && { catalog: doc.catalog }),
    ...(doc.locale !== undefined && { locale: doc.locale }),
    targets: () => out,
  };
}
