import { envelope, typed } from '../_parsed-error.js';
import { has, header, own, ownStr, type Rec } from '../_read.js';
import type { ParsedError, ParseInput } from '../types.js';

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
 * (OpenAI always sends all of `message`, `type`, `param` and `code`), or a
 * first member other than `message` (OpenAI's object leads with it; Stripe's
 * members come sorted, `code` before `message`, and errata's lead with
 * `type`), so that a Stripe body naming a `param` without `doc_url` or
 * headers is still Stripe's. A body whose own `type` is `error` is
 * Anthropic's (a Stainless SDK's, read as OpenAI's), though some of its
 * types are Stripe's too. Both bare parsers use it, so at most one of them
 * accepts a body.
 */
export const isStripeError = (body: unknown, error: Rec | undefined, input: ParseInput): boolean =>
  own(body, 'type') !== 'error' &&
  STRIPE_TYPES.test(ownStr(error, 'type') ?? '') &&
  (STRIPE_ONLY.some((k) => has(error, k)) ||
    header(input, 'stripe-should-retry') !== undefined ||
    header(input, 'request-id') !== undefined ||
    !has(error, 'param') ||
    !has(error, 'code') ||
    Object.keys(error as Rec)[0] !== 'message');

/**
 * The bare parser of Stripe's `{error: {type, code, message, param, doc_url}}`
 * with its headers (see `BareParser`): `undefined` when the body is not one;
 * may throw on a hostile value. `title` is Stripe's error `type`, `type` its `doc_url`.
 */
export function parseStripeBare(body: unknown, input: ParseInput): ParsedError | undefined {
  const error = envelope(body);
  if (!isStripeError(body, error, input)) return undefined;
  return typed(
    'stripe',
    input,
    error,
    ownStr(error, 'code'),
    ownStr(error, 'message'),
    header(input, 'request-id'),
    'stripe-should-retry',
    ownStr(error, 'doc_url'),
    // Stripe's error type (`card_error`) names the class of the error, as Google's status does: its title.
    ownStr(error, 'type'),
  );
}
