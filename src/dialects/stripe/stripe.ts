import { stripeDocUrlOf, stripeTypeOf } from '../../catalog/wire-facts.js';
import { isFieldValue } from '../../utils/http-field.js';
import { completed, safeParser } from '../_bare.js';
import { baseHeaders, detailsWithViolations, fieldPath, requestIdOf } from '../_serialize.js';
import { publicMessage } from '../expose.js';
import type { Dialect } from '../types.js';
import { parseStripeBare } from './parse-bare.js';

const CONTENT_TYPE = 'application/json';

interface StripeCache {
  /** `{"error":{"type":<type>,"code":<code>,"message":` */
  readonly head: string;
  /** `,"doc_url":<the stated URL, else the type URI>` or `""` */
  readonly doc: string;
}

/**
 * Stripe's envelope: `{error: {type, code, message, param, doc_url}}`. `type`
 * is the one the entry states (`wire.stripe.type`: `card_error` …), else
 * `api_error` at 500 and above and `invalid_request_error` below (stripe-node
 * picks its error class from the status, and from the type at 400 and 404),
 * `param` the first violation's field in Stripe's bracket form, `doc_url` the
 * one the entry states, else its `type` URI; details and
 * all violations travel in `error.details`. Headers: `Stripe-Should-Retry`
 * (the catalog's retry policy, which stripe-node obeys over its status
 * defaults; none when the entry does not say), `Request-Id`, and `Retry-After` when a delay is known.
 */
export const stripe: Dialect = {
  name: 'stripe',
  contentType: CONTENT_TYPE,
  serialize(error, context) {
    const def = error.definition;
    let c = def.cache.stripe as StripeCache | undefined;
    if (c === undefined) {
      const e = def.entry;
      const doc = stripeDocUrlOf(e, def.type);
      c = {
        head: `{"error":{"type":"${stripeTypeOf(e)}","code":${JSON.stringify(e.code)},"message":`,
        doc: doc === undefined ? '' : `,"doc_url":${JSON.stringify(doc)}`,
      };
      def.cache.stripe = c;
    }
    let body = c.head + JSON.stringify(publicMessage(error, context));
    const first = error.violations?.[0];
    if (first !== undefined) body += `,"param":${JSON.stringify(fieldPath(first.pointer, 'bracket'))}`;
    body += c.doc;
    const details = detailsWithViolations(error);
    if (details !== undefined) body += `,"details":${JSON.stringify(details)}`;
    const requestId = requestIdOf(error, context);
    // Stripe names its request id header `Request-Id`; stripe-node reads that one.
    // stripe-node reads its own should-retry header, not OpenAI's.
    const headers = baseHeaders(error, CONTENT_TYPE, undefined, 'stripe-should-retry');
    if (requestId !== undefined && isFieldValue(requestId)) headers['request-id'] = requestId;
    return { status: error.status, headers, body: `${body}}}` };
  },
  parse: (body, input) => parseStripe(body, input),
};

/** Reads a Stripe `{error: {type, code, message, param, doc_url}}` body with its headers; `undefined` when the body is not one. Never throws. */
export const parseStripe = safeParser(completed(parseStripeBare));
