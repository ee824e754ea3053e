import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pathPointer } from '../utils/json-pointer.js';
import { createClient, ErrataClientError, type RetryInfo } from './index.js';

// Error responses as real APIs, frameworks and proxies send them (shapes from
// their public documentation), served over loopback: what the client reads of
// each, and that what is broken or hostile neither throws nor hangs.

type Route = { status: number; headers?: Record<string, string>; body?: string | Buffer };
const json = (status: number, body: unknown, headers: Record<string, string> = {}): Route => ({
  status,
  headers: { 'content-type': 'application/json', ...headers },
  body: JSON.stringify(body),
});

const routes: Record<string, Route> = {
  'github-422': json(
    422,
    {
      message: 'Validation Failed',
      errors: [{ resource: 'Issue', field: 'title', code: 'missing_field' }],
      documentation_url: 'https://docs.github.com/rest/issues/issues#create-an-issue',
    },
    { 'x-github-request-id': 'CB40:2A5E:1B3B2A:1C8F3D:66B0' },
  ),
  'github-404': json(404, {
    message: 'Not Found',
    documentation_url: 'https://docs.github.com/rest',
    status: '404',
  }),
  'slack-200': json(200, { ok: false, error: 'channel_not_found' }),
  'slack-429': json(429, { ok: false, error: 'ratelimited' }, { 'retry-after': '30' }),
  'aws-json': json(
    400,
    {
      __type: 'com.amazonaws.dynamodb.v20120810#ResourceNotFoundException',
      message: 'Requested resource not found',
    },
    { 'content-type': 'application/x-amz-json-1.0', 'x-amzn-requestid': 'R6V1' },
  ),
  'aws-xml': {
    status: 404,
    headers: { 'content-type': 'application/xml' },
    body: '<?xml version="1.0" encoding="UTF-8"?>\n<Error><Code>NoSuchKey</Code><Message>The specified key does not exist.</Message><RequestId>4442587FB7D0A2F9</RequestId></Error>',
  },
  'graphql-200': json(200, {
    errors: [
      {
        message: 'You must be logged in.',
        locations: [{ line: 2, column: 3 }],
        path: ['viewer'],
        extensions: { code: 'UNAUTHENTICATED' },
      },
    ],
    data: null,
  }),
  'graphql-400': json(400, {
    errors: [
      {
        message: 'Cannot query field "nme" on type "User".',
        extensions: { code: 'GRAPHQL_VALIDATION_FAILED' },
      },
    ],
  }),
  twilio: json(404, {
    code: 20404,
    message: 'The requested resource /2010-04-01/Accounts/AC1/Messages/SM1.json was not found',
    more_info: 'https://www.twilio.com/docs/errors/20404',
    status: 404,
  }),
  'shopify-text': json(401, {
    errors: '[API] Invalid API key or access token (unrecognized login or wrong password)',
  }),
  'shopify-fields': json(422, { errors: { title: ["can't be blank"] } }),
  'rails-list': json(422, { errors: ["Name can't be blank"] }),
  azure: json(
    404,
    {
      error: {
        code: 'ResourceNotFound',
        message: "The Resource 'Microsoft.Storage/storageAccounts/x' was not found.",
        innererror: { code: 'NotFound' },
        details: [{ code: 'Missing', target: 'name', message: 'x' }],
      },
    },
    { 'x-ms-request-id': 'ms-1' },
  ),
  'problem-odd': json(
    403,
    {
      type: 'https://example.com/probs/out-of-credit',
      title: 'You do not have enough credit.',
      status: '403',
      detail: 'Your current balance is 30, but that costs 50.',
      instance: '/account/12345/msgs/abc',
      balance: 30,
    },
    { 'content-type': 'application/problem+json' },
  ),
  'problem-bare': json(
    404,
    { type: 'about:blank', status: 404 },
    { 'content-type': 'application/problem+json' },
  ),
  'problem-numeric-code': json(400, { title: 'Bad input', code: 1234 }),
  cloudflare: json(403, {
    success: false,
    errors: [{ code: 10000, message: 'Authentication error' }],
    messages: [],
    result: null,
  }),
  anthropic: json(
    529,
    { type: 'error', error: { type: 'overloaded_error', message: 'Overloaded' } },
    { 'request-id': 'req_011CSHoEeqs5C35K2UUqR7Fy' },
  ),
  'openai-null-code': json(500, {
    error: { message: 'The server had an error.', type: 'server_error', param: null, code: null },
  }),
  fastify: json(400, {
    statusCode: 400,
    code: 'FST_ERR_VALIDATION',
    error: 'Bad Request',
    message: "body must have required property 'name'",
  }),
  boom: json(404, { statusCode: 404, error: 'Not Found', message: 'Cannot GET /v1/nope' }),
  oauth: json(400, { error: 'invalid_grant', error_description: 'The code has expired.' }),
  'cloudflare-504': {
    status: 504,
    headers: { 'content-type': 'text/html; charset=UTF-8', 'cf-ray': '8f1e2d3c4b5a6978-SJC' },
    body: '<!DOCTYPE html><html><head><title>example.com | 504: Gateway time-out</title></head><body>Gateway time-out</body></html>',
  },
  'envoy-503': {
    status: 503,
    headers: { 'content-type': 'text/plain' },
    body: 'upstream connect error or disconnect/reset before headers. reset reason: connection failure',
  },
  'empty-429': { status: 429, headers: { 'retry-after': '2' } },
  'bad-utf8': {
    status: 400,
    headers: { 'content-type': 'application/json' },
    body: Buffer.concat([
      Buffer.from('{"title":"bad '),
      Buffer.from([0xff, 0xfe, 0xc3]),
      Buffer.from('","code":"U"}'),
    ]),
  },
};

const zippedText = JSON.stringify({ title: 'Zipped', code: 'ZIP', detail: 'x'.repeat(4000) });
const gzipped = gzipSync(zippedText);

let server: Server;
let base: string;
let hits = 0;
beforeAll(async () => {
  server = createServer((req, res) => {
    const name = (req.url ?? '').slice(1);
    hits++;
    if (name === 'gzip-cut') {
      // A gzip body cut short, as a proxy that gave up sends it.
      res.writeHead(502, { 'content-type': 'application/json', 'content-encoding': 'gzip' });
      res.end(gzipped.subarray(0, 40));
    } else if (name === 'gzip-bogus') {
      res.writeHead(500, { 'content-type': 'application/json', 'content-encoding': 'gzip' });
      res.end('{"title":"not gzip at all"}');
    } else if (name === 'stall') {
      // Headers and the start of a body, then nothing.
      res.writeHead(503, { 'content-type': 'application/json' });
      res.write('{"title":"Unavail');
    } else if (name === 'head-503') {
      res.writeHead(503, { 'content-type': 'application/json', 'content-length': '64' }).end();
    } else if (name === 'redirect') {
      res.writeHead(302, { location: '/elsewhere' }).end();
    } else if (name === 'not-modified') {
      res.writeHead(304, { etag: '"v1"' }).end();
    } else if (name === 'ok') {
      res.writeHead(200, { 'content-type': 'text/plain' }).end('fine');
    } else {
      const r = routes[name] ?? { status: 404 };
      res.writeHead(r.status, r.headers);
      res.end(r.body);
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});

const client = createClient();
const get = async (name: string, init?: RequestInit) =>
  client.fromResponse(await fetch(`${base}/${name}`, init));

describe('fromResponse: error bodies of real APIs', () => {
  const protoKeys = Object.getOwnPropertyNames(Object.prototype).sort();

  it.each([
    // GitHub: the top-level message, and a violation per `field`.
    [
      'github-422',
      {
        status: 422,
        code: 'missing_field',
        message: 'Validation Failed',
        violations: [{ pointer: '/title', message: '' }],
      },
    ],
    ['github-404', { status: 404, code: undefined, message: 'Not Found' }],
    // Slack answers 200 with a lower-case code alone.
    ['slack-200', { status: 200, code: 'channel_not_found', message: 'channel_not_found' }],
    ['slack-429', { status: 429, code: 'ratelimited', retryable: true, retryAfterMs: 30_000 }],
    ['aws-json', { status: 400, code: 'ResourceNotFoundException', message: 'Requested resource not found' }],
    ['graphql-200', { status: 200, code: 'UNAUTHENTICATED', message: 'You must be logged in.' }],
    [
      'graphql-400',
      { status: 400, code: 'GRAPHQL_VALIDATION_FAILED', message: 'Cannot query field "nme" on type "User".' },
    ],
    // Numeric codes come back as their digits.
    ['twilio', { status: 404, code: '20404', message: expect.stringContaining('was not found') }],
    ['cloudflare', { status: 403, code: '10000', message: 'Authentication error' }],
    ['problem-numeric-code', { status: 400, code: '1234', message: 'Bad input', dialect: 'problem' }],
    [
      'shopify-text',
      {
        status: 401,
        code: undefined,
        message: '[API] Invalid API key or access token (unrecognized login or wrong password)',
      },
    ],
    ['shopify-fields', { status: 422, message: 'Unprocessable Entity' }],
    ['rails-list', { status: 422, message: "Name can't be blank" }],
    ['azure', { status: 404, code: 'ResourceNotFound', message: expect.stringContaining('was not found') }],
    // RFC 7807 as found: `status` as a string, extension members, no title.
    [
      'problem-odd',
      {
        status: 403,
        dialect: 'problem',
        title: 'You do not have enough credit.',
        message: 'Your current balance is 30, but that costs 50.',
        type: 'https://example.com/probs/out-of-credit',
      },
    ],
    ['problem-bare', { status: 404, dialect: 'problem', message: 'Not Found', type: 'about:blank' }],
    // An error named by its type alone (Anthropic; OpenAI's `code: null`).
    [
      'anthropic',
      {
        status: 529,
        code: 'overloaded_error',
        message: 'Overloaded',
        requestId: 'req_011CSHoEeqs5C35K2UUqR7Fy',
      },
    ],
    ['openai-null-code', { status: 500, code: 'server_error', message: 'The server had an error.' }],
    // Fastify's and Boom's `{statusCode, error, message}`: `error` is the status text there.
    [
      'fastify',
      { status: 400, code: 'FST_ERR_VALIDATION', message: "body must have required property 'name'" },
    ],
    ['boom', { status: 404, code: undefined, message: 'Cannot GET /v1/nope' }],
    ['oauth', { status: 400, code: 'invalid_grant', message: 'The code has expired.' }],
    // Not JSON: the status text, the body kept as it came.
    [
      'aws-xml',
      { status: 404, message: 'Not Found', body: expect.stringContaining('<Code>NoSuchKey</Code>') },
    ],
    ['cloudflare-504', { status: 504, code: undefined, message: 'Gateway Timeout', retryable: true }],
    [
      'envoy-503',
      {
        status: 503,
        code: undefined,
        message: 'Service Unavailable',
        body: expect.stringMatching(/^upstream/),
      },
    ],
    ['empty-429', { status: 429, body: '', retryable: true, retryAfterMs: 2000 }],
    ['bad-utf8', { status: 400, code: 'U', message: 'bad \ufffd\ufffd\ufffd' }],
  ] as const)('%s', async (name, expected) => {
    const e = await get(name);
    expect(e).toBeInstanceOf(ErrataClientError);
    expect(e).toMatchObject(expected);
    expect(typeof e.message).toBe('string');
    expect(Object.getOwnPropertyNames(Object.prototype).sort()).toEqual(protoKeys);
  });
});

describe('fromResponse: broken transports and statuses that are not errors', () => {
  it('keeps what a cut gzip body decoded to', async () => {
    const e = await get('gzip-cut');
    expect(e).toMatchObject({ status: 502, code: undefined, data: undefined, retryable: true });
    expect(zippedText.startsWith(e.body)).toBe(true);
  });

  it('reads a body that is not the gzip it claims as empty and cut', async () => {
    expect(await get('gzip-bogus')).toMatchObject({ status: 500, body: '', truncated: true });
  });

  it('ends the read of a stalled body when the fetch signal fires', async () => {
    const started = performance.now();
    const e = await get('stall', { signal: AbortSignal.timeout(150) });
    expect(e).toMatchObject({ status: 503, body: '{"title":"Unavail', truncated: true, code: undefined });
    expect(performance.now() - started).toBeLessThan(3000);
  });

  it.each([
    ['ok', undefined, 200, 'OK'],
    ['redirect', { redirect: 'manual' } as RequestInit, 302, 'Found'],
    ['not-modified', undefined, 304, 'Not Modified'],
  ] as const)(
    'reads a %s response given to it as an error that is not retried',
    async (name, init, status, text) => {
      expect(await get(name, init)).toMatchObject({ status, message: text, retryable: false });
    },
  );

  it('reads a status outside 200-599 from a response-like object', () => {
    expect(client.parse('', { status: 101 })).toMatchObject({
      status: 101,
      message: 'HTTP 101',
      retryable: false,
    });
  });
});

describe('client.fetch: stalls, HEAD and odd Retry-After values', () => {
  const seen: RetryInfo[] = [];
  const retrying = createClient({
    baseDelayMs: 20,
    maxDelayMs: 20,
    random: () => 0.5,
    onRetry: (i) => seen.push(i),
  });

  it('rejects with a timeout at timeoutMs when the error body stalls', async () => {
    const started = performance.now();
    const e = await retrying.fetch(`${base}/stall`, {}, { timeoutMs: 200 }).catch((x: unknown) => x);
    expect(e).toMatchObject({ status: 0, code: 'timeout' });
    expect(performance.now() - started).toBeLessThan(3000);
  });

  it('retries a HEAD (idempotent) whose 503 has no body', async () => {
    hits = 0;
    const e = await retrying
      .fetch(`${base}/head-503`, { method: 'HEAD' }, { retries: 1 })
      .catch((x: unknown) => x);
    expect(e).toMatchObject({ status: 503, body: '' });
    expect(hits).toBe(2);
  });

  it.each(['-5', '-1'])('ignores Retry-After %s and backs off instead of retrying at once', async (value) => {
    expect(
      client.parse('', { status: 503, headers: new Headers({ 'retry-after': value }) }).retryAfterMs,
    ).toBe(undefined);
    seen.length = 0;
    const answers = createClient({
      fetch: async () => new Response(null, { status: 503, headers: { 'retry-after': value } }),
      baseDelayMs: 20,
      random: () => 0.5,
      retries: 1,
      onRetry: (i) => seen.push(i),
    });
    await answers.fetch('http://example.invalid/').catch(() => {});
    expect(seen.map((i) => i.delayMs)).toEqual([10]);
  });

  it('stops at once when onRetry aborts the signal, not after the wait', async () => {
    const controller = new AbortController();
    const reason = new Error('aborted in onRetry');
    const c = createClient({
      fetch: async () => new Response(null, { status: 503, headers: { 'retry-after': '5' } }),
      onRetry: () => controller.abort(reason),
    });
    const started = performance.now();
    expect(
      await c.fetch('http://example.invalid/', { signal: controller.signal }).catch((x: unknown) => x),
    ).toBe(reason);
    expect(performance.now() - started).toBeLessThan(2000);
  });

  it('ignores a fractional Retry-After (delay-seconds is digits only, RFC 9110 section 10.2.3)', () => {
    const e = client.parse('', { status: 503, headers: new Headers({ 'retry-after': '1.5' }) });
    expect(e.retryAfterMs).toBe(undefined);
  });
});

describe('linear time on pathological field paths', () => {
  // Each took tens of seconds at this size (quadratic regular expressions); a 1 MiB body, minutes.
  const n = 200_000;
  const bodies = {
    'OpenAI param': {
      error: { type: 'invalid_request_error', message: 'm', param: '['.repeat(n), code: 'x' },
    },
    'Clerk param_name': { errors: [{ message: 'm', code: 'c', meta: { param_name: '['.repeat(n) } }] },
    'Google @type': {
      error: { code: 400, status: 'INVALID_ARGUMENT', message: 'm', details: [{ '@type': 'a'.repeat(n) }] },
    },
    'Google field': {
      error: {
        code: 400,
        status: 'INVALID_ARGUMENT',
        message: 'm',
        details: [
          {
            '@type': 'type.googleapis.com/google.rpc.BadRequest',
            fieldViolations: [{ field: '['.repeat(n) }],
          },
        ],
      },
    },
  };

  it.each(Object.entries(bodies))('reads a %s of 200,000 characters at once', (_, body) => {
    const text = JSON.stringify(body);
    const started = performance.now();
    expect(client.parse(text, { status: 400 })).toBeInstanceOf(ErrataClientError);
    expect(performance.now() - started).toBeLessThan(2000);
  });

  it('keeps pathPointer linear and its readings of well-formed paths', () => {
    const started = performance.now();
    pathPointer('['.repeat(n));
    expect(performance.now() - started).toBeLessThan(2000);
    expect(pathPointer('items[0].name')).toBe('/items/0/name');
    expect(pathPointer('metadata[a.b][c]')).toBe('/metadata/a.b/c');
    expect(pathPointer('a[b')).toBe('/a/b');
  });
});
