import type { CatalogModel, EntryModel } from '../catalog/model.js';
import type { Dialect, ParsedError } from '../dialects/index.js';
import type { ObservedHeaders } from './headers.js';
import type { ReadBody } from './read-body.js';
import type { RouteMatch } from './routes.js';
import type { CheckSeverity, Observation } from './types.js';

/** A catalog entry a wire code names: its id, the entry and the catalog it is in. */
export interface EntryRef {
  readonly id: string;
  readonly entry: EntryModel;
  readonly catalog: CatalogModel;
}

/** What a check reads: one error response, read once for every check. */
export interface CheckContext<O = Record<string, unknown>> {
  readonly observation: Observation;
  /** The response's headers, read by lower-case name. */
  readonly headers: ObservedHeaders;
  /** The application's catalog. */
  readonly catalog: CatalogModel;
  /** The body as JSON, or why it could not be read. */
  readonly body: ReadBody;
  /** The dialect the response should be in: the one its content type names, else the catalog's. */
  readonly dialect: Dialect;
  /** The error read from the body: in `dialect`, else in whichever dialect reads it. */
  readonly parsed: ParsedError | undefined;
  /** The wire code: the body's, else the observation's own (`error.type` of a span). */
  readonly code: string | undefined;
  /** The entry the code names (of the status, when entries share the code). */
  readonly entry: EntryRef | undefined;
  /** Every entry the code names. */
  readonly entries: readonly EntryRef[];
  /** Entry ids that answer the server's own failures (a malformed body, no such route…): no route declares them. */
  readonly implicit: ReadonlySet<string>;
  /** The declared route the request matched. */
  readonly route: RouteMatch | undefined;
  /** The check's options, merged over its defaults. */
  readonly options: O;
}

/**
 * A named check of one error response, configured like a lint rule: `off`,
 * `warn` or `error`, and options over its defaults. Each message it yields
 * is one finding.
 */
export interface Check<O = Record<string, unknown>> {
  /** Stable name, used in configuration and findings (`kebab-case`). */
  readonly name: string;
  /** Severity when the configuration sets none. */
  readonly severity: Exclude<CheckSeverity, 'off'>;
  /** One line: what the check catches. */
  readonly description: string;
  /** Default options. @default {} */
  readonly options?: O;
  check(context: CheckContext<O>): Iterable<string>;
}

/** Defines a check; the identity, there for the types (its options are inferred from their defaults). */
export function defineCheck<O extends Record<string, unknown> = Record<string, unknown>>(
  check: Check<O>,
): Check<O> {
  return check;
}
