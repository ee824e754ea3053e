import { describe } from 'vitest';
import { dialectContract } from '../../../test/dialects/_contract.js';
import { barekey } from './barekey.js';

describe('barekey dialect', () => {
  dialectContract(barekey, {
    notFound:
      '{"error":{"code":"VARIABLE_NOT_FOUND","message":"No variable API_URL.","requestId":"req_1","details":{"stage":"prod"}}}',
    invalid:
      '{"error":{"code":"INVALID_REQUEST","message":"The request is invalid.","details":{"errors":[{"pointer":"/age","message":"must be positive","code":"too_small"},{"pointer":"/profile/color","message":"bad color"}]}}}',
    rateHeaders: { 'content-type': 'application/json', 'retry-after': '2', 'x-should-retry': 'true' },
  });
});
