// The `$context` member of errata's JSON files for translators (icu-json, i18next): what the file
// is for (catalog, languages) and each string's source text, entry, description and parameters.
// Tools that load the file as it is see one key more, which no message names.
import { isRecord } from '../utils/record.js';
import { MessagesError } from './errors.js';
import { setOwn } from './formats.js';
import type { SourceString, StringSet } from './strings.js';

/** The member holding the context. */
export const CONTEXT_KEY = '$context';

/** The context of every string of a set, by key; `extra` adds members to one string's. */
export function contextOf(
  set: StringSet,
  format: 'icu-json' | 'i18next',
  extra: (s: SourceString) => Record<string, unknown> = () => ({}),
): Record<string, unknown> {
  const strings: Record<string, unknown> = {};
  for (const s of set.strings)
    setOwn(strings, s.key, {
      source: s.source,
      ...(s.note !== undefined && { description: s.note }),
      ...(s.params !== undefined && { params: s.params }),
      ...extra(s),
    });
  return { format, catalog: set.catalog, sourceLocale: set.sourceLocale, locale: set.locale, strings };
}

/** A JSON file for translators: its members, and what its `$context` says it is for. */
export interface JsonFile {
  readonly members: Record<string, unknown>;
  readonly context: Record<string, unknown> | undefined;
  readonly catalog?: string;
  readonly locale?: string;
  /** The format `$context` names (`icu-json`, `i18next`). */
  readonly format?: string;
}

/** Parses a JSON file for translators: an object, with an optional `$context`. */
export function readJsonFile(text: string, file: string, kind: string): JsonFile {
  let doc: unknown;
  try {
    doc = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (e) {
    throw new MessagesError(`${file}: not valid JSON: ${(e as Error).message}`);
  }
  if (!isRecord(doc))
    throw new MessagesError(
      `${file}: ${kind} is a JSON object of key to text, got ${Array.isArray(doc) ? 'an array' : typeof doc}`,
    );
  const raw = Object.hasOwn(doc, CONTEXT_KEY) ? doc[CONTEXT_KEY] : undefined;
  if (raw !== undefined && !isRecord(raw))
    throw new MessagesError(`${file}: ${CONTEXT_KEY} must be an object (what the file is for)`);
  const text_ = (k: string) =>
    raw !== undefined && typeof raw[k] === 'string' ? (raw[k] as string) : undefined;
  const catalog = text_('catalog');
  const locale = text_('locale');
  const format = text_('format');
  const members: Record<string, unknown> = {};
  for (const key of Object.keys(doc)) if (key !== CONTEXT_KEY) setOwn(members, key, doc[key]);
  return {
    members,
    context: raw,
    ...(catalog !== undefined && { catalog }),
    ...(locale !== undefined && { locale }),
    ...(format !== undefined && { format }),
  };
}

/** A member's text; anything but a string is refused, naming the key. */
export function memberText(value: unknown, key: string, file: string): string {
  if (typeof value !== 'string')
    throw new MessagesError(
      `${file}: "${key.slice(0, 80)}" must be a string, got ${value === null ? 'null' : Array.isArray(value) ? 'an array' : typeof value}`,
    );
  return value;
}
