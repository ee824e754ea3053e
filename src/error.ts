import type { CatalogModel, EntryModel, RetryPolicy } from './catalog/model.js';

const BRAND: unique symbol = Symbol.for('errata.error') as never;

/** One field that failed validation; `pointer` is a JSON Pointer (RFC 6901) into the request body. */
export interface Violation {
  readonly pointer: string;
  readonly message: string;
  /** Machine-readable reason for this field (`required`, `too_small`, …). */
  readonly code?: string;
}

export interface ErrataErrorOptions<D = unknown> {
  /** Structured context, typed by the entry's details schema. */
  readonly details?: D;
  /** The underlying error; kept for logs, never serialized. */
  readonly cause?: unknown;
  readonly requestId?: string;
  /** Field violations of a validation failure. */
  readonly violations?: readonly Violation[];
  /** This occurrence's retry delay, overriding the entry's policy (a rate limit's reset). */
  readonly retryAfterMs?: number;
  /** Extra response headers for this occurrence (for example `WWW-Authenticate`). */
  readonly headers?: Readonly<Record<string, string>>;
  /**
   * Capture a stack trace.
   * @default true at status 500 and above, false below: an expected error does not pay for a stack it never shows.
   */
  readonly stack?: boolean;
}

/** What an error was created from: its entry, its catalog and its precomputed wire facts. */
export interface ErrorDefinition {
  readonly id: string;
  readonly entry: EntryModel;
  readonly catalog: CatalogModel;
  /** RFC 9457 `type` URI, when the catalog has a documentation URL. */
  readonly type: string | undefined;
  /** Per-dialect caches of static serialized parts; owned by the dialects. */
  readonly cache: Record<string, unknown>;
}

/**
 * The error server code throws: an occurrence of a catalog entry.
 *
 * @remarks It serializes only through a dialect. `JSON.stringify` of it gives a
 * safe summary with no cause, stack or unexposed message.
 */
export class ErrataError<
  Id extends string = string,
  Code extends string = string,
  D = unknown,
> extends Error {
  declare readonly id: Id;
  declare readonly code: Code;
  declare readonly status: number;
  declare readonly params: Readonly<Record<string, unknown>>;
  declare readonly details: D;
  declare readonly violations: readonly Violation[] | undefined;
  declare readonly retryAfterMs: number | undefined;
  declare readonly headers: Readonly<Record<string, string>> | undefined;
  /** Set by the server when the error is answered, or at creation. */
  declare requestId: string | undefined;
  declare readonly definition: ErrorDefinition;

  constructor(
    definition: ErrorDefinition,
    message: string,
    params: Readonly<Record<string, unknown>> | undefined,
    options?: ErrataErrorOptions<D>,
  ) {
    const cause = options?.cause;
    const opts = cause === undefined ? undefined : { cause };
    if (options?.stack ?? definition.entry.status >= 500) {
      super(message, opts);
    } else {
      // V8 and JSC build the trace in the Error constructor; a limit of 0 skips it.
      const limit = Error.stackTraceLimit;
      Error.stackTraceLimit = 0;
      super(message, opts);
      Error.stackTraceLimit = limit;
    }
    this.id = definition.id as Id;
    this.code = definition.entry.code as Code;
    this.status = definition.entry.status;
    this.params = params ?? EMPTY;
    this.details = options?.details as D;
    this.violations = options?.violations;
    this.retryAfterMs = options?.retryAfterMs;
    this.headers = options?.headers;
    this.requestId = options?.requestId;
    this.definition = definition;
  }

  /** Whether the message and details may reach the caller. */
  get expose(): boolean {
    return this.definition.entry.expose;
  }

  get retry(): RetryPolicy {
    return this.definition.entry.retry;
  }

  /** The delay this occurrence asks a client to wait before retrying, if any. */
  get retryDelayMs(): number | undefined {
    if (this.retryAfterMs !== undefined) return this.retryAfterMs;
    const r = this.definition.entry.retry;
    return !r.retryable
      ? undefined
      : r.strategy === 'after'
        ? r.afterMs
        : r.strategy === 'fixed'
          ? r.delayMs
          : undefined;
  }

  toJSON(): Record<string, unknown> {
    return {
      name: this.name,
      id: this.id,
      code: this.code,
      status: this.status,
      ...(this.expose && { message: this.message }),
      ...(this.requestId !== undefined && { requestId: this.requestId }),
    };
  }
}

const EMPTY: Readonly<Record<string, unknown>> = Object.freeze({});
Object.defineProperty(ErrataError.prototype, 'name', {
  value: 'ErrataError',
  writable: true,
  configurable: true,
});
Object.defineProperty(ErrataError.prototype, BRAND, { value: true });

/** True for an {@link ErrataError}, from this or any other copy of the package. */
export function isErrataError(value: unknown): value is ErrataError {
  return typeof value === 'object' && value !== null && (value as Record<symbol, unknown>)[BRAND] === true;
}
