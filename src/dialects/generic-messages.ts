// The sentences a masked error is answered with (expose.ts), in the languages errata's own words
// come in: a localizing responder (errata/i18n) sends them in the caller's language, and the
// checker accepts them. Not imported by the dialects themselves, so the core stays English-only.
import { fallbackChain } from '../catalog/locales.js';

export interface GenericMessages {
  /** In place of a 5xx's message. */
  readonly server: string;
  /** In place of a masked message below 500 when the entry has no title. */
  readonly client: string;
}

/** By language; `en` is what expose.ts sends. */
export const GENERIC_MESSAGES: { readonly [locale: string]: GenericMessages } = {
  en: { server: 'An internal error occurred.', client: 'The request could not be completed.' },
  fr: { server: 'Une erreur interne s’est produite.', client: 'La requête n’a pas pu aboutir.' },
  de: {
    server: 'Ein interner Fehler ist aufgetreten.',
    client: 'Die Anfrage konnte nicht ausgeführt werden.',
  },
  es: { server: 'Se produjo un error interno.', client: 'No se pudo completar la solicitud.' },
  ja: { server: '内部エラーが発生しました。', client: 'リクエストを完了できませんでした。' },
};

/** The generic sentences in `locale` (`fr-CA` reads `fr`) and the language found; `undefined`: none. */
export function genericMessagesIn(locale: string): { messages: GenericMessages; locale: string } | undefined {
  for (const tag of fallbackChain(locale)) {
    const key = tag.toLowerCase();
    if (Object.hasOwn(GENERIC_MESSAGES, key))
      return { messages: GENERIC_MESSAGES[key] as GenericMessages, locale: tag };
  }
  return undefined;
}
