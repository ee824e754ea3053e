// The shapes `errata check` works on: one observed response in, findings out.
// Every input (a test's response, a HAR entry, an NDJSON log line, an OTLP
// span, the recording proxy) becomes an `Observation`; every check answers
// `Finding`s. The checker is a pure function over observations, so coverage
// summaries from many shards merge.

/** How much a check's finding counts: `off` runs nothing. */
export type CheckSeverity = 'off' | 'warn' | 'error';

/** A check's setting: a severity, or a severity and the check's options. */
export type CheckSetting = CheckSeverity | readonly [CheckSeverity, Record<string, unknown>];

/** Where an observation came from, to point a finding at it. */
export interface ObservationSource {
  /** The file it was read from (`-` for stdin). */
  readonly file?: string;
  /** 1-based line (NDJSON) or entry number (HAR, OTLP span). */
  readonly line?: number;
}

/** One response seen on the wire (or one span's summary of it). */
export interface Observation {
  readonly status: number;
  /** Header names lower-cased; a repeated header keeps every value. */
  readonly headers: Readonly<Record<string, string | readonly string[]>>;
  /**
   * The body as text, when it was seen. `undefined`: not recorded (an OTLP
   * span), so the body checks are skipped and only `code` (below) counts.
   */
  readonly body?: string;
  /** The error code when known without a body (OTLP `error.type`). */
  readonly code?: string;
  readonly method?: string;
  readonly url?: string;
  /** The route template (`/orders/:id`) when the input names it. */
  readonly route?: string;
  readonly source?: ObservationSource;
}

/** One thing a check found. */
export interface Finding {
  /** The check's name (`status-matches`, `details-schema`…). */
  readonly check: string;
  readonly severity: 'warn' | 'error';
  readonly message: string;
  /** The wire code the response carried. */
  readonly code?: string;
  /** The catalog entry's id, when the code is the catalog's. */
  readonly id?: string;
  readonly status?: number;
  readonly method?: string;
  readonly url?: string;
  /** The declared route the response was matched to (`GET /orders/:id`), when routes are known. */
  readonly route?: string;
  readonly source?: ObservationSource;
}
