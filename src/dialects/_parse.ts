// The read side of the built-in dialects, and nothing else: an app that gives
// `createClient` a dialect (`dialects.clerk`) bundles its parser from here, so
// this module holds no serializer helper. Every parser
// answers a ParsedError of one fixed shape (absent members are `undefined`),
// built by `result`, so every parse shares one hidden class.
//
// The parsers read what the body says, and only the headers a dialect needs
// to be told apart or that only it defines (Stripe's `Request-Id`, the
// should-retry headers). `complete` then adds what any response may say in
// its headers (`Retry-After`, `x-request-id`): `parseAny` and the dialect
// objects apply it; the client does not, as its errors read those headers
// themselves (headers first), so it bundles none of that.
//
// These parsers may throw on a hostile non-JSON value (a throwing getter, a
// revoked proxy): the dialect objects wrap them (`safeParser`), and the
// client and `parseAny` call them inside a try/catch.

import type { Violation } from '../error.js';
import { pathPointer } from '../utils/json-pointer.js';
import { isRecord } from '../utils/record.js';
import type { ParsedError, ParseInput } from './types.js';

type Rec = Record<string, unknown>;
type MaybeRec = Rec | undefined;

/** Whether `o` is a record with an own `k` (never an inherited one: `constructor`, `__proto__`). */
const has = (o: unknown, k: string): o is Rec => isRecord(o) && Object.hasOwn(o, k);
/** An own property of an untrusted value, if it is a record. */
export const own = (o: unknown, k: string): unknown => (has(o, k) ? o[k] : undefined);
const str = (v: unknown): string | undefined => (typeof v === 'string' ? v : undefined);
/** An own string property. */
const ownStr = (o: unknown, k: string) => str(own(o, k));
/** An own plain-record property. */
const ownRec = (o: unknown, k: string): MaybeRec => {
  const v = own(o, k);
  return isRecord(v) ? v : undefined;
};
const num = (v: unknown): number | undefined => (typeof v === 'number' && Number.isFinite(v) ? v : undefined);

/** One response header, or `undefined`; never throws. */
export function header(input: ParseInput, name: string): string | undefined {
  try {
    return str(input.headers?.get(name));
  } catch {
    return undefined;
  }
}

/** `'true'`/`'false'` as the should-retry headers send them. */
const boolHeader = (input: ParseInput, name: string) => {
  const v = header(input, name)?.trim().toLowerCase();
  return v === 'true' ? true : v === 'false' ? false : undefined;
};

/**
 * The delay a response asks for, in ms: `retry-after-ms` when the format
 * defines it, else `Retry-After` as delay-seconds or an HTTP-date (RFC 9110
 * section 10.2.3; a date in the past means now).
 */
function retryAfter(input: ParseInput, withMs?: boolean): number | undefined {
  const ms = withMs ? header(input, 'retry-after-ms') : undefined;
  if (ms !== undefined && /^\s*\d+(\.\d+)?\s*$/.test(ms)) return Math.round(+ms);
  const ra = header(input, 'retry-after')?.trim();
  if (!ra) return undefined;
  if (/^\d+(\.\d+)?$/.test(ra)) return Math.round(+ra * 1000);
  const date = Date.parse(ra);
  return Number.isNaN(date) ? undefined : Math.max(0, date - Date.now());
}

/** A violation, with `code` only when there is one; `undefined` without a pointer. */
const violation = (pointer: string | undefined, message: string, code?: string): Violation | undefined =>
  pointer === undefined ? undefined : code === undefined ? { pointer, message } : { pointer, message, code };

/** The violations `read` finds in the items of an array (none when it is not one). */
function collect(items: unknown, read: (item: unknown) => Violation | undefined): Violation[] {
  const out: Violation[] = [];
  if (Array.isArray(items))
    for (const item of items) {
      const v = read(item);
      if (v) out.push(v);
    }
  return out;
}

/** A copy of a record without some keys; `defineProperty` keeps a `__proto__` key a plain property. */
function without(record: Rec, keys: string[]): Rec {
  const out: Rec = {};
  for (const k of Object.keys(record))
    if (!keys.includes(k))
      Object.defineProperty(out, k, {
        value: record[k],
        enumerable: true,
        writable: true,
        configurable: true,
      });
  return out;
}

/**
 * The rest of a record once `keys` are taken out: `undefined` when nothing is
 * left, the value of a lone `value` member (`wrap`) as it is.
 */
function rest(record: Rec, keys: string[], wrap: string): unknown {
  const r = without(record, keys);
  const k = Object.keys(r);
  return k.length === 0 ? undefined : k.length === 1 && k[0] === wrap ? r[wrap] : r;
}

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

// Readers of the violations of each envelope (module-level: no closure per parse).
const detailsViolation = (item: unknown): Violation | undefined => {
  const message = ownStr(item, 'message');
  return message === undefined
    ? undefined
    : violation(ownStr(item, 'pointer'), message, ownStr(item, 'code'));
};

const problemViolation = (v: unknown): Violation | undefined =>
  violation(
    isRecord(v) ? (ownStr(v, 'pointer') ?? '').replace(/^#/, '') : undefined,
    ownStr(v, 'detail') ?? ownStr(v, 'message') ?? '',
    ownStr(v, 'code'),
  );

const googleViolation = (v: unknown): Violation | undefined => {
  const field = ownStr(v, 'field');
  return violation(field && pathPointer(field), ownStr(v, 'description') ?? '', ownStr(v, 'reason'));
};

const clerkViolation = (item: unknown): Violation | undefined => {
  const meta = ownRec(item, 'meta');
  const param = ownStr(meta, 'param_name');
  return param === undefined || !isClerkItem(item)
    ? undefined
    : violation(
        pathPointer(param),
        ownStr(item, 'long_message') ?? ownStr(item, 'message') ?? '',
        ownStr(meta, 'reason'),
      );
};

const jsonApiViolation = (item: unknown): Violation | undefined => {
  const pointer = ownStr(ownRec(item, 'source'), 'pointer');
  return pointer === undefined || !isJsonApiItem(item)
    ? undefined
    : violation(
        pointer,
        ownStr(item, 'detail') ?? ownStr(item, 'title') ?? '',
        ownStr(ownRec(item, 'meta'), 'reason'),
      );
};

/** A parsed error of the one shape every parser answers. */
const result = (
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
});

/** A flat envelope (`simple`, `authos`, `barekey`): details split from the violations they carry. */
function flat(
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

/** The shared reader of the `{error: {…}}` envelopes (Google, Stripe, OpenAI, barekey): the parsers below tell them apart. */
const envelope = (body: unknown) => ownRec(body, 'error');

/** Reads an RFC 9457 body; `undefined` when the body is not a problem object. */
export function parseProblem(body: unknown, input: ParseInput): ParsedError | undefined {
  const type = ownStr(body, 'type');
  const title = ownStr(body, 'title');
  const detail = ownStr(body, 'detail');
  const status = own(body, 'status');
  if ((type ?? title ?? detail) === undefined || (status !== undefined && num(status) === undefined))
    return undefined;
  return result(
    'problem',
    (status as number | undefined) ?? input.status,
    ownStr(body, 'code'),
    detail ?? title,
    own(body, 'details'),
    ownStr(body, 'requestId'),
    collect(own(body, 'errors'), problemViolation),
    title,
    type,
  );
}

const G = 'type.googleapis.com/google.rpc.';

/**
 * Reads an AIP-193 `{error: {code, message, status, details}}` body; `undefined`
 * when the body is not one. The code is `ErrorInfo.reason` (else the gRPC status name).
 */
export function parseGoogle(body: unknown, input: ParseInput): ParsedError | undefined {
  const error = envelope(body);
  const httpCode = num(own(error, 'code'));
  const status = ownStr(error, 'status');
  if (httpCode === undefined || status === undefined || !/^[A-Z_]+$/.test(status)) return undefined;
  let code: string | undefined;
  let details: unknown;
  let retryAfterMs: number | undefined;
  let requestId: string | undefined;
  let type: string | undefined;
  let violations: Violation[] = [];
  const items = own(error, 'details');
  if (Array.isArray(items))
    for (const item of items) {
      const at = ownStr(item, '@type');
      if (at === `${G}ErrorInfo`) {
        code ??= ownStr(item, 'reason');
        details ??= ownRec(item, 'metadata');
      } else if (at === `${G}RetryInfo`) retryAfterMs ??= duration(own(item, 'retryDelay'));
      else if (at === `${G}BadRequest`)
        violations = violations.concat(collect(own(item, 'fieldViolations'), googleViolation));
      else if (at === `${G}RequestInfo`) requestId ??= ownStr(item, 'requestId');
      else if (at === `${G}Help`) {
        const links = own(item, 'links');
        if (Array.isArray(links)) type ??= ownStr(links[0], 'url');
      }
    }
  return result(
    'google',
    httpCode >= 400 && httpCode <= 599 ? httpCode : input.status,
    code ?? status,
    ownStr(error, 'message'),
    details,
    requestId,
    violations,
    status,
    type,
    // RetryInfo is how an AIP-193 service says "retry, after this delay".
    retryAfterMs === undefined ? undefined : true,
    retryAfterMs,
  );
}

/** A google.protobuf.Duration in its JSON form (`60s`, `0.300s`), in ms. */
function duration(value: unknown): number | undefined {
  const m = /^(\d{1,12})(?:\.(\d{1,9}))?s$/.exec(str(value) ?? '');
  return m ? +(m[1] as string) * 1000 + Math.round(+`0.${m[2] ?? '0'}` * 1000) : undefined;
}

/** Error `type`s Stripe's API has sent (current and legacy). */
const STRIPE_TYPES =
  /^(api|card|idempotency|invalid_request|api_connection|authentication|rate_limit|permission)_error$/;
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
 * (OpenAI always sends all of `message`, `type`, `param` and `code`). Both
 * parsers use it, so at most one of them accepts a body.
 */
const isStripe = (error: MaybeRec, input: ParseInput): boolean =>
  STRIPE_TYPES.test(ownStr(error, 'type') ?? '') &&
  (STRIPE_ONLY.some((k) => has(error, k)) ||
    header(input, 'stripe-should-retry') !== undefined ||
    header(input, 'request-id') !== undefined ||
    !has(error, 'param') ||
    !has(error, 'code'));

/**
 * The `{error: {…}}` of OpenAI and Stripe: details split from the violations
 * they carry, else the one `param` names.
 */
function typed(
  dialect: string,
  input: ParseInput,
  error: MaybeRec,
  code: string | undefined,
  message: string | undefined,
  requestId: string | undefined,
  retry: string,
  type?: string,
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
    undefined,
    type,
    boolHeader(input, retry),
  );
}

/**
 * Reads a Stripe `{error: {type, code, message, param, doc_url}}` body with its
 * headers; `undefined` when the body is not one.
 */
export function parseStripe(body: unknown, input: ParseInput): ParsedError | undefined {
  const error = envelope(body);
  if (!isStripe(error, input)) return undefined;
  return typed(
    'stripe',
    input,
    error,
    ownStr(error, 'code'),
    ownStr(error, 'message'),
    header(input, 'request-id'),
    'stripe-should-retry',
    ownStr(error, 'doc_url'),
  );
}

/**
 * Reads an OpenAI-style `{error: {message, type, param, code}}` body with its
 * retry headers; `undefined` when the body is not one.
 */
export function parseOpenAI(body: unknown, input: ParseInput): ParsedError | undefined {
  const error = envelope(body);
  const message = ownStr(error, 'message');
  const type = own(error, 'type');
  const code = own(error, 'code');
  if (message === undefined || !has(error, 'type') || (type !== null && typeof type !== 'string'))
    return undefined;
  if (isStripe(error, input)) return undefined;
  return typed(
    'openai',
    input,
    error,
    typeof code === 'number' ? String(code) : str(code),
    message,
    undefined,
    'x-should-retry',
  );
}

/**
 * Reads an `{error: {code, message, requestId}}` body; `undefined` when the body
 * is not one (an `error` with a `type` is OpenAI's or Stripe's, a numeric `code` Google's).
 */
export function parseBarekey(body: unknown, input: ParseInput): ParsedError | undefined {
  const error = envelope(body);
  if (has(error, 'type')) return undefined;
  return flat(
    'barekey',
    input,
    ownStr(error, 'code'),
    ownStr(error, 'message'),
    own(error, 'details'),
    ownStr(error, 'requestId'),
  );
}

/** The `errors` array of a body, when its first item passes `test`. */
function errorsOf(body: unknown, test: (item: unknown) => item is Rec): unknown[] | undefined {
  const errors = own(body, 'errors');
  return Array.isArray(errors) && test(errors[0]) ? errors : undefined;
}

/** A Clerk error item: `message`/`long_message`, never JSON:API's `detail`/`source`. */
const isClerkItem = (item: unknown): item is Rec =>
  (has(item, 'long_message') || ownStr(item, 'message') !== undefined) &&
  !has(item, 'detail') &&
  !has(item, 'source');

/** Reads a Clerk `{errors: [...], clerk_trace_id}` body; `undefined` when the body is not one. */
export function parseClerk(body: unknown, input: ParseInput): ParsedError | undefined {
  const errors = errorsOf(body, isClerkItem);
  if (errors === undefined) return undefined;
  const first = errors[0] as Rec;
  const violations = collect(errors, clerkViolation);
  const title = ownStr(first, 'message');
  const meta = own(first, 'meta');
  const some = violations.length > 0;
  return result(
    'clerk',
    input.status,
    ownStr(first, 'code'),
    some ? title : (ownStr(first, 'long_message') ?? title),
    !some ? (meta ?? undefined) : isRecord(meta) ? rest(meta, ['param_name', 'reason'], 'data') : undefined,
    ownStr(body, 'clerk_trace_id'),
    violations,
    title,
  );
}

/** A JSON:API error object: a `status`, `title`, `detail` or `code`, and no Clerk `message`. */
const isJsonApiItem = (item: unknown): item is Rec =>
  !has(item, 'message') &&
  !has(item, 'long_message') &&
  (ownStr(item, 'status') ?? ownStr(item, 'title') ?? ownStr(item, 'detail') ?? ownStr(item, 'code')) !==
    undefined;

/** Reads a JSON:API `{errors: [...]}` document; `undefined` when the body is not one. */
export function parseJsonApi(body: unknown, input: ParseInput): ParsedError | undefined {
  // A JSON:API document has no top-level title/detail/type/status; an RFC 9457
  // problem with an `errors` extension does.
  if (['title', 'detail', 'type', 'status'].some((k) => has(body, k))) return undefined;
  const errors = errorsOf(body, isJsonApiItem);
  if (errors === undefined) return undefined;
  const first = errors[0] as Rec;
  const title = ownStr(first, 'title');
  const status = ownStr(first, 'status');
  const typeLink = own(ownRec(first, 'links'), 'type');
  return result(
    'jsonapi',
    status !== undefined && /^[45]\d\d$/.test(status) ? +status : input.status,
    ownStr(first, 'code'),
    ownStr(first, 'detail') ?? title,
    own(ownRec(first, 'meta'), 'details'),
    ownStr(first, 'id'),
    collect(errors, jsonApiViolation),
    title,
    str(typeLink) ?? ownStr(typeLink, 'href'),
  );
}

/** Reads an `{error, error_code, timestamp}` body; `undefined` when the body is not one. */
export const parseAuthos = (body: unknown, input: ParseInput): ParsedError | undefined =>
  flat('authos', input, ownStr(body, 'error_code'), ownStr(body, 'error'), own(body, 'details'));

/** Reads a `{code, message, details}` body; `undefined` when the body is not one. */
export const parseSimple = (body: unknown, input: ParseInput): ParsedError | undefined =>
  flat('simple', input, ownStr(body, 'code'), ownStr(body, 'message'), own(body, 'details'));

type Mutable<T> = { -readonly [K in keyof T]: T[K] };

/**
 * Adds to a parsed error what the response headers say and the body did
 * not: the delay of `Retry-After` (and `retry-after-ms` for OpenAI; a Google
 * RetryInfo comes first), and the `x-request-id` header as the request id
 * (not for Google, whose id is RequestInfo's, nor Stripe, whose is `Request-Id`).
 * RFC 9457 problems take neither from the headers.
 */
export function complete(parsed: ParsedError | undefined, input: ParseInput): ParsedError | undefined {
  const p = parsed as Mutable<ParsedError> | undefined;
  const d = p?.dialect;
  if (p && d !== 'problem') {
    p.retryAfterMs ??= retryAfter(input, d === 'openai');
    if (d !== 'google' && d !== 'stripe') p.requestId ??= header(input, 'x-request-id');
  }
  return p;
}

/** A bare parser followed by {@link complete}. */
export const completed =
  (parse: (body: unknown, input: ParseInput) => ParsedError | undefined) =>
  (body: unknown, input: ParseInput): ParsedError | undefined =>
    complete(parse(body, input), input);
