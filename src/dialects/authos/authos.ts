import { completed, safeParser } from '../_bare.js';
import { baseHeaders, detailsWithViolations, requestIdOf } from '../_serialize.js';
import { publicMessage } from '../expose.js';
import type { Dialect } from '../types.js';
import { parseAuthosBare } from './parse-bare.js';

const CONTENT_TYPE = 'application/json';

/**
 * The envelope of seed 004: `{error: <message>, error_code: <code>, timestamp}`,
 * the timestamp in ISO 8601 to the second (`2025-01-15T10:30:00Z`) from the
 * serialize context's clock. Details and field violations, which that page
 * does not show, are added as `details` only when there are any.
 */
export const authos: Dialect = {
  name: 'authos',
  contentType: CONTENT_TYPE,
  serialize(error, context) {
    const def = error.definition;
    let mid = def.cache.authos as string | undefined;
    if (mid === undefined) {
      mid = `,"error_code":${JSON.stringify(def.entry.code)},"timestamp":"`;
      def.cache.authos = mid;
    }
    const now = context?.now?.() ?? new Date();
    let body = `{"error":${JSON.stringify(publicMessage(error, context))}${mid}${isoSeconds(now)}"`;
    const details = detailsWithViolations(error);
    if (details !== undefined) body += `,"details":${JSON.stringify(details)}`;
    return {
      status: error.status,
      headers: baseHeaders(error, CONTENT_TYPE, requestIdOf(error, context)),
      body: `${body}}`,
    };
  },
  parse: (body, input) => parseAuthos(body, input),
};

let lastSecond = Number.NaN;
let lastText = '';

/**
 * ISO 8601 in UTC to the second; an invalid date reads as the epoch rather
 * than throwing. Errors of the same second share one formatted string.
 */
function isoSeconds(date: Date): string {
  const t = date.getTime();
  const second = Number.isFinite(t) ? Math.floor(t / 1000) : 0;
  if (second !== lastSecond) {
    lastText = new Date(second * 1000).toISOString().replace(/\.\d{3}Z$/, 'Z');
    lastSecond = second;
  }
  return lastText;
}

/** Reads an `{error, error_code, timestamp}` body; `undefined` when the body is not one. Never throws. */
export const parseAuthos = safeParser(completed(parseAuthosBare));
