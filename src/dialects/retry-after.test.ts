import { describe, expect, it } from 'vitest';
import { parseAny } from './parsers.js';

// The dialects' parsers read Retry-After as the client does: RFC 9110 section 10.2.3
// allows delay-seconds (digits) or an HTTP-date, and nothing else.
const delayOf = (headers: Record<string, string>) =>
  parseAny({ code: 'BUSY', message: 'Busy.' }, { status: 503, headers: new Headers(headers) })?.retryAfterMs;

describe('Retry-After in the dialects’ parsers', () => {
  it('reads digits as seconds', () => {
    expect(delayOf({ 'retry-after': '7' })).toBe(7000);
    expect(delayOf({ 'retry-after': '0' })).toBe(0);
  });

  it.each(['1e309', '1e3', '1.5', '+5', '-5', '0x10', 'Infinity', '2026-12-02', 'soon'])(
    'ignores %s',
    (value) => {
      expect(delayOf({ 'retry-after': value })).toBe(undefined);
    },
  );

  it('reads the three HTTP-date forms, asctime as GMT', () => {
    for (const date of [
      'Sun, 06 Nov 1994 08:49:37 GMT',
      'Sunday, 06-Nov-94 08:49:37 GMT',
      'Sun Nov  6 08:49:37 1994',
    ])
      expect(delayOf({ 'retry-after': date }), date).toBe(0);
    const inTen = new Date(Date.now() + 10_000);
    const asctime = inTen
      .toUTCString()
      .replace(
        /^(\w+), (\d+) (\w+) (\d+) (\S+) GMT$/,
        (_, wd, d, m, y, t) => `${wd} ${m} ${String(Number(d)).padStart(2, ' ')} ${t} ${y}`,
      );
    const ms = delayOf({ 'retry-after': asctime });
    expect(ms).toBeGreaterThan(8000);
    expect(ms).toBeLessThanOrEqual(10_000);
  });

  it('gives whole milliseconds for OpenAI’s retry-after-ms', () => {
    const body = { error: { message: 'Busy.', type: 'server_error', param: null, code: 'BUSY' } };
    const read = (h: Record<string, string>) =>
      parseAny(body, { status: 503, headers: new Headers(h) })?.retryAfterMs;
    expect(read({ 'retry-after-ms': '1.2' })).toBe(2);
    expect(read({ 'retry-after-ms': '1e3', 'retry-after': '4' })).toBe(4000);
  });
});
