import { envelope, flat } from '../_parsed-error.js';
import { has, own, ownStr } from '../_read.js';
import { isAzureError } from '../azure/parse-bare.js';
import type { ParsedError, ParseInput } from '../types.js';

/**
 * The bare parser of `{error: {code, message, requestId}}` (see
 * `BareParser`): `undefined` when the body is not one (an `error` with a
 * `type` is OpenAI's or Stripe's, a numeric `code` Google's, one with a
 * `details` list, `innererror` or `x-ms-error-code` Azure's); may throw on a
 * hostile value.
 */
export function parseBarekeyBare(body: unknown, input: ParseInput): ParsedError | undefined {
  const error = envelope(body);
  if (has(error, 'type') || isAzureError(error, input)) return undefined;
  return flat(
    'barekey',
    input,
    ownStr(error, 'code'),
    ownStr(error, 'message'),
    own(error, 'details'),
    ownStr(error, 'requestId'),
  );
}
