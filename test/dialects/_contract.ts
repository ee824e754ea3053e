// The contract every built-in dialect meets, run by each dialect's own test
// file (src/dialects/<name>/<name>.test.ts) with its pinned output: the wire
// format is the contract, so every dialect's output is pinned byte for byte,
// then read back by its own parser, and by no other.
import fc from 'fast-check';
import { expect, it } from 'vitest';
import { defineCatalog } from '../../src/catalog/define.js';
import { parseAny, parsers } from '../../src/dialects/parsers.js';
import type { Dialect, ParseInput } from '../../src/dialects/types.js';

export const api = defineCatalog({
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
    GONE: { status: 410, retry: false, message: 'Gone for good.' },
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
export const NOW = () => new Date('2025-01-15T10:30:00.123Z');
export const notFound = () =>
  api.error('VARIABLE_NOT_FOUND', { name: 'API_URL' }, { requestId: 'req_1', details: { stage: 'prod' } });
export const invalid = () =>
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
export const input = (status: number, headers: Record<string, string> = {}): ParseInput => ({
  status,
  headers: new Headers(headers),
});

/** Prefix of the `@type` of Google's error details. */
export const RPC = 'type.googleapis.com/google.rpc.';

/** What a dialect sends for the fixtures above, byte for byte. */
export interface Pinned {
  /** `VARIABLE_NOT_FOUND` with request id `req_1` and details `{stage: 'prod'}`. */
  readonly notFound: string;
  /** `INVALID_REQUEST` with two field violations. */
  readonly invalid: string;
  /** The headers of `RATE_LIMITED` (a 1500 ms delay). */
  readonly rateHeaders: Record<string, string>;
  /** The header carrying the request id. @default 'x-request-id' */
  readonly requestIdHeader?: string;
  /** Whether the delay reads back to the millisecond (`retry-after-ms`, RetryInfo), not in whole seconds. */
  readonly exactDelay?: boolean;
}

/** Registers the contract's tests for one dialect (call it inside a `describe`). */
export function dialectContract(d: Dialect, pinned: Pinned): void {
  const name = d.name;

  it('serializes an error with request id and details, pinned', () => {
    const wire = d.serialize(notFound(), { now: NOW });
    expect(wire.status).toBe(404);
    expect(wire.body).toBe(pinned.notFound);
    expect(wire.headers['content-type']).toBe(d.contentType);
    expect(wire.headers[pinned.requestIdHeader ?? 'x-request-id']).toBe('req_1');
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

  it('reads back the retry guidance it sent: yes, no, and nothing where the catalog says nothing', () => {
    const wire = d.serialize(api.error('RATE_LIMITED'), { now: NOW });
    const parsed = d.parse(JSON.parse(wire.body), input(429, wire.headers));
    // retry-after-ms (OpenAI) and RetryInfo (Google) carry the exact delay; Retry-After whole seconds.
    expect(parsed?.retryAfterMs).toBe(pinned.exactDelay ? 1500 : 2000);
    expect(parsed?.retryable).toBe(true);
    const no = d.serialize(api.error('GONE'), { now: NOW });
    expect(d.parse(JSON.parse(no.body), input(410, no.headers))).toMatchObject({
      retryable: false,
      retryAfterMs: undefined,
    });
    const unstated = d.serialize(api.error('INVALID_REQUEST'), { now: NOW });
    expect(unstated.headers).not.toHaveProperty('x-should-retry');
    expect(unstated.headers).not.toHaveProperty('stripe-should-retry');
    expect(d.parse(JSON.parse(unstated.body), input(400, unstated.headers))).toMatchObject({
      retryable: undefined,
      retryAfterMs: undefined,
    });
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
          details: [null, { '@type': 5 }, { '@type': `${RPC}BadRequest`, fieldViolations: 'x' }],
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
}
