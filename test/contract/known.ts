// What the contract test finds that does not hold yet, each with why and who
// fixes it (the items of issue 13). A property's own test ignores the problems
// listed here; each of them runs as an `it.fails` of its own, so the day it
// holds, that test fails and says to remove its line here.

export type Source = 'seed' | 'generated';

export interface Known {
  /** The property (`a1` … `c4`). */
  readonly property: string;
  /** The dialects it is known in; `*` for every one. */
  readonly dialects: readonly string[] | '*';
  readonly sources: readonly Source[];
  /** Matches the problem lines it explains (one line per response). */
  readonly pattern: RegExp;
  /** Why it fails, short: the test's name. */
  readonly title: string;
}

export const KNOWN: readonly Known[] = [];

/** The known problems of a property in a dialect for a source of catalogs. */
export function knownFor(property: string, dialect: string, source: Source): Known[] {
  return KNOWN.filter(
    (k) =>
      k.property === property &&
      (k.dialects === '*' || k.dialects.includes(dialect)) &&
      k.sources.includes(source),
  );
}
