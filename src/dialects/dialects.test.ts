/**
 * The wire format is the contract: every dialect's output is pinned byte for
 * byte, then read back by its own parser, and by no other.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { defineCatalog } from '../catalog/define.js';
import { toResponse } from '../server/response.js';
import { pathPointer } from '../utils/json-pointer.js';
import { fieldPath } from './_common.js';
import { dialects, getDialect, UnknownDialectError } from './index.js';
import { bareParsers, detect, parseAny, parsers } from './parsers.js';
import type { ParseInput } from './types.js';

const api = defineCatalog({
  name: 'demo',
  docs: 'https://docs.example.com/errors',
  errors: {
    VARIABLE_NOT_FOUND: {
      status: 404,
      title: 'Variable not found',
      message: 'No variable {name}.',
      remediation: 'Create it first.',
      details: { type: 'object' },
    },
    INVALID_REQUEST: { status: 400, title: 'Invalid request', message: 'The request is invalid.' },
    RATE_LIMITED: { status: 429, retry: { afterMs: 1500 }, message: 'Slow down.' },
    EVALUATION_FAILED: { status: 500, message: 'Decrypt failed for {name}', details: { type: 'object' } },
    HIDDEN: {
      status: 403,
      expose: false,
      title: 'Forbidden thing',
      message: 'secret {x}',
      details: { type: 'object' },
    },
  },
});
const NOW = () => new Date('2025-01-15T10:30:00.123Z');
const notFound = () =>
  api.error('VARIABLE_NOT_FOUND', { name: 'API_URL' }, { requestId: 'req_1', details: { stage: 'prod' } });
const invalid = () =>
  api.error(
    'INVALID_REQUEST',
    {},
    {
      violations: [
        { pointer: '/age', message: 'must be positive', code: 'too_small' },
        { pointer: '/profile/color', message: 'bad color' },
      ],
    },
  );
const input = (status: number, headers: Record<string, string> = {}): ParseInput => ({
  status,
  headers: new Headers(headers),
});

const T = 'type.googleapis.com/google.rpc.';
const PINNED: Record<string, { notFound: string; invalid: string; rateHeaders: Record<string, string> }> = {
  barekey: {
    notFound:
      '{"error":{"code":"VARIABLE_NOT_FOUND","message":"No variable API_URL.","requestId":"req_1","details":{"stage":"prod"}}}',
    invalid:
      '{"error":{"code":"INVALID_REQUEST","message":"The request is invalid.","details":{"errors":[{"pointer":"/age","message":"must be positive","code":"too_small"},{"pointer":"/profile/color","message":"bad color"}]}}}',
    rateHeaders: { 'content-type': 'application/json', 'retry-after': '2' },
  },
  clerk: {
    notFound:
      '{"errors":[{"message":"Variable not found","long_message":"No variable API_URL.","code":"VARIABLE_NOT_FOUND","meta":{"stage":"prod"}}],"clerk_trace_id":"req_1"}',
    invalid:
      '{"errors":[{"message":"Invalid request","long_message":"must be positive","code":"INVALID_REQUEST","meta":{"param_name":"age","reason":"too_small"}},{"message":"Invalid request","long_message":"bad color","code":"INVALID_REQUEST","meta":{"param_name":"profile.color"}}]}',
    rateHeaders: { 'content-type': 'application/json', 'retry-after': '2' },
  },
  simple: {
    notFound: '{"code":"VARIABLE_NOT_FOUND","message":"No variable API_URL.","details":{"stage":"prod"}}',
    invalid:
      '{"code":"INVALID_REQUEST","message":"The request is invalid.","details":{"errors":[{"pointer":"/age","message":"must be positive","code":"too_small"},{"pointer":"/profile/color","message":"bad color"}]}}',
    rateHeaders: { 'content-type': 'application/json', 'retry-after': '2' },
  },
  authos: {
    notFound:
      '{"error":"No variable API_URL.","error_code":"VARIABLE_NOT_FOUND","timestamp":"2025-01-15T10:30:00Z","details":{"stage":"prod"}}',
    invalid:
      '{"error":"The request is invalid.","error_code":"INVALID_REQUEST","timestamp":"2025-01-15T10:30:00Z","details":{"errors":[{"pointer":"/age","message":"must be positive","code":"too_small"},{"pointer":"/profile/color","message":"bad color"}]}}',
    rateHeaders: { 'content-type': 'application/json', 'retry-after': '2' },
  },
  openai: {
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
  },
  stripe: {
    notFound:
      '{"error":{"type":"invalid_request_error","code":"VARIABLE_NOT_FOUND","message":"No variable API_URL.","doc_url":"https://docs.example.com/errors#VARIABLE_NOT_FOUND","details":{"stage":"prod"}}}',
    invalid:
      '{"error":{"type":"invalid_request_error","code":"INVALID_REQUEST","message":"The request is invalid.","param":"age","doc_url":"https://docs.example.com/errors#INVALID_REQUEST","details":{"errors":[{"pointer":"/age","message":"must be positive","code":"too_small"},{"pointer":"/profile/color","message":"bad color"}]}}}',
    rateHeaders: { 'content-type': 'application/json', 'retry-after': '2', 'stripe-should-retry': 'true' },
  },
  google: {
    notFound: `{"error":{"code":404,"message":"No variable API_URL.","status":"NOT_FOUND","details":[{"@type":"${T}ErrorInfo","reason":"VARIABLE_NOT_FOUND","domain":"demo","metadata":{"stage":"prod"}},{"@type":"${T}RequestInfo","requestId":"req_1"},{"@type":"${T}Help","links":[{"description":"Create it first.","url":"https://docs.example.com/errors#VARIABLE_NOT_FOUND"}]},{"@type":"${T}LocalizedMessage","locale":"en-US","message":"No variable API_URL."}]}}`,
    invalid: `{"error":{"code":400,"message":"The request is invalid.","status":"INVALID_ARGUMENT","details":[{"@type":"${T}ErrorInfo","reason":"INVALID_REQUEST","domain":"demo"},{"@type":"${T}BadRequest","fieldViolations":[{"field":"age","description":"must be positive","reason":"too_small"},{"field":"profile.color","description":"bad color"}]},{"@type":"${T}Help","links":[{"description":"Invalid request","url":"https://docs.example.com/errors#INVALID_REQUEST"}]},{"@type":"${T}LocalizedMessage","locale":"en-US","message":"The request is invalid."}]}}`,
    rateHeaders: { 'content-type': 'application/json', 'retry-after': '2' },
  },
  jsonapi: {
    notFound:
      '{"errors":[{"id":"req_1","links":{"type":"https://docs.example.com/errors#VARIABLE_NOT_FOUND"},"status":"404","code":"VARIABLE_NOT_FOUND","title":"Variable not found","detail":"No variable API_URL.","meta":{"details":{"stage":"prod"}}}]}',
    invalid:
      '{"errors":[{"links":{"type":"https://docs.example.com/errors#INVALID_REQUEST"},"status":"400","code":"INVALID_REQUEST","title":"Invalid request","detail":"must be positive","source":{"pointer":"/age"},"meta":{"reason":"too_small"}},{"links":{"type":"https://docs.example.com/errors#INVALID_REQUEST"},"status":"400","code":"INVALID_REQUEST","title":"Invalid request","detail":"bad color","source":{"pointer":"/profile/color"}}]}',
    rateHeaders: { 'content-type': 'application/vnd.api+json', 'retry-after': '2' },
  },
};

describe.each(Object.entries(PINNED))('%s dialect', (name, pinned) => {
  const d = getDialect(name);

  it('serializes an error with request id and details, pinned', () => {
    const wire = d.serialize(notFound(), { now: NOW });
    expect(wire.status).toBe(404);
    expect(wire.body).toBe(pinned.notFound);
    expect(wire.headers['content-type']).toBe(d.contentType);
    // Stripe names its request id header `request-id`; everyone else `x-request-id`.
    expect(wire.headers[name === 'stripe' ? 'request-id' : 'x-request-id']).toBe('req_1');
  });

  it('serializes field violations in its own form, pinned', () => {
    expect(d.serialize(invalid(), { now: NOW }).body).toBe(pinned.invalid);
  });

  it('sends the retry headers its ecosystem reads, pinned', () => {
    const wire = d.serialize(api.error('RATE_LIMITED'), { now: NOW });
    expect(wire.headers).toEqual(pinned.rateHeaders);
  });

  it('is the same with a warm per-entry cache (second serialization)', () => {
    expect(d.serialize(notFound(), { now: NOW }).body).toBe(pinned.notFound);
    expect(d.serialize(invalid(), { now: NOW }).body).toBe(pinned.invalid);
  });

  it('round-trips: its parser reads back code, message, request id, details and violations', () => {
    const wire = d.serialize(notFound(), { now: NOW });
    const parsed = d.parse(JSON.parse(wire.body), input(wire.status, wire.headers));
    expect(parsed).toMatchObject({
      dialect: name,
      status: 404,
      code: 'VARIABLE_NOT_FOUND',
      message: 'No variable API_URL.',
      requestId: 'req_1',
      details: { stage: 'prod' },
    });
    const bad = d.serialize(invalid(), { now: NOW });
    const parsedBad = d.parse(JSON.parse(bad.body), input(400, bad.headers));
    expect(parsedBad?.code).toBe('INVALID_REQUEST');
    expect(parsedBad?.violations).toEqual([
      { pointer: '/age', message: 'must be positive', code: 'too_small' },
      { pointer: '/profile/color', message: 'bad color' },
    ]);
  });

  it('reads back the retry guidance it sent', () => {
    const wire = d.serialize(api.error('RATE_LIMITED'), { now: NOW });
    const parsed = d.parse(JSON.parse(wire.body), input(429, wire.headers));
    // retry-after-ms (OpenAI) and RetryInfo (Google) carry the exact delay; Retry-After whole seconds.
    expect(parsed?.retryAfterMs).toBe(name === 'openai' || name === 'google' ? 1500 : 2000);
    if (name === 'openai' || name === 'stripe' || name === 'google') expect(parsed?.retryable).toBe(true);
    const no = d.serialize(api.error('INVALID_REQUEST'), { now: NOW });
    const parsedNo = d.parse(JSON.parse(no.body), input(400, no.headers));
    expect(parsedNo?.retryAfterMs).toBeUndefined();
    if (name === 'openai' || name === 'stripe') expect(parsedNo?.retryable).toBe(false);
  });

  it('is recognised by exactly one parser, with or without its headers', () => {
    for (const err of [
      notFound(),
      invalid(),
      api.error('RATE_LIMITED'),
      api.error('EVALUATION_FAILED', { name: 'x' }),
    ]) {
      const wire = d.serialize(err, { now: NOW });
      const body = JSON.parse(wire.body);
      for (const headers of [wire.headers, {}]) {
        const accepted = parsers.filter(
          ([, parse]) => parse(body, input(wire.status, headers)) !== undefined,
        );
        expect(accepted.map(([n]) => n)).toEqual([name]);
        expect(parseAny(body, input(wire.status, headers))?.dialect).toBe(name);
      }
    }
  });

  it('never leaks the message or details of a 5xx or an unexposed entry', () => {
    for (const err of [
      api.error('EVALUATION_FAILED', { name: 'postgres://user:pw@db' }, { details: { dsn: 'postgres://x' } }),
      api.error('HIDDEN', { x: 'postgres://y' }, { details: { dsn: 'postgres://z' } }),
    ]) {
      const wire = d.serialize(err, { now: NOW });
      expect(wire.body).not.toContain('postgres');
      expect(JSON.stringify(wire.headers)).not.toContain('postgres');
    }
  });

  it('escapes hostile parameter text into valid JSON', () => {
    const wire = d.serialize(api.error('VARIABLE_NOT_FOUND', { name: '"}],"status":200,"x":"\u2028' }), {
      now: NOW,
    });
    const parsed = d.parse(JSON.parse(wire.body), input(404, wire.headers));
    expect(parsed?.message).toBe('No variable "}],"status":200,"x":".');
    expect(parsed?.status).toBe(404);
  });

  it('keeps a request id that is not a valid header value out of the headers, not out of the body', async () => {
    const wire = d.serialize(api.error('INVALID_REQUEST', {}, { requestId: 'r1\r\nset-cookie: x=1' }), {
      now: NOW,
    });
    expect(Object.keys(wire.headers).some((h) => h.includes('request-id'))).toBe(false);
    expect(JSON.stringify(wire.headers)).not.toContain('set-cookie');
    // A fetch Response accepts the headers as they are.
    expect(new Response(wire.body, { status: wire.status, headers: wire.headers }).status).toBe(400);
  });

  it('never throws and never pollutes prototypes, whatever the body', () => {
    const hostile: unknown[] = [
      null,
      undefined,
      0,
      'x',
      [],
      [{}],
      {},
      { error: null },
      { errors: null },
      { errors: [null, 1, 'x'] },
      JSON.parse(
        '{"__proto__":{"polluted":1},"error":{"__proto__":{"code":"x"},"constructor":{"prototype":{"p":1}}}}',
      ),
      JSON.parse('{"errors":[{"__proto__":{"message":"x"},"meta":{"__proto__":{"param_name":"y"}}}]}'),
      JSON.parse(
        '{"code":"a","message":"b","details":{"__proto__":{"polluted":1},"errors":[{"pointer":"/a","message":"m"}]}}',
      ),
      {
        error: {
          code: 404,
          status: 'NOT_FOUND',
          details: [null, { '@type': 5 }, { '@type': `${T}BadRequest`, fieldViolations: 'x' }],
        },
      },
      Object.defineProperty({}, 'error', {
        enumerable: true,
        get() {
          throw new Error('boom');
        },
      }),
      new Proxy(
        {},
        {
          ownKeys: () => {
            throw new Error('boom');
          },
          getOwnPropertyDescriptor: () => {
            throw new Error('boom');
          },
        },
      ),
    ];
    let deep: unknown = { code: 'x', message: 'y' };
    for (let i = 0; i < 10_000; i++) deep = { error: deep, errors: [deep] };
    hostile.push(deep);
    for (const body of hostile) {
      expect(() => d.parse(body, input(400))).not.toThrow();
      expect(() => parseAny(body, input(400))).not.toThrow();
    }
    const parsed = parseAny(hostile[12], input(400));
    expect(parsed?.violations).toEqual([{ pointer: '/a', message: 'm' }]);
    expect(Object.getPrototypeOf(parsed?.details)).toBe(Object.prototype);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(({} as Record<string, unknown>).p).toBeUndefined();
  });

  it('never throws on arbitrary JSON (property test)', () => {
    fc.assert(
      fc.property(fc.jsonValue({ maxDepth: 6 }), fc.integer({ min: 100, max: 599 }), (body, status) => {
        d.parse(body, input(status));
        parseAny(body, input(status));
      }),
      { numRuns: 300 },
    );
  });
});

describe('dialect details', () => {
  it('field paths convert both ways, with escaped pointer tokens', () => {
    expect(fieldPath('/items/0/name', 'dot')).toBe('items[0].name');
    expect(fieldPath('/items/0/name', 'bracket')).toBe('items[0][name]');
    expect(fieldPath('/a~1b', 'dot')).toBe('a/b');
    expect(pathPointer('items[0].name')).toBe('/items/0/name');
    expect(pathPointer('items[0][name]')).toBe('/items/0/name');
    expect(pathPointer('a/b')).toBe('/a~1b');
  });

  it('simple sends details: null when there are none, as seed 003 shows', () => {
    expect(dialects.simple?.serialize(api.error('INVALID_REQUEST')).body).toBe(
      '{"code":"INVALID_REQUEST","message":"The request is invalid.","details":null}',
    );
  });

  it('google sends RetryInfo as a protobuf Duration and maps statuses to gRPC names', () => {
    const body = JSON.parse(
      dialects.google?.serialize(api.error('RATE_LIMITED', {}, { retryAfterMs: 60_000 })).body ?? '',
    );
    expect(body.error.status).toBe('RESOURCE_EXHAUSTED');
    expect(body.error.details[1]).toEqual({ '@type': `${T}RetryInfo`, retryDelay: '60s' });
    const parsed = dialects.google?.parse(body, input(429));
    expect(parsed?.retryAfterMs).toBe(60_000);
  });

  it('stripe sends api_error at 5xx and request-id, not x-request-id', () => {
    const wire = dialects.stripe?.serialize(
      api.error('EVALUATION_FAILED', { name: 'x' }, { requestId: 'r' }),
    );
    expect(JSON.parse(wire?.body ?? '').error.type).toBe('api_error');
    expect(wire?.headers['request-id']).toBe('r');
    expect(wire?.headers['x-request-id']).toBeUndefined();
    expect(wire?.headers['stripe-should-retry']).toBe('false');
  });

  it('tells OpenAI from Stripe bodies that share {error: {type}}', () => {
    const openaiBody = { error: { message: 'm', type: 'invalid_request_error', param: null, code: null } };
    expect(parseAny(openaiBody, input(400))?.dialect).toBe('openai');
    const stripeBody = { error: { type: 'invalid_request_error', message: 'm', code: 'resource_missing' } };
    expect(parseAny(stripeBody, input(404))?.dialect).toBe('stripe');
    const stripeByHeader = { error: { message: 'm', type: 'card_error', param: 'x', code: 'y' } };
    expect(parseAny(stripeByHeader, input(402, { 'stripe-should-retry': 'false' }))?.dialect).toBe('stripe');
    expect(parseAny(stripeByHeader, input(402))?.dialect).toBe('openai');
  });

  it('parses Retry-After given as an HTTP-date', () => {
    const date = new Date(Date.now() + 120_000).toUTCString();
    const parsed = parseAny({ code: 'a', message: 'b' }, input(503, { 'retry-after': date }));
    expect(parsed?.retryAfterMs).toBeGreaterThan(100_000);
    expect(parsed?.retryAfterMs).toBeLessThanOrEqual(120_000);
  });

  it('uses the content type to prefer problem or JSON:API', () => {
    const wire = toResponse(notFound(), { dialect: 'jsonapi' });
    expect(wire.headers.get('content-type')).toBe('application/vnd.api+json');
    const body = { title: 'x', detail: 'y', status: 400 };
    expect(parseAny(body, input(400, { 'content-type': 'application/problem+json' }))?.dialect).toBe(
      'problem',
    );
  });

  it('prefers JSON:API when the content type names it, even over an {error} envelope', () => {
    const body = {
      error: { code: 'NOT_FOUND', message: 'gone' },
      errors: [{ status: '404', code: 'not_found', title: 'Not found', detail: 'No such order.' }],
    };
    expect(parseAny(body, input(404))?.dialect).toBe('barekey');
    const jsonapi = parseAny(body, input(404, { 'content-type': 'application/vnd.api+json' }));
    expect(jsonapi).toMatchObject({ dialect: 'jsonapi', code: 'not_found', message: 'No such order.' });
    expect(parseAny(body, input(404, { 'content-type': 'application/problem+json' }))?.dialect).toBe(
      'barekey',
    );
  });

  it("the client's bare parsers leave Retry-After and x-request-id to the headers step", () => {
    const headers = { 'retry-after': '7', 'x-request-id': 'h' };
    const body = { code: 'a', message: 'b' };
    expect(bareParsers.map(([n]) => n)).toEqual(parsers.map(([n]) => n));
    expect(detect(body, input(503, headers))).toMatchObject({
      retryAfterMs: undefined,
      requestId: undefined,
    });
    expect(parseAny(body, input(503, headers))).toMatchObject({ retryAfterMs: 7000, requestId: 'h' });
  });

  it('problem output is recognised by the problem parser alone', () => {
    for (const err of [notFound(), invalid(), api.error('RATE_LIMITED')]) {
      const wire = dialects.problem?.serialize(err, { requestId: 'r' });
      const body = JSON.parse(wire?.body ?? '');
      const accepted = parsers.filter(([, parse]) => parse(body, input(err.status)) !== undefined);
      expect(accepted.map(([n]) => n)).toEqual(['problem']);
    }
  });

  it('authos formats its timestamp to the second, and an invalid clock as the epoch', () => {
    const at = (iso: string) =>
      JSON.parse(
        dialects.authos?.serialize(api.error('INVALID_REQUEST'), { now: () => new Date(iso) }).body ?? '',
      ).timestamp;
    expect(at('2025-01-15T10:30:00.999Z')).toBe('2025-01-15T10:30:00Z');
    expect(at('2025-01-15T10:30:01.000Z')).toBe('2025-01-15T10:30:01Z');
    expect(at('not a date')).toBe('1970-01-01T00:00:00Z');
  });

  it('getDialect refuses names that are not own dialects', () => {
    expect(() => getDialect('constructor')).toThrow(/unknown dialect "constructor" \(known: authos, barekey/);
    expect(() => getDialect('__proto__')).toThrow(TypeError);
    // The one error of an unknown name, whoever looks it up (the docs generators too).
    expect(() => getDialect('soap')).toThrow(UnknownDialectError);
  });
});
