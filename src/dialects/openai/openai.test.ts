import { describe } from 'vitest';
import { dialectContract } from '../../../test/dialects/_contract.js';
import { openai } from './openai.js';

describe('openai dialect', () => {
  dialectContract(openai, {
    notFound:
      '{"error":{"message":"No variable API_URL.","type":"not_found_error","param":null,"code":"VARIABLE_NOT_FOUND","details":{"stage":"prod"}}}',
    invalid:
      '{"error":{"message":"The request is invalid.","type":"invalid_request_error","param":"age","code":"INVALID_REQUEST","details":{"errors":[{"pointer":"/age","message":"must be positive","code":"too_small"},{"pointer":"/profile/color","message":"bad color"}]}}}',
    rateHeaders: {
      'content-type': 'application/json',
      'retry-after': '2',
      'x-should-retry': 'true',
      'retry-after-ms': '1500',
    },

    exactDelay: true,
  });
});
