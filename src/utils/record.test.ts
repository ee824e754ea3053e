import { describe, expect, it } from 'vitest';
import { isRecord } from './record.js';

describe('isRecord', () => {
  it('accepts objects whose properties can be read by name', () => {
    expect(isRecord({})).toBe(true);
    expect(isRecord(Object.create(null))).toBe(true);
    expect(isRecord(new Map())).toBe(true);
  });

  it('refuses null, arrays and every primitive', () => {
    for (const v of [null, undefined, [], [1], 'x', 1, true, 1n, Symbol('s')])
      expect(isRecord(v)).toBe(false);
  });
});
