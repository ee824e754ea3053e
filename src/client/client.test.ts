import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { defineCatalog } from '../catalog/define.js';
import { dialects, getDialect, parseProblem } from '../dialects/index.js';
import { toResponse } from '../server/response.js';
import { createClient, ErrataClientError, isErrataClientError } from './index.js';

const api = defineCatalog({
  name: 'demo',
  docs: 'https://docs.example.com/errors',
  errors: {
    VARIABLE_NOT_FOUND: { status: 404, title: 'Variable not found', message: 'No variable {name}.' },
    INVALID_REQUEST: { status: 400, message: 'The request is invalid.', details: { type: 'object' } },
    RATE_LIMITED: { status: 429, retry: { afterMs: 30_000 }, message: 'Slow down.' },
  },
});
const client = createClient<typeof api>();

const textResponse = (body: string, status = 500, headers: Record<string, string> = {}) =>
  new Response(body, { status, headers });

/** A body stream of `chunk` repeated without end; counts the bytes it produced. */
function endless(chunk: Uint8Array) {
  const counter = { bytes: 0, cancelled: false };
  const stream = new ReadableStream<Uint8Array>({
    pull(controller) {
      counter.bytes += chunk.length;
      controller.enqueue(chunk);
    },
    cancel() {
      counter.cancelled = true;
    },
  });
  return { stream, counter };
}

describe('fromResponse: recognised bodies', () => {
  it('reads an RFC 9457 problem: code, status, message, details, request id, violations', async () => {
    const error = api.error(
      'INVALID_REQUEST',
      {},
      { details: { limit: 3 }, violations: [{ pointer: '/age', message: 'too small', code: 'min' }] },
    );
    const e = await client.fromResponse(toResponse(error, { dialect: 'problem', requestId: 'req_1' }));
    expect(e).toBeInstanceOf(ErrataClientError);
    expect(e).toBeInstanceOf(Error);
    expect(e).toMatchObject({
      name: 'ErrataClientError',
      code: 'INVALID_REQUEST',
      status: 400,
      message: 'The request is invalid.',
      details: { limit: 3 },
      requestId: 'req_1',
      violations: [{ pointer: '/age', message: 'too small', code: 'min' }],
      dialect: 'problem',
      type: 'https://docs.example.com/errors#INVALID_REQUEST',
      retryable: false,
      truncated: false,
    });
    expect(JSON.parse(e.body)).toEqual(e.data);
    expect(e.headers?.get('content-type')).toBe('application/problem+json');
  });

  it('reads the retry guidance the server sends with a rate limit', async () => {
    const e = await client.fromResponse(toResponse(api.error('RATE_LIMITED'), { dialect: 'problem' }));
    expect(e).toMatchObject({ status: 429, code: 'RATE_LIMITED', retryable: true, retryAfterMs: 30_000 });
  });

  it('keeps a code the catalog does not know as the raw string', async () => {
    const body = JSON.stringify({ title: 'Nope', code: 'SOMETHING_NEW', detail: 'New thing.' });
    const e = await client.fromResponse(
      textResponse(body, 409, { 'content-type': 'application/problem+json' }),
    );
    expect(e).toMatchObject({
      code: 'SOMETHING_NEW',
      message: 'New thing.',
      status: 409,
      dialect: 'problem',
    });
  });

  it('detects the dialect of a body sent with the wrong content type', async () => {
    const body = JSON.stringify({ title: 'Gone', status: 410, code: 'GONE' });
    const e = await client.fromResponse(textResponse(body, 410, { 'content-type': 'text/html' }));
    expect(e).toMatchObject({ code: 'GONE', message: 'Gone', dialect: 'problem' });
  });

  it('takes the request id from the headers when the body has none', async () => {
    const e = await client.fromResponse(textResponse('', 500, { 'x-request-id': 'abc' }));
    expect(e.requestId).toBe('abc');
    const f = await client.fromResponse(textResponse('', 500, { 'request-id': 'req_9' }));
    expect(f.requestId).toBe('req_9');
  });

  it.each(Object.keys(dialects))('reads back what the %s dialect serializes', async (name) => {
    const wire = () =>
      toResponse(api.error('VARIABLE_NOT_FOUND', { name: 'API_URL' }), { dialect: name, requestId: 'req_7' });
    const fixed = await createClient({ dialect: getDialect(name) }).fromResponse(wire());
    expect(fixed).toMatchObject({
      dialect: name,
      status: 404,
      code: 'VARIABLE_NOT_FOUND',
      requestId: 'req_7',
    });
    expect(fixed.message).toMatch(/No variable API_URL\.|Variable not found/);
    // The universal reader may name a dialect of the same shape, but reads the same facts.
    const detected = await client.fromResponse(wire());
    expect(detected).toMatchObject({ status: 404, code: 'VARIABLE_NOT_FOUND', requestId: 'req_7' });
    expect(detected.dialect).toBeTypeOf('string');
  });

  const facts = (e: ErrataClientError) => ({
    status: e.status,
    code: e.code,
    message: e.message,
    details: e.details,
    requestId: e.requestId,
    violations: e.violations,
    retryable: e.retryable,
    retryAfterMs: e.retryAfterMs,
  });
  const made = {
    plain: () => api.error('VARIABLE_NOT_FOUND', { name: 'API_URL' }),
    violations: () =>
      api.error(
        'INVALID_REQUEST',
        {},
        {
          details: { limit: 3 },
          violations: [
            { pointer: '/age', message: 'too small', code: 'min' },
            { pointer: '/items/0/name', message: 'required' },
          ],
        },
      ),
    details: () => api.error('INVALID_REQUEST', {}, { details: { limit: 3, errors: 'none' } }),
    retry: () => api.error('RATE_LIMITED', {}, { retryAfterMs: 12_000 }),
  };
  it.each(Object.keys(dialects).flatMap((name) => Object.keys(made).map((what) => [name, what] as const)))(
    'the universal reader reads %s (%s) as the dialect parser does',
    async (name, what) => {
      const wire = () => toResponse(made[what as keyof typeof made](), { dialect: name, requestId: 'req_7' });
      const fixed = await createClient({ dialect: getDialect(name) }).fromResponse(wire());
      const read = await client.fromResponse(wire());
      expect(fixed.code).toBeTypeOf('string');
      expect(facts(read)).toEqual(facts(fixed));
      expect(read.requestId).toBe('req_7');
    },
  );
});

describe('fromResponse: what a proxy or a broken server sends', () => {
  let server: Server;
  let base: string;
  let written = 0;
  beforeAll(async () => {
    server = createServer((req, res) => {
      if (req.url === '/html') {
        res.writeHead(502, { 'content-type': 'text/html' });
        res.end('<html><body><h1>502 Bad Gateway</h1></body></html>');
      } else if (req.url === '/empty') {
        res.writeHead(500).end();
      } else if (req.url === '/truncated') {
        res.writeHead(500, { 'content-type': 'application/json' });
        res.end('{"title":"Broken","code":"BRO');
      } else if (req.url === '/huge') {
        // 50 MB, written as the client reads it.
        res.writeHead(500, { 'content-type': 'application/json' });
        const chunk = Buffer.alloc(64 * 1024, 0x61);
        const write = () => {
          while (written < 50 * 1024 * 1024) {
            written += chunk.length;
            if (!res.write(chunk)) return void res.once('drain', write);
          }
          res.end();
        };
        write();
      }
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  });

  it('keeps an HTML error page as the body, with the status text as message', async () => {
    const e = await client.fromResponse(await fetch(`${base}/html`));
    expect(e).toMatchObject({
      status: 502,
      code: undefined,
      dialect: undefined,
      data: undefined,
      message: 'Bad Gateway',
      retryable: true,
      body: '<html><body><h1>502 Bad Gateway</h1></body></html>',
    });
  });

  it('reads an empty body', async () => {
    const e = await client.fromResponse(await fetch(`${base}/empty`));
    expect(e).toMatchObject({ status: 500, code: undefined, message: 'Internal Server Error', body: '' });
  });

  it('keeps a truncated JSON body as text', async () => {
    const e = await client.fromResponse(await fetch(`${base}/truncated`));
    expect(e).toMatchObject({
      status: 500,
      code: undefined,
      data: undefined,
      body: '{"title":"Broken","code":"BRO',
    });
  });

  it('reads 1 MiB of a 50 MB body and cancels the rest', async () => {
    const e = await client.fromResponse(await fetch(`${base}/huge`));
    expect(e.body).toHaveLength(1024 * 1024);
    expect(e.truncated).toBe(true);
    expect(e.data).toBeUndefined();
    // The server stopped long before 50 MB: the client hung up.
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(written).toBeLessThan(20 * 1024 * 1024);
  });
});

describe('fromResponse: bodies that fail', () => {
  it('pulls no more than the cap from an endless stream and cancels it', async () => {
    const { stream, counter } = endless(new Uint8Array(16 * 1024).fill(0x62));
    const small = createClient({ maxBodyBytes: 40_000 });
    const e = await small.fromResponse(new Response(stream, { status: 500 }));
    expect(e.body).toBe('b'.repeat(40_000));
    expect(e.truncated).toBe(true);
    expect(counter.cancelled).toBe(true);
    expect(counter.bytes).toBeLessThanOrEqual(40_000 + 3 * 16 * 1024);
  });

  it('keeps what arrived of a stream that errors midway', async () => {
    let pulls = 0;
    const stream = new ReadableStream<Uint8Array>({
      pull(controller) {
        if (pulls++ === 0) controller.enqueue(new TextEncoder().encode('{"title":"half'));
        else controller.error(new Error('connection reset'));
      },
    });
    const e = await client.fromResponse(new Response(stream, { status: 503, statusText: 'Unavailable' }));
    expect(e).toMatchObject({ status: 503, body: '{"title":"half', truncated: true, message: 'Unavailable' });
  });

  it('reads a response whose body is null', async () => {
    const e = await client.fromResponse(new Response(null, { status: 504 }));
    expect(e).toMatchObject({ status: 504, body: '', message: 'HTTP 504', retryable: true });
  });

  it('reads a response whose body was already used', async () => {
    const res = textResponse('{"title":"x"}', 500);
    await res.text();
    const e = await client.fromResponse(res);
    expect(e).toMatchObject({ status: 500, body: '', truncated: false });
  });

  it('decodes UTF-8 split across chunks', async () => {
    const bytes = new TextEncoder().encode(JSON.stringify({ title: 'Zürich 東京 🙂', code: 'X' }));
    const stream = new ReadableStream<Uint8Array>({
      start(controller) {
        for (const b of bytes) controller.enqueue(new Uint8Array([b]));
        controller.close();
      },
    });
    const e = await client.fromResponse(new Response(stream, { status: 400 }));
    expect(e.message).toBe('Zürich 東京 🙂');
  });

  it('survives a hostile object in place of a Response', async () => {
    const hostile = {
      status: 500,
      body: null,
      get headers(): Headers {
        throw new Error('boom');
      },
    } as unknown as Response;
    const e = await client.fromResponse(hostile);
    expect(e).toBeInstanceOf(ErrataClientError);
    expect(e).toMatchObject({ status: 0, code: 'unreadable_response' });
  });
});

describe('fromResponse: hostile JSON', () => {
  const protoKeys = Object.getOwnPropertyNames(Object.prototype).sort();
  const hostile = [
    '{"__proto__":{"polluted":"yes"},"title":"t","code":"C"}',
    '{"constructor":{"prototype":{"polluted":"yes"}},"title":"t"}',
    '{"title":"t","details":{"__proto__":{"polluted":"yes"}},"errors":[{"__proto__":{"polluted":"yes"},"pointer":"/a"}]}',
    '{"error":{"__proto__":{"polluted":"yes"},"code":"c","message":"m"}}',
    '{"errors":[{"__proto__":{"polluted":"yes"},"code":"c","meta":{"__proto__":{"polluted":"yes"}}}]}',
    '{"__proto__":null,"type":"x","title":{"__proto__":{"polluted":"yes"}}}',
  ];

  it.each(hostile)('never pollutes Object.prototype: %s', async (body) => {
    const e = await client.fromResponse(textResponse(body, 400, { 'content-type': 'application/json' }));
    expect(e).toBeInstanceOf(ErrataClientError);
    // Touch what a caller touches.
    JSON.stringify([e.details, e.violations, e.data, e.code, e.message]);
    expect(({} as { polluted?: unknown }).polluted).toBeUndefined();
    expect(Object.getOwnPropertyNames(Object.prototype).sort()).toEqual(protoKeys);
    expect(typeof e.message).toBe('string');
  });

  it('reads deeply nested JSON without overflowing', async () => {
    const deep = `${'['.repeat(100_000)}${']'.repeat(100_000)}`;
    const nested = `{"title":"t","details":${'{"a":'.repeat(50_000)}1${'}'.repeat(50_000)}}`;
    for (const body of [deep, nested]) {
      const e = await client.fromResponse(textResponse(body, 400));
      expect(e).toBeInstanceOf(ErrataClientError);
      expect(e.status).toBe(400);
    }
  });

  it('treats JSON that is not an object as an unknown shape', async () => {
    for (const body of ['null', '42', '"text"', '[1,2]', 'true']) {
      const e = await client.fromResponse(textResponse(body, 400, { 'content-type': 'application/json' }));
      expect(e).toMatchObject({ code: undefined, dialect: undefined, message: 'HTTP 400' });
    }
  });
});

describe('parse: headers', () => {
  const headers = (h: Record<string, string>) => new Headers(h);
  it('reads Retry-After as seconds, as an HTTP-date, and retry-after-ms first', () => {
    expect(client.parse('', { status: 503, headers: headers({ 'retry-after': '7' }) }).retryAfterMs).toBe(
      7000,
    );
    expect(
      client.parse('', { status: 503, headers: headers({ 'retry-after-ms': '250' }) }).retryAfterMs,
    ).toBe(250);
    const date = new Date(Date.now() + 10_000).toUTCString();
    const fromDate = client.parse('', {
      status: 503,
      headers: headers({ 'retry-after': date }),
    }).retryAfterMs;
    expect(fromDate).toBeGreaterThan(8000);
    expect(fromDate).toBeLessThanOrEqual(10_000);
    expect(
      client.parse('', { status: 503, headers: headers({ 'retry-after': 'soon' }) }).retryAfterMs,
    ).toBeUndefined();
    expect(
      client.parse('', { status: 503, headers: headers({ 'retry-after-ms': 'x', 'retry-after': '2' }) })
        .retryAfterMs,
    ).toBe(2000);
  });

  it('decides retryable from the headers, then the status', () => {
    const at = (status: number, h: Record<string, string> = {}) =>
      client.parse('', { status, headers: headers(h) }).retryable;
    expect([408, 429, 500, 502, 503, 504].map((s) => at(s))).toEqual([true, true, true, true, true, true]);
    expect([400, 401, 404, 409, 422, 501].map((s) => at(s))).toEqual([
      false,
      false,
      false,
      false,
      false,
      false,
    ]);
    expect(at(503, { 'x-should-retry': 'false' })).toBe(false);
    expect(at(400, { 'x-should-retry': 'true' })).toBe(true);
    expect(at(400, { 'stripe-should-retry': 'true' })).toBe(true);
  });

  it('parses without a response', () => {
    expect(client.parse('{"title":"x","code":"Y"}')).toMatchObject({ status: 0, code: 'Y', message: 'x' });
  });
});

describe('createClient options', () => {
  it('uses a fixed dialect only', async () => {
    const fixed = createClient({ dialect: parseProblem });
    expect((await fixed.fromResponse(textResponse('{"title":"t","code":"C"}'))).code).toBe('C');
    const other = createClient({
      dialect: {
        name: 'mine',
        parse: (b) => ({ dialect: 'mine', status: 0, code: String(b), message: 'm' }),
      },
    });
    // A problem body is not detected when another dialect is fixed.
    expect(await other.fromResponse(textResponse('{"title":"t","code":"C"}'))).toMatchObject({
      dialect: 'mine',
      code: '[object Object]',
    });
  });

  it('takes a dialect object and refuses what is neither a parser nor { name, parse }', async () => {
    const clerk = createClient({ dialect: getDialect('clerk') });
    const body = '{"errors":[{"message":"Gone","code":"gone"}],"clerk_trace_id":"t"}';
    expect(clerk.parse(body)).toMatchObject({ dialect: 'clerk', code: 'gone', requestId: 't' });
    expect(clerk.parse('{"title":"t","code":"C"}').code).toBe(undefined);
    // A JavaScript caller passing the string form of older versions gets a clear error.
    expect(() => createClient({ dialect: 'clerk' as never })).toThrow(/dialect: not a parser/);
  });

  it('detects by shape when the content type names another dialect', async () => {
    const jsonapi = JSON.stringify({
      errors: [{ status: '422', title: 'Invalid', detail: 'Bad item.', code: 'BAD' }],
    });
    const problem = JSON.stringify({ title: 'Top', code: 'TOP' });
    const read = async (body: string, type: string) =>
      (await client.fromResponse(textResponse(body, 422, { 'content-type': type }))).dialect;
    expect(await read(jsonapi, 'application/vnd.api+json')).toBe('jsonapi');
    expect(await read(jsonapi, 'application/problem+json')).toBe('jsonapi');
    expect(await read(problem, 'application/problem+json; charset=utf-8')).toBe('problem');
    expect(await read(problem, 'application/vnd.api+json')).toBe('problem');
  });

  it('survives a parser that throws', async () => {
    const c = createClient({
      dialect: {
        name: 'bad',
        parse: () => {
          throw new Error('bug');
        },
      },
    });
    expect(await c.fromResponse(textResponse('{"a":1}', 500))).toMatchObject({
      code: undefined,
      status: 500,
    });
  });
});

describe('ErrataClientError', () => {
  it('can be made by hand, with a stack, and its fields can be set', () => {
    const e = new ErrataClientError({ status: 400, message: 'Bad', code: 'X', retryable: true }, 'why');
    expect(e).toBeInstanceOf(Error);
    expect(e).toMatchObject({
      status: 400,
      message: 'Bad',
      code: 'X',
      retryable: true,
      violations: [],
      body: '',
    });
    expect(e.cause).toBe('why');
    expect(e.stack).toContain('ErrataClientError: Bad');
    expect(isErrataClientError(e)).toBe(true);
  });

  it('gives errors made by the client a one-line stack, and lets callers replace it', () => {
    const e = client.parse('{"title":"Nope"}', { status: 404 });
    expect(e.stack).toBe('ErrataClientError: Nope');
    (e as { stack?: string }).stack = 'replaced';
    expect(e.stack).toBe('replaced');
    expect(String(e)).toBe('ErrataClientError: Nope');
  });

  it('works out retry guidance once, when first read', () => {
    const headers = new Headers({ 'retry-after': '3' });
    let reads = 0;
    const counting = {
      get: (n: string) => {
        reads++;
        return headers.get(n);
      },
    };
    const e = client.parse('', { status: 503, headers: counting });
    const before = reads;
    expect(e.retryAfterMs).toBe(3000);
    expect(e.retryable).toBe(true);
    const after = reads;
    expect(after).toBeGreaterThan(before);
    expect([e.retryAfterMs, e.retryable]).toEqual([3000, true]);
    expect(reads).toBe(after);
    (e as { retryable: boolean }).retryable = false;
    expect(e.retryable).toBe(false);
  });
});

describe('client.is', () => {
  it('narrows by code, and recognises the brand across package copies', async () => {
    const e = await client.fromResponse(toResponse(api.error('VARIABLE_NOT_FOUND', { name: 'A' })));
    expect(client.is(e, 'VARIABLE_NOT_FOUND')).toBe(true);
    expect(client.is(e, 'INVALID_REQUEST')).toBe(false);
    expect(client.is(e)).toBe(true);
    expect(client.is(new Error('x'))).toBe(false);
    expect(client.is(null)).toBe(false);
    expect(client.is({ code: 'VARIABLE_NOT_FOUND' }, 'VARIABLE_NOT_FOUND')).toBe(false);
    const other = Object.create(null);
    other[Symbol.for('errata.client-error')] = true;
    expect(isErrataClientError(other)).toBe(true);
  });
});
