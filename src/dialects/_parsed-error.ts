// Building the one ParsedError shape every bare parser answers (absent members
// are `undefined`, so every parse shares one hidden class), and the readers of
// the envelopes more than one dialect uses.

import type { Violation } from '../error.js';
import { pathPointer } from '../utils/json-pointer.js';
import { boolHeader, own, ownRec, ownStr, type Rec, rest } from './_read.js';
import type { ParsedError, ParseInput } from './types.js';

/** A violation, with `code` only when there is one; `undefined` without a pointer. */
export const violation = (
  pointer: string | undefined,
  message: string,
  code?: string,
): Violation | undefined =>
  pointer === undefined ? undefined : code === undefined ? { pointer, message } : { pointer, message, code };

/** The violations `read` finds in the items of an array (none when it is not one). */
export function collect(items: unknown, read: (item: unknown) => Violation | undefined): Violation[] {
  const out: Violation[] = [];
  if (Array.isArray(items))
    for (const item of items) {
      const v = read(item);
      if (v) out.push(v);
    }
  return out;
}

/** An item of `details.errors`: `{pointer, message, code?}` (module-level: no closure per parse). */
const detailsViolation = (item: unknown): Violation | undefined => {
  const message = ownStr(item, 'message');
  return message === undefined
    ? undefined
    : violation(ownStr(item, 'pointer'), message, ownStr(item, 'code'));
};

/**
 * Splits a details value that may carry `errors` (`[{pointer, message,
 * code?}]`, the form of envelopes without a field-error member) into
 * details and violations.
 */
function splitDetails(value: unknown): [details: unknown, violations: Violation[] | undefined] {
  if (value === null) return [undefined, undefined];
  const out = collect(own(value, 'errors'), detailsViolation);
  return out.length === 0 ? [value, undefined] : [rest(value as Rec, ['errors'], 'value'), out];
}

/** A parsed error of the one shape every parser answers. */
export const result = (
  dialect: string,
  status: number,
  code: string | undefined,
  message: string | undefined,
  details: unknown,
  requestId: string | undefined,
  violations: Violation[] | undefined,
  title?: string,
  type?: string,
  retryable?: boolean,
  retryAfterMs?: number,
  retryBaseMs?: number,
  retryMaxMs?: number,
  maxAttempts?: number,
): ParsedError => ({
  dialect,
  status,
  code,
  message,
  title,
  type,
  details,
  requestId,
  violations: violations?.length ? violations : undefined,
  retryable,
  retryAfterMs,
  retryBaseMs,
  retryMaxMs,
  maxAttempts,
});

/** A flat envelope (`simple`, `authos`, `barekey`): details split from the violations they carry. */
export function flat(
  dialect: string,
  input: ParseInput,
  code: string | undefined,
  message: string | undefined,
  detailsValue: unknown,
  requestId?: string,
): ParsedError | undefined {
  if (code === undefined || message === undefined) return undefined;
  const [details, violations] = splitDetails(detailsValue);
  return result(dialect, input.status, code, message, details, requestId, violations);
}

/** The `error` of the `{error: {…}}` envelopes (Google, Stripe, OpenAI, barekey): their parsers tell them apart. */
export const envelope = (body: unknown): Rec | undefined => ownRec(body, 'error');

/** The `errors` array of a body (Clerk, JSON:API), when its first item passes `test`. */
export function errorsOf(body: unknown, test: (item: unknown) => item is Rec): unknown[] | undefined {
  const errors = own(body, 'errors');
  return Array.isArray(errors) && test(errors[0]) ? errors : undefined;
}

/**
 * The `{error: {type, …}}` of OpenAI and Stripe: details split from the
 * violations they carry, else the one `param` names; `retry` names the
 * should-retry header of the dialect.
 */
export function typed(
  dialect: string,
  input: ParseInput,
  error: Rec | undefined,
  code: string | undefined,
  message: string | undefined,
  requestId: string | undefined,
  retry: string,
  type?: string,
  title?: string,
): ParsedError {
  const [details, violations] = splitDetails(own(error, 'details'));
  const param = ownStr(error, 'param');
  return result(
    dialect,
    input.status,
    code,
    message,
    details,
    requestId,
    violations ??
      (param === undefined ? undefined : [{ pointer: pathPointer(param), message: message ?? '' }]),
    title,
    type,
    boolHeader(input, retry),
  );
}
