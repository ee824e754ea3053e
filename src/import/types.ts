// What every importer produces: entries read from one source, each with where
// it came from and what was guessed, and the problems met on the way.
import type { DeprecationModel, JsonSchema, RetryPolicy } from '../catalog/model.js';

/** The kinds of source `errata import` reads. */
export type SourceKind = 'markdown' | 'html' | 'openapi' | 'har' | 'ndjson';

export const SOURCE_KINDS: readonly SourceKind[] = ['markdown', 'html', 'openapi', 'har', 'ndjson'];

/** Where an entry (or one of its fields) was read, and what the importer guessed rather than read. */
export interface Provenance {
  /** `file:line` (pages, traffic) or `file#/json/pointer` (OpenAPI). */
  from: string[];
  /** One phrase per guessed value: `category from heading "Billing"`, `retry from wording "retry later"`. */
  inferred: string[];
}

/** One error as a source describes it: the catalog entry's fields it gives, all optional but the code. */
export interface ImportedEntry {
  /** A name the source gives the entry (a heading above it), kept as its id. */
  name?: string;
  code: string;
  status?: number;
  category?: string;
  title?: string;
  message?: string;
  description?: string;
  remediation?: string;
  retry?: RetryPolicy;
  details?: JsonSchema;
  deprecated?: DeprecationModel;
  /** The routes that declare it (`GET /users/{id}`), from an OpenAPI spec. */
  routes?: string[];
  /** How many responses showed it (traffic). */
  seen?: number;
  /** The retry was read from wording, not stated: a stated one replaces it. */
  retryGuessed?: boolean;
  provenance: Provenance;
}

/** Something in a source that could not be read, with its place. */
export interface ImportProblem {
  /** `file:line`, `file#/pointer` or the file alone. */
  readonly place: string;
  readonly message: string;
}

/** What one source gave. */
export interface SourceImport {
  readonly source: string;
  readonly kind: SourceKind;
  readonly entries: ImportedEntry[];
  readonly problems: ImportProblem[];
  /** The page's or spec's title, when it has one. */
  title?: string;
  /** The page's introduction or the spec's description. */
  description?: string;
  /** Example bodies met (for the dialect), with their places. */
  readonly examples: Array<{ body: unknown; status: number; place: string; contentType?: string }>;
}

/** The error `errata import` throws for an input it cannot use at all. */
export class ImportError extends Error {
  override readonly name = 'ImportError';
}
