import type { Violation } from '../../error.js';
import { pathPointer } from '../../utils/json-pointer.js';
import { collect, result, violation } from '../_parsed-error.js';
import { has, own, ownRec, ownStr, str } from '../_read.js';
import type { ParsedError, ParseInput } from '../types.js';

/** The HTTP status the Connect protocol pairs with each of its error codes. */
const CONNECT_STATUS: Readonly<Record<string, number>> = {
  canceled: 499,
  unknown: 500,
  invalid_argument: 400,
  deadline_exceeded: 504,
  not_found: 404,
  already_exists: 409,
  permission_denied: 403,
  resource_exhausted: 429,
  failed_precondition: 400,
  aborted: 409,
  out_of_range: 400,
  unimplemented: 501,
  internal: 500,
  unavailable: 503,
  data_loss: 500,
  unauthenticated: 401,
};

/** An item of a Connect error's `details`: `{type, value}` strings (`debug` optional). */
const isDetail = (item: unknown): boolean =>
  ownStr(item, 'type') !== undefined && ownStr(item, 'value') !== undefined;

/**
 * Whether a body is a Connect error: a Connect code, a string `message` if
 * any, and `details`, if any, an array of Connect's `{type, value}` items.
 * The `simple` parser calls it to leave these to Connect: a `simple` body
 * always has `details` (`null` when there are none).
 */
export function isConnectError(body: unknown): boolean {
  const code = ownStr(body, 'code');
  if (code === undefined || !Object.hasOwn(CONNECT_STATUS, code)) return false;
  const message = own(body, 'message');
  if (message !== undefined && typeof message !== 'string') return false;
  if (!has(body, 'details')) return true;
  const details = body.details;
  return Array.isArray(details) && details.every(isDetail);
}

/** A `BadRequest.fieldViolations` item: `{field: 'profile.color', description, reason?}`. */
const fieldViolation = (v: unknown): Violation | undefined => {
  const field = ownStr(v, 'field');
  return violation(field && pathPointer(field), ownStr(v, 'description') ?? '', ownStr(v, 'reason'));
};

/** A google.protobuf.Duration in its JSON form (`60s`, `0.300s`), in ms. */
function durationMs(value: unknown): number | undefined {
  const m = /^(\d{1,12})(?:\.(\d{1,9}))?s$/.exec(str(value) ?? '');
  return m ? +(m[1] as string) * 1000 + Math.round(+`0.${m[2] ?? '0'}` * 1000) : undefined;
}

/**
 * The bare parser of a Connect unary error `{code, message, details}` (see
 * `BareParser`): `undefined` when the body is not one; may throw on a hostile
 * value. Details are read from their `debug` JSON (`google.rpc.ErrorInfo`,
 * `BadRequest`, `RetryInfo`, `RequestInfo`); the code is `ErrorInfo.reason`,
 * else the Connect code, which is also the `title`.
 */
export function parseConnectBare(body: unknown, input: ParseInput): ParsedError | undefined {
  if (!isConnectError(body)) return undefined;
  const connectCode = ownStr(body, 'code') as string;
  let code: string | undefined;
  let details: unknown;
  let retryAfterMs: number | undefined;
  let requestId: string | undefined;
  let violations: Violation[] = [];
  for (const item of (own(body, 'details') ?? []) as unknown[]) {
    const debug = ownRec(item, 'debug');
    const type = ownStr(item, 'type');
    if (type === 'google.rpc.ErrorInfo') {
      code ??= ownStr(debug, 'reason');
      details ??= ownRec(debug, 'metadata');
    } else if (type === 'google.rpc.BadRequest')
      violations = violations.concat(collect(own(debug, 'fieldViolations'), fieldViolation));
    else if (type === 'google.rpc.RetryInfo') retryAfterMs ??= durationMs(own(debug, 'retryDelay'));
    else if (type === 'google.rpc.RequestInfo') requestId ??= ownStr(debug, 'requestId');
  }
  return result(
    'connect',
    input.status >= 400 && input.status <= 599 ? input.status : (CONNECT_STATUS[connectCode] as number),
    code ?? connectCode,
    ownStr(body, 'message'),
    details,
    requestId,
    violations,
    connectCode,
    undefined,
    // RetryInfo says "retry, after this delay", as in AIP-193.
    retryAfterMs === undefined ? undefined : true,
    retryAfterMs,
  );
}
