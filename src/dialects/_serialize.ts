// What the built-in dialects' serializers share: the request id, the headers
// every dialect sends, field paths and the details that carry violations.
import type { RetryPolicy } from '../catalog/model.js';
import { type ErrataError, isErrataError } from '../error.js';
import { isFieldValue } from '../utils/http-field.js';
import { pointerTokens } from '../utils/json-pointer.js';
import { isRecord } from '../utils/record.js';

import { publicDetails } from './expose.js';
import type { SerializeContext } from './types.js';

/** The request id to send: the serialize context's, else the error's own. */
export function requestIdOf(error: ErrataError, context: SerializeContext | undefined): string | undefined {
  return context?.requestId ?? error.requestId;
}

/**
 * Headers every dialect sends: the content type, `Retry-After` where the entry
 * or the occurrence states a delay (RFC 9110 section 10.2.3, in whole seconds,
 * rounded up), the request id, the should-retry header (`retryHeader`:
 * `x-should-retry`, as the OpenAI SDK reads it, or Stripe's own) where the
 * entry says whether it may be retried, and the occurrence's own headers.
 */
export function baseHeaders(
  error: ErrataError,
  contentType: string,
  requestId: string | undefined,
  retryHeader = 'x-should-retry',
): Record<string, string> {
  const headers: Record<string, string> = { 'content-type': contentType };
  const delay = error.retryDelayMs;
  if (delay !== undefined) headers['retry-after'] = String(Math.ceil(delay / 1000));
  if (requestId !== undefined && isFieldValue(requestId)) headers['x-request-id'] = requestId;
  const retry = error.definition.entry.retry;
  // An entry that does not say sends nothing: clients keep their own defaults.
  if (retry !== undefined) headers[retryHeader] = retry.retryable ? 'true' : 'false';
  if (error.headers !== undefined) Object.assign(headers, error.headers);
  return headers;
}

/** JSON Pointer (RFC 6901) as the URI fragment RFC 9457 section 3 shows (`#/age`). */
export function pointerFragment(pointer: string): string {
  if (pointer.startsWith('#')) return pointer;
  return `#${pointer.startsWith('/') || pointer === '' ? pointer : `/${pointer}`}`;
}

/**
 * The `retry` member of a body with room for one (RFC 9457's extension
 * members): whether (`retryable`), when (`afterMs`: the occurrence's or the
 * entry's delay, in whole ms) and how to back off (`baseMs`, `maxMs`,
 * `maxAttempts`), as `,"retry":{…}`; `''` when the entry does not say.
 */
export function retryMember(error: ErrataError): string {
  const def = error.definition;
  const r = def.entry.retry;
  if (r === undefined) return '';
  // Without a delay of its own, every occurrence of the entry sends the same member.
  if (error.retryAfterMs !== undefined) return retryMemberOf(r, error.retryDelayMs);
  let member = def.cache.retryMember as string | undefined;
  if (member === undefined) def.cache.retryMember = member = retryMemberOf(r, error.retryDelayMs);
  return member;
}

function retryMemberOf(r: RetryPolicy, delay: number | undefined): string {
  if (!r.retryable) return ',"retry":{"retryable":false}';
  const member: Record<string, unknown> = { retryable: true };
  if (delay !== undefined) member.afterMs = Math.ceil(delay);
  if (r.strategy === 'exponential') {
    member.baseMs = r.baseMs;
    member.maxMs = r.maxMs;
  }
  if (r.maxAttempts !== undefined) member.maxAttempts = r.maxAttempts;
  return `,"retry":${JSON.stringify(member)}`;
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

/** Most errors one response reports: the error and up to 99 of its `also`. */
export const MAX_ERRORS = 100;

/**
 * The errors one response reports, for the dialects whose envelope is a list
 * (`jsonapi`, `clerk`, and any dialect with an `errors[]`): the error, then
 * the errata errors of its `also` option in order (anything else is left
 * out), at most {@link MAX_ERRORS} in all. Each is serialized by its own
 * entry (its code, status, masking); the first decides the response's status
 * and headers.
 */
export function responseErrors(error: ErrataError): readonly ErrataError[] {
  const also = error.also;
  if (also === undefined || !Array.isArray(also) || also.length === 0) return [error];
  const out = [error];
  for (const e of also) {
    if (out.length >= MAX_ERRORS) break;
    // A forged brand without an entry is left out, not sent half-made.
    if (isErrataError(e) && e !== error && typeof e.definition?.entry?.code === 'string') out.push(e);
  }
  return out;
}

/** google.rpc.ErrorInfo's metadata (Google's and Connect's) is a map of strings: strings stay, anything else is sent as its JSON. */
export function errorInfoMetadata(details: unknown): Record<string, string> | undefined {
  if (details === undefined || details === null) return undefined;
  const out: Record<string, string> = {};
  if (!isRecord(details)) {
    out.details = JSON.stringify(details);
    return out;
  }
  let any = false;
  for (const k of Object.keys(details)) {
    const v = details[k];
    if (v === undefined) continue;
    Object.defineProperty(out, k, {
      value: typeof v === 'string' ? v : JSON.stringify(v),
      enumerable: true,
      writable: true,
      configurable: true,
    });
    any = true;
  }
  return any ? out : undefined;
}

/** Most translated titles one entry's body parts are kept for (one per language in practice). */
const MAX_TITLES = 32;

/**
 * The part of an entry's body that holds a translated title (a localizing responder's), made
 * once per title and kept beside the entry's own (`key` names the dialect's cache), or in the
 * `parts` the localizer keeps for the entry in that language.
 */
export function withTitle(
  error: ErrataError,
  key: string,
  title: string | undefined,
  make: (error: ErrataError, title: string | undefined) => string,
  parts?: Record<string, unknown>,
): string {
  if (parts !== undefined) {
    let part = parts[key];
    if (typeof part !== 'string') parts[key] = part = make(error, title);
    return part as string;
  }
  const cache = error.definition.cache;
  let byTitle = cache[key] as Map<string | undefined, string> | undefined;
  if (byTitle === undefined) cache[key] = byTitle = new Map();
  let part = byTitle.get(title);
  if (part === undefined) {
    part = make(error, title);
    if (byTitle.size < MAX_TITLES) byTitle.set(title, part);
  }
  return part;
}
