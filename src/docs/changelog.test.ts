import { describe, expect, it } from 'vitest';
import { normalizeCatalog } from '../catalog/normalize.js';
import { buildChangelog, type ChangelogChange, type ChangelogReleaseInput } from './changelog.js';

const change = (kind: string, id: string | null, breaking = false): ChangelogChange => ({
  kind,
  breaking,
  id,
  code: id,
  field: 'id',
  message: `${kind} ${id}`,
  reason: 'why',
});
const release = (label: string, changes: ChangelogChange[]): ChangelogReleaseInput => ({
  label,
  version: label,
  unreleased: false,
  date: '2026-03-01T10:00:00Z',
  commits: [],
  changes,
});
const model = normalizeCatalog({
  name: 't',
  errors: {
    A: { status: 404 },
    B: { status: 400, deprecated: { since: '0.9.0' } },
    C: { status: 409, deprecated: { since: '1.0.0' } },
    D: { status: 500 },
  },
}).model;

describe('buildChangelog', () => {
  const log = buildChangelog(
    {
      grouping: 'version',
      truncated: false,
      limit: 100,
      releases: [
        release('2.0.0', [
          change('status-changed', 'A', true),
          change('text-changed', 'A'),
          change('deprecated', 'C'),
        ]),
        release('1.0.0', [
          change('entry-added', 'D'),
          change('text-changed', 'D'),
          change('entry-removed', 'GONE', true),
        ]),
        release('1.0.0', [
          change('entry-added', 'A'),
          change('entry-added', 'B'),
          change('entry-added', 'C'),
        ]),
      ],
    },
    model,
  );

  it('splits each release into breaking and other changes, and gives each a unique anchor', () => {
    expect(log.releases.map((r) => [r.anchor, r.breaking.length, r.other.length])).toEqual([
      ['changes:2.0.0', 1, 2],
      ['changes:1.0.0', 1, 2],
      ['changes:1.0.0-2', 0, 3],
    ]);
  });

  it('badges each entry with the release that added it and the latest that changed it, breaking or not', () => {
    expect(log.badges.get('A')).toEqual({
      added: { label: '1.0.0', anchor: 'changes:1.0.0-2' },
      changed: { label: '2.0.0', anchor: 'changes:2.0.0', breaking: true },
    });
    // Added and reworded in one release: only added.
    expect(log.badges.get('D')).toEqual({ added: { label: '1.0.0', anchor: 'changes:1.0.0' } });
    // A removed entry is in the releases only.
    expect(log.badges.has('GONE')).toBe(false);
  });

  it('dates a deprecation by deprecated.since when the catalog says, linked when a release has that label', () => {
    // `since` wins over the release that deprecated it, and links to the newest release of that label.
    expect(log.badges.get('C')?.deprecated).toEqual({ label: '1.0.0', anchor: 'changes:1.0.0' });
    // A `since` older than the history read: said, not linked.
    expect(log.badges.get('B')?.deprecated).toEqual({ label: '0.9.0', anchor: undefined });
  });

  it('takes the deprecation from the history when the catalog does not date it', () => {
    const plain = normalizeCatalog({ name: 't', errors: { C: { status: 409, deprecated: true } } }).model;
    const only = buildChangelog(
      {
        grouping: 'commit',
        truncated: true,
        limit: 2,
        releases: [release('abc1234', [change('deprecated', 'C')])],
      },
      plain,
    );
    expect(only.badges.get('C')).toEqual({ deprecated: { label: 'abc1234', anchor: 'changes:abc1234' } });
  });
});
