import { describe, expect, it } from 'vitest';
import { api, dialectContract } from '../../../test/dialects/_contract.js';
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
});
