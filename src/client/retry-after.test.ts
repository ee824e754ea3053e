import { describe, expect, it } from 'vitest';
import { createClient } from './index.js';

// RFC 9110 section 10.2.3: Retry-After = HTTP-date / delay-seconds, and delay-seconds
// is 1*DIGIT (section 10.2.3); an HTTP-date is one of the three forms of section 5.6.7.
const client = createClient();
const delayOf = (value: string, more: Record<string, string> = {}) =>
  client.parse('', { status: 503, headers: new Headers({ 'retry-after': value, ...more }) }).retryAfterMs;

describe('Retry-After: only what RFC 9110 allows', () => {
  it('reads delay-seconds written as digits', () => {
    expect(delayOf('0')).toBe(0);
    expect(delayOf('7')).toBe(7000);
    expect(delayOf('007')).toBe(7000);
  });

  it.each([
    ['1e309', 'an exponent that overflows to Infinity'],
    ['1e3', 'an exponent (1000 s to JavaScript)'],
    ['1.5', 'a fraction'],
    ['+5', 'a sign'],
    ['-5', 'a negative number'],
    ['0x10', 'hexadecimal'],
    ['Infinity', 'a JavaScript number name'],
    ['2026-12-02', 'an ISO 8601 date, which Date.parse reads'],
    ['12/02/2026', 'a US date, which Date.parse reads'],
    ['soon', 'a word'],
  ])('ignores %s (%s)', (value) => {
    expect(delayOf(value)).toBe(undefined);
  });

  it('reads the three HTTP-date forms (IMF-fixdate, RFC 850, asctime), in GMT', () => {
    const inTen = new Date(Date.now() + 10_000);
    const fixdate = inTen.toUTCString();
    const [wd, day, mon, year, time] = fixdate.replace(',', '').split(' ') as string[];
    const weekday = {
      Sun: 'Sunday',
      Mon: 'Monday',
      Tue: 'Tuesday',
      Wed: 'Wednesday',
      Thu: 'Thursday',
      Fri: 'Friday',
      Sat: 'Saturday',
    }[wd as 'Sun'];
    const rfc850 = `${weekday}, ${day}-${mon}-${year?.slice(2)} ${time} GMT`;
    const asctime = `${wd} ${mon} ${String(Number(day)).padStart(2, ' ')} ${time} ${year}`;
    for (const date of [fixdate, rfc850, asctime]) {
      const ms = delayOf(date);
      expect(ms, date).toBeGreaterThan(8000);
      expect(ms, date).toBeLessThanOrEqual(10_000);
    }
    expect(delayOf('Sun, 06 Nov 1994 08:49:37 GMT')).toBe(0);
  });

  it('gives a whole number of milliseconds for retry-after-ms, and ignores one that is not a number', () => {
    expect(delayOf('9', { 'retry-after-ms': '1.2' })).toBe(2);
    expect(delayOf('9', { 'retry-after-ms': '1e3' })).toBe(9000);
    expect(delayOf('9', { 'retry-after-ms': '-1' })).toBe(9000);
  });
});

describe('onRetry: delayMs is a whole number of milliseconds', () => {
  it('rounds a jittered back-off up to the next millisecond', async () => {
    const delays: number[] = [];
    const c = createClient({
      fetch: async () => new Response(null, { status: 503 }),
      baseDelayMs: 10,
      random: () => 0.123,
      retries: 2,
      onRetry: (i) => delays.push(i.delayMs),
    });
    await c.fetch('http://example.invalid/').catch(() => {});
    expect(delays).toEqual([2, 3]);
  });
});
