import { describe, expect, it } from 'vitest';
import * as fixtures from '../../../test/dialects/_contract.js';
import { defineCatalog } from '../../catalog/define.js';
import { toResponse } from '../../server/response.js';
import { parsers } from '../parsers.js';
import { parseProblem, problem } from './problem.js';

const api = defineCatalog({
  name: 'demo',
  docs: 'https://docs.example.com/errors',
  errors: {
    VARIABLE_NOT_FOUND: { status: 404, title: 'Variable not found', message: 'No variable {name}.' },
    INVALID_REQUEST: { status: 400, message: 'The request is invalid.' },
    EVALUATION_FAILED: { status: 500, message: 'Decrypt failed for {name}', details: { type: 'object' } },
    RATE_LIMITED: { status: 429, retry: { afterMs: 60_000 }, message: 'Slow down.' },
    LEDGER_DOWN: { status: 503, retry: { baseMs: 1000, maxMs: 20_000, maxAttempts: 4 } },
    DOUBLE_CHARGE: { status: 500, retry: { retryable: false, note: 'Not idempotent.' } },
    HIDDEN: { status: 403, expose: false, title: 'Forbidden thing', message: 'secret {x}' },
  },
});
const headers = new Headers();

describe('problem dialect', () => {
  it('serializes RFC 9457 members and errata extensions, pinned', () => {
    const wire = problem.serialize(api.error('VARIABLE_NOT_FOUND', { name: 'API_URL' }), {
      requestId: 'req_1',
      instance: '/v1/variables/API_URL',
    });
    expect(wire.status).toBe(404);
    expect(wire.headers).toEqual({ 'content-type': 'application/problem+json', 'x-request-id': 'req_1' });
    expect(wire.body).toBe(
      '{"type":"https://docs.example.com/errors#VARIABLE_NOT_FOUND","title":"Variable not found","status":404,' +
        '"code":"VARIABLE_NOT_FOUND","detail":"No variable API_URL.","instance":"/v1/variables/API_URL","requestId":"req_1"}',
    );
  });

  it('uses the status phrase as title when the entry has none', () => {
    const body = JSON.parse(problem.serialize(api.error('INVALID_REQUEST')).body);
    expect(body.title).toBe('Bad Request');
  });

  it('omits type when the catalog has no docs URL (about:blank)', () => {
    const bare = defineCatalog({ errors: { X: { status: 400 } } });
    const body = JSON.parse(problem.serialize(bare.error('X')).body);
    expect('type' in body).toBe(false);
  });

  it('masks the message and details of unexposed errors', () => {
    const err = api.error('EVALUATION_FAILED', { name: 'postgres://user:pw@db' }, { details: { k: 'v' } });
    const body = JSON.parse(problem.serialize(err).body);
    expect(body.detail).toBe('An internal error occurred.');
    expect(body.details).toBeUndefined();
    expect(JSON.stringify(body)).not.toContain('postgres');
    const hidden = JSON.parse(problem.serialize(api.error('HIDDEN', { x: 'leak' })).body);
    expect(hidden.detail).toBe('Forbidden thing');
  });

  it('lists field violations as errors[] with JSON Pointer fragments', () => {
    const err = api.error(
      'INVALID_REQUEST',
      {},
      {
        violations: [
          { pointer: '/age', message: 'must be a positive integer', code: 'too_small' },
          { pointer: '/profile/color', message: 'must be red, green or blue' },
        ],
      },
    );
    const body = JSON.parse(problem.serialize(err).body);
    expect(body.errors).toEqual([
      { detail: 'must be a positive integer', pointer: '#/age', code: 'too_small' },
      { detail: 'must be red, green or blue', pointer: '#/profile/color' },
    ]);
  });

  it('sends Retry-After in seconds for a stated window, and per occurrence', () => {
    expect(problem.serialize(api.error('RATE_LIMITED')).headers['retry-after']).toBe('60');
    expect(
      problem.serialize(api.error('RATE_LIMITED', {}, { retryAfterMs: 1500 })).headers['retry-after'],
    ).toBe('2');
    expect(problem.serialize(api.error('INVALID_REQUEST')).headers['retry-after']).toBeUndefined();
  });

  it('carries the retry guidance in a retry member, pinned, and only where the entry states it', () => {
    const tail = (e: Parameters<typeof problem.serialize>[0]) => {
      const body = problem.serialize(e).body;
      return body.slice(body.indexOf('"detail"'));
    };
    expect(tail(api.error('LEDGER_DOWN'))).toBe(
      '"detail":"An internal error occurred.","retry":{"retryable":true,"baseMs":1000,"maxMs":20000,"maxAttempts":4}}',
    );
    // The occurrence's own delay (a rate limit's reset) wins over the entry's, as in Retry-After.
    expect(tail(api.error('RATE_LIMITED', {}, { retryAfterMs: 1500 }))).toBe(
      '"detail":"Slow down.","retry":{"retryable":true,"afterMs":1500}}',
    );
    // The note is for people reading the catalog; the wire says only what a client acts on.
    expect(tail(api.error('DOUBLE_CHARGE'))).toBe(
      '"detail":"An internal error occurred.","retry":{"retryable":false}}',
    );
    expect(problem.serialize(api.error('DOUBLE_CHARGE')).headers['x-should-retry']).toBe('false');
    expect(tail(api.error('INVALID_REQUEST'))).toBe('"detail":"The request is invalid."}');
    expect(problem.serialize(api.error('INVALID_REQUEST')).headers).not.toHaveProperty('x-should-retry');
  });

  it('reads the retry member back: whether, when, and the back-off', () => {
    const read = (e: Parameters<typeof problem.serialize>[0]) => {
      const wire = problem.serialize(e);
      return parseProblem(JSON.parse(wire.body), { status: wire.status, headers: new Headers() });
    };
    expect(read(api.error('LEDGER_DOWN'))).toMatchObject({
      retryable: true,
      retryAfterMs: undefined,
      retryBaseMs: 1000,
      retryMaxMs: 20_000,
      maxAttempts: 4,
    });
    expect(read(api.error('RATE_LIMITED'))).toMatchObject({ retryable: true, retryAfterMs: 60_000 });
    expect(read(api.error('DOUBLE_CHARGE'))).toMatchObject({ retryable: false, retryAfterMs: undefined });
    expect(read(api.error('INVALID_REQUEST'))).toMatchObject({
      retryable: undefined,
      retryAfterMs: undefined,
    });
    // A member of another shape is not guidance.
    const foreign = { title: 'x', status: 503, retry: { retryable: 'yes', afterMs: 5 } };
    expect(parseProblem(foreign, { status: 503, headers: new Headers() })?.retryable).toBe(undefined);
  });

  it('escapes hostile parameter text into valid JSON', () => {
    const wire = problem.serialize(api.error('VARIABLE_NOT_FOUND', { name: '"},"status":200,"x":"\u2028' }));
    const body = JSON.parse(wire.body);
    expect(body.status).toBe(404);
    expect(body.detail).toBe('No variable "},"status":200,"x":".');
  });

  it('round-trips through its parser', () => {
    const err = api.error(
      'INVALID_REQUEST',
      {},
      { violations: [{ pointer: '/a', message: 'bad' }], requestId: 'r' },
    );
    const parsed = parseProblem(JSON.parse(problem.serialize(err).body), { status: 400, headers });
    expect(parsed).toEqual({
      dialect: 'problem',
      status: 400,
      code: 'INVALID_REQUEST',
      message: 'The request is invalid.',
      title: 'Bad Request',
      type: 'https://docs.example.com/errors#INVALID_REQUEST',
      requestId: 'r',
      violations: [{ pointer: '/a', message: 'bad' }],
    });
  });

  it('parses nothing that is not a problem object', () => {
    for (const body of [null, 1, 'x', [], {}, { error: 'x' }, { title: 'x', status: 'bad' }]) {
      expect(parseProblem(body, { status: 400, headers })).toBeUndefined();
    }
  });

  it('toResponse returns a fetch Response', async () => {
    const res = toResponse(api.error('RATE_LIMITED'), { dialect: 'problem' });
    expect(res.status).toBe(429);
    expect(res.headers.get('content-type')).toBe('application/problem+json');
    expect(res.headers.get('retry-after')).toBe('60');
    expect(await res.json()).toMatchObject({ code: 'RATE_LIMITED', status: 429 });
  });
});

describe('problem dialect among the others', () => {
  it('its output is recognised by the problem parser alone', () => {
    for (const err of [fixtures.notFound(), fixtures.invalid(), fixtures.api.error('RATE_LIMITED')]) {
      const wire = problem.serialize(err, { requestId: 'r' });
      const body = JSON.parse(wire.body);
      const accepted = parsers.filter(([, parse]) => parse(body, fixtures.input(err.status)) !== undefined);
      expect(accepted.map(([n]) => n)).toEqual(['problem']);
    }
  });
});
