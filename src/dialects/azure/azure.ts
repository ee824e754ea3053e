import { isFieldValue } from '../../utils/http-field.js';
import { isRecord } from '../../utils/record.js';
import { completed, safeParser } from '../_bare.js';
import { baseHeaders, fieldPath, requestIdOf } from '../_serialize.js';
import { publicDetails, publicMessage } from '../expose.js';
import type { Dialect } from '../types.js';
import { parseAzureBare } from './parse-bare.js';

const CONTENT_TYPE = 'application/json';

/**
 * The Microsoft REST API guidelines' error (Azure's services, `@azure/core-client`'s
 * `RestError`): `{error: {code, message, details, innererror}}`. `code` is the
 * wire code, also sent as `x-ms-error-code`; `details` is always a list, one
 * `{code, message, target}` per field violation (`target` a dot path, `code`
 * its reason, else the error's); `innererror` the details. Headers: the
 * request id as `x-ms-request-id`, the request's `x-ms-client-request-id`
 * echoed, and with a delay `x-ms-retry-after-ms` (exact) beside `Retry-After`.
 */
export const azure: Dialect = {
  name: 'azure',
  contentType: CONTENT_TYPE,
  serialize(error, context) {
    const def = error.definition;
    let head = def.cache.azure as string | undefined;
    const code = def.entry.code;
    if (head === undefined) {
      head = `{"error":{"code":${JSON.stringify(code)},"message":`;
      def.cache.azure = head;
    }
    let body = `${head + JSON.stringify(publicMessage(error, context))},"details":[`;
    for (const [i, v] of (error.violations ?? []).entries())
      body += `${i > 0 ? ',' : ''}${JSON.stringify({ code: v.code ?? code, message: v.message, target: fieldPath(v.pointer, 'dot') })}`;
    body += ']';
    const details = publicDetails(error);
    if (details !== undefined && details !== null)
      body += `,"innererror":${JSON.stringify(isRecord(details) ? details : { value: details })}`;
    const requestId = requestIdOf(error, context);
    const headers = baseHeaders(error, CONTENT_TYPE, undefined);
    if (isFieldValue(code)) headers['x-ms-error-code'] = code;
    if (requestId !== undefined && isFieldValue(requestId)) headers['x-ms-request-id'] = requestId;
    const delay = error.retryDelayMs;
    if (delay !== undefined) headers['x-ms-retry-after-ms'] = String(Math.ceil(delay));
    const client = context?.requestHeaders?.get('x-ms-client-request-id');
    if (typeof client === 'string' && client.length <= 256 && isFieldValue(client))
      headers['x-ms-client-request-id'] = client;
    return { status: error.status, headers, body: `${body}}}` };
  },
  parse: (body, input) => parseAzure(body, input),
};

/** Reads a Microsoft REST API guidelines `{error: {code, message, target, details, innererror}}` body with its headers; `undefined` when the body is not one. Never throws. */
export const parseAzure = safeParser(completed(parseAzureBare));
