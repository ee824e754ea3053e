// `localize(catalog)`: the responder's `localize` option. Per request it picks one of the
// catalog's languages and hands the dialect each error's texts in it.
import type { Catalog } from '../catalog/define.js';
import { catalogLocales, sourceLocale } from '../catalog/locales.js';
import type { CatalogModel } from '../catalog/model.js';
import type { HeaderReader, LocalizedTexts } from '../dialects/types.js';
import type { ErrataError } from '../error.js';
import type { LocalizedResponse, Localizer, RequestContext } from '../server/options.js';
import { createLanguageLookup, lookupTag } from './negotiate.js';
import { describe } from './render.js';
import { createTexts, type TextsOf, type TranslationProblem } from './texts.js';

export interface LocalizeOptions {
  /**
   * The caller's language from the request (a signed-in user's setting, a `?lang=` parameter):
   * a BCP 47 tag, looked up among the catalog's languages as `Accept-Language` ranges are
   * (`fr-CA` falls back to `fr`). `undefined`, a tag the catalog has no language for, or a
   * throw (reported once through `onError`) leave the choice to `Accept-Language`.
   */
  readonly locale?: (context: RequestContext) => string | undefined;
  /** Longest rendering of one message parameter, as the catalog's own. @default 256 */
  readonly maxParamLength?: number;
}

/** What `localize` returns: the responder's `localize` option, with the languages it answers in. */
export interface CatalogLocalizer extends Localizer {
  /** The catalog's languages: its source language first, then each it has translations for. */
  readonly locales: readonly string[];
  /** The language a request would be answered in (the source language when nothing fits). */
  pick(context?: RequestContext, headers?: HeaderReader): string;
  /**
   * Texts in a language chosen beforehand (a signed-in user's setting, a job's recipient), looked
   * up among the catalog's as a request's would be (`fr-CA` falls back to `fr`, an unknown tag
   * to the source language): pass it as a dialect's `SerializeContext.localized`, one per answer.
   * A translation that cannot be used goes to `problem`, once per key; the source text is sent.
   */
  forLocale(locale: string, problem?: (key: string, message: string) => void): LocalizedResponse;
}

/**
 * Answers errors in the caller's language: pass the result as the responder's `localize`
 * option (`errata({ catalog, localize: localize(catalog) })`). The language is the catalog's
 * that the `locale` function names, else the best `Accept-Language` asks for, else the
 * source language; each field falls back on its own (`fr-CA`, then `fr`, then the source).
 */
export function localize(catalog: Catalog | CatalogModel, options: LocalizeOptions = {}): CatalogLocalizer {
  const model =
    'model' in catalog && typeof catalog.error === 'function' ? catalog.model : (catalog as CatalogModel);
  const source = sourceLocale(model);
  const locales = catalogLocales(model);
  const fromHeader = createLanguageLookup(locales);
  const chooser = options.locale;
  const textsOf = createTexts({ locales, maxParamLength: options.maxParamLength ?? 256 });
  // A language's slot: its index among the catalog's (the source's is 0).
  const slotOf = (locale: string): number => Math.max(0, locales.indexOf(locale));

  // The catalog language of each tag `forLocale` was given (a handful in practice; bounded).
  const tags = new Map<string, number>();
  function chosen(tag: string): number {
    let found = tags.get(tag);
    if (found === undefined) {
      found = slotOf((typeof tag === 'string' ? lookupTag(tag, locales) : undefined) ?? source);
      if (tags.size >= 256) tags.clear();
      tags.set(tag, found);
    }
    return found;
  }

  function pick(
    context: RequestContext | undefined,
    headers: HeaderReader | undefined,
    problem?: (key: string, message: string) => void,
  ): string {
    if (chooser !== undefined) {
      try {
        const tag = chooser(context ?? {});
        const found = typeof tag === 'string' ? lookupTag(tag, locales) : undefined;
        if (found !== undefined) return found;
      } catch (e) {
        problem?.('locale', `the locale function threw (${describe(e)}); Accept-Language decides`);
      }
    }
    let header: string | null | undefined;
    try {
      header = headers?.get('accept-language');
    } catch {
      header = undefined;
    }
    return fromHeader(header) ?? source;
  }

  return {
    source,
    locales,
    pick: (context, headers) => pick(context, headers),
    forLocale: (locale, problem = ignore) => {
      const slot = chosen(locale);
      return new ResponseTexts(locales[slot] as string, slot, textsOf, problem);
    },
    forRequest: (context, headers, problem) => {
      const locale = pick(context, headers, problem);
      return new ResponseTexts(locale, slotOf(locale), textsOf, problem);
    },
  };
}

const ignore = (): void => {};

/** One response's language and the texts its dialect asked for. */
class ResponseTexts implements LocalizedResponse {
  // The last error asked for (a dialect asks for its title, then its message) and the first (the
  // error answered, whose language the response names).
  declare readonly locale: string;
  declare private readonly slot: number;
  declare private readonly textsOf: TextsOf;
  declare private readonly problem: TranslationProblem;
  declare private last: ErrataError | undefined;
  declare private lastTexts: LocalizedTexts | undefined;
  declare private first: ErrataError | undefined;
  declare private firstTexts: LocalizedTexts | undefined;

  // Fields declared, not defined: one object per response, its fields set here once.
  constructor(locale: string, slot: number, textsOf: TextsOf, problem: TranslationProblem) {
    this.locale = locale;
    this.slot = slot;
    this.textsOf = textsOf;
    this.problem = problem;
    this.last = undefined;
    this.lastTexts = undefined;
    this.first = undefined;
    this.firstTexts = undefined;
  }

  texts(error: ErrataError): LocalizedTexts {
    if (error === this.last && this.lastTexts !== undefined) return this.lastTexts;
    const texts = this.textsOf(error, this.slot, this.problem);
    this.last = error;
    this.lastTexts = texts;
    if (this.first === undefined) {
      this.first = error;
      this.firstTexts = texts;
    }
    return texts;
  }

  language(error: ErrataError): string {
    return error === this.first && this.firstTexts !== undefined
      ? this.firstTexts.locale
      : sourceLocale(error.definition.catalog);
  }
}
