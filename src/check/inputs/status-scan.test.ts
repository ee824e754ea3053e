import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { statusScanner } from './_status-scan.js';
import { DEFAULT_FIELDS, fieldGetters } from './fields.js';

const scan = statusScanner(DEFAULT_FIELDS.status);
const status = fieldGetters().status;

/** The status `readNdjson` reads from a parsed line (a number, or a three-digit string). */
function parsedStatus(line: string): number | undefined {
  const v = status(JSON.parse(line));
  const n = typeof v === 'string' && /^\d{3}$/.test(v) ? Number(v) : v;
  return typeof n === 'number' && Number.isInteger(n) && n >= 100 && n <= 999 ? n : undefined;
}

describe('statusScanner', () => {
  it('answers the status of a plain success line without parsing it', () => {
    expect(scan('{"level":30,"res":{"statusCode":200,"headers":{}},"msg":"done"}')).toBe(200);
    expect(scan('{"http.response.status_code": 304 , "url": "/a"}')).toBe(304);
    expect(scan('{"status":"201"}')).toBe(201);
    expect(scan('{"res":{"statusCode":204}}\r')).toBe(204);
  });

  it('leaves to the parser every line it is not sure of', () => {
    const unsure = [
      '{"res":{"statusCode":404}}', // an error: judged, so parsed
      '{"res":{"statusCode":200},"upstream":{"status":503}}', // two statuses that differ
      '{"res":{"status\\u0043ode":500},"statusCode":200}', // a key written with escapes
      '{"msg":"a \\"statusCode\\":200 b","a\\"status":200}', // a quote escaped before the key
      '{"res":{"statusCode":2000}}', // not a status
      '{"res":{"statusCode":200.5}}',
      '{"res":{"statusCode":"ok"}}',
      '{"res":{"statusCode":null},"status":200}',
      '{"msg":"no status here"}',
      'not json {"statusCode":200}',
      '[{"statusCode":200}]',
    ];
    for (const line of unsure) expect([line, scan(line)]).toEqual([line, undefined]);
  });

  it('takes a line cut short after a closing brace for whole (its braces are not counted)', () => {
    expect(scan('{"res":{"statusCode":200}')).toBe(200);
  });

  it('looks only for the mapped fields', () => {
    const mapped = statusScanner(['http.code']);
    expect(mapped('{"http":{"code":200},"statusCode":500}')).toBe(200);
    expect(mapped('{"res":{"statusCode":200}}')).toBe(undefined);
    expect(statusScanner([])('{"status":200}')).toBe(undefined);
  });

  it('never hides an error response, and never names a status the parser would not (property)', () => {
    const key = fc.constantFrom('status', 'statusCode', 'status_code', 'res', 'http', 'msg', 'a"status', 'x');
    const value = fc.letrec((tie) => ({
      node: fc.oneof(
        { depthSize: 'small' },
        fc.constantFrom(200, 201, 304, 399, 400, 404, 500, 99, 1000, '200', '404', 'ok', null, true),
        fc.string(),
        fc.dictionary(key, tie('node'), { maxKeys: 4 }),
      ),
    })).node;
    const line = fc
      .tuple(fc.dictionary(key, value, { minKeys: 1, maxKeys: 5 }), fc.boolean())
      .map(([o, spaced]) => JSON.stringify(o, null, spaced ? 1 : undefined).replaceAll('\n', ' '));
    fc.assert(
      fc.property(line, (text) => {
        const scanned = scan(text);
        if (scanned === undefined) return;
        const parsed = parsedStatus(text);
        expect(scanned).toBeLessThan(400);
        // The scan may count a line whose status key is outside the mapped
        // paths (the parser skips it); it never disagrees with the parser.
        if (parsed !== undefined) expect(scanned).toBe(parsed);
      }),
      { numRuns: 3000 },
    );
  });
});
