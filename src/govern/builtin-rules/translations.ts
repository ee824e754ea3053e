// Rules on a catalog's languages: the locale tags, the translations' entries, their ICU messages
// and parameters, and how much of the catalog each language covers.
import { catalogLocales, localizedField, sameTag, sourceLocale } from '../../catalog/locales.js';
import { effectiveParams, messageSlots } from '../../catalog/message-params.js';
import type { CatalogModel, EntryModel, TranslatedField, TranslationModel } from '../../catalog/model.js';
import { didYouMean } from '../../catalog/suggest.js';
import { defineRule } from '../define-rule.js';
import type { MessageParser } from '../lint-types.js';
import { type ArgumentUse, messageArguments, parseTranslated } from './_icu.js';
import { quote } from './_wording.js';

const FIELDS: readonly TranslatedField[] = ['title', 'message', 'description', 'remediation'];

/** Each translation of the catalog: its locale, the entry id it names, its fields. */
function* translations(model: CatalogModel): Generator<[string, string, TranslationModel]> {
  for (const [locale, entries] of Object.entries(model.translations ?? {}))
    for (const [id, fields] of Object.entries(entries)) yield [locale, id, fields];
}

/** The entry a translation names, when the catalog has it. */
const entryOf = (model: CatalogModel, id: string): EntryModel | undefined =>
  Object.hasOwn(model.errors, id) ? model.errors[id] : undefined;

/** Why a tag is not a BCP 47 language tag, or `undefined` when it is one; its canonical form. */
function checkTag(tag: string): { canonical?: string; invalid?: string } {
  try {
    return { canonical: Intl.getCanonicalLocales(tag)[0] as string };
  } catch (e) {
    return { invalid: e instanceof Error ? e.message : String(e) };
  }
}

/** The catalog's tags and where each is written: its own `locale`, then each translation's. */
function tags(model: CatalogModel): [string, string][] {
  const out: [string, string][] = [];
  if (model.locale !== undefined) out.push([model.locale, 'locale']);
  for (const locale of Object.keys(model.translations ?? {})) out.push([locale, `translations.${locale}`]);
  return out;
}

/** `locale-invalid`: a locale that is not a BCP 47 language tag. */
export const localeInvalid = defineRule({
  id: 'locale-invalid',
  severity: 'error',
  description:
    'The catalog’s `locale` or a translation’s locale is not a valid BCP 47 language tag (RFC 5646), so no client or server can match a language to it.',
  *check({ model }) {
    for (const [tag, field] of tags(model))
      if (checkTag(tag).invalid !== undefined)
        yield {
          field,
          message: `${quote(tag)} is not a valid BCP 47 language tag: no Accept-Language or user language can match it; write a language subtag, then region or script (fr, pt-BR, zh-Hant)`,
        };
  },
});

/** `locale-canonical`: a valid tag written other than in its canonical form. */
export const localeCanonical = defineRule({
  id: 'locale-canonical',
  severity: 'warn',
  description:
    'A locale written other than in its canonical form (`pt-br` for `pt-BR`, a deprecated `iw` for `he`): tools that compare tags as strings miss it.',
  *check({ model }) {
    for (const [tag, field] of tags(model)) {
      const { canonical } = checkTag(tag);
      if (canonical !== undefined && canonical !== tag)
        yield {
          field,
          message: `${quote(tag)} is written ${quote(canonical)} in canonical form (RFC 5646 section 4.5); tools that compare tags as strings will not match it`,
        };
    }
  },
});

/** `translation-unknown-entry`: a translation of an entry the catalog does not have. */
export const translationUnknownEntry = defineRule({
  id: 'translation-unknown-entry',
  severity: 'error',
  description:
    'A translation names an entry id the catalog does not have (renamed or removed): it is never used.',
  *check({ model }) {
    const ids = Object.keys(model.errors);
    for (const [locale, id] of translations(model))
      if (!entryOf(model, id))
        yield {
          field: `translations.${locale}.${id}`,
          message: `the ${locale} translation of ${quote(id)} names no entry of this catalog, so it is never used.${didYouMean(id, ids)}`,
        };
  },
});

/** `translation-syntax`: a translated message that is not ICU MessageFormat. */
export const translationSyntax = defineRule({
  id: 'translation-syntax',
  severity: 'error',
  description:
    'A translated `message` that is not valid ICU MessageFormat (an unclosed brace, a plural without `other`): it cannot be rendered.',
  *check({ model, parseMessage }) {
    let unchecked = 0;
    for (const [locale, id, fields] of translations(model)) {
      if (fields.message === undefined) continue;
      if (parseMessage === undefined) {
        unchecked++;
        continue;
      }
      const parsed = parseTranslated(parseMessage, fields.message);
      if (!parsed.ok)
        yield {
          ...(entryOf(model, id) && { id }),
          field: `translations.${locale}.${entryOf(model, id) ? '' : `${id}.`}message`,
          message: `the ${locale} message is not ICU MessageFormat (${parsed.reason}): ${quote(fields.message)}`,
        };
    }
    if (unchecked > 0)
      yield {
        field: 'translations',
        message: `${unchecked} translated message${unchecked > 1 ? 's were' : ' was'} not checked: lint was given no ICU MessageFormat parser (pass parseMessage: parse from @formatjs/icu-messageformat-parser; errata lint does)`,
      };
  },
});

/** Whether a parameter of this type can be used this way in an ICU message. */
function fits(type: string, use: ArgumentUse): boolean {
  if (use === 'text' || use === 'select') return true;
  if (use === 'date') return false;
  return type === 'number' || type === 'integer';
}

/**
 * Each translated message that parses, with its entry (translation-syntax reports the others,
 * translation-unknown-entry those of no entry); none without a parser.
 */
function* parsedMessages(model: CatalogModel, parseMessage: MessageParser | undefined) {
  if (parseMessage === undefined) return;
  for (const [locale, id, fields] of translations(model)) {
    const entry = entryOf(model, id);
    if (entry === undefined || fields.message === undefined) continue;
    const parsed = parseTranslated(parseMessage, fields.message);
    if (parsed.ok) yield { locale, id, entry, ast: parsed.ast };
  }
}

/** `translation-params`: a translated message that uses a parameter its source does not have. */
export const translationParams = defineRule({
  id: 'translation-params',
  severity: 'error',
  description:
    'A translated `message` uses a parameter the entry does not have, or formats a text parameter as a number (`plural`, `number`) or any as a date: it renders wrong or not at all.',
  *check({ model, parseMessage }) {
    for (const { locale, id, entry, ast } of parsedMessages(model, parseMessage)) {
      const params = effectiveParams(entry);
      const unknown: string[] = [];
      const misused: string[] = [];
      for (const [name, uses] of messageArguments(ast)) {
        const param = Object.hasOwn(params, name) ? params[name] : undefined;
        if (param === undefined) unknown.push(`{${name}}`);
        else
          for (const use of uses)
            if (!fits(param.type, use)) misused.push(`{${name}} (a ${param.type}) as a ${use}`);
      }
      const field = `translations.${locale}.message`;
      if (unknown.length > 0)
        yield {
          id,
          field,
          message: `the ${locale} message uses ${unknown.join(', ')}, not a parameter of ${id} (${Object.keys(params).join(', ') || 'it has none'}): callers never pass it`,
        };
      if (misused.length > 0)
        yield {
          id,
          field,
          message: `the ${locale} message formats ${misused.join(', ')}, which the source does not: a count or amount needs a number type there ({n:integer} in the message, or in params)`,
        };
    }
  },
});

/** `translation-param-omitted`: a translated message that leaves out a parameter of its source. */
export const translationParamOmitted = defineRule({
  id: 'translation-param-omitted',
  severity: 'warn',
  description:
    'A translated `message` leaves out a parameter its source message writes: often a slip, sometimes right (a language that need not repeat a name), so a warning.',
  *check({ model, parseMessage }) {
    for (const { locale, id, entry, ast } of parsedMessages(model, parseMessage)) {
      const used = messageArguments(ast);
      const omitted = messageSlots(entry)
        .map((s) => s.name)
        .filter((n) => !used.has(n));
      if (omitted.length > 0)
        yield {
          id,
          field: `translations.${locale}.message`,
          message: `the ${locale} message leaves out ${omitted.map((n) => `{${n}}`).join(', ')}, which the source message writes: readers in ${locale} do not see ${omitted.length > 1 ? 'them' : 'it'}`,
        };
    }
  },
});

/** How many missing entries a coverage finding names before "and N more". */
const LISTED = 8;

/** `translation-coverage`: each language's share of the catalog's text, when not all of it. */
export const translationCoverage = defineRule({
  id: 'translation-coverage',
  severity: 'warn',
  description:
    'A language that does not translate every field of every entry (after fallback, `fr-CA` to `fr`): one finding per language with its coverage and what is missing.',
  *check({ model, entries }) {
    const source = sourceLocale(model);
    for (const locale of catalogLocales(model)) {
      if (sameTag(locale, source)) continue;
      let counted = 0;
      const missing: string[] = [];
      for (const [id, entry] of entries) {
        const own = FIELDS.filter((f) => entry[f] !== undefined);
        if (own.length === 0) continue;
        counted++;
        const gaps = own.filter((f) =>
          sameTag(localizedField(model, id, f, locale)?.locale ?? source, source),
        );
        if (gaps.length === 0) continue;
        missing.push(gaps.length === own.length ? id : `${id} (${gaps.join(', ')})`);
      }
      if (missing.length === 0) continue;
      const done = counted - missing.length;
      const shown = missing.slice(0, LISTED).join(', ');
      const more = missing.length > LISTED ? ` and ${missing.length - LISTED} more` : '';
      yield {
        field: `translations.${locale}`,
        message: `${locale}: ${done} of ${counted} entries (${Math.floor((done / counted) * 100)}%); missing, so shown in ${source}: ${shown}${more}`,
      };
    }
  },
});
