import { describe } from 'vitest';
import { dialectContract } from '../../../test/dialects/_contract.js';
import { clerk } from './clerk.js';

describe('clerk dialect', () => {
  dialectContract(clerk, {
    notFound:
      '{"errors":[{"message":"Variable not found","long_message":"No variable API_URL.","code":"VARIABLE_NOT_FOUND","meta":{"stage":"prod"}}],"clerk_trace_id":"req_1"}',
    invalid:
      '{"errors":[{"message":"Invalid request","long_message":"must be positive","code":"INVALID_REQUEST","meta":{"param_name":"age","reason":"too_small"}},{"message":"Invalid request","long_message":"bad color","code":"INVALID_REQUEST","meta":{"param_name":"profile.color"}}]}',
    rateHeaders: { 'content-type': 'application/json', 'retry-after': '2', 'x-should-retry': 'true' },
  });
});
