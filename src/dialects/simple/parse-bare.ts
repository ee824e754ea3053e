import { flat } from '../_parsed-error.js';
import { own, ownStr } from '../_read.js';
import { isConnectError } from '../connect/parse-bare.js';
import type { ParsedError, ParseInput } from '../types.js';

/**
 * The bare parser of a flat `{code, message, details}` (see `BareParser`):
 * `undefined` when the body is not one (a Connect error, whose `details` are
 * Connect's `{type, value}` items, is Connect's); may throw on a hostile value.
 */
export const parseSimpleBare = (body: unknown, input: ParseInput): ParsedError | undefined =>
  isConnectError(body)
    ? undefined
    : flat('simple', input, ownStr(body, 'code'), ownStr(body, 'message'), own(body, 'details'));
