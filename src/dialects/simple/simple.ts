import { completed, safeParser } from '../_bare.js';
import { baseHeaders, detailsWithViolations, requestIdOf } from '../_serialize.js';
import { publicMessage } from '../expose.js';
import type { Dialect } from '../types.js';
import { parseSimpleBare } from './parse-bare.js';

const CONTENT_TYPE = 'application/json';

/**
 * The flat envelope of seed 003: `{code, message, details}`, with `details`
 * `null` when there is nothing to say. Field violations go to
 * `details.errors` (`[{pointer, message, code?}]`), where that page puts
 * field-level validation errors.
 */
export const simple: Dialect = {
  name: 'simple',
  contentType: CONTENT_TYPE,
  serialize(error, context) {
    const def = error.definition;
    let head = def.cache.simple as string | undefined;
    if (head === undefined) {
      head = `{"code":${JSON.stringify(def.entry.code)},"message":`;
      def.cache.simple = head;
    }
    const details = detailsWithViolations(error);
    const body = `${head}${JSON.stringify(publicMessage(error, context))},"details":${
      details === undefined ? 'null' : JSON.stringify(details)
    }}`;
    return {
      status: error.status,
      headers: baseHeaders(error, CONTENT_TYPE, requestIdOf(error, context)),
      body,
    };
  },
  parse: (body, input) => parseSimple(body, input),
};

/** Reads a `{code, message, details}` body; `undefined` when the body is not one. Never throws. */
export const parseSimple = safeParser(completed(parseSimpleBare));
