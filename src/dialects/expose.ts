// What of an error its caller may see, by the entry's `expose` (default: below
// 500): the built-in dialects and custom ones mask alike through these.
import type { ErrataError } from '../error.js';

/** Text sent in place of a message that must not reach the caller. */
export const GENERIC_SERVER_MESSAGE = 'An internal error occurred.';

/**
 * The message the caller may see: the rendered message, or for a 5xx or an
 * `expose: false` entry a generic text (the entry's title below 500). Custom
 * dialects use it so that they mask like the built-in ones.
 */
export function publicMessage(error: ErrataError): string {
  if (error.definition.entry.expose) return error.message;
  const e = error.definition.entry;
  return error.status >= 500 ? GENERIC_SERVER_MESSAGE : (e.title ?? GENERIC_CLIENT_MESSAGE);
}
const GENERIC_CLIENT_MESSAGE = 'The request could not be completed.';

/** The details the caller may see: `undefined` for a 5xx or an `expose: false` entry. */
export function publicDetails(error: ErrataError): unknown {
  return error.definition.entry.expose ? error.details : undefined;
}
