// parseAny: which dialect reads a body, and what the headers add.
import { describe, expect, it } from 'vitest';
import { input, notFound } from '../../test/dialects/_contract.js';
import { corpus } from '../../test/fixtures/corpus/index.js';
import { toResponse } from '../server/response.js';
import { bareParsers, detect, parseAny, parsers } from './parsers.js';
import { builtins, findDialect } from './registry.js';

describe('parseAny', () => {
  it('tells OpenAI from Stripe bodies that share {error: {type}}', () => {
    const openaiBody = { error: { message: 'm', type: 'invalid_request_error', param: null, code: null } };
    expect(parseAny(openaiBody, input(400))?.dialect).toBe('openai');
    const stripeBody = { error: { type: 'invalid_request_error', message: 'm', code: 'resource_missing' } };
    expect(parseAny(stripeBody, input(404))?.dialect).toBe('stripe');
    const stripeByHeader = { error: { message: 'm', type: 'card_error', param: 'x', code: 'y' } };
    expect(parseAny(stripeByHeader, input(402, { 'stripe-should-retry': 'false' }))?.dialect).toBe('stripe');
    expect(parseAny(stripeByHeader, input(402))?.dialect).toBe('openai');
  });

  it('reads a Stripe body with `param` and `code` but no Stripe-only member or header as Stripe', () => {
    // Stripe's members come in its order (alphabetical on the wire, errata's `type` first), never
    // OpenAI's, which leads with `message`; both as relayed without headers.
    const bodies = [
      { error: { code: 'parameter_missing', message: 'm', param: 'amount', type: 'invalid_request_error' } },
      { error: { type: 'invalid_request_error', code: 'parameter_missing', message: 'm', param: 'amount' } },
    ];
    for (const body of bodies)
      expect(parseAny(body, input(400))).toMatchObject({
        dialect: 'stripe',
        code: 'parameter_missing',
        violations: [{ pointer: '/amount', message: 'm' }],
      });
    const openaiBody = {
      error: { message: 'm', type: 'invalid_request_error', param: 'model', code: 'model_not_found' },
    };
    expect(parseAny(openaiBody, input(404))).toMatchObject({ dialect: 'openai', code: 'model_not_found' });
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

  it('leaves Retry-After and x-request-id to the headers step, which the bare parsers skip', () => {
    const headers = { 'retry-after': '7', 'x-request-id': 'h' };
    const body = { code: 'a', message: 'b' };
    expect(detect(body, input(503, headers))).toMatchObject({
      retryAfterMs: undefined,
      requestId: undefined,
    });
    expect(parseAny(body, input(503, headers))).toMatchObject({ retryAfterMs: 7000, requestId: 'h' });
  });
});

describe('parser lists', () => {
  it('are the registry in detection order, bare and safe alike', () => {
    const order = builtins.map(([d]) => d.name);
    // The first nine keep their order; a dialect added since sits where its shape needs it.
    const first = [
      'problem',
      'google',
      'stripe',
      'openai',
      'barekey',
      'clerk',
      'jsonapi',
      'authos',
      'simple',
    ];
    expect(order.filter((n) => first.includes(n))).toEqual(first);
    expect(order.at(-1)).toBe('simple');
    expect(bareParsers.map(([n]) => n)).toEqual(order);
    expect(parsers.map(([n]) => n)).toEqual(order);
  });

  it('the safe list adds the headers a bare parser leaves out', () => {
    const headers = input(503, { 'retry-after': '7', 'x-request-id': 'h' });
    const body = { code: 'a', message: 'b' };
    const bare = bareParsers.find(([n]) => n === 'simple')?.[1];
    const safe = parsers.find(([n]) => n === 'simple')?.[1];
    expect(bare?.(body, headers)).toMatchObject({ retryAfterMs: undefined, requestId: undefined });
    expect(safe?.(body, headers)).toMatchObject({ retryAfterMs: 7000, requestId: 'h' });
  });
});

describe('parseAny on the corpus of real APIs (test/fixtures/corpus)', () => {
  // A case names the dialects that read its format; the first registered one must read it.
  const cases = corpus.flatMap((c) => {
    const name = c.dialects?.find((d) => findDialect(d));
    return name ? [[`${c.api}: ${c.name} as ${name}`, c, name] as const] : [];
  });

  it.each(cases)('%s', (_, c, name) => {
    const headers = new Headers(c.headers);
    const parsed = parseAny(c.body, { status: c.status, headers });
    expect(parsed?.dialect).toBe(name);
    expect({ code: parsed?.code, message: parsed?.message }).toEqual({
      code: c.expect.code,
      message: c.expect.message,
      ...c.parsed,
    });
  });
});
