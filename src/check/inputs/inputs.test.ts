import { Buffer } from 'node:buffer';
import { describe, expect, it } from 'vitest';
import type { Observation } from '../types.js';
import { streamJson } from './_json-stream.js';
import { detectFormat, type InputProblem, type Reader, readHar, readNdjson, readOtlp } from './index.js';

/** Bytes as a stream, cut into chunks of `size` (a chunk boundary may fall anywhere, mid-character too). */
async function* bytes(text: string | Buffer, size = 7): AsyncGenerator<Uint8Array> {
  const all = typeof text === 'string' ? Buffer.from(text) : text;
  for (let i = 0; i < all.length; i += size) yield all.subarray(i, i + size);
}

async function read(reader: Reader, input: AsyncIterable<Uint8Array>, options: object = {}) {
  const problems: InputProblem[] = [];
  const observations: Observation[] = [];
  for await (const batch of reader(input, { file: 'in', onProblem: (p) => problems.push(p), ...options }))
    observations.push(...batch);
  return { observations, problems };
}

const entry = (status: number, content: object, headers: object[] = []) => ({
  request: { method: 'GET', url: `https://api.test/${status}`, headers: [] },
  response: { status, headers, content },
});
const har = (entries: object[]) => JSON.stringify({ log: { version: '1.2', entries } }, null, 2);

describe('readHar', () => {
  it('makes each entry an observation numbered from 1, whatever the chunk size', async () => {
    const text = har([
      entry(404, { text: '{"code":"A"}', mimeType: 'application/json' }, [
        { name: 'Content-Type', value: 'application/json' },
        { name: 'Set-Cookie', value: 'a=1' },
        { name: 'set-cookie', value: 'b=2' },
      ]),
      entry(200, { text: 'é ok' }),
    ]);
    for (const size of [1, 3, 64, 1 << 20]) {
      const { observations, problems } = await read(readHar, bytes(text, size));
      expect(problems).toEqual([]);
      expect(observations).toEqual([
        {
          status: 404,
          headers: { 'content-type': 'application/json', 'set-cookie': ['a=1', 'b=2'] },
          body: '{"code":"A"}',
          method: 'GET',
          url: 'https://api.test/404',
          source: { file: 'in', line: 1 },
        },
        // A success is counted, not read.
        { status: 200, headers: {}, source: { file: 'in', line: 2 } },
      ]);
    }
  });

  it('decodes base64 bodies, and says when the bytes are not UTF-8', async () => {
    const text = har([
      entry(404, { text: Buffer.from('{"code":"A"}').toString('base64'), encoding: 'base64' }),
      entry(404, { text: Buffer.from([0x7b, 0xff, 0x7d]).toString('base64'), encoding: 'base64' }),
      entry(404, { text: 'not base64 !!', encoding: 'base64' }),
    ]);
    const { observations, problems } = await read(readHar, bytes(text));
    expect(observations.map((o) => o.body)).toEqual(['{"code":"A"}', '{\uFFFD}', undefined]);
    expect(problems).toEqual([
      {
        file: 'in',
        line: 2,
        message: 'the body is not UTF-8 (byte 0xff at offset 1): read with U+FFFD in place of the bad bytes',
        fatal: false,
      },
      { file: 'in', line: 3, message: 'the body is marked base64 but is not base64', fatal: false },
    ]);
  });

  it('reports a singleton header given twice, and keeps both values', async () => {
    const text = har([
      entry(404, { text: '{}' }, [
        { name: 'Content-Type', value: 'application/problem+json' },
        { name: 'content-type', value: 'text/html' },
      ]),
    ]);
    const { observations, problems } = await read(readHar, bytes(text));
    expect(observations[0]?.headers).toEqual({ 'content-type': ['application/problem+json', 'text/html'] });
    expect(problems.map((p) => [p.line, p.message])).toEqual([
      [1, 'the response has 2 content-type headers (a field sent once); every value is checked'],
    ]);
  });

  it('skips status 0 (no response), and counts error responses saved without their body', async () => {
    const text = har([entry(0, {}), entry(500, { size: 10 }), entry(404, { size: 3 })]);
    const { observations, problems } = await read(readHar, bytes(text));
    expect(observations.map((o) => [o.status, o.source?.line, o.body])).toEqual([
      [500, 2, undefined],
      [404, 3, undefined],
    ]);
    expect(problems).toEqual([
      {
        file: 'in',
        line: 2,
        message:
          '2 error responses have no recorded body (the first: this entry); only their status is checked. Save the HAR with its content.',
        fatal: false,
      },
    ]);
  });

  it('reads every entry before a truncation, then reports it as fatal with its line', async () => {
    const whole = har([entry(404, { text: '{"a":1}' }), entry(409, { text: '{"b":2}' })]);
    const cut = whole.slice(0, whole.indexOf('"status": 409'));
    const { observations, problems } = await read(readHar, bytes(cut));
    expect(observations.map((o) => o.status)).toEqual([404]);
    const lines = cut.split('\n').length;
    expect(problems).toEqual([
      {
        file: 'in',
        line: 2,
        message: `the HAR ends at line ${lines} inside this entry (truncated?): expected the rest of the entry and the closing "]}}"`,
        fatal: true,
      },
    ]);
  });

  it('names the line and column of a syntax error, and what was expected there', async () => {
    const colon = await read(readHar, bytes('{"log": {"entries": [{"response" {}}]}}'));
    expect(colon.problems[0]?.message).toBe(
      'line 1, column 34: not JSON: unexpected "{" (expected ":"); the entries after it are not read',
    );
    const text =
      '{"log": {"entries": [\n  {"response": {"status": 404, "content": {"text": "{}"}}},\n  {"response": {"status": 40x}}\n]}}';
    const { observations, problems } = await read(readHar, bytes(text));
    expect(observations.map((o) => o.status)).toEqual([404]);
    expect(problems).toEqual([
      {
        file: 'in',
        line: 2,
        message: 'line 3, column 29: not JSON: unexpected "x"; the entries after it are not read',
        fatal: true,
      },
    ]);
  });

  it('counts a 50 MB body instead of keeping it, and still checks the status and headers', async () => {
    const big = 50 * 1024 * 1024;
    async function* huge(): AsyncGenerator<Uint8Array> {
      yield Buffer.from(
        '{"log":{"entries":[{"request":{"method":"GET","url":"/x"},"response":{"status":500,"headers":[{"name":"Content-Type","value":"application/json"}],"content":{"text":"',
      );
      const block = Buffer.alloc(1024 * 1024, 'a');
      for (let i = 0; i < big / block.length; i++) yield block;
      yield Buffer.from('"}}}]}}');
    }
    const before = process.memoryUsage().heapUsed;
    const { observations, problems } = await read(readHar, huge());
    expect(process.memoryUsage().heapUsed - before).toBeLessThan(40 * 1024 * 1024);
    expect(observations).toEqual([
      {
        status: 500,
        headers: { 'content-type': 'application/json' },
        method: 'GET',
        url: '/x',
        source: { file: 'in', line: 1 },
      },
    ]);
    expect(problems).toEqual([
      {
        file: 'in',
        line: 1,
        message: 'the body (about 50.0 MiB) is over the 1.0 MiB kept: its checks are skipped',
        fatal: false,
      },
    ]);
  });

  it('says when a file holds no entries', async () => {
    const { problems } = await read(readHar, bytes('{"log": {"entries": []}}'));
    expect(problems.map((p) => p.message)).toEqual([
      'no entries: expected a HAR 1.2 document, {"log": {"entries": [...]}}',
    ]);
  });
});

describe('readNdjson', () => {
  const pino = (status: number, extra: object = {}) =>
    JSON.stringify({
      level: 30,
      time: 1,
      req: { id: 1, method: 'GET', url: `/orders/${status}`, headers: { host: 'x' } },
      res: {
        statusCode: status,
        headers: { 'content-type': 'application/problem+json', 'x-request-id': 'r1' },
      },
      responseTime: 2,
      msg: 'request completed',
      ...extra,
    });

  it("reads pino-http's lines with the default fields, and skips lines without a status", async () => {
    const text = `${JSON.stringify({ level: 30, msg: 'server listening' })}\n${pino(404)}\n\n${pino(200)}\r\n`;
    const { observations, problems } = await read(readNdjson, bytes(text, 13));
    expect(problems).toEqual([]);
    expect(observations).toEqual([
      {
        status: 404,
        headers: { 'content-type': 'application/problem+json', 'x-request-id': 'r1' },
        method: 'GET',
        url: '/orders/404',
        source: { file: 'in', line: 2 },
      },
      { status: 200, headers: {}, source: { file: 'in', line: 4 } },
    ]);
  });

  it('reads fields from a mapping: nested paths, keys holding dots, a list tried in order, a JSON body', async () => {
    const lines = [
      {
        'http.response.status_code': '409',
        resp: { h: [['Retry-After', 5]] },
        out: { code: 'X' },
        route: '/a/:id',
      },
      {
        http: { response: { status_code: 410 } },
        resp: { h: 'HTTP/1.1 410 Gone\r\nContent-Type: text/plain\r\n' },
        text: 'gone',
      },
    ];
    const { observations } = await read(readNdjson, bytes(lines.map((l) => JSON.stringify(l)).join('\n')), {
      fields: {
        status: 'http.response.status_code',
        headers: 'resp.h',
        body: ['out', 'text'],
        route: 'route',
        code: 'out.code',
      },
    });
    expect(observations).toEqual([
      {
        status: 409,
        headers: { 'retry-after': '5' },
        body: '{"code":"X"}',
        code: 'X',
        route: '/a/:id',
        source: { file: 'in', line: 1 },
      },
      {
        status: 410,
        headers: { 'content-type': 'text/plain' },
        body: 'gone',
        source: { file: 'in', line: 2 },
      },
    ]);
  });

  it('reports a line that is not JSON, or not UTF-8, at its line, and reads on', async () => {
    const text = Buffer.concat([
      Buffer.from(`${pino(404)}\nError: boom\n    at x (/app/a.js:1:2)\n`),
      Buffer.from('{"status": 500, "body": "caf'),
      Buffer.from([0xe9]),
      Buffer.from(`"}\n${pino(401)}`),
    ]);
    const { observations, problems } = await read(readNdjson, bytes(text, 5));
    expect(observations.map((o) => [o.status, o.source?.line, o.body])).toEqual([
      [404, 1, undefined],
      [500, 4, 'caf\uFFFD'],
      [401, 5, undefined],
    ]);
    expect(problems).toEqual([
      { file: 'in', line: 2, message: 'not JSON: "Error: boom"', fatal: false },
      { file: 'in', line: 3, message: 'not JSON: "    at x (/app/a.js:1:2)"', fatal: false },
      {
        file: 'in',
        line: 4,
        message: 'not UTF-8 (byte 0xe9 at offset 28): read with U+FFFD in place of the bad bytes',
        fatal: false,
      },
    ]);
  });

  it('streams a line too long to hold: its body is counted, its status still read', async () => {
    async function* input(): AsyncGenerator<Uint8Array> {
      yield Buffer.from(
        `${pino(404)}\n{"res": {"statusCode": 503}, "res.body": "`.replace('"res.body"', '"body"'),
      );
      for (let i = 0; i < 10; i++) yield Buffer.alloc(1024 * 1024, 'b');
      yield Buffer.from(`"}\n${pino(401)}\n`);
    }
    const { observations, problems } = await read(readNdjson, input());
    expect(observations.map((o) => [o.status, o.source?.line, o.body])).toEqual([
      [404, 1, undefined],
      [503, 2, undefined],
      [401, 3, undefined],
    ]);
    expect(problems).toEqual([
      {
        file: 'in',
        line: 2,
        message: 'the body (about 10.0 MiB) is over the 1.0 MiB kept: its checks are skipped',
        fatal: false,
      },
    ]);
  });

  it('reads success lines by a scan and error lines by a parse, alike in every chunking', async () => {
    const lines = [pino(200), pino(404), pino(301, { upstream: { status: 503 } }), pino(200), pino(500)];
    const expected = [200, 404, 301, 200, 500].map((status, i) => [status, i + 1]);
    for (const size of [1, 7, 64, 4096]) {
      const { observations, problems } = await read(readNdjson, bytes(`${lines.join('\n')}\n`, size));
      expect(problems).toEqual([]);
      expect(observations.map((o) => [o.status, o.source?.line])).toEqual(expected);
      // Errors carry what was parsed; successes, scanned or parsed, only their status.
      expect(observations.map((o) => o.url)).toEqual([
        undefined,
        '/orders/404',
        undefined,
        undefined,
        '/orders/500',
      ]);
    }
  });

  it('parses a last line without its newline (a log cut short), so its damage is reported', async () => {
    const { observations, problems } = await read(
      readNdjson,
      bytes(`${pino(200)}\n{"res":{"statusCode":200}`),
    );
    expect(observations.map((o) => o.status)).toEqual([200]);
    expect(problems.map((p) => [p.line, p.message.slice(0, 8)])).toEqual([[2, 'not JSON']]);
  });

  it('says which paths it tried when no line has a status', async () => {
    const { problems } = await read(readNdjson, bytes('{"a":1}\n{"b":2}\n'), {
      fields: { status: 'http.code' },
    });
    expect(problems.map((p) => p.message)).toEqual([
      'none of 2 JSON lines has a status at http.code: map the fields in the config ("fields": { "status": "path.to.status" })',
    ]);
  });

  it('reports at most 20 problems of a kind, then how many more there were', async () => {
    const { problems } = await read(readNdjson, bytes('x\n'.repeat(25)));
    expect(problems).toHaveLength(21);
    expect(problems[19]?.line).toBe(20);
    expect(problems[20]?.message).toBe('5 more of "not-json" not shown (25 in all)');
  });
});

describe('readOtlp', () => {
  const attr = (key: string, value: object) => ({ key, value });
  const span = (kind: number, attributes: object[]) => ({
    traceId: 't',
    spanId: 's',
    name: 'GET',
    kind,
    attributes,
  });
  const line = (spans: object[]) =>
    JSON.stringify({
      resourceSpans: [{ resource: { attributes: [] }, scopeSpans: [{ scope: { name: 'http' }, spans }] }],
    });

  it("makes each server span an observation: status, method, route, URL, and error.type's code", async () => {
    const text = [
      line([
        span(2, [
          attr('http.request.method', { stringValue: 'GET' }),
          attr('http.route', { stringValue: '/orders/:id' }),
          attr('url.full', { stringValue: 'https://api.test/orders/7' }),
          attr('http.response.status_code', { intValue: '404' }),
          attr('error.type', { stringValue: 'ORDER_NOT_FOUND' }),
        ]),
        // A client span: another API's answer, not this one's.
        span(3, [attr('http.response.status_code', { intValue: 500 })]),
      ]),
      line([
        span(2, [
          attr('http.response.status_code', { intValue: 503 }),
          attr('error.type', { stringValue: '503' }),
        ]),
        span(2, [attr('http.route', { stringValue: '/health' })]),
      ]),
      'not json',
    ].join('\n');
    const { observations, problems } = await read(readOtlp, bytes(text, 50));
    expect(observations).toEqual([
      {
        status: 404,
        headers: {},
        code: 'ORDER_NOT_FOUND',
        method: 'GET',
        url: 'https://api.test/orders/7',
        route: '/orders/:id',
        source: { file: 'in', line: 1 },
      },
      { status: 503, headers: {}, source: { file: 'in', line: 2 } },
    ]);
    expect(problems).toEqual([{ file: 'in', line: 3, message: 'not JSON: "not json"', fatal: false }]);
  });
});

describe('detectFormat', () => {
  it('tells HAR, OTLP and NDJSON apart by name and first key', () => {
    expect(detectFormat('x.har', '')).toBe('har');
    expect(detectFormat('x.json', '{\n  "log": {')).toBe('har');
    expect(detectFormat('x.json', '{"resourceSpans":[')).toBe('otlp');
    expect(detectFormat('app.log', '{"level":30}')).toBe('ndjson');
    expect(detectFormat('-', 'plain text')).toBe('ndjson');
  });
});

describe('streamJson', () => {
  it('keeps strings under the cap whole, across chunks and escapes', () => {
    const values: unknown[] = [];
    const s = streamJson({ paths: ['$.*'], maxString: 8, onValue: (v) => values.push(v), onError: () => {} });
    for (const c of Buffer.from('["ab\\u00e9c", "123456789", "é"]')) s.write(Uint8Array.of(c));
    s.end();
    expect(values.slice(0, 1)).toEqual(['abéc']);
    expect(values[1]).toMatchObject({ bytes: 9 });
    expect(values[2]).toBe('é');
  });
});
