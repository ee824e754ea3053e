import type { Violation } from '../../error.js';
import { pathPointer } from '../../utils/json-pointer.js';
import { isRecord } from '../../utils/record.js';
import { envelope, result, violation } from '../_parsed-error.js';
import { has, header, own, ownStr, type Rec, rest } from '../_read.js';
import type { ParsedError, ParseInput } from '../types.js';

/** An item of `error.details`: an error object of its own, `{code, message, target?}`. */
const isItem = (item: unknown): boolean =>
  ownStr(item, 'code') !== undefined && ownStr(item, 'message') !== undefined;

/** The guidelines' `innererror`; Microsoft Graph spells it `innerError`. */
const innerError = (error: Rec | undefined): unknown => own(error, 'innererror') ?? own(error, 'innerError');

/**
 * Whether an `{error: {code, message, …}}` object is a Microsoft REST API
 * guidelines error rather than barekey's: a string `code` and `message`, no
 * `type` (OpenAI, Stripe) and no `requestId` (barekey), and a member only the
 * guidelines define (`details` as a list of error objects, `innererror`,
 * `target`) or an `x-ms-error-code` or `x-ms-request-id` header (Azure
 * Resource Manager sends `{error: {code, message}}` with the latter alone). Both bare parsers use it, so at
 * most one of them accepts a body.
 */
export function isAzureError(error: Rec | undefined, input: ParseInput): boolean {
  if (ownStr(error, 'code') === undefined || ownStr(error, 'message') === undefined) return false;
  if (has(error, 'type') || has(error, 'requestId')) return false;
  const details = own(error, 'details');
  return (
    (Array.isArray(details) && details.every(isItem)) ||
    isRecord(innerError(error)) ||
    ownStr(error, 'target') !== undefined ||
    header(input, 'x-ms-error-code') !== undefined ||
    header(input, 'x-ms-request-id') !== undefined
  );
}

/**
 * The bare parser of the Microsoft REST API guidelines' `{error: {code,
 * message, target, details[], innererror}}` with its headers (see
 * `BareParser`): `undefined` when the body is not one; may throw on a hostile
 * value. `details[]` items with a `target` are field violations (their `code`
 * kept when it is not the error's own), `innererror` the details, the request
 * id `x-ms-request-id` (Graph's `request-id`), an exact delay `x-ms-retry-after-ms`.
 */
export function parseAzureBare(body: unknown, input: ParseInput): ParsedError | undefined {
  const error = envelope(body);
  if (!isAzureError(error, input)) return undefined;
  const code = ownStr(error, 'code');
  const violations: Violation[] = [];
  const items = own(error, 'details');
  if (Array.isArray(items))
    for (const item of items) {
      const target = ownStr(item, 'target');
      const reason = ownStr(item, 'code');
      const v = violation(
        target && pathPointer(target),
        ownStr(item, 'message') ?? '',
        reason === code ? undefined : reason,
      );
      if (v) violations.push(v);
    }
  const inner = innerError(error);
  const ms = header(input, 'x-ms-retry-after-ms')?.trim();
  return result(
    'azure',
    input.status,
    code,
    ownStr(error, 'message'),
    isRecord(inner) ? rest(inner, [], 'value') : undefined,
    // Microsoft Graph names it `request-id`, in its headers and in `innerError`.
    header(input, 'x-ms-request-id') ?? header(input, 'request-id') ?? ownStr(inner, 'request-id'),
    violations,
    undefined,
    undefined,
    undefined,
    ms !== undefined && /^\d+$/.test(ms) ? +ms : undefined,
  );
}
