import type { ParsedError } from '../dialects/types.js';
import type { Violation } from '../error.js';
import { type ClientErrorItem, readErrors } from './_read-errors.js';

export type { ClientErrorItem } from './_read-errors.js';

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
  /**
   * Whether the server's guidance allows retrying this response: the
   * `x-should-retry` / `stripe-should-retry` headers, then the body, else the
   * status (408, 429 and 5xx but 501). Worked out when first read.
   */
  readonly retryable: boolean;
  /**
   * The delay the server asked for, in whole ms: `retry-after-ms`, then the
   * body's, then `Retry-After` (digits or an HTTP-date, RFC 9110 section
   * 10.2.3; anything else is ignored). Worked out when first read.
   */
  readonly retryAfterMs: number | undefined;
  /** Field violations (JSON Pointers into the request body); empty when the body lists none. */
  readonly violations: readonly Violation[];
  /**
   * Every error the response reports, this one first: several where a list
   * envelope (`errors[]`: JSON:API, Clerk, OCI) carries distinct errors, each
   * with its own code, message and violations; one for any other body; `[]`
   * when the body was not recognised. Worked out when first read.
   */
  readonly errors: readonly ClientErrorItem[];
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
 * @remarks The errors the client makes capture no stack trace (they describe
 * a response, not a place in your code; `stack` is the one line
 * `ErrataClientError: message`). A network error keeps the underlying error as
 * `cause`.
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
    super(fields.message, cause === undefined ? undefined : { cause });
    Object.assign(this, { violations: [], body: '', retryable: false, truncated: false }, fields);
  }
}
const proto = ErrataClientError.prototype;
proto.name = 'ErrataClientError';
(proto as unknown as Record<symbol, boolean>)[BRAND] = true;

/** The retry guidance a body gave, as the reader or a dialect's parser reads it. */
export type Guide = Pick<
  ParsedError,
  'retryable' | 'retryAfterMs' | 'retryBaseMs' | 'retryMaxMs' | 'maxAttempts'
>;
/** Where an error keeps its body's {@link Guide}. */
export const GUIDE = Symbol('guide');
type Made = { -readonly [K in keyof ClientErrorFields]: unknown } & {
  cause?: unknown;
  [GUIDE]?: Guide;
};

const own = (e: object, name: PropertyKey, value: unknown, enumerable = true) => {
  Object.defineProperty(e, name, { value, writable: true, enumerable, configurable: true });
  return value;
};
const header = (e: Made, name: string) => {
  try {
    return (e.headers as HeaderGetter | undefined)?.get(name) ?? null;
  } catch {
    return null;
  }
};
/**
 * Defines a field on the prototype, worked out from the response when first
 * read and then kept on the error: reading headers costs more than the rest of
 * a parse, and only `fetch` or a caller that asks needs retry guidance.
 */
const lazy = (name: string, compute: (e: Made) => unknown, enumerable?: boolean) =>
  Object.defineProperty(proto, name, {
    get(this: Made) {
      return own(this, name, compute(this), enumerable);
    },
    set(this: Made, value: unknown) {
      own(this, name, value, enumerable);
    },
    configurable: true,
  });

// Server guidance first: the should-retry headers, then the body; else the status.
lazy('retryable', (e) => {
  const flag = header(e, 'x-should-retry') ?? header(e, 'stripe-should-retry');
  const s = e.status as number;
  return (
    flag === 'true' ||
    (flag !== 'false' && (e[GUIDE]?.retryable ?? (s === 408 || s === 429 || (s > 499 && s !== 501))))
  );
});
// retry-after-ms (OpenAI's, in ms), then the body's delay (exact), then Retry-After: delay-seconds
// as digits, or an HTTP-date in one of its three forms, asctime's without a zone read as GMT
// (RFC 9110 sections 10.2.3 and 5.6.7; a date in the past means now). Anything else is ignored.
lazy('retryAfterMs', (e) => {
  const ms = header(e, 'retry-after-ms') ?? '';
  const after = header(e, 'retry-after') ?? '';
  const v = /^\d+(\.\d+)?$/.test(ms)
    ? Math.ceil(+ms)
    : (e[GUIDE]?.retryAfterMs ??
      (/^\d+$/.test(after)
        ? Math.min(+after * 1000, 2 ** 53)
        : /^[A-Z][a-z]+,? [\w -]+ [\d:]{8} (GMT|\d{4})$/.test(after)
          ? Math.max(0, Date.parse(after.replace(/\d$/, '$& GMT')) - Date.now())
          : -1));
  return v >= 0 ? v : undefined;
});
// Not enumerable: a one-error body's list is the error itself.
lazy('errors', readErrors, false);
// Errors the client makes carry no trace (see `clientError`); they answer `stack` as V8 does with a limit of 0.
lazy('stack', (e) => `${(e as unknown as Error).name}: ${e.message}`, false);

/** The fields the client sets at once; `retryable` and `retryAfterMs` are worked out when read. */
export type EagerFields = Omit<ClientErrorInit, 'retryable' | 'retryAfterMs'>;

/**
 * Makes the error of a response without calling the Error constructor, whose
 * trace capture would cost more than the whole parse: the fields object itself
 * becomes the error (a literal made in one place has one hidden class; giving it
 * the prototype is one cached map transition). It is still an `instanceof Error`
 * and of `ErrataClientError` (and of the branded class whose prototype is `to`).
 */
export const clientError = (
  f: EagerFields,
  guide?: Guide,
  cause?: unknown,
  // A branded class's prototype (`defineClientError`), which inherits this one's.
  to: object = proto,
): ErrataClientError => {
  const e = f as Made;
  e[GUIDE] = guide;
  if (cause !== undefined) e.cause = cause;
  return Object.setPrototypeOf(e, to);
};

/** True for an {@link ErrataClientError}, from this or any other copy of the package. */
export function isErrataClientError(value: unknown): value is ErrataClientError {
  return (value as Record<symbol, unknown> | undefined)?.[BRAND] === true;
}
