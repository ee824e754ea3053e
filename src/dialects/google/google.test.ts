import { describe, expect, it } from 'vitest';
import { api, dialectContract, input, RPC } from '../../../test/dialects/_contract.js';
import { defineCatalog } from '../../catalog/define.js';
import { google } from './google.js';

describe('google dialect', () => {
  dialectContract(google, {
    notFound: `{"error":{"code":404,"message":"No variable API_URL.","status":"NOT_FOUND","details":[{"@type":"${RPC}ErrorInfo","reason":"VARIABLE_NOT_FOUND","domain":"demo","metadata":{"stage":"prod"}},{"@type":"${RPC}RequestInfo","requestId":"req_1"},{"@type":"${RPC}Help","links":[{"description":"Create it first.","url":"https://docs.example.com/errors#VARIABLE_NOT_FOUND"}]},{"@type":"${RPC}LocalizedMessage","locale":"en-US","message":"No variable API_URL."}]}}`,
    invalid: `{"error":{"code":400,"message":"The request is invalid.","status":"INVALID_ARGUMENT","details":[{"@type":"${RPC}ErrorInfo","reason":"INVALID_REQUEST","domain":"demo"},{"@type":"${RPC}BadRequest","fieldViolations":[{"field":"age","description":"must be positive","reason":"too_small"},{"field":"profile.color","description":"bad color"}]},{"@type":"${RPC}Help","links":[{"description":"Invalid request","url":"https://docs.example.com/errors#INVALID_REQUEST"}]},{"@type":"${RPC}LocalizedMessage","locale":"en-US","message":"The request is invalid."}]}}`,
    rateHeaders: { 'content-type': 'application/json', 'retry-after': '2', 'x-should-retry': 'true' },

    exactDelay: true,
  });

  it('sends RetryInfo as a protobuf Duration and maps statuses to gRPC names', () => {
    const body = JSON.parse(google.serialize(api.error('RATE_LIMITED', {}, { retryAfterMs: 60_000 })).body);
    expect(body.error.status).toBe('RESOURCE_EXHAUSTED');
    expect(body.error.details[1]).toEqual({ '@type': `${RPC}RetryInfo`, retryDelay: '60s' });
    const parsed = google.parse(body, input(429));
    expect(parsed?.retryAfterMs).toBe(60_000);
  });

  it('sends the canonical status an entry states, and reads it back', () => {
    const stated = defineCatalog({
      name: 'accounts',
      errors: {
        ALREADY_EXISTS: { status: 409, wire: { google: { status: 'ALREADY_EXISTS' } } },
        CONFLICT: { status: 409 },
        RANGE: { status: 400, wire: { google: { status: 'OUT_OF_RANGE' } } },
        PRECONDITION: { status: 400, wire: { google: { status: 'FAILED_PRECONDITION' } } },
        UNKNOWN: { status: 500, wire: { google: { status: 'UNKNOWN' } } },
        LOST: { status: 500, wire: { google: { status: 'DATA_LOSS' } } },
      },
    });
    const sent = (id: (typeof stated.ids)[number]) =>
      JSON.parse(google.serialize(stated.error(id)).body).error;
    expect(sent('ALREADY_EXISTS')).toMatchObject({ code: 409, status: 'ALREADY_EXISTS' });
    expect(sent('CONFLICT')).toMatchObject({ code: 409, status: 'ABORTED' });
    expect(sent('RANGE')).toMatchObject({ code: 400, status: 'OUT_OF_RANGE' });
    expect(sent('PRECONDITION')).toMatchObject({ code: 400, status: 'FAILED_PRECONDITION' });
    expect(sent('UNKNOWN')).toMatchObject({ code: 500, status: 'UNKNOWN' });
    expect(sent('LOST')).toMatchObject({ code: 500, status: 'DATA_LOSS' });
    const parsed = google.parse(
      JSON.parse(google.serialize(stated.error('ALREADY_EXISTS')).body),
      input(409),
    );
    expect(parsed).toMatchObject({ status: 409, code: 'ALREADY_EXISTS', title: 'ALREADY_EXISTS' });
  });
});
