// An error's texts in one language, masked as the source texts are: each entry's translated
// title and compiled message looked up once per (catalog, language, entry), then rendered with
// each occurrence's parameters.
import { type LocalizedText, localizedField, sourceLocale } from '../catalog/locales.js';
import { publicMessage } from '../dialects/expose.js';
import { genericMessagesIn } from '../dialects/generic-messages.js';
import type { LocalizedTexts } from '../dialects/types.js';
import { type ErrataError, type ErrorDefinition, paramMistakes } from '../error.js';
import { type Compiled, compileTranslation, describe } from './render.js';

/** One entry's texts in one language, found once. */
interface EntryTexts {
  /** The title in this language (else the source's); `undefined` when the entry has none. */
  readonly title: string | undefined;
  /** The language of `title`. */
  readonly titleLocale: string;
  /** The description in this language and its language, for an entry without message or title. */
  readonly description: LocalizedText | undefined;
  /** The translated message, compiled on first use; `undefined`: the source message is sent. */
  readonly message: { readonly text: string; readonly locale: string; compiled?: Compiled } | undefined;
  /** The dialects' serialized parts of this entry in this language (`LocalizedTexts.parts`). */
  readonly parts: Record<string, unknown>;
}

/** What went wrong with a translation: reported once per key, the source text sent instead. */
export type TranslationProblem = (key: string, message: string) => void;

export interface TextOptions {
  /** The localizer's languages: `slot` below is an index in it. */
  readonly locales: readonly string[];
  readonly maxParamLength: number;
}

/**
 * The texts of an error in the localizer's language at `slot` (`locales[slot]`); what went wrong
 * with a translation goes to `problem`.
 */
export type TextsOf = (error: ErrataError, slot: number, problem: TranslationProblem) => LocalizedTexts;

/** A definition's texts, by language slot, and the localizer they are of. */
interface Slots {
  readonly owner: object;
  readonly texts: (EntryTexts | undefined)[];
}

/** Looks up and renders the texts of errors; one per localizer. */
export function createTexts(options: TextOptions): TextsOf {
  const { locales, maxParamLength } = options;
  // The first localizer to answer an entry keeps its texts in the entry's definition cache (one
  // per entry, and per status an occurrence chose), read without hashing; another localizer of the
  // same catalog (rare) keeps its own beside it, collected with it.
  const owner = {};
  const others = new WeakMap<ErrorDefinition, Slots>();

  function slotsOf(def: ErrorDefinition): Slots {
    const cache = def.cache as { i18n?: Slots };
    let slots = cache.i18n;
    if (slots?.owner === owner) return slots;
    if (slots === undefined) {
      slots = { owner, texts: locales.map(() => undefined) };
      cache.i18n = slots;
      return slots;
    }
    slots = others.get(def);
    if (slots === undefined) {
      slots = { owner, texts: locales.map(() => undefined) };
      others.set(def, slots);
    }
    return slots;
  }

  function entryTexts(def: ErrorDefinition, slot: number): EntryTexts {
    const bySlot = slotsOf(def).texts;
    let texts = bySlot[slot];
    if (texts === undefined) {
      const locale = locales[slot] as string;
      const model = def.catalog;
      const source = sourceLocale(model);
      const title = localizedField(model, def.id, 'title', locale);
      const message = localizedField(model, def.id, 'message', locale);
      texts = {
        title: title?.text,
        titleLocale: title?.locale ?? source,
        description: localizedField(model, def.id, 'description', locale),
        // The source message is the error's own: only a translation is kept.
        message: message === undefined || message.locale === source ? undefined : { ...message },
        parts: {},
      };
      bySlot[slot] = texts;
    }
    return texts;
  }

  /** The texts of `error` in `locales[slot]`: what the caller may see, as `publicMessage` masks it. */
  return function textsOf(error: ErrataError, slot: number, problem: TranslationProblem): LocalizedTexts {
    const def = error.definition;
    const entry = def.entry;
    const t = entryTexts(def, slot);
    const { title, parts } = t;
    if (!entry.expose) {
      // A 5xx shows a generic sentence (in the caller's language where errata has it); below 500
      // the message is the title, translated with it.
      return error.status >= 500 || title === undefined
        ? genericTexts(error, t, locales[slot] as string)
        : { locale: t.titleLocale, title, message: title, parts };
    }
    // Sent in place of the message: the title (else the description) when the entry has no message
    // or the occurrence's parameters could not render it.
    if (entry.message === undefined || paramMistakes(error) !== undefined) {
      if (title !== undefined) return { locale: t.titleLocale, title, message: title, parts };
      const d = t.description;
      return entry.message === undefined && d !== undefined
        ? { locale: d.locale, title, message: d.text, parts }
        : sourceTexts(error, t);
    }
    const translated = t.message;
    if (translated === undefined) return sourceTexts(error, t);
    translated.compiled ??= compileTranslation(translated.text, translated.locale, maxParamLength);
    const compiled = translated.compiled;
    if ('render' in compiled) {
      try {
        return { locale: translated.locale, title, message: compiled.render(error.params), parts };
      } catch (e) {
        const why = describe(e);
        problem(
          `${translated.locale}:${def.id}:${why}`,
          `the ${translated.locale} message of ${def.id} could not be rendered (${why}); sent in the source language`,
        );
      }
    } else
      problem(
        `${translated.locale}:${def.id}`,
        `the ${translated.locale} message of ${def.id} ${compiled.error}; sent in the source language`,
      );
    return sourceTexts(error, t);
  };
}

/** A masked error's generic sentence in `locale` when errata has it in that language, else the source texts. */
function genericTexts(error: ErrataError, t: EntryTexts, locale: string): LocalizedTexts {
  const generic = genericMessagesIn(locale);
  if (generic === undefined) return sourceTexts(error, t);
  const title = t.title;
  const message = error.status >= 500 ? generic.messages.server : (title ?? generic.messages.client);
  // French for fr-CA is still what fr-CA readers read: the response names the language chosen.
  return { locale, title, message, parts: t.parts };
}

/** The source message (masked as every dialect masks it), beside the title found. */
function sourceTexts(error: ErrataError, t: EntryTexts): LocalizedTexts {
  return {
    locale: sourceLocale(error.definition.catalog),
    title: t.title,
    message: publicMessage(error),
    parts: t.parts,
  };
}
