// Coverage: which catalog entries a run of observations saw (per declared
// route where routes are known), which codes it saw that the catalog does not
// have. A summary is plain JSON, so summaries from shards merge.
import type { ReadResponse } from './read-response.js';
import type { RouteIndex } from './routes.js';

/** What one declared route saw. */
export interface RouteCoverage {
  /** The entry ids the route declares. */
  readonly declared: readonly string[];
  /** Error responses per entry id on this route. */
  readonly seen: Readonly<Record<string, number>>;
}

/** What a checker saw, as JSON: counts only, so shards merge with {@link mergeCoverage}. */
export interface CoverageSummary {
  readonly kind: 'errata-coverage';
  readonly version: 1;
  /** The catalog's name. */
  readonly catalog: string;
  /** Every entry id of the catalog. */
  readonly ids: readonly string[];
  /** Responses observed, errors or not. */
  readonly responses: number;
  /** Error responses (status 400 and above) observed. */
  readonly errors: number;
  /** Error responses whose code could not be read. */
  readonly uncoded: number;
  /** Error responses per entry id. */
  readonly seen: Readonly<Record<string, number>>;
  /** Error responses per code that no catalog entry has. */
  readonly unknown: Readonly<Record<string, number>>;
  /** Per declared route (`GET /orders/:id`), when routes are known. */
  readonly routes: Readonly<Record<string, RouteCoverage>>;
  /** Catalog entry ids never observed, in catalog order. */
  readonly neverSeen: readonly string[];
  /** Per declared route, the ids it declares that were never observed on it. */
  readonly neverSeenByRoute: Readonly<Record<string, readonly string[]>>;
}

/** Counts observations into a coverage summary. */
export interface CoverageRecorder {
  /** Counts a response that is not an error. */
  count(): void;
  /** Counts an error response. */
  record(read: ReadResponse): void;
  summary(): CoverageSummary;
}

const bump = (counts: Record<string, number>, key: string, by = 1) => {
  counts[key] = (Object.hasOwn(counts, key) ? (counts[key] as number) : 0) + by;
};

export function coverageRecorder(
  catalog: string,
  ids: readonly string[],
  routes?: RouteIndex,
): CoverageRecorder {
  let responses = 0;
  let errors = 0;
  let uncoded = 0;
  const seen: Record<string, number> = {};
  const unknown: Record<string, number> = {};
  const byRoute: Record<string, { declared: string[]; seen: Record<string, number> }> = {};
  for (const [key, declared] of routes?.routes ?? []) byRoute[key] = { declared: [...declared], seen: {} };
  return {
    count() {
      responses++;
    },
    record(read) {
      responses++;
      errors++;
      if (read.code === undefined) uncoded++;
      else if (read.entry === undefined) bump(unknown, read.code);
      else {
        bump(seen, read.entry.id);
        if (read.route !== undefined)
          bump((byRoute[read.route.key] as { seen: Record<string, number> }).seen, read.entry.id);
      }
    },
    summary: () =>
      summarize({
        catalog,
        ids: [...ids],
        responses,
        errors,
        uncoded,
        seen: { ...seen },
        unknown: { ...unknown },
        routes: Object.fromEntries(
          Object.entries(byRoute).map(([k, r]) => [k, { declared: [...r.declared], seen: { ...r.seen } }]),
        ),
      }),
  };
}

type Counts = Omit<CoverageSummary, 'kind' | 'version' | 'neverSeen' | 'neverSeenByRoute'>;

function summarize(c: Counts): CoverageSummary {
  const neverSeenByRoute: Record<string, string[]> = {};
  for (const [key, r] of Object.entries(c.routes)) {
    const missing = r.declared.filter((id) => !Object.hasOwn(r.seen, id));
    if (missing.length > 0) neverSeenByRoute[key] = missing;
  }
  return {
    kind: 'errata-coverage',
    version: 1,
    ...c,
    neverSeen: c.ids.filter((id) => !Object.hasOwn(c.seen, id)),
    neverSeenByRoute,
  };
}

const isCounts = (x: unknown): x is Record<string, number> =>
  typeof x === 'object' &&
  x !== null &&
  !Array.isArray(x) &&
  Object.values(x).every((n) => typeof n === 'number' && Number.isInteger(n) && n >= 0);

/** Throws a `TypeError` saying what is wrong when a value is not a coverage summary. */
function assertSummary(s: unknown, at: number): asserts s is CoverageSummary {
  const fail = (what: string) => {
    throw new TypeError(`errata: coverage summary ${at + 1} ${what}`);
  };
  if (typeof s !== 'object' || s === null) return fail('is not an object');
  const x = s as Record<string, unknown>;
  if (x.kind !== 'errata-coverage' || x.version !== 1)
    return fail('is not an errata coverage summary (kind "errata-coverage", version 1)');
  if (typeof x.catalog !== 'string') fail('has no catalog name');
  if (!Array.isArray(x.ids) || !x.ids.every((i) => typeof i === 'string')) fail('has no list of ids');
  for (const k of ['responses', 'errors', 'uncoded'])
    if (!(typeof x[k] === 'number' && Number.isInteger(x[k]) && (x[k] as number) >= 0))
      fail(`has no count "${k}"`);
  if (!isCounts(x.seen) || !isCounts(x.unknown)) fail('has malformed "seen" or "unknown" counts');
  if (typeof x.routes !== 'object' || x.routes === null) fail('has no "routes"');
  for (const [key, r] of Object.entries(x.routes as object))
    if (!Array.isArray((r as RouteCoverage)?.declared) || !isCounts((r as RouteCoverage).seen))
      fail(`has a malformed route "${key}"`);
}

/**
 * Merges coverage summaries of one catalog (from shards of the same traffic):
 * counts add up, ids and routes are united, and what was never seen is what
 * no shard saw. Throws a `TypeError` on a malformed summary or summaries of
 * different catalogs.
 */
export function mergeCoverage(...summaries: readonly CoverageSummary[]): CoverageSummary {
  summaries.forEach(assertSummary);
  const first = summaries[0];
  if (first === undefined) throw new TypeError('errata: mergeCoverage needs at least one summary');
  const other = summaries.find((s) => s.catalog !== first.catalog);
  if (other !== undefined)
    throw new TypeError(
      `errata: cannot merge coverage of catalog "${other.catalog}" into "${first.catalog}"`,
    );
  const ids = [...new Set(summaries.flatMap((s) => s.ids))];
  const seen: Record<string, number> = {};
  const unknown: Record<string, number> = {};
  const routes: Record<string, { declared: string[]; seen: Record<string, number> }> = {};
  let responses = 0;
  let errors = 0;
  let uncoded = 0;
  for (const s of summaries) {
    responses += s.responses;
    errors += s.errors;
    uncoded += s.uncoded;
    for (const [k, n] of Object.entries(s.seen)) bump(seen, k, n);
    for (const [k, n] of Object.entries(s.unknown)) bump(unknown, k, n);
    for (const [key, r] of Object.entries(s.routes)) {
      const to = Object.hasOwn(routes, key)
        ? (routes[key] as (typeof routes)[string])
        : { declared: [], seen: {} };
      routes[key] = to;
      to.declared = [...new Set([...to.declared, ...r.declared])];
      for (const [k, n] of Object.entries(r.seen)) bump(to.seen, k, n);
    }
  }
  return summarize({ catalog: first.catalog, ids, responses, errors, uncoded, seen, unknown, routes });
}
