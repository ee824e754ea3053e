import { describe, expect, it } from 'vitest';
import { api, dialectContract, input, NOW, notFound } from '../../../test/dialects/_contract.js';
import { parseAny } from '../parsers.js';
import { azure } from './azure.js';

describe('azure dialect', () => {
  dialectContract(azure, {
    notFound:
      '{"error":{"code":"VARIABLE_NOT_FOUND","message":"No variable API_URL.","details":[],"innererror":{"stage":"prod"}}}',
    invalid:
      '{"error":{"code":"INVALID_REQUEST","message":"The request is invalid.","details":[{"code":"too_small","message":"must be positive","target":"age"},{"code":"INVALID_REQUEST","message":"bad color","target":"profile.color"}]}}',
    rateHeaders: {
      'content-type': 'application/json',
      'retry-after': '2',
      'x-should-retry': 'true',
      'x-ms-error-code': 'RATE_LIMITED',
      'x-ms-retry-after-ms': '1500',
    },
    requestIdHeader: 'x-ms-request-id',
    exactDelay: true,
  });

  it('sends the code as x-ms-error-code and echoes the request’s x-ms-client-request-id', () => {
    const wire = azure.serialize(notFound(), {
      requestHeaders: new Headers({ 'x-ms-client-request-id': 'c-1' }),
    });
    expect(wire.headers).toMatchObject({
      'x-ms-error-code': 'VARIABLE_NOT_FOUND',
      'x-ms-request-id': 'req_1',
      'x-ms-client-request-id': 'c-1',
    });
    // A value that is not a header value is not echoed.
    const bad = azure.serialize(notFound(), {
      requestHeaders: new Headers({ 'x-ms-client-request-id': 'é' }),
    });
    expect(bad.headers['x-ms-client-request-id']).toBeUndefined();
  });

  it('reads a service’s body: target, nested details without a target, the code from the header alone', () => {
    const body = {
      error: {
        code: 'InvalidResourceName',
        message: 'The resource name is invalid.',
        target: 'name',
        details: [
          { code: 'TooLong', message: 'At most 63 characters.', target: 'name' },
          { code: 'Other', message: 'x' },
        ],
        innererror: { code: 'NameTooLong', length: 80 },
      },
    };
    expect(parseAny(body, input(400, { 'x-ms-request-id': 'ms-1' }))).toMatchObject({
      dialect: 'azure',
      code: 'InvalidResourceName',
      requestId: 'ms-1',
      violations: [{ pointer: '/name', message: 'At most 63 characters.', code: 'TooLong' }],
      details: { code: 'NameTooLong', length: 80 },
    });
    // Without a guidelines-only member, `{error: {code, message}}` is barekey's, unless the header names Azure.
    const bare = { error: { code: 'NotFound', message: 'Gone.' } };
    expect(parseAny(bare, input(404))?.dialect).toBe('barekey');
    expect(parseAny(bare, input(404, { 'x-ms-error-code': 'NotFound' }))?.dialect).toBe('azure');
    // A details value that is not a list of error objects is not Azure's.
    expect(parseAny({ error: { code: 'A', message: 'b', details: [1, 2] } }, input(400))?.dialect).toBe(
      'barekey',
    );
  });

  it('sends details that are not an object as innererror.value, and reads them back', () => {
    const wire = azure.serialize(
      api.error('VARIABLE_NOT_FOUND', { name: 'x' }, { details: 'plain' as never }),
      { now: NOW },
    );
    expect(JSON.parse(wire.body).error.innererror).toEqual({ value: 'plain' });
    expect(azure.parse(JSON.parse(wire.body), input(404, wire.headers))?.details).toBe('plain');
  });
});
