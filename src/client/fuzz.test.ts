import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parsers } from '../dialects/parsers.js';
import type { ParsedError } from '../dialects/types.js';
import { read } from './_read-body.js';
import { createClient, ErrataClientError } from './index.js';

// Property tests: whatever body arrives, every dialect parser and the client
// answer without throwing, with a result of the documented shape.

const RUNS = 10_000;
/** Generous: 10,000 runs take seconds alone, more on a busy CI machine. */
const LIMIT = 120_000;
const protoKeys = Object.getOwnPropertyNames(Object.prototype).sort();

/** Field names of every envelope errata speaks, plus the ones an attacker tries. */
const KEYS = [
  'type',
  'title',
  'status',
  'detail',
  'instance',
  'code',
  'message',
  'details',
  'errors',
  'error',
  'error_code',
  'timestamp',
  'requestId',
  'request_id',
  'long_message',
  'meta',
  'clerk_trace_id',
  'param',
  'param_name',
  'doc_url',
  'retryable',
  'retryAfterMs',
  'retry_after',
  'source',
  'pointer',
  'field',
  'reason',
  'metadata',
  '@type',
  'id',
  '__proto__',
  'constructor',
  'prototype',
];

const leaf = fc.oneof(
  fc.string(),
  fc.constantFrom('', '__proto__', 'true', 'false', '/a/0', '#/a', 'NOT_FOUND', '3600'),
  fc.integer(),
  fc.double(),
  fc.boolean(),
  fc.constant(null),
);
/** Objects shaped like the dialects' envelopes, with values of every type in every place. */
const shaped: fc.Arbitrary<unknown> = fc.letrec((tie) => ({
  node: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    leaf,
    fc.dictionary(fc.constantFrom(...KEYS), tie('node'), { maxKeys: 6 }),
    fc.array(tie('node'), { maxLength: 4 }),
  ),
})).node;

/** Bodies as text: arbitrary JSON, shaped JSON, cut JSON, strings and random bytes. */
const bodies = fc.oneof(
  fc.json({ maxDepth: 4 }),
  shaped.map((v) => JSON.stringify(v) ?? ''),
  shaped.chain((v) => {
    const text = JSON.stringify(v) ?? '';
    return fc.nat(text.length).map((n) => text.slice(0, n));
  }),
  fc.string({ unit: 'binary', maxLength: 200 }),
  fc.uint8Array({ maxLength: 200 }).map((b) => new TextDecoder().decode(b)),
);
const values = fc.oneof(
  shaped,
  fc.jsonValue({ maxDepth: 4 }),
  fc.anything({ maxDepth: 3, withNullPrototype: true, withBoxedValues: true, withMap: true }),
);
const statuses = fc.oneof(fc.constantFrom(400, 401, 404, 409, 422, 429, 500, 501, 502, 503), fc.integer());
const headerSets = fc.dictionary(
  fc.constantFrom(
    'content-type',
    'retry-after',
    'retry-after-ms',
    'x-should-retry',
    'stripe-should-retry',
    'x-request-id',
    'request-id',
  ),
  fc.oneof(
    fc.constantFrom(
      'application/problem+json',
      'application/vnd.api+json',
      'text/html',
      'true',
      'false',
      '5',
    ),
    fc.string().map((s) => s.replace(/[^\x20-\x7e]/g, '')),
  ),
  { maxKeys: 4 },
);

const isOptString = (v: unknown) => v === undefined || typeof v === 'string';

function wellFormedParsed(name: string, p: ParsedError | undefined): void {
  if (p === undefined) return;
  expect(typeof p).toBe('object');
  expect(p.dialect).toBe(name);
  expect(typeof p.status).toBe('number');
  expect(isOptString(p.code)).toBe(true);
  expect(isOptString(p.message)).toBe(true);
  expect(isOptString(p.title)).toBe(true);
  expect(isOptString(p.type)).toBe(true);
  expect(isOptString(p.requestId)).toBe(true);
  expect(p.retryable === undefined || typeof p.retryable === 'boolean').toBe(true);
  expect(p.retryAfterMs === undefined || (typeof p.retryAfterMs === 'number' && p.retryAfterMs >= 0)).toBe(
    true,
  );
  if (p.violations !== undefined) {
    expect(Array.isArray(p.violations)).toBe(true);
    for (const v of p.violations) {
      expect(typeof v.pointer).toBe('string');
      expect(typeof v.message).toBe('string');
      expect(isOptString(v.code)).toBe(true);
    }
  }
}

function wellFormedError(e: unknown, status: number, body: string): void {
  expect(e).toBeInstanceOf(ErrataClientError);
  const err = e as ErrataClientError;
  expect(err.status).toBe(status);
  expect(typeof err.message).toBe('string');
  expect(err.message.length).toBeGreaterThan(0);
  expect(isOptString(err.code)).toBe(true);
  expect(isOptString(err.requestId)).toBe(true);
  expect(isOptString(err.dialect)).toBe(true);
  expect(typeof err.retryable).toBe('boolean');
  expect(err.retryAfterMs === undefined || err.retryAfterMs >= 0).toBe(true);
  expect(Array.isArray(err.violations)).toBe(true);
  expect(err.body).toBe(body);
}

describe('every dialect parser, on generated bodies', () => {
  it.each(parsers.map(([name, parse]) => [name, parse] as const))(
    '%s never throws and answers undefined or a well-formed ParsedError',
    (name, parse) => {
      fc.assert(
        fc.property(values, statuses, headerSets, (body, status, headers) => {
          wellFormedParsed(name, parse(body, { status, headers: new Headers(headers) }));
        }),
        { numRuns: RUNS },
      );
    },
    LIMIT,
  );
});

describe('the universal reader, on generated bodies', () => {
  it(
    'never throws and answers undefined or a well-formed ParsedError',
    () => {
      fc.assert(
        fc.property(values, (body) => {
          const p = read(body, { status: 400, headers: new Headers() });
          if (p) wellFormedParsed(p.dialect, { ...p, status: 0 });
        }),
        { numRuns: RUNS },
      );
    },
    LIMIT,
  );
});

describe('the client, on generated bodies', () => {
  const client = createClient();

  it(
    'parse never throws and answers a well-formed ErrataClientError',
    () => {
      fc.assert(
        fc.property(bodies, statuses, headerSets, (body, status, headers) => {
          wellFormedError(client.parse(body, { status, headers: new Headers(headers) }), status, body);
        }),
        { numRuns: RUNS },
      );
    },
    LIMIT,
  );

  it(
    'fromResponse never rejects and answers a well-formed ErrataClientError',
    async () => {
      const httpStatuses = fc.integer({ min: 400, max: 599 });
      await fc.assert(
        fc.asyncProperty(bodies, httpStatuses, headerSets, async (body, status, headers) => {
          const e = await client.fromResponse(new Response(body, { status, headers }));
          wellFormedError(e, status, new TextDecoder().decode(new TextEncoder().encode(body)));
        }),
        { numRuns: RUNS },
      );
    },
    LIMIT,
  );

  it('leaves Object.prototype untouched after all of it', () => {
    expect(Object.getOwnPropertyNames(Object.prototype).sort()).toEqual(protoKeys);
    expect(Object.getPrototypeOf({})).toBe(Object.prototype);
  });
});
