import { describe, expect, it } from 'vitest';
import { pathPointer } from '../utils/json-pointer.js';
import { fieldPath } from './_serialize.js';

describe('fieldPath', () => {
  it('converts both ways, with escaped pointer tokens', () => {
    expect(fieldPath('/items/0/name', 'dot')).toBe('items[0].name');
    expect(fieldPath('/items/0/name', 'bracket')).toBe('items[0][name]');
    expect(fieldPath('/a~1b', 'dot')).toBe('a/b');
    expect(pathPointer('items[0].name')).toBe('/items/0/name');
    expect(pathPointer('items[0][name]')).toBe('/items/0/name');
    expect(pathPointer('a/b')).toBe('/a~1b');
  });
});
