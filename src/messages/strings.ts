// The strings a translator works on, for one catalog and one language: each translatable field of
// each entry, its source text, the language's own translation (never a fallback's: what is written
// back is exactly what was there), and its context (the entry's description, its parameters).
import { templateToIcu } from '../catalog/icu-source.js';
import { sameTag, sourceLocale } from '../catalog/locales.js';
import { effectiveParams } from '../catalog/message-params.js';
import type { CatalogModel, ParamType, TranslatedField, TranslationModel } from '../catalog/model.js';
import { MessagesError } from './errors.js';

/** The fields a translator translates, in the order they are listed and written back. */
export const FIELDS: readonly TranslatedField[] = ['title', 'message', 'description', 'remediation'];

/** One string to translate. */
export interface SourceString {
  /** `<entry id>.<field>`: the key every format names the string by. */
  readonly key: string;
  readonly id: string;
  readonly field: TranslatedField;
  /** The catalog's own text (a message as ICU MessageFormat); `''` when only the translation has it. */
  readonly source: string;
  /** The language's own translation, as written; absent when it has none yet. */
  readonly target?: string;
  /** What the entry is about (its description), for a field other than the description itself. */
  readonly note?: string;
  /** A message's parameters, with their types and descriptions. */
  readonly params?: { readonly [name: string]: { readonly type: ParamType; readonly description?: string } };
}

/** The strings of one catalog in one language, and what names them. */
export interface StringSet {
  readonly catalog: string;
  readonly sourceLocale: string;
  readonly locale: string;
  readonly strings: readonly SourceString[];
}

/** A key as every format writes it: the entry id (which may hold dots), a dot, the field. */
export const keyOf = (id: string, field: TranslatedField) => `${id}.${field}`;

/** The entry id and field of a key; `undefined` when the key names no translatable field. */
export function splitKey(key: string): { id: string; field: TranslatedField } | undefined {
  const dot = key.lastIndexOf('.');
  if (dot <= 0) return undefined;
  const field = key.slice(dot + 1) as TranslatedField;
  return FIELDS.includes(field) ? { id: key.slice(0, dot), field } : undefined;
}

/** A locale's own translations as the catalog keys them (the tag may differ in case). */
export function ownTranslations(
  model: CatalogModel,
  locale: string,
): { readonly [id: string]: TranslationModel } {
  const all = model.translations ?? {};
  const key = Object.keys(all).find((l) => sameTag(l, locale));
  return key === undefined ? {} : (all[key] ?? {});
}

/**
 * The strings of `model` to translate into `locale`: every field an entry has in the catalog's
 * language or in `locale`, in catalog order. The catalog's own language is refused: its text is
 * the catalog itself.
 */
export function stringsToTranslate(model: CatalogModel, locale: string): StringSet {
  const source = sourceLocale(model);
  if (sameTag(locale, source))
    throw new MessagesError(
      `${locale} is the language catalog ${model.name} is written in: name the language to translate into`,
    );
  const own = ownTranslations(model, locale);
  const strings: SourceString[] = [];
  for (const [id, entry] of Object.entries(model.errors)) {
    const t = Object.hasOwn(own, id) ? own[id] : undefined;
    for (const field of FIELDS) {
      const text = entry[field];
      const target = t?.[field];
      if (text === undefined && target === undefined) continue;
      const s: { -readonly [K in keyof SourceString]: SourceString[K] } = {
        key: keyOf(id, field),
        id,
        field,
        source: text === undefined ? '' : field === 'message' ? templateToIcu(text) : text,
      };
      if (target !== undefined) s.target = target;
      if (field !== 'description' && entry.description !== undefined) s.note = entry.description;
      if (field === 'message') {
        const params = effectiveParams(entry);
        if (Object.keys(params).length > 0) s.params = params;
      }
      strings.push(s);
    }
  }
  return { catalog: model.name, sourceLocale: source, locale, strings };
}

/** The context of a string as one line of text: its entry, its description and its parameters. */
export function contextText(s: SourceString): string {
  const lines = [`${s.id} ${s.field}`];
  if (s.note !== undefined) lines.push(s.note);
  for (const [name, p] of Object.entries(s.params ?? {}))
    lines.push(`{${name}}: ${p.type}${p.description === undefined ? '' : `, ${p.description}`}`);
  return lines.join('\n');
}
