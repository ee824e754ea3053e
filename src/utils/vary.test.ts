import { describe, expect, it } from 'vitest';
import { joinVary, varyKey } from './vary.js';

describe('joinVary', () => {
  it('lists each field name once, whatever its case, in the order first given', () => {
    expect(joinVary('Origin', 'Accept-Language')).toBe('Origin, Accept-Language');
    expect(joinVary('accept-language, Origin', 'Accept-Language')).toBe('accept-language, Origin');
    expect(joinVary(['Origin', 'Accept'], ' ,accept,, ', 'Accept-Language')).toBe(
      'Origin, Accept, Accept-Language',
    );
  });

  it('is * when any value lists *, and empty when none says anything', () => {
    expect(joinVary('Origin', '*')).toBe('*');
    expect(joinVary(undefined, '', 42, null)).toBe('');
  });
});

describe('varyKey', () => {
  it('finds Vary in any case', () => {
    expect(varyKey({ 'content-type': 'x', VARY: 'Origin' })).toBe('VARY');
    expect(varyKey({ 'content-type': 'x' })).toBeUndefined();
  });
});
