import { completed, safeParser } from '../_bare.js';
import { baseHeaders, detailsWithViolations, fieldPath, requestIdOf } from '../_serialize.js';
import { publicMessage } from '../expose.js';
import type { Dialect } from '../types.js';
import { parseOpenAIBare } from './parse-bare.js';

const CONTENT_TYPE = 'application/json';

/** The `type` of an OpenAI-style error, from the HTTP status. */
export function openaiType(status: number): string {
  switch (status) {
    case 401:
      return 'authentication_error';
    case 403:
      return 'permission_error';
    case 404:
      return 'not_found_error';
    case 409:
      return 'conflict_error';
    case 422:
      return 'unprocessable_entity_error';
    case 429:
      return 'rate_limit_error';
    default:
      return status >= 500 ? 'server_error' : 'invalid_request_error';
  }
}

interface OpenAICache {
  /** `,"type":<type>,"param":` */
  readonly type: string;
  /** `,"code":<code>` */
  readonly code: string;
}

/**
 * OpenAI's (and every Stainless-generated SDK's) envelope: `{error: {message,
 * type, param, code}}`, all four always present. `type` comes from the status
 * (`invalid_request_error`, `not_found_error`, `rate_limit_error`,
 * `server_error`…), `param` is the first violation's field (a dot path) or
 * `null`; details and all violations travel in `error.details`. Headers:
 * `x-should-retry` (the catalog's retry policy, which the SDK obeys over its
 * status defaults; none when the entry does not say), `retry-after-ms` and `retry-after` when a delay is known,
 * `x-request-id`.
 */
export const openai: Dialect = {
  name: 'openai',
  contentType: CONTENT_TYPE,
  serialize(error, context) {
    const def = error.definition;
    let c = def.cache.openai as OpenAICache | undefined;
    if (c === undefined) {
      c = {
        type: `,"type":${JSON.stringify(openaiType(def.entry.status))},"param":`,
        code: `,"code":${JSON.stringify(def.entry.code)}`,
      };
      def.cache.openai = c;
    }
    const first = error.violations?.[0];
    let body = `{"error":{"message":${JSON.stringify(publicMessage(error, context))}${c.type}${
      first === undefined ? 'null' : JSON.stringify(fieldPath(first.pointer, 'dot'))
    }${c.code}`;
    const details = detailsWithViolations(error);
    if (details !== undefined) body += `,"details":${JSON.stringify(details)}`;
    const headers = baseHeaders(error, CONTENT_TYPE, requestIdOf(error, context));
    const delay = error.retryDelayMs;
    if (delay !== undefined) headers['retry-after-ms'] = String(Math.ceil(delay));
    return { status: error.status, headers, body: `${body}}}` };
  },
  parse: (body, input) => parseOpenAI(body, input),
};

/** Reads an OpenAI-style `{error: {message, type, param, code}}` body with its retry headers; `undefined` when the body is not one. Never throws. */
export const parseOpenAI = safeParser(completed(parseOpenAIBare));
