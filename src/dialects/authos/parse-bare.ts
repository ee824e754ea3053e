import { flat } from '../_parsed-error.js';
import { own, ownStr } from '../_read.js';
import type { ParsedError, ParseInput } from '../types.js';

/**
 * The bare parser of `{error, error_code, timestamp}` (see `BareParser`):
 * `undefined` when the body is not one; may throw on a hostile value.
 */
export const parseAuthosBare = (body: unknown, input: ParseInput): ParsedError | undefined =>
  flat('authos', input, ownStr(body, 'error_code'), ownStr(body, 'error'), own(body, 'details'));
