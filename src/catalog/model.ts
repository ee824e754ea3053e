/**
 * The normalized catalog model: immutable plain data, the JSON v1 form.
 * Every view (server, client, docs, lint, diff) reads only this.
 */

/** A JSON Schema document (kept as plain data; errata reads only a few keywords). */
export type JsonSchema = { readonly [key: string]: unknown };

/** The type a message parameter accepts. */
export type ParamType = 'string' | 'number' | 'integer' | 'boolean';

export interface ParamModel {
  readonly type: ParamType;
  readonly description?: string;
}

/** Not retryable. `note` carries the catalog's own guidance ("obtain a new token first"). */
export interface NoRetry {
  readonly retryable: false;
  readonly note?: string;
}

interface RetryBase {
  readonly retryable: true;
  /** Attempts a client should make at most, the first included. */
  readonly maxAttempts?: number;
  readonly note?: string;
}

/** Retry with full-jitter exponential back-off between `baseMs` and `maxMs`. */
export interface ExponentialRetry extends RetryBase {
  readonly strategy: 'exponential';
  readonly baseMs: number;
  readonly maxMs: number;
}

/** Retry after a fixed delay. */
export interface FixedRetry extends RetryBase {
  readonly strategy: 'fixed';
  readonly delayMs: number;
}

/** Retry once a stated window has passed ("back off 60 seconds"); sent as `Retry-After`. */
export interface AfterRetry extends RetryBase {
  readonly strategy: 'after';
  readonly afterMs: number;
}

export type RetryPolicy = NoRetry | ExponentialRetry | FixedRetry | AfterRetry;
export type RetryStrategy = (ExponentialRetry | FixedRetry | AfterRetry)['strategy'];

export interface DeprecationModel {
  readonly since?: string;
  /** Id of the entry that replaces this one. */
  readonly replacedBy?: string;
  readonly note?: string;
}

/** A canonical google.rpc.Code name, but `OK`: what AIP-193's `status` may say of an error. */
export type GoogleStatus =
  | 'CANCELLED'
  | 'UNKNOWN'
  | 'INVALID_ARGUMENT'
  | 'DEADLINE_EXCEEDED'
  | 'NOT_FOUND'
  | 'ALREADY_EXISTS'
  | 'PERMISSION_DENIED'
  | 'UNAUTHENTICATED'
  | 'RESOURCE_EXHAUSTED'
  | 'FAILED_PRECONDITION'
  | 'ABORTED'
  | 'OUT_OF_RANGE'
  | 'UNIMPLEMENTED'
  | 'INTERNAL'
  | 'UNAVAILABLE'
  | 'DATA_LOSS';

/** An error `type` Stripe documents. */
export type StripeErrorType = 'api_error' | 'card_error' | 'idempotency_error' | 'invalid_request_error';

/**
 * What a dialect would otherwise derive from the status, stated by the entry:
 * Google's canonical `status`, Stripe's error `type` and `doc_url`.
 */
export interface WireFacts {
  readonly google?: { readonly status: GoogleStatus };
  readonly stripe?: { readonly type?: StripeErrorType; readonly docUrl?: string };
}

export interface EntryModel {
  /** Stable wire code; may be shared between entries; may be `""` in imported catalogs. */
  readonly code: string;
  /** The HTTP status a throw sends by default: the only one, or the first the entry lists. */
  readonly status: number;
  /**
   * Every status the entry may be answered with, the default first; present only when the
   * API answers this code with more than one (which weakens the contract: see docs/catalog.md).
   */
  readonly statuses?: readonly number[];
  readonly category: string;
  /** Short static summary (RFC 9457 `title`, Clerk `message`). */
  readonly title?: string;
  /** Per-occurrence message template with `{name}` or `{name:type}` placeholders. */
  readonly message?: string;
  readonly description?: string;
  readonly remediation?: string;
  readonly params: { readonly [name: string]: ParamModel };
  /**
   * Whether and when the error may be retried. Absent when the catalog does
   * not say, as most published catalogs do not: clients keep their own
   * defaults, which is not the same as "not retryable".
   */
  readonly retry?: RetryPolicy;
  readonly details?: JsonSchema;
  readonly deprecated?: DeprecationModel;
  readonly links?: readonly string[];
  /** Wire facts the entry states for a dialect instead of those its status gives. */
  readonly wire?: WireFacts;
  /** Whether the rendered message and details may reach the caller. */
  readonly expose: boolean;
}

/** The fields of an entry a translation may give, each in the target language. */
export type TranslatedField = 'title' | 'message' | 'description' | 'remediation';

/**
 * One entry's text in one language. `message` is an ICU MessageFormat template over the
 * source message's parameters (`{name}`, and `{n, plural, …}` or `{g, select, …}` where the
 * language needs them).
 */
export type TranslationModel = { readonly [F in TranslatedField]?: string };

/** Translations by locale (a BCP 47 tag as written), then by entry id. */
export interface TranslationsModel {
  readonly [locale: string]: { readonly [id: string]: TranslationModel };
}

export interface CatalogModel {
  readonly errata: 1;
  readonly name: string;
  readonly title?: string;
  readonly version: string;
  /**
   * The language the catalog's own text is written in (BCP 47); absent: `en`. Present only
   * when the catalog states it.
   */
  readonly locale?: string;
  readonly description?: string;
  /** Documentation base URL: an entry's RFC 9457 `type` is this plus `#` and its id. */
  readonly docs?: string;
  /** Default wire dialect. */
  readonly dialect: string;
  readonly categories: readonly string[];
  readonly errors: { readonly [id: string]: EntryModel };
  /**
   * The catalog's text in other languages, from inline `translations` of entries, of the
   * catalog, and the per-locale files beside it (`errors.fr.yaml`); present only when there
   * is one. A translation may name an id the catalog has not (reported by lint, never used).
   */
  readonly translations?: TranslationsModel;
}

/** One problem found in a catalog, with the path to it (`errors.X.status`). */
export interface CatalogIssue {
  readonly path: string;
  readonly message: string;
  /** Line of the problem in a JSON or YAML catalog (from 1), when it was read from text. */
  readonly line?: number;
  /** Column of the problem (from 1), with {@link CatalogIssue.line}. */
  readonly column?: number;
}
