import { isFieldValue } from '../../utils/http-field.js';
import { completed, safeParser } from '../_bare.js';
import { baseHeaders, detailsWithViolations, requestIdOf } from '../_serialize.js';
import { publicMessage } from '../expose.js';
import type { Dialect } from '../types.js';
import { isCodeEnvelopeVersion, parseSupabaseBare } from './parse-bare.js';

const CONTENT_TYPE = 'application/json';
/** The API version whose envelope is `{code, message}`; what `@supabase/auth-js` asks for. */
const CODE_VERSION = '2024-01-01';

/**
 * Supabase Auth's (GoTrue's) errors, in the envelope the request asks for: a
 * request naming API version 2024-01-01 or later in `X-Supabase-Api-Version`
 * (as `@supabase/auth-js` always does) gets `{code: "<code>", message}` and
 * the response header `X-Supabase-Api-Version: 2024-01-01`, which is what
 * tells auth-js to read `code`; any other request (or no request: `toWire`,
 * `errata render`) gets the older `{code: <status>, error_code, msg,
 * error_id}`, `error_id` the request id. Both send the code as
 * `x-sb-error-code`; details and field violations (which GoTrue's bodies do
 * not define) go in `details`, violations as `details.errors`.
 */
export const supabase: Dialect = {
  name: 'supabase',
  contentType: CONTENT_TYPE,
  serialize(error, context) {
    const code = error.definition.entry.code;
    const message = JSON.stringify(publicMessage(error, context));
    const requestId = requestIdOf(error, context);
    const headers = baseHeaders(error, CONTENT_TYPE, requestId);
    if (isFieldValue(code)) headers['x-sb-error-code'] = code;
    let body: string;
    if (isCodeEnvelopeVersion(context?.requestHeaders?.get('x-supabase-api-version'))) {
      headers['x-supabase-api-version'] = CODE_VERSION;
      body = `{"code":${JSON.stringify(code)},"message":${message}`;
    } else {
      body = `{"code":${error.status},"error_code":${JSON.stringify(code)},"msg":${message}`;
      if (requestId !== undefined) body += `,"error_id":${JSON.stringify(requestId)}`;
    }
    const details = detailsWithViolations(error);
    if (details !== undefined) body += `,"details":${JSON.stringify(details)}`;
    return { status: error.status, headers, body: `${body}}` };
  },
  parse: (body, input) => parseSupabase(body, input),
};

/** Reads a Supabase Auth error body (any of its three shapes) with its headers; `undefined` when the body is not one. Never throws. */
export const parseSupabase = safeParser(completed(parseSupabaseBare));
