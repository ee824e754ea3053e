import { describe, expect, it } from 'vitest';
import { escapePointerToken, pathPointer, pointerTokens, unescapePointerToken } from './json-pointer.js';

describe('JSON Pointer', () => {
  it('escapes ~ before / and unescapes in the reverse order (RFC 6901 section 4)', () => {
    expect(escapePointerToken('a/b~c')).toBe('a~1b~0c');
    expect(escapePointerToken('~1')).toBe('~01');
    expect(unescapePointerToken('~01')).toBe('~1');
    expect(unescapePointerToken('a~1b~0c')).toBe('a/b~c');
  });

  it('splits a pointer or a fragment into its tokens', () => {
    expect(pointerTokens('')).toEqual([]);
    expect(pointerTokens('#')).toEqual([]);
    expect(pointerTokens('/a~1b/0/~0')).toEqual(['a/b', '0', '~']);
    expect(pointerTokens('#/items/0')).toEqual(['items', '0']);
  });

  it('reads field paths in dot and bracket style', () => {
    expect(pathPointer('items[0].name')).toBe('/items/0/name');
    expect(pathPointer('items[0][name]')).toBe('/items/0/name');
    expect(pathPointer('a/b')).toBe('/a~1b');
    expect(pathPointer('metadata[a.b][c]')).toBe('/metadata/a.b/c');
    expect(pathPointer('x[]')).toBe('/x/');
    expect(pathPointer('a..b]')).toBe('/a/b');
    expect(pathPointer('')).toBe('');
    expect(pathPointer(undefined)).toBeUndefined();
  });
});
