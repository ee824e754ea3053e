import { describe, expect, it } from 'vitest';
import { api, dialectContract, input } from '../../../test/dialects/_contract.js';
import { clerk } from './clerk.js';

const several = () =>
  api.error(
    'VARIABLE_NOT_FOUND',
    { name: 'A' },
    {
      requestId: 'req_1',
      also: [
        api.error('GONE'),
        api.error('INVALID_REQUEST', {}, { violations: [{ pointer: '/age', message: 'must be positive' }] }),
        api.error('HIDDEN', { x: 'secret' }),
      ],
    },
  );

describe('clerk dialect', () => {
  dialectContract(clerk, {
    notFound:
      '{"errors":[{"message":"Variable not found","long_message":"No variable API_URL.","code":"VARIABLE_NOT_FOUND","meta":{"stage":"prod"}}],"clerk_trace_id":"req_1"}',
    invalid:
      '{"errors":[{"message":"Invalid request","long_message":"must be positive","code":"INVALID_REQUEST","meta":{"param_name":"age","reason":"too_small"}},{"message":"Invalid request","long_message":"bad color","code":"INVALID_REQUEST","meta":{"param_name":"profile.color"}}]}',
    rateHeaders: { 'content-type': 'application/json', 'retry-after': '2', 'x-should-retry': 'true' },
  });
  it('sends the errors of `also` after the first, each in its own form, under the status and headers of the first', () => {
    const wire = clerk.serialize(several());
    expect(wire.status).toBe(404);
    expect(wire.headers).toEqual({ 'content-type': 'application/json', 'x-request-id': 'req_1' });
    expect(wire.body).toBe(
      '{"errors":[{"message":"Variable not found","long_message":"No variable A.","code":"VARIABLE_NOT_FOUND"},{"message":"Gone for good.","long_message":"Gone for good.","code":"GONE"},{"message":"Invalid request","long_message":"must be positive","code":"INVALID_REQUEST","meta":{"param_name":"age"}},{"message":"Forbidden thing","long_message":"Forbidden thing","code":"HIDDEN"}],"clerk_trace_id":"req_1"}',
    );
    expect(clerk.parse(JSON.parse(wire.body), input(404, wire.headers))).toMatchObject({
      code: 'VARIABLE_NOT_FOUND',
      status: 404,
    });
  });
});
