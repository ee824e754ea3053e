// Whatever an observation holds, the checker answers findings and never throws.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { served, shop } from '../../test/check/_shop.js';
import { checkResponse } from './check-response.js';
import { createChecker } from './checker.js';
import type { Observation } from './types.js';

const checks = (o: Observation) => checkResponse(shop, o).map((f) => f.check);

describe('hostile observations', () => {
  const notFound = served(shop.error('ORDER_NOT_FOUND', { orderId: '1' }));

  it('reports a body that is not JSON, base64, empty or over the length read, and goes on', () => {
    expect(
      checkResponse(shop, { ...notFound, body: Buffer.from(notFound.body as string).toString('base64') }),
    ).toEqual([
      expect.objectContaining({
        check: 'body-parses',
        message: expect.stringMatching(/^the body is not a problem error: it is not JSON \("eyJ0eXBl/),
      }),
    ]);
    expect(checks({ ...notFound, body: '' })).toEqual(['body-parses']);
    expect(checks({ ...notFound, body: '\ud800\udfff\u0000\u001b[31m' })).toEqual(['body-parses']);
    const huge = JSON.stringify({ ...JSON.parse(notFound.body as string), pad: 'x'.repeat(2_000_000) });
    const found = checkResponse(shop, { ...notFound, body: huge });
    expect(found.map((f) => f.message)).toEqual([
      `the body is not a problem error: it is ${huge.length} characters long, over the 1048576 read`,
    ]);
    expect(checks({ ...notFound, body: 'null' })).toEqual(['body-parses']);
    expect(checks({ ...notFound, body: '[1,2]' })).toEqual(['body-parses']);
  });

  it('reads header arrays with duplicates and names in any case', () => {
    const headers = { ...(notFound.headers as Record<string, string>) };
    const { 'content-type': _, ...rest } = headers;
    const o = {
      ...notFound,
      headers: { ...rest, 'Content-Type': ['application/problem+json', 'text/html'] },
    };
    expect(checkResponse(shop, o)).toEqual([]);
    const dup = {
      ...notFound,
      headers: { ...rest, 'content-type': ['text/html', 'application/problem+json'] },
    };
    expect(checks(dup)).toEqual(['content-type']);
  });

  it('ignores header values that are not text, and a response without headers is not judged on them', () => {
    const o = {
      ...notFound,
      headers: { 'content-type': 42, 'x-request-id': null } as unknown as Observation['headers'],
    };
    expect(checks(o)).toEqual([]);
    expect(checks({ ...notFound, headers: {} })).toEqual([]);
    expect(checks({ ...notFound, headers: undefined as unknown as Observation['headers'] })).toEqual([]);
  });

  it('never throws, whatever the status, headers and body hold', () => {
    const checker = createChecker(shop, { routes: { 'GET /orders/:id': ['ORDER_NOT_FOUND'] } });
    const header = fc.oneof(
      fc.string(),
      fc.array(fc.string(), { maxLength: 3 }),
      fc.constant(null),
      fc.integer(),
    );
    const body = fc.oneof(
      fc.string(),
      fc.json(),
      fc.jsonValue().map((v) => JSON.stringify({ type: 1, code: v, status: v, detail: v, details: v })),
      fc
        .jsonValue()
        .map((v) => JSON.stringify({ error: { code: v, message: v, type: v, status: v, details: [v] } })),
      fc
        .jsonValue()
        .map((v) => JSON.stringify({ errors: [v, { code: 'X', title: v, status: '404', meta: v }] })),
      fc.constant(undefined),
    );
    fc.assert(
      fc.property(
        fc.oneof(fc.integer({ min: 100, max: 599 }), fc.integer(), fc.constant(Number.NaN)),
        fc.dictionary(
          fc.oneof(fc.string(), fc.constantFrom('content-type', 'retry-after', 'x-should-retry', 'allow')),
          header,
        ),
        body,
        fc.option(fc.string()),
        fc.option(fc.string()),
        (status, headers, text, method, url) => {
          const o = {
            status,
            headers,
            body: text,
            method: method ?? undefined,
            url: url ?? undefined,
          } as Observation;
          const found = checker.check(o);
          for (const f of found) expect(typeof f.message).toBe('string');
        },
      ),
      { numRuns: 500 },
    );
    expect(checker.coverage().responses).toBeGreaterThanOrEqual(500);
  });

  it('survives a throwing getter in the headers', () => {
    const headers = Object.defineProperty({}, 'content-type', {
      enumerable: true,
      get() {
        throw new Error('boom');
      },
    });
    expect(() => checkResponse(shop, { ...notFound, headers })).not.toThrow();
  });
});
