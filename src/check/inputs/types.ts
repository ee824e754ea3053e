// What every reader of recorded traffic takes and reports.
import type { Observation } from '../types.js';

/** Something wrong with the input itself (not with the API): where, and what was expected. */
export interface InputProblem {
  /** The file as the user named it (`-` for stdin). */
  readonly file: string;
  /** As in an observation's source: the 1-based line (NDJSON, OTLP) or HAR entry number. */
  readonly line?: number;
  readonly column?: number;
  readonly message: string;
  /**
   * The rest of the file could not be read (it cannot be opened, a HAR's
   * syntax error or truncation): the run goes on with the other files and
   * exits 2. A problem that is not fatal (a log line that is not JSON, a body
   * too large to check) skips one record.
   */
  readonly fatal: boolean;
}

/** Options every reader takes. */
export interface ReadOptions {
  /** The file as the user named it, put in each observation's `source`. */
  readonly file: string;
  /** Called for each problem of the input, in order; the reader goes on. */
  readonly onProblem: (problem: InputProblem) => void;
  /**
   * Bodies larger than this (in bytes, once decoded) are not kept: the
   * observation has no body and a problem says so. Bounds memory whatever the input.
   * @default 1 MiB
   */
  readonly maxBodyBytes?: number;
  /** Where an NDJSON log line keeps each field (dotted paths). @default {@link DEFAULT_FIELDS} */
  readonly fields?: FieldMapping;
}

/**
 * A reader: the bytes of one input in, observations out in batches, one per
 * chunk of input read (problems on the side). A batch, not one observation
 * at a time: a log has millions of lines, and each step of an async
 * iteration costs more than reading a success line.
 */
export type Reader = (
  bytes: AsyncIterable<Uint8Array>,
  options: ReadOptions,
) => AsyncIterable<readonly Observation[]>;

/**
 * Where an NDJSON log line keeps each field: a dotted path (`res.statusCode`)
 * or a list of them, the first present wins. A path also matches a key that
 * holds the dots itself (`"http.response.status_code": 404`).
 */
export interface FieldMapping {
  readonly status?: string | readonly string[];
  /** An object of names to values, an array of `{ name, value }` or `[name, value]`, or a raw header block. */
  readonly headers?: string | readonly string[];
  /** Text, or a JSON value (serialized for the checks). */
  readonly body?: string | readonly string[];
  readonly method?: string | readonly string[];
  readonly url?: string | readonly string[];
  readonly route?: string | readonly string[];
  /** The error code when the log names it without the body. */
  readonly code?: string | readonly string[];
}

/** The default cap on a kept body. */
export const DEFAULT_MAX_BODY_BYTES = 1024 * 1024;
