import { describe, expect, it } from 'vitest';
import { didYouMean, nearMatches } from './suggest.js';

describe('nearMatches', () => {
  it('suggests near names by substring and by edit distance', () => {
    const ids = ['VARIABLE_NOT_FOUND', 'DEVICE_CODE_NOT_FOUND', 'UNAUTHORIZED', 'INVALID_JSON'];
    expect(nearMatches('NOT_FOUND', ids)).toEqual(['DEVICE_CODE_NOT_FOUND', 'VARIABLE_NOT_FOUND']);
    expect(nearMatches('UNAUTHORISED', ids)).toEqual(['UNAUTHORIZED']);
    expect(nearMatches('invalid_jsn', ids)).toEqual(['INVALID_JSON']);
    expect(nearMatches('ZZZ', ids)).toEqual([]);
  });

  it('ranks the closest first and finds short typos', () => {
    const commands = ['export', 'types', 'docs', 'openapi', 'lint', 'diff', 'lock', 'render', 'init'];
    expect(nearMatches('lnt', commands)[0]).toBe('lint');
    expect(nearMatches('stauts', ['status', 'title', 'message', 'code'])).toEqual(['status']);
    expect(nearMatches('', commands)).toEqual([]);
  });
});

describe('didYouMean', () => {
  it('is a sentence to append, or nothing', () => {
    expect(didYouMean('stauts', ['status', 'title'])).toBe(' Did you mean status?');
    expect(didYouMean('xyzzy-plugh', ['status', 'title'])).toBe('');
    // Only the nearest: "init" is two edits from "lnt", "lint" one.
    expect(didYouMean('lnt', ['init', 'lint', 'lock'])).toBe(' Did you mean lint?');
    expect(didYouMean('NOT_FOUND', ['USER_NOT_FOUND', 'ORDER_NOT_FOUND', 'NOT_ALLOWED'])).toBe(
      ' Did you mean ORDER_NOT_FOUND, USER_NOT_FOUND?',
    );
    expect(didYouMean('formt', ['format', 'out'], { show: (f) => `--${f}` })).toBe(' Did you mean --format?');
  });
});
