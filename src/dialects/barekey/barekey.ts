import { completed, safeParser } from '../_bare.js';
import { baseHeaders, detailsWithViolations, requestIdOf } from '../_serialize.js';
import { publicMessage } from '../expose.js';
import type { Dialect } from '../types.js';
import { parseBarekeyBare } from './parse-bare.js';

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
    let body = head + JSON.stringify(publicMessage(error, context));
    if (requestId !== undefined) body += `,"requestId":${JSON.stringify(requestId)}`;
    const details = detailsWithViolations(error);
    if (details !== undefined) body += `,"details":${JSON.stringify(details)}`;
    return { status: error.status, headers: baseHeaders(error, CONTENT_TYPE, requestId), body: `${body}}}` };
  },
  parse: (body, input) => parseBarekey(body, input),
};

/** Reads an `{error: {code, message, requestId}}` body; `undefined` when the body is not one. Never throws. */
export const parseBarekey = safeParser(completed(parseBarekeyBare));
