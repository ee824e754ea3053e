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
}

/** What went wrong with a translation: reported once per key, the source text sent instead. */
export type TranslationProblem = (key: string, message: string) => void;

export interface TextOptions {
  readonly maxParamLength: number;
}

/** The texts of an error in a language; what went wrong with a translation goes to `problem`. */
export type TextsOf = (error: ErrataError, locale: string, problem: TranslationProblem) => LocalizedTexts;

/** Looks up and renders the texts of errors; one per localizer. */
export function createTexts(options: TextOptions): TextsOf {
  // By error definition (one per entry, and per status an occurrence chose), then by language.
  const byDefinition = new WeakMap<ErrorDefinition, Map<string, EntryTexts>>();

  function entryTexts(def: ErrorDefinition, locale: string): EntryTexts {
    let byLocale = byDefinition.get(def);
    if (byLocale === undefined) {
      byLocale = new Map();
      byDefinition.set(def, byLocale);
    }
    let texts = byLocale.get(locale);
    if (texts === undefined) {
      const model = def.catalog;
      const id = def.id;
      const source = sourceLocale(model);
      const title = localizedField(model, id, 'title', locale);
      const message = localizedField(model, id, 'message', locale);
      texts = {
        title: title?.text,
        titleLocale: title?.locale ?? source,
        description: localizedField(model, id, 'description', locale),
        // The source message was rendered when the error was made: only a translation is kept.
        message: message === undefined || message.locale === source ? undefined : { ...message },
      };
      // The languages asked for are the localizer's: at most the catalog's, per definition.
      byLocale.set(locale, texts);
    }
    return texts;
  }

  /** The texts of `error` in `locale`: what the caller may see, as `publicMessage` masks it. */
  return function textsOf(error: ErrataError, locale: string, problem: TranslationProblem): LocalizedTexts {
    const def = error.definition;
    const entry = def.entry;
    const t = entryTexts(def, locale);
    const title = t.title;
    if (!entry.expose) {
      // A 5xx shows a generic sentence (in the caller's language where errata has it); below 500
      // the message is the title, translated with it.
      return error.status >= 500 || title === undefined
        ? genericTexts(error, title, locale)
        : { locale: t.titleLocale, title, message: title };
    }
    // Sent in place of the message: the title (else the description) when the entry has no message
    // or the occurrence's parameters could not render it.
    if (entry.message === undefined || paramMistakes(error) !== undefined) {
      if (title !== undefined) return { locale: t.titleLocale, title, message: title };
      const d = t.description;
      return entry.message === undefined && d !== undefined
        ? { locale: d.locale, title, message: d.text }
        : sourceTexts(error, title);
    }
    const translated = t.message;
    if (translated === undefined) return sourceTexts(error, title);
    translated.compiled ??= compileTranslation(translated.text, translated.locale, options.maxParamLength);
    const compiled = translated.compiled;
    if ('render' in compiled) {
      try {
        return { locale: translated.locale, title, message: compiled.render(error.params) };
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
    return sourceTexts(error, title);
  };
}

/** A masked error's generic sentence in `locale` when errata has it in that language, else the source texts. */
function genericTexts(error: ErrataError, title: string | undefined, locale: string): LocalizedTexts {
  const generic = genericMessagesIn(locale);
  if (generic === undefined) return sourceTexts(error, title);
  const message = error.status >= 500 ? generic.messages.server : (title ?? generic.messages.client);
  // French for fr-CA is still what fr-CA readers read: the response names the language chosen.
  return { locale, title, message };
}

/** The source message (masked as every dialect masks it), beside the title found. */
function sourceTexts(error: ErrataError, title: string | undefined): LocalizedTexts {
  return { locale: sourceLocale(error.definition.catalog), title, message: publicMessage(error) };
}
