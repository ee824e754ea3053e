import { describe, expect, it } from 'vitest';
import { api, dialectContract } from '../../../test/dialects/_contract.js';
import { simple } from './simple.js';

describe('simple dialect', () => {
  dialectContract(simple, {
    notFound: '{"code":"VARIABLE_NOT_FOUND","message":"No variable API_URL.","details":{"stage":"prod"}}',
    invalid:
      '{"code":"INVALID_REQUEST","message":"The request is invalid.","details":{"errors":[{"pointer":"/age","message":"must be positive","code":"too_small"},{"pointer":"/profile/color","message":"bad color"}]}}',
    rateHeaders: { 'content-type': 'application/json', 'retry-after': '2', 'x-should-retry': 'true' },
  });

  it('sends details: null when there are none, as seed 003 shows', () => {
    expect(simple.serialize(api.error('INVALID_REQUEST')).body).toBe(
      '{"code":"INVALID_REQUEST","message":"The request is invalid.","details":null}',
    );
  });
});
