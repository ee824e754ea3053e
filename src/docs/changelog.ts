// The change log of the reference (`errata docs --changelog`): the catalog's
// releases with their classified changes, and per entry the releases that
// added, changed and deprecated it. Pure: the history is read and classified
// by govern (catalog-history.ts, with diffCatalogs); this only shapes it for
// the pages.
import type { CatalogModel } from '../catalog/model.js';

/** One classified change, as `errata diff` reports it. */
export interface ChangelogChange {
  readonly kind: string;
  readonly breaking: boolean;
  /** The entry concerned, or `null` for the catalog itself. */
  readonly id: string | null;
  readonly code: string | null;
  readonly field: string;
  /** What changed: `status 404 → 410`. */
  readonly message: string;
  /** Why it is (or is not) breaking for clients. */
  readonly reason: string;
}

export interface ChangelogCommit {
  readonly sha: string;
  readonly short: string;
  readonly date: string;
  readonly subject: string;
}

/** A release as read from the history: a version, a commit, or the working tree (`unreleased`). */
export interface ChangelogReleaseInput {
  readonly label: string;
  readonly version: string;
  readonly unreleased: boolean;
  readonly date: string | undefined;
  /** Newest first. */
  readonly commits: readonly ChangelogCommit[];
  readonly changes: readonly ChangelogChange[];
}

/** The history a reference is built with (`readCatalogHistory` returns one). */
export interface ChangelogInput {
  readonly grouping: 'version' | 'commit';
  /** Newest first. */
  readonly releases: readonly ChangelogReleaseInput[];
  readonly truncated: boolean;
  readonly limit: number;
}

/** A release on the page: its anchor (`changes:1.2.0`) and its changes split by whether they break clients. */
export interface ChangelogRelease extends ChangelogReleaseInput {
  readonly anchor: string;
  readonly breaking: readonly ChangelogChange[];
  readonly other: readonly ChangelogChange[];
}

/** A badge of an entry: the release it names and where that release is on the page (none for a `since` no release has). */
export interface ChangeBadge {
  readonly label: string;
  readonly anchor: string | undefined;
}

/** The releases that added, last changed and deprecated an entry. */
export interface EntryBadges {
  readonly added?: ChangeBadge;
  /** The latest release that changed it, and whether one of those changes breaks clients. */
  readonly changed?: ChangeBadge & { readonly breaking: boolean };
  readonly deprecated?: ChangeBadge;
}

export interface Changelog {
  readonly grouping: 'version' | 'commit';
  /** Newest first. */
  readonly releases: readonly ChangelogRelease[];
  readonly truncated: boolean;
  readonly limit: number;
  /** By entry id; an entry no release touched has none. */
  readonly badges: ReadonlyMap<string, EntryBadges>;
}

/** The anchor of a release: its label in lower case, anything but letters, digits, `.`, `_` and `-` as `-`. */
const anchorOf = (label: string) => `changes:${label.replace(/[^A-Za-z0-9._-]/g, '-').toLowerCase()}`;

/** Kinds that are not a change of the entry itself, each said by its own badge. */
const OWN_BADGE = new Set(['entry-added', 'deprecated']);

/**
 * Shapes a history for the pages: an anchor per release (unique even when a
 * version comes back), and for each entry of `model` the release that added it,
 * the latest that changed it and the one that deprecated it — its
 * `deprecated.since` when the catalog says, else the release the history shows.
 */
export function buildChangelog(history: ChangelogInput, model: CatalogModel): Changelog {
  const used = new Set<string>();
  const releases = history.releases.map((r): ChangelogRelease => {
    let anchor = anchorOf(r.label);
    for (let n = 2; used.has(anchor); n++) anchor = `${anchorOf(r.label)}-${n}`;
    used.add(anchor);
    return {
      ...r,
      anchor,
      breaking: r.changes.filter((c) => c.breaking),
      other: r.changes.filter((c) => !c.breaking),
    };
  });
  const byLabel = new Map<string, string>();
  // Oldest first, so a label's newest release wins.
  for (const r of [...releases].reverse()) byLabel.set(r.label, r.anchor);
  const badges = new Map<string, EntryBadges>();
  for (const id of Object.keys(model.errors)) {
    let added: ChangeBadge | undefined;
    let changed: (ChangeBadge & { breaking: boolean }) | undefined;
    let deprecated: ChangeBadge | undefined;
    // Newest first: the first release found is the latest.
    for (const r of releases) {
      const mine = r.changes.filter((c) => c.id === id);
      const at = { label: r.label, anchor: r.anchor };
      if (added === undefined && mine.some((c) => c.kind === 'entry-added')) added = at;
      if (deprecated === undefined && mine.some((c) => c.kind === 'deprecated')) deprecated = at;
      const own = mine.filter((c) => !OWN_BADGE.has(c.kind));
      if (changed === undefined && own.length > 0) changed = { ...at, breaking: own.some((c) => c.breaking) };
    }
    // Added and changed in one release: the entry is new there.
    if (changed !== undefined && added !== undefined && changed.anchor === added.anchor) changed = undefined;
    const since = model.errors[id]?.deprecated?.since;
    if (since !== undefined) deprecated = { label: since, anchor: byLabel.get(since) };
    if (added || changed || deprecated)
      badges.set(id, {
        ...(added && { added }),
        ...(changed && { changed }),
        ...(deprecated && { deprecated }),
      });
  }
  return { grouping: history.grouping, releases, truncated: history.truncated, limit: history.limit, badges };
}

/** Where a change is: the entry, `code X`, or `(catalog)`; the same words as `errata diff`. */
export const changeSite = (c: ChangelogChange): string =>
  c.id ?? (c.code !== null ? `code ${c.code}` : '(catalog)');

/** The words of a release's heading line: date and commits (`2026-03-01 · 3 commits: a1b2c3d …`). */
export function releaseMeta(r: ChangelogRelease): string {
  if (r.unreleased) return 'Changes in the working tree, not committed yet';
  const parts: string[] = [];
  if (r.date) parts.push(r.date.slice(0, 10));
  const first = r.commits[0];
  if (r.commits.length === 1 && first !== undefined) parts.push(`commit ${first.short}: ${first.subject}`);
  else if (r.commits.length > 1)
    parts.push(`${r.commits.length} commits (${r.commits.map((c) => c.short).join(', ')})`);
  return parts.join(' · ');
}

/** The sentence above the releases: where they come from and how far back. */
export function changelogIntro(log: Changelog): string {
  const by =
    log.grouping === 'version'
      ? 'one section per catalog version'
      : log.releases.some((r) => !r.unreleased)
        ? 'one section per commit (the catalog’s version never changed)'
        : 'one section per commit';
  const bound = log.truncated
    ? ` Only the last ${log.limit} commits that touched the catalog are read; older changes are not shown.`
    : '';
  return `What changed in the catalog, read from its git history: ${by}, newest first. Changes are classified as errata diff classifies them: breaking for clients or not.${bound}`;
}
