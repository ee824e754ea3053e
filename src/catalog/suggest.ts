/**
 * "Did you mean …?" for every mistyped name errata meets: a command, a flag,
 * an entry id, a catalog field. One place, so every message ranks alike.
 */

/** Edit distance (Levenshtein); names are short, so the quadratic table is fine. */
function distance(a: string, b: string): number {
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    for (let j = 1; j <= b.length; j++) {
      row[j] = Math.min(
        (prev[j] as number) + 1,
        (row[j - 1] as number) + 1,
        (prev[j - 1] as number) + (a[i - 1] === b[j - 1] ? 0 : 1),
      );
    }
    prev = row;
  }
  return prev[b.length] as number;
}

/** The candidates within reach of a mistyped name, each with its distance, best first. */
function ranked(name: string, candidates: Iterable<string>): { candidate: string; d: number }[] {
  const needle = name.toLowerCase();
  const limit = Math.max(2, Math.floor(needle.length / 3));
  return [...candidates]
    .map((candidate) => {
      const c = candidate.toLowerCase();
      // The edit distance is at least the difference in length: skip the table when that is too far already.
      const d =
        needle !== '' && (c.includes(needle) || needle.includes(c))
          ? 0
          : Math.abs(c.length - needle.length) > limit
            ? Number.POSITIVE_INFINITY
            : distance(needle, c);
      return { candidate, d };
    })
    .filter((x) => x.d <= limit)
    .sort((x, y) => x.d - y.d || x.candidate.localeCompare(y.candidate));
}

/**
 * The candidates closest to a mistyped name, best first: those containing it
 * (or contained in it), then those within a few edits (a third of its length,
 * at least 2), case-insensitively.
 */
export function nearMatches(name: string, candidates: Iterable<string>, max = 5): string[] {
  return ranked(name, candidates)
    .slice(0, max)
    .map((x) => x.candidate);
}

/**
 * The sentence to append to an error about `name`: ` Did you mean x?`, or
 * ` Did you mean x, y?` when several are equally near (at most `max`), or `''`
 * when nothing is near. `show` spells a candidate (`--format` for a flag).
 */
export function didYouMean(
  name: string,
  candidates: Iterable<string>,
  options: { readonly max?: number; readonly show?: (candidate: string) => string } = {},
): string {
  const { max = 3, show = (c: string) => c } = options;
  const near = ranked(name, candidates);
  const best = near.filter((x) => x.d === near[0]?.d).slice(0, max);
  return best.length === 0 ? '' : ` Did you mean ${best.map((x) => show(x.candidate)).join(', ')}?`;
}
