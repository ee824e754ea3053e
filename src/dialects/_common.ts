import type { ErrataError, Violation } from '../error.js';
import type { ParsedError, ParseInput, SerializeContext } from './types.js';

/** Text sent in place of a message that must not reach the caller. */
export const GENERIC_SERVER_MESSAGE = 'An internal error occurred.';

/**
 * The message the caller may see: the rendered message, or for a 5xx or an
 * `expose: false` entry a generic text (the entry's title below 500). Custom
 * dialects use it so that they mask like the built-in ones.
 */
export function publicMessage(error: ErrataError): string {
  if (error.definition.entry.expose) return error.message;
  const e = error.definition.entry;
  return error.status >= 500 ? GENERIC_SERVER_MESSAGE : (e.title ?? GENERIC_CLIENT_MESSAGE);
}
const GENERIC_CLIENT_MESSAGE = 'The request could not be completed.';

/** The details the caller may see: `undefined` for a 5xx or an `expose: false` entry. */
export function publicDetails(error: ErrataError): unknown {
  return error.definition.entry.expose ? error.details : undefined;
}

export function requestIdOf(error: ErrataError, context: SerializeContext | undefined): string | undefined {
  return context?.requestId ?? error.requestId;
}

/**
 * Headers every dialect sends: the content type, `Retry-After` where the entry
 * or the occurrence states a delay (RFC 9110 section 10.2.3, in whole seconds,
 * rounded up), the request id, and the occurrence's own headers.
 */
export function baseHeaders(
  error: ErrataError,
  contentType: string,
  requestId: string | undefined,
): Record<string, string> {
  const headers: Record<string, string> = { 'content-type': contentType };
  const delay = error.retryDelayMs;
  if (delay !== undefined) headers['retry-after'] = String(Math.ceil(delay / 1000));
  if (requestId !== undefined && isHeaderValue(requestId)) headers['x-request-id'] = requestId;
  if (error.headers !== undefined) Object.assign(headers, error.headers);
  return headers;
}

/**
 * Whether a value may be sent as a header field value (RFC 9110 section 5.5:
 * visible ASCII, spaces and tabs). A request id that is not, say one with a
 * CR/LF, stays in the body and is left out of the headers.
 */
export function isHeaderValue(value: string): boolean {
  return /^[\t\x20-\x7e]*$/.test(value);
}

/** JSON Pointer (RFC 6901) as the URI fragment RFC 9457 section 3 shows (`#/age`). */
export function pointerFragment(pointer: string): string {
  if (pointer.startsWith('#')) return pointer;
  return `#${pointer.startsWith('/') || pointer === '' ? pointer : `/${pointer}`}`;
}

/** Plain-object check that ignores arrays and null. */
export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export const str = (v: unknown): string | undefined => (typeof v === 'string' ? v : undefined);
export const num = (v: unknown): number | undefined =>
  typeof v === 'number' && Number.isFinite(v) ? v : undefined;

// ---------------------------------------------------------------------------
// Helpers shared by the dialects below `problem`: safe reads of untrusted
// bodies, field paths, violations and retry guidance.

/** An own property of an untrusted record; never an inherited one (`constructor`, `__proto__`). */
export function own(record: Record<string, unknown>, key: string): unknown {
  return Object.hasOwn(record, key) ? record[key] : undefined;
}

/** An own property that is itself a plain record. */
export function ownRecord(record: Record<string, unknown>, key: string): Record<string, unknown> | undefined {
  const v = own(record, key);
  return isRecord(v) ? v : undefined;
}

/**
 * Wraps a parser so that nothing it meets (a throwing getter, a revoked proxy)
 * escapes as an exception: a parser answers a parsed error or `undefined`.
 */
export function safeParser(
  parse: (body: unknown, input: ParseInput) => ParsedError | undefined,
): (body: unknown, input: ParseInput) => ParsedError | undefined {
  return (body, input) => {
    try {
      return parse(body, input);
    } catch {
      return undefined;
    }
  };
}

/** One response header, or `undefined`; never throws. */
export function header(input: ParseInput, name: string): string | undefined {
  try {
    const v = input.headers?.get(name);
    return typeof v === 'string' ? v : undefined;
  } catch {
    return undefined;
  }
}

/** `'true'`/`'false'` as sent by the should-retry headers (OpenAI `x-should-retry`, `Stripe-Should-Retry`). */
export function boolHeader(input: ParseInput, name: string): boolean | undefined {
  const v = header(input, name)?.trim().toLowerCase();
  return v === 'true' ? true : v === 'false' ? false : undefined;
}

/**
 * The delay a response asks for, in milliseconds: `retry-after-ms` when the
 * format defines it, else `Retry-After` as delay-seconds or an HTTP-date
 * (RFC 9110 section 10.2.3; a date in the past means now).
 */
export function retryAfterFromHeaders(input: ParseInput, withMs = false): number | undefined {
  if (withMs) {
    const ms = header(input, 'retry-after-ms');
    if (ms !== undefined && /^\s*\d+(\.\d+)?\s*$/.test(ms)) return Math.round(Number(ms));
  }
  const ra = header(input, 'retry-after')?.trim();
  if (ra === undefined || ra === '') return undefined;
  if (/^\d+(\.\d+)?$/.test(ra)) return Math.round(Number(ra) * 1000);
  const date = Date.parse(ra);
  return Number.isNaN(date) ? undefined : Math.max(0, date - Date.now());
}

/** Retry guidance of the `Retry-After` header alone, as parsed-error fields. */
export function retryFields(
  retryable: boolean | undefined,
  retryAfterMs: number | undefined,
): { retryable?: boolean; retryAfterMs?: number } {
  const out: { retryable?: boolean; retryAfterMs?: number } = {};
  if (retryable !== undefined) out.retryable = retryable;
  if (retryAfterMs !== undefined) out.retryAfterMs = retryAfterMs;
  return out;
}

/** The value of the should-retry headers: the catalog's retry policy of the entry. */
export function shouldRetry(error: ErrataError): boolean {
  return error.definition.entry.retry.retryable;
}

function unescapeToken(token: string): string {
  return token.replace(/~1/g, '/').replace(/~0/g, '~');
}
function escapeToken(token: string): string {
  return token.replace(/~/g, '~0').replace(/\//g, '~1');
}

/** The reference tokens of a JSON Pointer (`/a/0/b` → `a`, `0`, `b`); a `#` fragment is accepted. */
export function pointerTokens(pointer: string): string[] {
  const p = pointer.startsWith('#') ? pointer.slice(1) : pointer;
  if (p === '') return [];
  return (p.startsWith('/') ? p.slice(1) : p).split('/').map(unescapeToken);
}

/** A JSON Pointer from reference tokens. */
export function tokensPointer(tokens: readonly string[]): string {
  return tokens.map((t) => `/${escapeToken(t)}`).join('');
}

/**
 * A field path for envelopes that name a field instead of pointing at it:
 * `dot` gives `profile.color` and `items[0].name` (OpenAI `param`, Clerk
 * `param_name`, AIP-193 `field`), `bracket` gives `profile[color]` and
 * `items[0][name]` (Stripe `param`, its form-encoding names).
 */
export function fieldPath(pointer: string, style: 'dot' | 'bracket'): string {
  const tokens = pointerTokens(pointer);
  let out = '';
  for (const [i, t] of tokens.entries()) {
    if (i === 0) out = t;
    else if (/^\d+$/.test(t) || style === 'bracket') out += `[${t}]`;
    else out += `.${t}`;
  }
  return out;
}

/** The JSON Pointer of a field path in either style (`a.b[0]`, `a[b][0]`). */
export function pathPointer(path: string): string {
  const tokens: string[] = [];
  const re = /([^.[\]]+)|\[([^\]]*)\]/g;
  for (let m = re.exec(path); m !== null; m = re.exec(path)) tokens.push((m[1] ?? m[2]) as string);
  return tokensPointer(tokens);
}

/**
 * Public details with the field violations added as `errors`
 * (`[{pointer, message, code?}]`): the form used by envelopes that have no
 * field-error member of their own (seed 003 documents `details` as the place
 * for field-level validation errors). `undefined` when there is neither.
 */
export function detailsWithViolations(error: ErrataError): unknown {
  const details = publicDetails(error);
  const violations = error.violations;
  if (violations === undefined || violations.length === 0) return details;
  const errors = violations.map((v) =>
    v.code === undefined
      ? { pointer: v.pointer, message: v.message }
      : { pointer: v.pointer, message: v.message, code: v.code },
  );
  if (details === undefined || details === null) return { errors };
  return isRecord(details) ? { ...details, errors } : { value: details, errors };
}

/** Reads `[{pointer, message, code?}]` items; ignores anything else. */
export function readViolations(value: unknown): Violation[] | undefined {
  if (!Array.isArray(value)) return undefined;
  const out: Violation[] = [];
  for (const item of value) {
    if (!isRecord(item)) continue;
    const pointer = str(own(item, 'pointer'));
    const message = str(own(item, 'message'));
    if (pointer === undefined || message === undefined) continue;
    const code = str(own(item, 'code'));
    out.push(code === undefined ? { pointer, message } : { pointer, message, code });
  }
  return out.length > 0 ? out : undefined;
}

/**
 * A copy of a record without one key, built with `defineProperty` so that a
 * `__proto__` key stays a plain own property and never becomes a prototype.
 */
export function without(record: Record<string, unknown>, key: string): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const k of Object.keys(record)) {
    if (k === key) continue;
    Object.defineProperty(out, k, { value: record[k], enumerable: true, writable: true, configurable: true });
  }
  return out;
}

/**
 * Splits a details value that may carry `errors` (see
 * {@link detailsWithViolations}) back into details and violations.
 */
export function splitDetails(value: unknown): { details?: unknown; violations?: Violation[] } {
  if (value === undefined || value === null) return {};
  if (!isRecord(value)) return { details: value };
  const violations = readViolations(own(value, 'errors'));
  if (violations === undefined) return { details: value };
  const rest = without(value, 'errors');
  const keys = Object.keys(rest);
  if (keys.length === 0) return { violations };
  if (keys.length === 1 && keys[0] === 'value') return { details: rest.value, violations };
  return { details: rest, violations };
}

/** A parsed error without its `undefined` members, so it compares and prints cleanly. */
export function parsed(value: { [K in keyof ParsedError]: ParsedError[K] | undefined }): ParsedError {
  const out = value as Record<string, unknown>;
  for (const k of Object.keys(out)) if (out[k] === undefined) delete out[k];
  return out as unknown as ParsedError;
}

/**
 * The parsed error of a flat envelope (`simple`, `authos`, `barekey`): details
 * split from the violations they may carry, the request id (else the
 * `x-request-id` header) and `Retry-After`.
 */
export function flatParsed(
  dialect: string,
  input: ParseInput,
  code: string,
  message: string,
  detailsValue: unknown,
  requestId: string | undefined,
): ParsedError {
  const { details, violations } = splitDetails(detailsValue);
  return parsed({
    dialect,
    status: input.status,
    code,
    message,
    details,
    requestId: requestId ?? header(input, 'x-request-id'),
    violations,
    retryAfterMs: retryAfterFromHeaders(input),
  });
}

/** Error `type`s Stripe's API has sent (current and legacy). */
const STRIPE_TYPES = new Set([
  'api_error',
  'card_error',
  'idempotency_error',
  'invalid_request_error',
  'api_connection_error',
  'authentication_error',
  'rate_limit_error',
  'permission_error',
]);

/** Members only Stripe's error object has. */
const STRIPE_ONLY = [
  'doc_url',
  'request_log_url',
  'decline_code',
  'charge',
  'payment_intent',
  'setup_intent',
];

/**
 * Whether an `{error: {type, …}}` object is Stripe's rather than OpenAI's: a
 * Stripe type plus a Stripe-only member or header, or no `param`/`code`
 * (OpenAI always sends all of `message`, `type`, `param` and `code`). The
 * OpenAI and Stripe parsers both use it, so at most one of them accepts a body.
 */
export function isStripeError(error: Record<string, unknown>, input: ParseInput): boolean {
  const type = own(error, 'type');
  if (typeof type !== 'string' || !STRIPE_TYPES.has(type)) return false;
  return (
    STRIPE_ONLY.some((k) => Object.hasOwn(error, k)) ||
    header(input, 'stripe-should-retry') !== undefined ||
    header(input, 'request-id') !== undefined ||
    !Object.hasOwn(error, 'param') ||
    !Object.hasOwn(error, 'code')
  );
}
