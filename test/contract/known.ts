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

const BOTH: readonly Source[] = ['seed', 'generated'];

export const KNOWN: readonly Known[] = [
  // Item "built-ins in the contract": a 405 carries `Allow` (RFC 9110 section 15.5.6), but the
  // OpenAPI response ErrataError405 does not list it (src/docs/openapi.ts `sentHeaders` lists the
  // headers of the example, which has none).
  {
    property: 'a2',
    dialects: '*',
    sources: BOTH,
    pattern: /header allow is not documented/,
    title: "the 405's Allow header is not listed on ErrataError405",
  },
  // Item "built-ins in the contract": the responder echoes the request id in `x-request-id` (its
  // `requestIdHeader`) on every response; the stripe dialect's example sends `Request-Id`, so the
  // OpenAPI responses of the stripe document list only that one.
  {
    property: 'a2',
    dialects: ['stripe'],
    sources: BOTH,
    pattern: /header x-request-id is not documented/,
    title: 'the x-request-id the server echoes is not listed in the stripe document',
  },
];

/** The known problems of a property in a dialect for a source of catalogs. */
export function knownFor(property: string, dialect: string, source: Source): Known[] {
  return KNOWN.filter(
    (k) =>
      k.property === property &&
      (k.dialects === '*' || k.dialects.includes(dialect)) &&
      k.sources.includes(source),
  );
}
