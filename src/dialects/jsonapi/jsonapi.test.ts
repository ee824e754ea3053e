import { describe } from 'vitest';
import { dialectContract } from '../../../test/dialects/_contract.js';
import { jsonapi } from './jsonapi.js';

describe('jsonapi dialect', () => {
  dialectContract(jsonapi, {
    notFound:
      '{"errors":[{"id":"req_1","links":{"type":"https://docs.example.com/errors#VARIABLE_NOT_FOUND"},"status":"404","code":"VARIABLE_NOT_FOUND","title":"Variable not found","detail":"No variable API_URL.","meta":{"details":{"stage":"prod"}}}]}',
    invalid:
      '{"errors":[{"links":{"type":"https://docs.example.com/errors#INVALID_REQUEST"},"status":"400","code":"INVALID_REQUEST","title":"Invalid request","detail":"must be positive","source":{"pointer":"/age"},"meta":{"reason":"too_small"}},{"links":{"type":"https://docs.example.com/errors#INVALID_REQUEST"},"status":"400","code":"INVALID_REQUEST","title":"Invalid request","detail":"bad color","source":{"pointer":"/profile/color"}}]}',
    rateHeaders: { 'content-type': 'application/vnd.api+json', 'retry-after': '2', 'x-should-retry': 'true' },
  });
});
