/**
 * An entry's stated Stripe error `type` and `doc_url` reach the real Stripe
 * SDK (stripe-node) over loopback: a card_error entry raises StripeCardError
 * whose `rawType` is `card_error`, an idempotency_error entry at 400 raises
 * StripeIdempotencyError (stripe-node picks that class from the type, not the
 * status), and `doc_url` is the one the entry states.
 */
import Stripe from 'stripe';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createCatalog } from '../../src/catalog/define.js';
import { catalogFromText } from '../../src/catalog/load.js';
import { stripe } from '../../src/dialects/stripe/stripe.js';
import { startWireServer, type WireServer } from './_server.js';

const api = createCatalog(
  catalogFromText(
    `name: payments
docs: https://docs.example.com/errors
errors:
  CARD_DECLINED:
    status: 402
    message: Your card was declined.
    wire:
      stripe: { type: card_error, docUrl: https://stripe.example.com/docs/error-codes/card-declined }
  KEY_REUSED:
    status: 400
    message: Keys for idempotent requests can only be used with the same parameters.
    wire:
      stripe: { type: idempotency_error }
`,
    'yaml',
  ),
);

let server: WireServer;
beforeAll(async () => {
  server = await startWireServer();
});
afterAll(() => server.close());
beforeEach(() => server.reset());

async function failure(id: string): Promise<Stripe.errors.StripeError> {
  server.answer(() => stripe.serialize(api.error(id), { requestId: 'req_wire_1' }));
  const client = new Stripe('sk_test_x', {
    host: '127.0.0.1',
    port: server.port,
    protocol: 'http',
    maxNetworkRetries: 0,
  });
  try {
    await client.customers.retrieve('cus_1');
  } catch (e) {
    return e as Stripe.errors.StripeError;
  }
  throw new Error('the SDK call succeeded');
}

describe('stripe SDK against entries that state their Stripe wire facts', () => {
  it('raises StripeCardError with rawType card_error and the stated doc_url', async () => {
    const e = await failure('CARD_DECLINED');
    expect(e).toBeInstanceOf(Stripe.errors.StripeCardError);
    expect(e.rawType).toBe('card_error');
    expect(e.code).toBe('CARD_DECLINED');
    expect(e.message).toBe('Your card was declined.');
    expect(e.doc_url).toBe('https://stripe.example.com/docs/error-codes/card-declined');
    expect(e.requestId).toBe('req_wire_1');
  });

  it('raises StripeIdempotencyError for an idempotency_error at 400', async () => {
    const e = await failure('KEY_REUSED');
    expect(e).toBeInstanceOf(Stripe.errors.StripeIdempotencyError);
    expect(e.rawType).toBe('idempotency_error');
    expect(e.statusCode).toBe(400);
    expect(e.doc_url).toBe('https://docs.example.com/errors#KEY_REUSED');
  });
});
