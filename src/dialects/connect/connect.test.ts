import { describe, expect, it } from 'vitest';
import { api, dialectContract, input } from '../../../test/dialects/_contract.js';
import { defineCatalog } from '../../catalog/define.js';
import type { EntryModel } from '../../catalog/model.js';
import { parseAny } from '../parsers.js';
import { connect, connectCodeOf } from './connect.js';

const info = (reason: string, value: string) =>
  `{"type":"google.rpc.ErrorInfo","value":"${value}","debug":{"reason":"${reason}","domain":"demo"}}`;

describe('connect dialect', () => {
  dialectContract(connect, {
    notFound:
      '{"code":"not_found","message":"No variable API_URL.","details":[{"type":"google.rpc.ErrorInfo","value":"ChJWQVJJQUJMRV9OT1RfRk9VTkQSBGRlbW8aDQoFc3RhZ2USBHByb2Q=","debug":{"reason":"VARIABLE_NOT_FOUND","domain":"demo","metadata":{"stage":"prod"}}},{"type":"google.rpc.RequestInfo","value":"CgVyZXFfMQ==","debug":{"requestId":"req_1"}}]}',
    invalid: `{"code":"invalid_argument","message":"The request is invalid.","details":[${info('INVALID_REQUEST', 'Cg9JTlZBTElEX1JFUVVFU1QSBGRlbW8=')},{"type":"google.rpc.BadRequest","value":"CiIKA2FnZRIQbXVzdCBiZSBwb3NpdGl2ZRoJdG9vX3NtYWxsChoKDXByb2ZpbGUuY29sb3ISCWJhZCBjb2xvcg==","debug":{"fieldViolations":[{"field":"age","description":"must be positive","reason":"too_small"},{"field":"profile.color","description":"bad color"}]}}]}`,
    rateHeaders: { 'content-type': 'application/json', 'retry-after': '2', 'x-should-retry': 'true' },
    exactDelay: true,
  });

  it('sends RetryInfo with the exact delay, its Duration in bytes and in JSON', () => {
    const body = JSON.parse(connect.serialize(api.error('RATE_LIMITED', {}, { retryAfterMs: 60_250 })).body);
    expect(body.code).toBe('resource_exhausted');
    // seconds = 60 (field 1), nanos = 250 000 000 (field 2), inside retry_delay (field 1).
    expect(body.details[1]).toEqual({
      type: 'google.rpc.RetryInfo',
      value: Buffer.from([0x0a, 0x07, 0x08, 0x3c, 0x10, 0x80, 0xe5, 0x9a, 0x77]).toString('base64'),
      debug: { retryDelay: '60.250s' },
    });
    expect(connect.parse(body, input(429))).toMatchObject({ retryAfterMs: 60_250, retryable: true });
  });

  it("maps statuses to Connect's codes, and a stated gRPC code to its own", () => {
    const stated = defineCatalog({
      name: 'accounts',
      errors: {
        EXISTS: { status: 409, wire: { google: { status: 'ALREADY_EXISTS' } } },
        BUSY: { status: 409 },
        UNPROCESSABLE: { status: 422 },
        NO_KEY: { status: 401 },
        CLOSED: { status: 499 },
        RANGE: { status: 400, wire: { google: { status: 'OUT_OF_RANGE' } } },
        DOWN: { status: 503 },
        BOOM: { status: 500 },
      },
    });
    const code = (id: (typeof stated.ids)[number]) =>
      JSON.parse(connect.serialize(stated.error(id)).body).code;
    expect(code('EXISTS')).toBe('already_exists');
    expect(code('BUSY')).toBe('aborted');
    expect(code('UNPROCESSABLE')).toBe('invalid_argument');
    expect(code('NO_KEY')).toBe('unauthenticated');
    expect(code('CLOSED')).toBe('canceled');
    expect(code('RANGE')).toBe('out_of_range');
    expect(code('DOWN')).toBe('unavailable');
    expect(code('BOOM')).toBe('internal');
    expect(connectCodeOf(stated.model.errors.CLOSED as EntryModel)).toBe('canceled');
    // The entry's status stays the HTTP status; the parser keeps the Connect code as the title.
    const wire = connect.serialize(stated.error('UNPROCESSABLE'));
    expect(wire.status).toBe(422);
    expect(connect.parse(JSON.parse(wire.body), input(422))).toMatchObject({
      status: 422,
      code: 'UNPROCESSABLE',
      title: 'invalid_argument',
    });
  });

  it("reads a Connect server's error: the Connect code when no ErrorInfo says more, its status without an HTTP one", () => {
    // As connect-go sends one: a detail without `debug` (bytes only).
    const body = {
      code: 'unavailable',
      message: 'upstream is down',
      details: [{ type: 'google.rpc.DebugInfo', value: 'EgR0ZXN0' }],
    };
    expect(connect.parse(body, input(200))).toMatchObject({
      dialect: 'connect',
      status: 503,
      code: 'unavailable',
      message: 'upstream is down',
      title: 'unavailable',
    });
    expect(parseAny(body, input(503))?.dialect).toBe('connect');
    // Without details too (as most Connect servers answer), with the status of the code when the HTTP one says nothing.
    expect(parseAny({ code: 'not_found', message: 'gone' }, input(200))).toMatchObject({
      dialect: 'connect',
      status: 404,
      code: 'not_found',
    });
    // Not a Connect code, or details that are not Connect's: not Connect's (a flat body is `simple`, whose
    // details are never absent).
    expect(connect.parse({ ...body, code: 'UNAVAILABLE' }, input(503))).toBeUndefined();
    expect(connect.parse({ ...body, details: [{ type: 'x' }] }, input(503))).toBeUndefined();
    expect(parseAny({ ...body, details: { type: 'x' } }, input(503))?.dialect).toBe('simple');
    expect(parseAny({ code: 'unavailable', message: 'down', details: null }, input(503))?.dialect).toBe(
      'simple',
    );
  });
});
