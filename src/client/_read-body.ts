// The client's universal reader: one pass over a parsed JSON body that reads
// errors by their shape: an `{error: {…}}` envelope, an `{error: "…"}` string,
// an `errors` array, an RFC 9457 problem, a flat code and message (a JSON
// array: its first item), and the code, message and request id of an XML
// error (AWS, Azure Storage); then the code and request id vendors send in
// headers, where the body names none. A numeric code that is the HTTP status
// is no wire code: the one the body names otherwise is. errata's
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

import type { ParsedError, ParseInput } from '../dialects/types.js';
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
const list = (v: unknown): unknown[] => (Array.isArray(v) ? v : []);
/** A count of milliseconds, seconds or attempts: a non-negative number, else `undefined`. */
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

/** AWS's error type without its namespace (`aws.lambda#`) or `:` suffix, as AWS's SDKs read it. */
const aws = (v: string | undefined) => v?.split(':')[0]?.split('#').pop();
/** An XML error's element (`<Code>NoSuchKey</Code>`): a pattern for three leaf values, not an XML parser; a value with markup or an entity is left unread. */
const xml = (text: string, tag: string) => new RegExp(`<${tag}>([^<&]+)</${tag}>`).exec(text)?.[1];

/**
 * Reads a body (parsed JSON, else its text) and the response's headers into
 * the fields the client needs; `undefined` when nothing in it is recognised.
 */
export function read(body: unknown, { status, headers }: ParseInput): ParsedError | undefined {
  const head = (k: string) => headers.get(k) ?? undefined;
  /** A code: a string, or a number as its digits (Twilio's `20404`), unless it is the HTTP status. */
  const id = (v: unknown) => (typeof v === 'number' ? (v === status ? undefined : `${v}`) : str(v));
  // Salesforce's `[{errorCode, message}]`.
  if (Array.isArray(body)) body = body[0];
  // No `status`: the client takes the response's.
  const p = { dialect: isRecord(body) ? 'simple' : undefined } as Out;
  const v: Violation[] = [];
  /**
   * google.rpc details: AIP-193's (`{'@type': 'type.googleapis.com/google.rpc.ErrorInfo', reason}`)
   * and Connect's (`{type: 'google.rpc.ErrorInfo', value, debug: {reason}}`): the code is
   * ErrorInfo's reason, its metadata the details; field violations, a delay, a request id, a link.
   */
  const rpc = (items: unknown) => {
    for (const item of list(items)) {
      const at = (ownStr(item, '@type') ?? ownStr(item, 'type'))?.split('.').pop();
      const d = own(item, 'debug') ?? item;
      if (at === 'ErrorInfo') {
        p.code ??= ownStr(d, 'reason');
        details ??= own(d, 'metadata');
      } else if (at === 'RetryInfo') {
        // A google.protobuf.Duration in its JSON form (`60s`, `0.300s`).
        const m = /^(\d{1,12}(\.\d+)?)s$/.exec(ownStr(d, 'retryDelay') ?? '');
        if (m) {
          p.retryAfterMs ??= Math.round(+(m[1] as string) * 1000);
          p.retryable = true;
        }
      } else if (at === 'BadRequest') fields(own(d, 'fieldViolations'), 'description');
      else if (at === 'RequestInfo') p.requestId ??= ownStr(d, 'requestId');
      else if (at === 'Help') p.type ??= ownStr(list(own(d, 'links'))[0], 'url');
    }
  };
  /** Field violations as `{field: 'a.b[0]', reason, <message>}` (Google's BadRequest, Kubernetes' causes). */
  const fields = (items: unknown, message: string) => {
    for (const f of list(items))
      push(v, pathPointer(ownStr(f, 'field')), ownStr(f, message) ?? '', ownStr(f, 'reason'));
  };
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
  if (typeof body === 'string') {
    p.code = xml(body, 'Code');
    p.message = xml(body, 'Message');
    p.requestId = xml(body, 'RequestId');
  } else if (isRecord(error)) {
    const code = own(error, 'code');
    const status = ownStr(error, 'status');
    p.message = ownStr(error, 'message');
    if (typeof code === 'number' && status) {
      // Google AIP-193: the code is ErrorInfo.reason, else the gRPC status name.
      p.dialect = 'google';
      p.title = status;
      details = undefined;
      split = false;
      rpc(own(error, 'details'));
      p.code ??= status;
    } else {
      // A `type`: OpenAI's object has all of `param` and `code` and leads with `message`, Anthropic's
      // body has `type: 'error'` (both Stainless SDKs' envelope); else Stripe's.
      // None: barekey and most others.
      const t = ownStr(error, 'type');
      p.dialect =
        t === undefined
          ? 'barekey'
          : (has(error, 'param') && has(error, 'code') && Object.keys(error)[0] === 'message') ||
              type === 'error'
            ? 'openai'
            : 'stripe';
      // Identity Toolkit's code-shaped message (`EMAIL_EXISTS`, `WEAK_PASSWORD : Password should…`),
      // Google's older `errors[].reason`; Anthropic's errors, and OpenAI's with `code: null`, are named by their type.
      p.code = id(code);
      if (p.code === undefined) {
        const named = /^([A-Z][A-Z\d_]+)(?: : ([\s\S]+))?$/.exec(p.message ?? '');
        p.code = named?.[1] ?? ownStr(list(own(error, 'errors'))[0], 'reason') ?? t;
        p.message = named?.[2] ?? p.message;
      }
      p.type = ownStr(error, 'doc_url');
      p.requestId = ownStr(error, 'requestId');
      details = own(error, 'details');
      if (Array.isArray(details)) {
        // Microsoft's `details[]` of error objects, a `target` each (a field violation, its code kept
        // unless it is the error's own), and `innererror` (Graph: `innerError`) as the details.
        for (const item of details) {
          const c = ownStr(item, 'code');
          push(
            v,
            pathPointer(ownStr(item, 'target')),
            ownStr(item, 'message') ?? '',
            c === p.code ? undefined : c,
          );
        }
        details = own(error, 'innererror') ?? own(error, 'innerError');
      } else if (!Array.isArray(own(details, 'errors')))
        push(v, pathPointer(ownStr(error, 'param')), p.message ?? '');
    }
  } else if (typeof error === 'string') {
    // authos `{error, error_code}`; OAuth 2 `{error, error_description}`; Slack's
    // `{ok: false, error}` (a lower-case code alone); Fastify's and Boom's `{error, code?, message}`.
    p.dialect = 'authos';
    // Zendesk's `{error, description}`, CouchDB's `{error, reason}` and Auth0's `errorCode` too.
    const description =
      ownStr(body, 'error_description') ?? ownStr(body, 'description') ?? ownStr(body, 'reason');
    p.code =
      ownStr(body, 'error_code') ??
      ownStr(body, 'errorCode') ??
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
    // GraphQL puts the code in `extensions`, GitHub's GraphQL API in `type`.
    p.code = id(own(first, 'code')) ?? ownStr(own(first, 'extensions'), 'code') ?? ownStr(first, 'type');
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
    // OCI's `detail`, any JSON value (errata's carries violations in `errors`).
    if (clerk && !v.length && details === undefined) {
      details = own(first, 'detail');
      split = true;
    }
  } else {
    // Supabase Auth's `error_code` beside `code`: the status; Kubernetes' `reason`; Okta's and
    // Salesforce's `errorCode`; AWS's JSON protocol: `{__type: 'namespace#Code', message}`; PayPal's
    // `name`, Heroku's and DigitalOcean's `id`, when code-shaped.
    // Connect's google.rpc details.
    if (list(details).some((i) => own(i, 'debug') !== undefined)) {
      const d = details;
      details = undefined;
      split = false;
      rpc(d);
    }
    p.code ??=
      id(own(body, 'code')) ??
      ownStr(body, 'error_code') ??
      ownStr(body, 'errorCode') ??
      // errata's code in Kubernetes: the first cause without a field that is no Kubernetes cause type.
      list(own(details, 'causes'))
        .map((c) => (own(c, 'field') === undefined ? ownStr(c, 'reason') : undefined))
        .find((r) => r && !/^(Field|InternalError|Unexpected|ResourceVersion)/.test(r)) ??
      ownStr(body, 'reason') ??
      aws(ownStr(body, '__type')) ??
      [ownStr(body, 'name'), ownStr(body, 'id')].find((s) => /^([A-Z_]+|[a-z_]+)$/.test(s ?? ''));
    // Supabase's `msg`, AWS's `Message`, Okta's `errorSummary`; Shopify's `{errors: 'text'}`, Rails'
    // `{errors: ['text']}`, Jira's `{errorMessages: ['text']}`.
    p.message =
      detail ??
      message ??
      ownStr(body, 'msg') ??
      ownStr(body, 'Message') ??
      ownStr(body, 'errorSummary') ??
      title ??
      str(list(errors)[0] ?? errors) ??
      str(list(own(body, 'errorMessages'))[0]);
    // Kubernetes' `details.causes`: field violations.
    fields(own(details, 'causes'), 'message');
    // A delay in seconds: Kubernetes' `details.retryAfterSeconds`, Discord's `retry_after`.
    const after = count(details, 'retryAfterSeconds') ?? count(body, 'retry_after');
    if (after !== undefined) {
      p.retryAfterMs = Math.round(after * 1000);
      p.retryable = true;
    }
    // A Kubernetes Status' own details (name, kind …), errata's in `data`.
    if (ownStr(body, 'kind') === 'Status' && isRecord(details))
      details = rest(details, ['causes', 'retryAfterSeconds'], 'data');
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
    } else if (p.code === undefined && p.message === undefined) p.dialect = undefined as never;
  }
  // A code sent in a header: AWS's restJson1, Azure's, Supabase Auth's.
  p.code ??= aws(head('x-amzn-errortype')) ?? head('x-ms-error-code') ?? head('x-sb-error-code');
  // A request id the body names (errata, Anthropic, Supabase Auth, Okta, ASP.NET Core, PayPal), else a
  // vendor's header (the client reads x-request-id and request-id after these).
  for (const k of ['requestId', 'request_id', 'error_id', 'errorId', 'traceId', 'debug_id'])
    p.requestId ??= ownStr(body, k);
  for (const k of [
    'x-amzn-requestid',
    'x-amz-request-id',
    'x-ms-request-id',
    'x-github-request-id',
    'twilio-request-id',
    'audit-id',
  ])
    p.requestId ??= head(k);
  // Envelopes without a field-error member carry violations in `details.errors`.
  if (split) items = own(details, 'errors');
  const before = v.length;
  for (const item of list(items))
    if (isRecord(item))
      push(v, (ownStr(item, 'pointer') ?? '').replace(/^#/, ''), text(item) ?? '', ownStr(item, 'code'));
  if (split && v.length > before) details = rest(details as Rec, ['errors'], 'value');
  p.details = details ?? undefined;
  p.violations = v;
  return p.dialect || p.code || p.message || p.requestId ? p : undefined;
}
