import { describe, expect, it } from 'vitest';
import { api, dialectContract, input } from '../../../test/dialects/_contract.js';
import { defineCatalog } from '../../catalog/define.js';
import { stripe } from './stripe.js';

describe('stripe dialect', () => {
  dialectContract(stripe, {
    notFound:
      '{"error":{"type":"invalid_request_error","code":"VARIABLE_NOT_FOUND","message":"No variable API_URL.","doc_url":"https://docs.example.com/errors#VARIABLE_NOT_FOUND","details":{"stage":"prod"}}}',
    invalid:
      '{"error":{"type":"invalid_request_error","code":"INVALID_REQUEST","message":"The request is invalid.","param":"age","doc_url":"https://docs.example.com/errors#INVALID_REQUEST","details":{"errors":[{"pointer":"/age","message":"must be positive","code":"too_small"},{"pointer":"/profile/color","message":"bad color"}]}}}',
    rateHeaders: { 'content-type': 'application/json', 'retry-after': '2', 'stripe-should-retry': 'true' },

    requestIdHeader: 'request-id',
  });

  it('sends api_error at 5xx and request-id, not x-request-id', () => {
    const wire = stripe.serialize(api.error('EVALUATION_FAILED', { name: 'x' }, { requestId: 'r' }));
    expect(JSON.parse(wire.body).error.type).toBe('api_error');
    expect(wire.headers['request-id']).toBe('r');
    expect(wire.headers['x-request-id']).toBeUndefined();
    // The entry does not say whether it may be retried: stripe-node keeps its defaults.
    expect(wire.headers['stripe-should-retry']).toBeUndefined();
    expect(wire.headers['x-should-retry']).toBeUndefined();
  });

  it('sends the error type and doc_url an entry states, and reads them back', () => {
    const stated = defineCatalog({
      name: 'payments',
      docs: 'https://docs.example.com/errors',
      errors: {
        CARD_DECLINED: {
          status: 402,
          message: 'Your card was declined.',
          wire: { stripe: { type: 'card_error', docUrl: 'https://stripe.example.com/docs/card-declined' } },
        },
        KEY_REUSED: { status: 400, wire: { stripe: { type: 'idempotency_error' } } },
        PAYMENT_REQUIRED: { status: 402 },
      },
    });
    const card = stripe.serialize(stated.error('CARD_DECLINED'));
    expect(card.body).toBe(
      '{"error":{"type":"card_error","code":"CARD_DECLINED","message":"Your card was declined.","doc_url":"https://stripe.example.com/docs/card-declined"}}',
    );
    const reused = JSON.parse(stripe.serialize(stated.error('KEY_REUSED')).body).error;
    expect(reused).toMatchObject({
      type: 'idempotency_error',
      doc_url: 'https://docs.example.com/errors#KEY_REUSED',
    });
    // Not stated: the type the status gives.
    expect(JSON.parse(stripe.serialize(stated.error('PAYMENT_REQUIRED')).body).error.type).toBe(
      'invalid_request_error',
    );
    expect(stripe.parse(JSON.parse(card.body), input(402))).toMatchObject({
      status: 402,
      code: 'CARD_DECLINED',
      title: 'card_error',
      type: 'https://stripe.example.com/docs/card-declined',
    });
  });
});
