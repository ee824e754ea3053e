/**
 * Every kind of change `diffCatalogs` reports: whether it breaks clients, and why.
 * A key `kind:case` is the same kind in a case that reads differently for clients.
 */
// biome-ignore format: one line per change kind, to be read as a table
const CHANGE_KINDS = {
  'dialect-changed': { breaking: true, reason: 'clients that did not negotiate a format receive a different envelope and cannot parse it' },
  'docs-changed': { breaking: true, reason: 'every RFC 9457 "type" URI changes with it, and clients may match errors on their type' },
  'docs-changed:first-set': { breaking: false, reason: 'errors gain a "type" URI where they had about:blank' },
  'entry-added': { breaking: false, reason: 'clients treat an unknown code like any error of its status' },
  'entry-removed': { breaking: true, reason: 'servers can no longer send it, and clients handling it lose their branch' },
  'entry-renamed': { breaking: false, reason: 'clients match on the wire code and status, which did not change' },
  'type-changed': { breaking: true, reason: 'the RFC 9457 "type" URI is derived from the id; clients matching on the type no longer recognise it' },
  'code-removed': { breaking: true, reason: 'clients matching on this code never see it again' },
  'code-changed': { breaking: true, reason: 'clients match on the wire code; the same condition now arrives under another code' },
  'status-changed': { breaking: true, reason: 'clients, SDKs, proxies and retry logic branch on the status' },
  'status-added': { breaking: false, reason: 'the default status is unchanged; the code may now also arrive with another, which weakens what clients can infer from the status' },
  'status-removed': { breaking: true, reason: 'occurrences sent with that status arrive with another; clients and recorded-traffic checks that branch on it no longer match' },
  'server-failure-changed': { breaking: true, reason: 'clients receive this failure (a 405, a 413, a malformed body …) under another code: those matching on the code it had no longer recognise it' },
  'framework-status-changed': { breaking: false, reason: "only a framework's or a middleware's own error of this status was sent under the generic code; your routes never sent it" },
  'google-status-changed': { breaking: true, reason: "clients and Google's client libraries branch on the canonical status (ALREADY_EXISTS, ABORTED …)" },
  'stripe-type-changed': { breaking: true, reason: 'clients branch on the Stripe error type (card_error …), and stripe-node picks some error classes by it' },
  'stripe-doc-url-changed': { breaking: false, reason: 'documentation only' },
  'retry-removed': { breaking: true, reason: 'clients that recovered by retrying now fail where they used to succeed' },
  'retry-added': { breaking: false, reason: 'clients that do not retry are unaffected' },
  'retry-changed': { breaking: false, reason: 'still retryable; only the timing changed' },
  'retry-stated': { breaking: false, reason: 'clients that were not told followed their defaults (some retry a 408, 409, 429 and 5xx, none another status); the catalog now says the same, or allows a retry, which clients that do not retry ignore' },
  'retry-stated:stops-retries': { breaking: true, reason: 'clients such as the OpenAI and Stripe SDKs retry a 408, 409, 429 or 5xx when the catalog does not say; now told not to, they fail where a retry used to succeed' },
  'retry-unstated': { breaking: false, reason: 'clients fall back to their defaults, which do the same at this status; only the stated timing and note are gone' },
  'retry-unstated:stops-retries': { breaking: true, reason: 'clients no longer told to retry fall back to their defaults, which do not retry this status: they fail where a retry used to succeed' },
  'retry-unstated:starts-retries': { breaking: true, reason: 'clients no longer told not to retry fall back to their defaults, which retry a 408, 409, 429 and 5xx: a request the catalog said not to repeat may be sent again' },
  'details-removed': { breaking: true, reason: 'clients reading the details get nothing' },
  'details-added': { breaking: false, reason: 'the server sends more; clients that ignore it are unaffected' },
  'details-field-removed': { breaking: true, reason: 'clients reading this field get undefined' },
  'details-field-added': { breaking: false, reason: 'the server sends more; clients ignore fields they do not read' },
  'details-field-optional': { breaking: true, reason: 'clients that rely on the field being present may get undefined' },
  'details-field-required': { breaking: false, reason: 'the server promises more; readers are unaffected' },
  'details-type-narrowed': { breaking: true, reason: 'typed clients handle the removed type (e.g. a null check) and no longer compile; the contract narrowed' },
  'details-type-widened': { breaking: true, reason: 'clients receive values of a type they were not written for' },
  'details-type-changed': { breaking: true, reason: 'clients read the field as the old type' },
  'details-enum-narrowed': { breaking: true, reason: 'typed clients that handle these values no longer compile; the contract narrowed' },
  'details-enum-widened': { breaking: false, reason: 'clients must already tolerate values they do not know (as with codes)' },
  'param-removed': { breaking: true, reason: 'code that renders or reads this parameter (in messages, logs, translations) no longer gets it' },
  'param-added': { breaking: false, reason: 'only the server supplies it' },
  'param-type-changed': { breaking: true, reason: 'code that passes or reads this parameter was written for the old type' },
  'expose-reduced': { breaking: true, reason: 'clients stop receiving the message and details they may read' },
  'expose-extended': { breaking: false, reason: 'clients receive more than before' },
  deprecated: { breaking: false, reason: 'still sent; clients should move to the replacement before it is removed' },
  'category-changed': { breaking: false, reason: 'documentation only' },
  'links-changed': { breaking: false, reason: 'documentation only' },
  'text-changed': { breaking: false, reason: 'human-readable text: clients must not parse it (match on the code)' },
  'text-changed:documentation': { breaking: false, reason: 'documentation only' },
  'locale-added': { breaking: false, reason: 'callers who ask for this language now read it; the others read what they read before' },
  'locale-removed': { breaking: true, reason: "callers who ask for this language (Accept-Language, a client's locale) now read another: their users see errors in a language they may not read" },
  'translation-added': { breaking: false, reason: 'human-readable text in one language: clients must not parse it (match on the code)' },
  'translation-changed': { breaking: false, reason: 'human-readable text in one language: clients must not parse it (match on the code)' },
  'translation-removed': { breaking: false, reason: "the field falls back to its parent language's or the catalog's own text (fr-CA → fr → the source); the language is still served" },
} as const satisfies Record<string, { readonly breaking: boolean; readonly reason: string }>;

/** A row of the table: a change kind, or a kind in one of its cases (`docs-changed:first-set`). */
export type ChangeCase = keyof typeof CHANGE_KINDS;

/** The kinds of change `diffCatalogs` reports. */
export type ChangeKind = ChangeCase extends infer K
  ? K extends `${infer Kind}:${string}`
    ? Kind
    : K
  : never;

/** One difference between two catalogs, classified. */
export interface Change {
  readonly kind: ChangeKind;
  readonly breaking: boolean;
  /** Entry id (in the new catalog for a rename), or `null` for the catalog itself. */
  readonly id: string | null;
  /** Wire code concerned, or `null`. */
  readonly code: string | null;
  /** Field concerned (`status`, `details.user.id`, `message`…). */
  readonly field: string;
  /** What changed: `status 404 → 410`. */
  readonly message: string;
  /** Why this is (or is not) breaking for clients. */
  readonly reason: string;
  readonly before?: unknown;
  readonly after?: unknown;
}

/** Where a change is: the entry (or `null`), its wire code (or `null`) and the field. */
export interface ChangeSite {
  readonly id: string | null;
  readonly code: string | null;
  readonly field: string;
}

/** Receives each change as it is found. */
export type AddChange = (change: Change) => void;

/** The values a change was made from and to, when it has them. */
type Values = { readonly before?: unknown; readonly after?: unknown };

function classify(kindCase: ChangeCase): { kind: ChangeKind; breaking: boolean; reason: string } {
  const { breaking, reason } = CHANGE_KINDS[kindCase];
  return { kind: kindCase.split(':')[0] as ChangeKind, breaking, reason };
}

/** A change of the given kind (or case) at `site`, classified by the table. */
export function change(kindCase: ChangeCase, site: ChangeSite, message: string, values: Values = {}): Change {
  const { kind, breaking, reason } = classify(kindCase);
  return { kind, breaking, id: site.id, code: site.code, field: site.field, message, reason, ...values };
}

/**
 * A change to one entry: the same as {@link change}, with `id` and `code` as
 * its first keys, the order `errata diff --format json` has always printed them in.
 */
export function entryChange(
  kindCase: ChangeCase,
  site: ChangeSite & { readonly id: string },
  message: string,
  values: Values = {},
): Change {
  const { kind, breaking, reason } = classify(kindCase);
  return { id: site.id, code: site.code, kind, breaking, field: site.field, message, reason, ...values };
}

/** A value in a change message: JSON, or `(none)`. */
export const showValue = (v: unknown): string => (v === undefined ? '(none)' : JSON.stringify(v));
