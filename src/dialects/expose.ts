// What of an error its caller may see, by the entry's `expose` (default: below
// 500), and in which language: the built-in dialects and custom ones mask and
// localize alike through these.
import type { ErrataError } from '../error.js';
import type { SerializeContext } from './types.js';

/** Text sent in place of a message that must not reach the caller. */
export const GENERIC_SERVER_MESSAGE = 'An internal error occurred.';

/**
 * The message the caller may see: the rendered message, or for a 5xx or an
 * `expose: false` entry a generic text (the entry's title below 500). Given the
 * serialize context of a localizing responder, the same in the caller's language
 * (`context.localized`). Custom dialects use it so that they mask and localize like
 * the built-in ones.
 */
export function publicMessage(error: ErrataError, context?: SerializeContext): string {
  const localized = context?.localized;
  if (localized !== undefined) return localized.texts(error).message;
  if (error.definition.entry.expose) return error.message;
  const e = error.definition.entry;
  return error.status >= 500 ? GENERIC_SERVER_MESSAGE : (e.title ?? GENERIC_CLIENT_MESSAGE);
}
const GENERIC_CLIENT_MESSAGE = 'The request could not be completed.';

/**
 * The entry's title (always public), in the caller's language when the serialize
 * context is a localizing responder's; `undefined` when the entry has none.
 */
export function publicTitle(error: ErrataError, context?: SerializeContext): string | undefined {
  const localized = context?.localized;
  return localized === undefined ? error.definition.entry.title : localized.texts(error).title;
}

/** Where a dialect keeps its serialized parts of `error`'s entry in the caller's language, if the localizer gives one. */
export function localizedParts(
  error: ErrataError,
  context?: SerializeContext,
): Record<string, unknown> | undefined {
  return context?.localized?.texts(error).parts;
}

/** The details the caller may see: `undefined` for a 5xx or an `expose: false` entry. */
export function publicDetails(error: ErrataError): unknown {
  return error.definition.entry.expose ? error.details : undefined;
}
