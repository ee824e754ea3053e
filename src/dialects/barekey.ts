import {
  baseHeaders,
  detailsWithViolations,
  flatParsed,
  isRecord,
  own,
  ownRecord,
  publicMessage,
  requestIdOf,
  safeParser,
  str,
} from './_common.js';
import type { Dialect, ParsedError, ParseInput } from './types.js';

const CONTENT_TYPE = 'application/json';

/**
 * The envelope of seed 000: `{error: {code, message, requestId}}` (its SDK
 * reads `error.code`). Details and field violations, which that page does not
 * show, go to `error.details` (violations as `details.errors`) when there are any.
 */
export const barekey: Dialect = {
  name: 'barekey',
  contentType: CONTENT_TYPE,
  serialize(error, context) {
    const def = error.definition;
    let head = def.cache.barekey as string | undefined;
    if (head === undefined) {
      head = `{"error":{"code":${JSON.stringify(def.entry.code)},"message":`;
      def.cache.barekey = head;
    }
    const requestId = requestIdOf(error, context);
    let body = head + JSON.stringify(publicMessage(error));
    if (requestId !== undefined) body += `,"requestId":${JSON.stringify(requestId)}`;
    const details = detailsWithViolations(error);
    if (details !== undefined) body += `,"details":${JSON.stringify(details)}`;
    return { status: error.status, headers: baseHeaders(error, CONTENT_TYPE, requestId), body: `${body}}}` };
  },
  parse: (body, input) => parseBarekey(body, input),
};

/**
 * Reads an `{error: {code, message, requestId}}` body; `undefined` when the body
 * is not one (an `error` with a `type` is OpenAI's or Stripe's, a numeric `code` Google's).
 */
export const parseBarekey = safeParser((body: unknown, input: ParseInput): ParsedError | undefined => {
  if (!isRecord(body)) return undefined;
  const error = ownRecord(body, 'error');
  if (error === undefined || Object.hasOwn(error, 'type')) return undefined;
  const code = str(own(error, 'code'));
  const message = str(own(error, 'message'));
  if (code === undefined || message === undefined) return undefined;
  return flatParsed('barekey', input, code, message, own(error, 'details'), str(own(error, 'requestId')));
});
