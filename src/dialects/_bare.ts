// From a dialect's bare parser to its public one. A bare parser
// (`parseClerkBare`) reads the body, and only the headers that tell dialects
// apart or that only its dialect defines (Stripe's `Request-Id`, the
// should-retry headers); it may throw on a hostile non-JSON value (a throwing
// getter, a revoked proxy). `completed` adds what any response may say in its
// headers, `safeParser` catches whatever a bare parser throws: together they
// make the public parser (`parseClerk`) and the dialect object's `parse`.

import { boolHeader, header } from './_read.js';
import type { ParsedError, ParseInput } from './types.js';

/**
 * A dialect's bare parser: a body in, a parsed error (or `undefined`: not this
 * dialect) out, without the `Retry-After` and `x-request-id` headers, and one
 * that may throw on a hostile non-JSON value. Never public: what an
 * application calls is the dialect's safe parser, `safeParser(completed(bare))`.
 */
export type BareParser = (body: unknown, input: ParseInput) => ParsedError | undefined;

/** The three forms of an HTTP-date (RFC 9110 section 5.6.7): IMF-fixdate, RFC 850, asctime. */
const HTTP_DATE = /^[A-Z][a-z]+,? [\w -]+ [\d:]{8} (GMT|\d{4})$/;

/**
 * The delay a response asks for, in whole ms: `retry-after-ms` when the
 * format defines it, else `Retry-After` as RFC 9110 section 10.2.3 allows it:
 * delay-seconds (digits only) or an HTTP-date (one in the past means now;
 * asctime's, which has no zone, is GMT). Anything else (`1e3`, `1.5`, `-5`, an
 * ISO date) is no delay.
 */
function retryAfter(input: ParseInput, withMs?: boolean): number | undefined {
  const ms = withMs ? header(input, 'retry-after-ms')?.trim() : undefined;
  if (ms !== undefined && /^\d+(\.\d+)?$/.test(ms)) return Math.ceil(+ms);
  const ra = header(input, 'retry-after')?.trim();
  if (!ra) return undefined;
  if (/^\d+$/.test(ra)) return Math.min(+ra * 1000, 2 ** 53);
  const date = HTTP_DATE.test(ra) ? Date.parse(/\d$/.test(ra) ? `${ra} GMT` : ra) : Number.NaN;
  return Number.isNaN(date) ? undefined : Math.max(0, date - Date.now());
}

type Mutable<T> = { -readonly [K in keyof T]: T[K] };

/**
 * Adds to a parsed error what the response headers say and the body did
 * not: whether to retry (`x-should-retry`, which every dialect but Stripe
 * sends when the catalog says), the delay of `Retry-After` (and
 * `retry-after-ms` for OpenAI; a Google RetryInfo or a problem's `retry`
 * member, exact to the millisecond, comes first), and the `x-request-id`
 * header as the request id (not for Google, whose id is RequestInfo's, nor
 * Stripe, whose is `Request-Id`, nor RFC 9457 problems, whose is `requestId`).
 */
export function complete(parsed: ParsedError | undefined, input: ParseInput): ParsedError | undefined {
  const p = parsed as Mutable<ParsedError> | undefined;
  const d = p?.dialect;
  if (p) {
    if (d !== 'stripe') p.retryable ??= boolHeader(input, 'x-should-retry');
    p.retryAfterMs ??= retryAfter(input, d === 'openai');
    if (d !== 'google' && d !== 'stripe' && d !== 'problem') p.requestId ??= header(input, 'x-request-id');
  }
  return p;
}

/** A bare parser followed by {@link complete}: it may still throw. */
export const completed =
  (parse: BareParser): BareParser =>
  (body, input) =>
    complete(parse(body, input), input);

/**
 * Wraps a parser so that nothing it meets (a throwing getter, a revoked proxy)
 * escapes as an exception: a dialect's `parse` answers a parsed error or
 * `undefined`.
 */
export function safeParser(parse: BareParser): (body: unknown, input: ParseInput) => ParsedError | undefined {
  return (body, input) => {
    try {
      return parse(body, input);
    } catch {
      return undefined;
    }
  };
}
