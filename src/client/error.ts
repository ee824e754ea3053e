import type { Violation } from '../error.js';

const BRAND: unique symbol = Symbol.for('errata.client-error') as never;

/** Anything that reads response headers by name (a fetch `Headers` fits). */
export interface HeaderGetter {
  get(name: string): string | null;
}

/** The fields of an {@link ErrataClientError}. */
export interface ClientErrorFields<C extends string | undefined = string | undefined, D = unknown> {
  /** The wire code; `undefined` when the body was not recognised. */
  readonly code: C;
  /** The HTTP status; `0` for a network error or a timeout (no response). */
  readonly status: number;
  /** The body's human message, else the response's status text (`HTTP 502` when it has none). */
  readonly message: string;
  readonly details: D;
  readonly requestId: string | undefined;
  /** Whether the server's guidance (or, without any, the status) allows retrying this response. */
  readonly retryable: boolean;
  /** The delay the server asked for (`Retry-After`, `retry-after-ms` or the body), in ms. */
  readonly retryAfterMs: number | undefined;
  /** Field violations (JSON Pointers into the request body); empty when the body lists none. */
  readonly violations: readonly Violation[];
  /** The dialect that recognised the body; `undefined` when none did. */
  readonly dialect: string | undefined;
  readonly title: string | undefined;
  /** The RFC 9457 `type` URI or the dialect's error type. */
  readonly type: string | undefined;
  /** The body text as read (at most `maxBodyBytes`). */
  readonly body: string;
  /** The body parsed as JSON; `undefined` when it is not JSON (HTML, empty, truncated). */
  readonly data: unknown;
  /** Whether the body was longer than `maxBodyBytes` (or failed midway) and was cut. */
  readonly truncated: boolean;
  /** The response headers (`undefined` without a response). */
  readonly headers: HeaderGetter | undefined;
}

/**
 * An API error as the client sees it: whatever the response held, parsed into
 * one shape. The client never rejects with anything else for a response.
 *
 * @remarks No stack trace is captured: the error describes a response, not a
 * place in your code. A network error keeps the underlying error as `cause`.
 */
export interface ErrataClientError<C extends string | undefined = string | undefined, D = unknown>
  extends Error,
    ClientErrorFields<C, D> {
  readonly message: string;
}

/** What {@link ErrataClientError} is made of: status and message, and any other field. */
export type ClientErrorInit<C extends string | undefined = string | undefined, D = unknown> = Partial<
  ClientErrorFields<C, D>
> &
  Pick<ClientErrorFields<C, D>, 'status' | 'message'>;

// biome-ignore lint/suspicious/noUnsafeDeclarationMerging: the interface declares the fields the constructor assigns
export class ErrataClientError<C extends string | undefined = string | undefined, D = unknown> extends Error {
  /** Fields left out read as `undefined`, except `violations` (`[]`), `body` (`''`), `retryable` and `truncated` (`false`). */
  constructor(fields: ClientErrorInit<C, D>, cause?: unknown) {
    // V8 and JSC build the trace in the Error constructor; a limit of 0 skips it.
    const limit = Error.stackTraceLimit;
    Error.stackTraceLimit = 0;
    super(fields.message, cause === undefined ? undefined : { cause });
    Error.stackTraceLimit = limit;
    Object.assign(this, { violations: [], body: '', retryable: false, truncated: false }, fields);
  }
}
ErrataClientError.prototype.name = 'ErrataClientError';
(ErrataClientError.prototype as unknown as Record<symbol, boolean>)[BRAND] = true;

/** True for an {@link ErrataClientError}, from this or any other copy of the package. */
export function isErrataClientError(value: unknown): value is ErrataClientError {
  return typeof value === 'object' && value !== null && (value as Record<symbol, unknown>)[BRAND] === true;
}
