// The client's universal reader: one pass over a parsed JSON body that reads
// errors by their shape: an `{error: {…}}` envelope, an `{error: "…"}` string,
// an `errors` array, an RFC 9457 problem, a flat code and message. errata's
// built-in dialects (src/dialects/registry.ts) and the common foreign shapes
// built on them are all of these. Unlike the dialects' strict parsers it does
// not prove that exactly one dialect accepts a body: it reads whatever fields
// are there and names a best-guess dialect. Own properties only, no recursion,
// and it may throw only on a hostile non-JSON value (a throwing getter), which
// the client catches.
//
// It imports no dialect, so adding one to errata never requires editing this
// file: a body of a known shape is read as it is, and an application whose
// dialect has a shape of its own passes that dialect (or its safe parser,
// `parse<Name>`) to `createClient({ dialect })`, which bundles only that.

import type { ParsedError } from '../dialects/types.js';
import type { Violation } from '../error.js';
import { pathPointer } from '../utils/json-pointer.js';
import { isRecord } from '../utils/record.js';

type Rec = Record<string, unknown>;
type Out = { -readonly [K in keyof ParsedError]: ParsedError[K] };

const has = Object.hasOwn;
/** An own property of an untrusted value (never an inherited `constructor` or `__proto__`). */
const own = (o: unknown, k: string): unknown => (isRecord(o) && has(o, k) ? o[k] : undefined);
const str = (v: unknown) => (typeof v === 'string' ? v : undefined);
const ownStr = (o: unknown, k: string) => str(own(o, k));
/** A code: a string, or a number as its digits (Twilio's `20404`, Cloudflare's `10000`). */
const id = (v: unknown) => (typeof v === 'number' ? `${v}` : str(v));
const list = (v: unknown): unknown[] => (Array.isArray(v) ? v : []);
/** A count of milliseconds or attempts: a non-negative number, else `undefined`. */
const count = (o: unknown, k: string) => {
  const v = own(o, k);
  return typeof v === 'number' && v >= 0 ? v : undefined;
};

/** A copy of a record without `drop` (`fromEntries` keeps a `__proto__` key a plain property); a lone `wrap` member comes back as it is; nothing left, `undefined`. */
function rest(r: Rec, drop: string[], wrap: string): unknown {
  const e = Object.entries(r).filter(([k]) => !drop.includes(k));
  return e.length ? (e.length === 1 && e[0]?.[0] === wrap ? e[0][1] : Object.fromEntries(e)) : undefined;
}

/** An `errors[]` item's message: Clerk's long form, else its `message`, else JSON:API's `detail`, else `title`. */
const text = (item: unknown) =>
  ownStr(item, 'long_message') ?? ownStr(item, 'message') ?? ownStr(item, 'detail') ?? ownStr(item, 'title');

const push = (out: Violation[], at: string | undefined, message: string, code?: string) => {
  if (at !== undefined)
    out.push(code === undefined ? { pointer: at, message } : { pointer: at, message, code });
};

/** Reads a JSON body into the fields the client needs; `undefined` when nothing in it is recognised. */
export function read(body: unknown): ParsedError | undefined {
  if (!isRecord(body)) return undefined;
  // No `status`: the client takes the response's.
  const p = { dialect: 'simple' } as Out;
  const v: Violation[] = [];
  const error = own(body, 'error');
  const errors = own(body, 'errors');
  const title = ownStr(body, 'title');
  const detail = ownStr(body, 'detail');
  const type = ownStr(body, 'type');
  const problem = title ?? detail ?? type;
  const message = ownStr(body, 'message');
  let details: unknown = own(body, 'details');
  let split = true;
  /** Items of `{pointer, detail or message, code}`: a problem's `errors`, else `details.errors`. */
  let items: unknown;
  if (isRecord(error)) {
    const code = own(error, 'code');
    const status = ownStr(error, 'status');
    p.message = ownStr(error, 'message');
    if (typeof code === 'number' && status) {
      // Google AIP-193: the code is ErrorInfo.reason, else the gRPC status name.
      p.dialect = 'google';
      p.title = status;
      details = undefined;
      split = false;
      for (const item of list(own(error, 'details'))) {
        // `type.googleapis.com/google.rpc.ErrorInfo` and the like.
        const at = ownStr(item, '@type')?.split('.').pop();
        if (at === 'ErrorInfo') {
          p.code ??= ownStr(item, 'reason');
          details ??= own(item, 'metadata');
        } else if (at === 'RetryInfo') {
          // A google.protobuf.Duration in its JSON form (`60s`, `0.300s`).
          const m = /^(\d{1,12}(\.\d+)?)s$/.exec(ownStr(item, 'retryDelay') ?? '');
          if (m) {
            p.retryAfterMs ??= Math.round(+(m[1] as string) * 1000);
            p.retryable = true;
          }
        } else if (at === 'BadRequest')
          for (const f of list(own(item, 'fieldViolations')))
            push(v, pathPointer(ownStr(f, 'field')), ownStr(f, 'description') ?? '', ownStr(f, 'reason'));
        else if (at === 'RequestInfo') p.requestId ??= ownStr(item, 'requestId');
        else if (at === 'Help') p.type ??= ownStr(list(own(item, 'links'))[0], 'url');
      }
      p.code ??= status;
    } else {
      // Stripe and OpenAI (a `type`), barekey and most others (none).
      const t = ownStr(error, 'type');
      p.dialect = t === undefined ? 'barekey' : has(error, 'param') ? 'openai' : 'stripe';
      // Anthropic's errors, and OpenAI's with `code: null`, are named by their type.
      p.code = id(code) ?? t;
      p.type = ownStr(error, 'doc_url');
      p.requestId = ownStr(error, 'requestId');
      details = own(error, 'details');
      if (!Array.isArray(own(details, 'errors')))
        push(v, pathPointer(ownStr(error, 'param')), p.message ?? '');
    }
  } else if (typeof error === 'string') {
    // authos `{error, error_code}`; OAuth 2 `{error, error_description}`; Slack's
    // `{ok: false, error}` (a lower-case code alone); Fastify's and Boom's `{error, code?, message}`.
    p.dialect = 'authos';
    const description = ownStr(body, 'error_description');
    p.code =
      ownStr(body, 'error_code') ??
      id(own(body, 'code')) ??
      (description || /^[a-z\d_]+$/.test(error) ? error : undefined);
    p.message = description ?? message ?? error;
  } else if (Array.isArray(errors) && !problem && isRecord(errors[0])) {
    const first = errors[0];
    const meta = own(first, 'meta');
    // Clerk's items have a `message`/`long_message`, JSON:API's a `title`/`detail`.
    const clerk = has(first, 'message') || has(first, 'long_message');
    split = false;
    for (const item of errors) {
      const m = own(item, 'meta');
      // Clerk's `meta.param_name`, GitHub's and SendGrid's `field`, JSON:API's `source.pointer`.
      push(
        v,
        ownStr(own(item, 'source'), 'pointer') ??
          pathPointer(ownStr(m, 'param_name') ?? ownStr(item, 'field')),
        text(item) ?? '',
        ownStr(m, 'reason'),
      );
    }
    p.dialect = clerk ? 'clerk' : 'jsonapi';
    // GraphQL puts the code in `extensions`.
    p.code = id(own(first, 'code')) ?? ownStr(own(first, 'extensions'), 'code');
    p.title = ownStr(first, clerk ? 'message' : 'title');
    p.requestId = ownStr(body, 'clerk_trace_id') ?? ownStr(first, 'id');
    p.type = ownStr(own(first, 'links'), 'type');
    // A top-level message first: GitHub's `{message, errors: [{resource, field, code}]}`.
    p.message = message ?? (clerk && v.length ? p.title : text(first));
    details = !clerk
      ? own(meta, 'details')
      : !v.length
        ? meta
        : isRecord(meta)
          ? rest(meta, ['param_name', 'reason'], 'data')
          : undefined;
  } else {
    // AWS's JSON protocol: `{__type: 'namespace#Code', message}`.
    p.code = id(own(body, 'code')) ?? ownStr(body, '__type')?.split('#').pop();
    // Shopify's `{errors: 'text'}`, Rails' `{errors: ['text']}`.
    p.message = detail ?? message ?? title ?? str(list(errors)[0] ?? errors);
    p.requestId = ownStr(body, 'requestId');
    if (problem) {
      // RFC 9457: violations in an `errors` extension.
      p.dialect = 'problem';
      p.title = title;
      p.type = type;
      split = false;
      items = errors;
      // errata's `retry` member: the entry's retry policy, whether, when and how to back off.
      const r = own(body, 'retry');
      const ok = own(r, 'retryable');
      if (typeof ok === 'boolean') {
        p.retryable = ok;
        p.retryAfterMs = count(r, 'afterMs');
        p.retryBaseMs = count(r, 'baseMs');
        p.retryMaxMs = count(r, 'maxMs');
        p.maxAttempts = count(r, 'maxAttempts');
      }
    } else if (p.code === undefined && p.message === undefined) return undefined;
  }
  // Envelopes without a field-error member carry violations in `details.errors`.
  if (split) items = own(details, 'errors');
  const before = v.length;
  for (const item of list(items))
    if (isRecord(item))
      push(v, (ownStr(item, 'pointer') ?? '').replace(/^#/, ''), text(item) ?? '', ownStr(item, 'code'));
  if (split && v.length > before) details = rest(details as Rec, ['errors'], 'value');
  p.details = details ?? undefined;
  p.violations = v;
  return p;
}
