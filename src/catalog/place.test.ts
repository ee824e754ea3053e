import { describe, expect, it } from 'vitest';
import { pathKey } from './issue-path.js';
import { pathSegments, placeIssues } from './place.js';

describe('pathSegments', () => {
  it('reads back every path pathKey writes', () => {
    for (const keys of [
      ['errors', 'A', 'status'],
      ['errors', '1bad id', 'retry', 'baseMs'],
      ['errors', 'a.b', 'x-vendor'],
      ['weird "top" key'],
      ['errors', 'A', 'params', '$n'],
    ])
      expect(pathSegments(keys.reduce((p, k) => pathKey(p, k), ''))).toEqual(keys);
    expect(pathSegments('categories[1]')).toEqual(['categories', 1]);
    expect(pathSegments('errors.A.links[0]')).toEqual(['errors', 'A', 'links', 0]);
  });

  it('gives up on what is not a path', () => {
    for (const bad of ['.errors', 'errors..A', 'errors A', 'errors["open', 'a[x]'])
      expect(pathSegments(bad)).toBe(undefined);
  });
});

describe('placeIssues', () => {
  it('leaves an issue unplaced when its path is not in the text, or it has none', () => {
    const text = 'errors:\n  A: {status: 200}\n';
    expect(
      placeIssues(
        [
          { path: '', message: 'the file is empty' },
          { path: 'errors.A.status', message: 'bad' },
          { path: 'errors["…truncated', message: 'unreadable path' },
        ],
        text,
      ),
    ).toEqual([
      { path: '', message: 'the file is empty' },
      { path: 'errors.A.status', message: 'bad', line: 2, column: 7 },
      { path: 'errors["…truncated', message: 'unreadable path' },
    ]);
  });

  it('places a field the text lacks at the deepest part it has, and a byte order mark takes no column', () => {
    expect(placeIssues([{ path: 'errors.B.status', message: 'x' }], '\ufefferrors:\n  B: {}\n')).toEqual([
      { path: 'errors.B.status', message: 'x', line: 2, column: 3 },
    ]);
  });
});
