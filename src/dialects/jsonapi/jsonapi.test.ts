import { describe, expect, it } from 'vitest';
import { api, dialectContract, input } from '../../../test/dialects/_contract.js';
import { jsonapi } from './jsonapi.js';

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

describe('jsonapi dialect', () => {
  dialectContract(jsonapi, {
    notFound:
      '{"errors":[{"id":"req_1","links":{"type":"https://docs.example.com/errors#VARIABLE_NOT_FOUND"},"status":"404","code":"VARIABLE_NOT_FOUND","title":"Variable not found","detail":"No variable API_URL.","meta":{"details":{"stage":"prod"}}}]}',
    invalid:
      '{"errors":[{"links":{"type":"https://docs.example.com/errors#INVALID_REQUEST"},"status":"400","code":"INVALID_REQUEST","title":"Invalid request","detail":"must be positive","source":{"pointer":"/age"},"meta":{"reason":"too_small"}},{"links":{"type":"https://docs.example.com/errors#INVALID_REQUEST"},"status":"400","code":"INVALID_REQUEST","title":"Invalid request","detail":"bad color","source":{"pointer":"/profile/color"}}]}',
    rateHeaders: { 'content-type': 'application/vnd.api+json', 'retry-after': '2', 'x-should-retry': 'true' },
  });
  it('sends the errors of `also` after the first, each in its own form, under the status and headers of the first', () => {
    const wire = jsonapi.serialize(several());
    expect(wire.status).toBe(404);
    expect(wire.headers).toEqual({ 'content-type': 'application/vnd.api+json', 'x-request-id': 'req_1' });
    expect(wire.body).toBe(
      '{"errors":[{"id":"req_1","links":{"type":"https://docs.example.com/errors#VARIABLE_NOT_FOUND"},"status":"404","code":"VARIABLE_NOT_FOUND","title":"Variable not found","detail":"No variable A."},{"id":"req_1","links":{"type":"https://docs.example.com/errors#GONE"},"status":"410","code":"GONE","title":"Gone","detail":"Gone for good."},{"id":"req_1","links":{"type":"https://docs.example.com/errors#INVALID_REQUEST"},"status":"400","code":"INVALID_REQUEST","title":"Invalid request","detail":"must be positive","source":{"pointer":"/age"}},{"id":"req_1","links":{"type":"https://docs.example.com/errors#HIDDEN"},"status":"403","code":"HIDDEN","title":"Forbidden thing","detail":"Forbidden thing"}]}',
    );
    // Its parser reads the first.
    expect(jsonapi.parse(JSON.parse(wire.body), input(404, wire.headers))).toMatchObject({
      code: 'VARIABLE_NOT_FOUND',
      status: 404,
    });
  });
});
