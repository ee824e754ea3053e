import { describe, expect, it } from 'vitest';
import { isFieldName, isFieldValue } from './http-field.js';

describe('http-field', () => {
  it('takes tokens as names, nothing with a space, a colon, a control or non-ASCII', () => {
    expect(['x-request-id', 'Retry-After', "a!#$%&'*+.^_`|~9"].map(isFieldName)).toEqual([true, true, true]);
    expect(['', 'a b', 'a:b', 'a\r\nb', 'naïve', 'x'.repeat(257)].map(isFieldName)).toEqual([
      false,
      false,
      false,
      false,
      false,
      false,
    ]);
  });

  it('takes visible ASCII, spaces and tabs as values, no CR, LF, NUL or non-ASCII', () => {
    expect(['', 'Bearer realm="api"', 'a\tb', '~'].map(isFieldValue)).toEqual([true, true, true, true]);
    expect(['a\r\nSet-Cookie: x', 'a\0', '決済', '\x7f'].map(isFieldValue)).toEqual([
      false,
      false,
      false,
      false,
    ]);
  });
});
