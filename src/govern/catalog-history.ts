// Node only: a catalog's versions along its git history, for `errata docs --changelog`.
// Each version is read by loadCatalogAtRef and compared with the one before by
// diffCatalogs, so the change log classifies changes exactly as `errata diff` does.
import { execFile } from 'node:child_process';
import { basename, dirname, extname, resolve } from 'node:path';
import { CatalogError } from '../catalog/errors.js';
import { issueText } from '../catalog/issue-text.js';
import type { CatalogModel } from '../catalog/model.js';
import { loadCatalogAtRef } from './catalog-at-ref.js';
import { diffCatalogs } from './diff/catalogs.js';
import type { Change } from './diff/changes.js';

/** One commit that touched the catalog file. */
export interface HistoryCommit {
  readonly sha: string;
  /** The abbreviated hash git prints. */
  readonly short: string;
  /** Committer date, ISO 8601. */
  readonly date: string;
  /** First line of the commit message. */
  readonly subject: string;
}

/** A release of the catalog: a run of commits with one `version`, or one commit, or the working tree. */
export interface HistoryRelease {
  /** The version (`1.2.0`), the abbreviated hash of the commit, or `Unreleased`. */
  readonly label: string;
  /** The catalog's `version` at the end of the release. */
  readonly version: string;
  /** The working tree's changes not yet committed. */
  readonly unreleased: boolean;
  /** Committer date of its last commit (none for the working tree). */
  readonly date: string | undefined;
  /** Its commits, newest first. */
  readonly commits: readonly HistoryCommit[];
  /** What changed since the release before, classified by `diffCatalogs`, breaking first. */
  readonly changes: readonly Change[];
}

/** The catalog's history, newest release first. */
export interface CatalogHistory {
  /** `version` when the catalog's version changes along the history, else `commit`. */
  readonly grouping: 'version' | 'commit';
  readonly releases: readonly HistoryRelease[];
  /** More commits touched the file than the limit: the oldest were not read. */
  readonly truncated: boolean;
  /** The most commits read. */
  readonly limit: number;
  /** What could not be read (a commit whose catalog fails to load, a file never committed). */
  readonly warnings: readonly string[];
}

export interface CatalogHistoryOptions {
  /** The most commits to read, newest first. @default 100 */
  readonly limit?: number;
  /** The catalog as it is on disk: its changes since the last commit are the release `Unreleased`. */
  readonly current?: CatalogModel;
}

/** The history cannot be read at all: the file is not in a git working tree, or git is missing. */
export class CatalogHistoryError extends Error {
  override readonly name = 'CatalogHistoryError';
}

export const DEFAULT_HISTORY_LIMIT = 100;

function git(args: readonly string[], cwd: string): Promise<string> {
  return new Promise((ok, fail) => {
    // execFile, not a shell: the path is an argument, never command text.
    execFile('git', [...args], { cwd, maxBuffer: 16 * 1024 * 1024 }, (err, stdout, stderr) => {
      if (!err) ok(stdout);
      else if ((err as NodeJS.ErrnoException).code === 'ENOENT')
        fail(new CatalogHistoryError('git is not installed (or not on PATH)'));
      else fail(new Error(firstLine(stderr) || err.message));
    });
  });
}

const firstLine = (s: string) => (s.trim().split('\n')[0] ?? '').replace(/^(fatal|error):\s*/, '');

/** The commits that touched the file, newest first, at most `limit + 1` (one more says the walk was cut). */
async function commitsOf(file: string, dir: string, limit: number): Promise<HistoryCommit[]> {
  await git(['rev-parse', '--is-inside-work-tree'], dir).catch((e: Error) => {
    if (e instanceof CatalogHistoryError) throw e;
    throw new CatalogHistoryError(
      /not a git repository/.test(e.message)
        ? `${file} is not in a git repository, so it has no history to read`
        : `cannot read the git history of ${file}: ${e.message}`,
    );
  });
  let out: string;
  try {
    out = await git(
      ['log', `-n${limit + 1}`, '--format=%H%x1f%h%x1f%cI%x1f%s%x1e', '--', basename(file)],
      dir,
    );
  } catch (e) {
    // A repository without a commit yet has no history, like a file never committed.
    if (/does not have any commits/.test((e as Error).message)) return [];
    throw new CatalogHistoryError(`cannot read the git history of ${file}: ${(e as Error).message}`);
  }
  return out
    .split('\x1e')
    .map((record) => record.trim())
    .filter(Boolean)
    .map((record) => {
      const [sha = '', short = '', date = '', subject = ''] = record.split('\x1f');
      return { sha, short, date, subject };
    });
}

/** Why a catalog did not load, on one line. */
function reasonOf(e: unknown): string {
  if (e instanceof CatalogError && e.issues.length > 0) {
    const n = e.issues.length;
    return `invalid catalog (${n} problem${n === 1 ? '' : 's'}): ${issueText(e.issues[0] as (typeof e.issues)[0], undefined)}`;
  }
  return firstLine((e as Error)?.message ?? String(e));
}

interface Snapshot {
  readonly commit: HistoryCommit;
  readonly model: CatalogModel;
}

/** Loads each commit's catalog (a few at a time; a `.ts`/`.js` one at a time, as it is copied to disk to load). */
async function snapshotsOf(
  commits: readonly HistoryCommit[],
  file: string,
  cwd: string,
  warn: (text: string) => void,
): Promise<(Snapshot | undefined)[]> {
  const out: (Snapshot | undefined)[] = new Array(commits.length);
  const width = ['.json', '.yaml', '.yml'].includes(extname(file).toLowerCase()) ? 6 : 1;
  let next = 0;
  const worker = async () => {
    for (let i = next++; i < commits.length; i = next++) {
      const commit = commits[i] as HistoryCommit;
      const at = `commit ${commit.short} (${commit.subject})`;
      try {
        const model = await loadCatalogAtRef(commit.sha, file, cwd);
        if (model === undefined) warn(`skipped ${at}: ${file} does not exist there`);
        else out[i] = { commit, model };
      } catch (e) {
        warn(`skipped ${at}: ${reasonOf(e)}`);
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(width, commits.length) }, worker));
  return out;
}

/** The changes from nothing to `model`: its entries, each added. */
function createdAs(model: CatalogModel): Change[] {
  return diffCatalogs({ ...model, errors: {} }, model).filter((c) => c.kind === 'entry-added');
}

/**
 * Reads the catalog's history: the commits that touched `file` (at most `limit`,
 * newest first), each version loaded as it was, grouped into releases by the
 * catalog's `version` (or one release per commit when it never changes), each
 * release compared with the one before. A commit whose catalog does not load is
 * skipped with a warning; a file outside a git working tree throws
 * {@link CatalogHistoryError}.
 */
export async function readCatalogHistory(
  file: string,
  cwd: string,
  options: CatalogHistoryOptions = {},
): Promise<CatalogHistory> {
  const limit = options.limit ?? DEFAULT_HISTORY_LIMIT;
  const warnings: string[] = [];
  const warn = (text: string) => warnings.push(text);
  const dir = dirname(resolve(cwd, file));
  const found = await commitsOf(file, dir, limit);
  const truncated = found.length > limit;
  // Oldest first. When the walk was cut, its oldest commit (one past the limit) is read only as the
  // version the window's first commit is compared with.
  const commits = found.reverse();
  if (commits.length === 0) warn(`${file} has no commits in git yet: its entries are shown as unreleased`);
  const loaded = await snapshotsOf(commits, file, cwd, warn);
  // Warnings in the order of the history, oldest first.
  warnings.sort((a, b) => orderOf(a, commits) - orderOf(b, commits));
  const base = truncated ? loaded[0] : undefined;
  const snapshots = (truncated ? loaded.slice(1) : loaded).filter((s): s is Snapshot => s !== undefined);
  // The file's first commit, read: every entry it had was added then. Otherwise the oldest version read is the base.
  const fromNothing = !truncated && loaded[0] !== undefined;
  const versions = new Set([...(base ? [base] : []), ...snapshots].map((s) => s.model.version));
  const grouping = versions.size > 1 ? 'version' : 'commit';

  const groups: Snapshot[][] = [];
  for (const s of snapshots) {
    const last = groups.at(-1);
    if (last !== undefined && grouping === 'version' && last[0]?.model.version === s.model.version)
      last.push(s);
    else groups.push([s]);
  }
  const releases: HistoryRelease[] = [];
  let before: CatalogModel | undefined = base?.model;
  for (const group of groups) {
    const end = group.at(-1) as Snapshot;
    const changes =
      before !== undefined
        ? diffCatalogs(before, end.model)
        : fromNothing
          ? createdAs(end.model)
          : diffCatalogs((group[0] as Snapshot).model, end.model);
    before = end.model;
    // One commit that changed nothing clients see (a comment, a reformat) is left out.
    if (grouping === 'commit' && changes.length === 0) continue;
    releases.push({
      label: grouping === 'version' ? end.model.version : end.commit.short,
      version: end.model.version,
      unreleased: false,
      date: end.commit.date,
      commits: group.map((s) => s.commit).reverse(),
      changes,
    });
  }
  const current = options.current;
  // Not committed yet, every entry is new; committed but no version read, there is nothing to compare with.
  if (current !== undefined && (before !== undefined || commits.length === 0)) {
    const changes = before === undefined ? createdAs(current) : diffCatalogs(before, current);
    if (changes.length > 0 || (before !== undefined && before.version !== current.version))
      releases.push({
        label: 'Unreleased',
        version: current.version,
        unreleased: true,
        date: undefined,
        commits: [],
        changes,
      });
  }
  return { grouping, releases: releases.reverse(), truncated, limit, warnings };
}

/** A warning's place in the history: the index of the commit it names. */
function orderOf(warning: string, commits: readonly HistoryCommit[]): number {
  return commits.findIndex((c) => warning.startsWith(`skipped commit ${c.short} `));
}
