/**
 * The `stripe` dialect against the real Stripe SDK (stripe-node): the SDK must
 * raise its own error class for the status, carrying errata's code, message,
 * param, doc_url and request id, and retry exactly when `Stripe-Should-Retry`
 * (the catalog's retry policy) says so.
 *
 * stripe-node never reads `Retry-After`: between retries it sleeps its own
 * back-off (0.5 s doubling, jittered, floored at 0.5 s and capped at 5 s), so
 * a delay errata sends cannot reach this SDK; the test pins that floor.
 */
import Stripe from 'stripe';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { defineCatalog } from '../../src/catalog/define.js';
import { stripe } from '../../src/dialects/stripe/stripe.js';
import type { ErrataError } from '../../src/error.js';
import { startWireServer, type WireServer } from './_server.js';

const api = defineCatalog({
  name: 'payments',
  docs: 'https://docs.example.com/errors',
  errors: {
    CUSTOMER_NOT_FOUND: { status: 404, title: 'No such customer', message: 'No such customer: {id}' },
    INVALID_REQUEST: { status: 400, message: 'The request failed validation.' },
    UNAUTHORIZED: { status: 401, message: 'Invalid API key provided.' },
    LOCKED: { status: 409, retry: false, message: 'The customer is being updated by another request.' },
    QUOTA_EXCEEDED: { status: 429, retry: false, message: 'The monthly quota is used up.' },
    // No retry stated: stripe-node keeps its own defaults.
    LEDGER_CRASHED: { status: 500, message: 'The ledger crashed.' },
    BUSY: { status: 409, message: 'Another request holds the lock.' },
    RATE_LIMITED: { status: 429, retry: { afterMs: 300 }, message: 'Slow down.' },
    UNAVAILABLE: { status: 503, retry: true, message: 'Try again shortly.' },
  },
});

const TOLERANCE_MS = 25;
// stripe-node: max(initialNetworkRetryDelay = 0.5 s, jittered exponential back-off).
const STRIPE_MIN_RETRY_DELAY_MS = 500;

let server: WireServer;
beforeAll(async () => {
  server = await startWireServer();
});
afterAll(() => server.close());
beforeEach(() => server.reset());

function client(maxNetworkRetries: number): Stripe {
  return new Stripe('sk_test_x', {
    host: '127.0.0.1',
    port: server.port,
    protocol: 'http',
    maxNetworkRetries,
  });
}
function serve(make: () => ErrataError, requestId = 'req_stripe_1'): void {
  server.answer(() => stripe.serialize(make(), { requestId }));
}
async function failure(c: Stripe): Promise<unknown> {
  try {
    await c.customers.retrieve('cus_1');
  } catch (e) {
    return e;
  }
  throw new Error('the SDK call succeeded');
}

describe('stripe SDK against the stripe dialect', () => {
  it('raises StripeInvalidRequestError for a 404 with errata code, message, doc_url and request id', async () => {
    serve(() => api.error('CUSTOMER_NOT_FOUND', { id: 'cus_1' }));
    const e = (await failure(client(2))) as Stripe.errors.StripeError;
    expect(e).toBeInstanceOf(Stripe.errors.StripeInvalidRequestError);
    expect(e.statusCode).toBe(404);
    expect(e.code).toBe('CUSTOMER_NOT_FOUND');
    expect(e.message).toBe('No such customer: cus_1');
    expect(e.rawType).toBe('invalid_request_error');
    expect(e.doc_url).toBe('https://docs.example.com/errors#CUSTOMER_NOT_FOUND');
    expect(e.requestId).toBe('req_stripe_1');
    expect(server.requests).toHaveLength(1);
    expect(server.requests[0]?.url).toBe('/v1/customers/cus_1');
  });

  it('raises StripeInvalidRequestError whose param is the first violation, in bracket form', async () => {
    serve(() =>
      api.error(
        'INVALID_REQUEST',
        {},
        {
          violations: [
            { pointer: '/address/postal_code', message: 'is required' },
            { pointer: '/email', message: 'is not an email', code: 'format' },
          ],
        },
      ),
    );
    const e = (await failure(client(2))) as Stripe.errors.StripeError;
    expect(e).toBeInstanceOf(Stripe.errors.StripeInvalidRequestError);
    expect(e.param).toBe('address[postal_code]');
    expect((e.raw as { details?: unknown }).details).toEqual({
      errors: [
        { pointer: '/address/postal_code', message: 'is required' },
        { pointer: '/email', message: 'is not an email', code: 'format' },
      ],
    });
    expect(server.requests).toHaveLength(1);
  });

  it('raises StripeAuthenticationError for a 401', async () => {
    serve(() => api.error('UNAUTHORIZED'));
    const e = await failure(client(2));
    expect(e).toBeInstanceOf(Stripe.errors.StripeAuthenticationError);
    expect((e as Stripe.errors.StripeError).code).toBe('UNAUTHORIZED');
    expect(server.requests).toHaveLength(1);
  });

  it('does not retry a 409 the SDK would retry by default, when the catalog says no', async () => {
    serve(() => api.error('LOCKED'));
    const e = (await failure(client(3))) as Stripe.errors.StripeError;
    expect(e).toBeInstanceOf(Stripe.errors.StripeAPIError);
    expect(e.code).toBe('LOCKED');
    expect(server.requests).toHaveLength(1);
  });

  it('raises StripeRateLimitError for a non-retryable 429, once', async () => {
    serve(() => api.error('QUOTA_EXCEEDED'));
    const e = (await failure(client(3))) as Stripe.errors.StripeError;
    expect(e).toBeInstanceOf(Stripe.errors.StripeRateLimitError);
    expect(e.code).toBe('QUOTA_EXCEEDED');
    expect(server.requests).toHaveLength(1);
  });

  it('retries a retryable 429 (which it would not by default) 1 + maxNetworkRetries times', async () => {
    serve(() => api.error('RATE_LIMITED'));
    const e = (await failure(client(1))) as Stripe.errors.StripeError;
    expect(e).toBeInstanceOf(Stripe.errors.StripeRateLimitError);
    expect(e.headers?.['retry-after']).toBe('1');
    expect(server.requests).toHaveLength(2);
    // Its own back-off, never shorter than 0.5 s (and here longer than errata's 300 ms).
    expect(server.gaps()[0]).toBeGreaterThanOrEqual(STRIPE_MIN_RETRY_DELAY_MS - TOLERANCE_MS);
  });

  it('ignores a longer Retry-After: stripe-node sleeps its own 0.5 s (the README states this limit)', async () => {
    serve(() => api.error('UNAVAILABLE', {}, { retryAfterMs: 3000 }));
    const e = (await failure(client(1))) as Stripe.errors.StripeError;
    expect(e.headers?.['retry-after']).toBe('3');
    expect(server.requests).toHaveLength(2);
    // Far below the 3 s sent: if a stripe-node release starts honouring Retry-After, this fails and the docs change.
    expect(server.gaps()[0]).toBeLessThan(2500);
  });

  it('keeps its own defaults where the catalog does not say: retries a 500 and a 409, not a 400', async () => {
    for (const id of ['LEDGER_CRASHED', 'BUSY'] as const) {
      server.reset();
      serve(() => api.error(id));
      const e = (await failure(client(1))) as Stripe.errors.StripeError;
      expect(e.code).toBe(id);
      expect(e.headers?.['stripe-should-retry']).toBe(undefined);
      expect(server.requests).toHaveLength(2);
    }
    server.reset();
    serve(() => api.error('INVALID_REQUEST'));
    await failure(client(2));
    expect(server.requests).toHaveLength(1);
  });

  it('retries a retryable 503 exactly maxNetworkRetries times and raises StripeAPIError', async () => {
    serve(() => api.error('UNAVAILABLE'));
    const e = (await failure(client(2))) as Stripe.errors.StripeError;
    expect(e).toBeInstanceOf(Stripe.errors.StripeAPIError);
    expect(e.statusCode).toBe(503);
    expect(e.code).toBe('UNAVAILABLE');
    expect(e.requestId).toBe('req_stripe_1');
    expect(server.requests).toHaveLength(3);
    for (const gap of server.gaps())
      expect(gap).toBeGreaterThanOrEqual(STRIPE_MIN_RETRY_DELAY_MS - TOLERANCE_MS);
  });
});
