import type { CatalogModel, EntryModel, RetryPolicy } from './catalog/model.js';

const BRAND: unique symbol = Symbol.for('errata.error') as never;

/** Longest delay a response asks a client to wait: one day. */
export const MAX_RETRY_DELAY_MS = 86_400_000;

/**
 * A retry delay as it may be sent: a finite, non-negative number of milliseconds,
 * at most {@link MAX_RETRY_DELAY_MS}; `undefined` for anything else (NaN, a
 * negative or infinite number, not a number).
 */
export function retryDelay(ms: unknown): number | undefined {
  if (typeof ms !== 'number' || !(ms >= 0) || ms === Number.POSITIVE_INFINITY) return undefined;
  return Math.min(ms, MAX_RETRY_DELAY_MS);
}

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
  /**
   * This occurrence's retry delay, overriding the entry's policy (a rate limit's reset). Only a
   * finite, non-negative delay is kept, at most a day; anything else leaves the entry's policy.
   */
  readonly retryAfterMs?: number;
  /**
   * This occurrence's status, one of those its entry lists (`status: [400, 409]`); the
   * entry's first by default. Any other status throws a `TypeError`.
   */
  readonly status?: number;
  /** Extra response headers for this occurrence (for example `WWW-Authenticate`). */
  readonly headers?: Readonly<Record<string, string>>;
  /**
   * Further errors the same response reports (an order not found *and* a card
   * declined): dialects whose envelope is a list (`jsonapi`, `clerk`) send
   * them after this one, the others send this one alone. This error decides
   * the status, the headers and the request id. At most 100 errors are sent,
   * this one included; anything here that is not an errata error is left out.
   */
  readonly also?: readonly ErrataError[];
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
  /** Caches of static serialized parts, owned by the dialects, and of its texts in other languages (`errata/i18n`). */
  readonly cache: Record<string, unknown>;
  /**
   * Renders the message of an occurrence from its parameters: an error made without a message
   * (`catalog.error` makes them) renders it each time `message` is read.
   */
  readonly render?: (params: Readonly<Record<string, unknown>>) => string;
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
  /** The further errors this response reports (the `also` option). */
  declare readonly also: readonly ErrataError[] | undefined;
  /** Set by the server when the error is answered, or at creation. */
  declare requestId: string | undefined;
  declare readonly definition: ErrorDefinition;

  /**
   * Prefer `catalog.error(id, …)`, which renders the message and types
   * everything; this constructor always captures a stack trace.
   */
  constructor(
    definition: ErrorDefinition,
    message: string,
    params?: Readonly<Record<string, unknown>>,
    options?: ErrataErrorOptions<D>,
  ) {
    super(message, options?.cause === undefined ? undefined : { cause: options.cause });
    init(this, definition, params, options);
  }

  /** Whether the message and details may reach the caller. */
  get expose(): boolean {
    return this.definition.entry.expose;
  }

  /** The entry's retry policy; `undefined` when the catalog does not say. */
  get retry(): RetryPolicy | undefined {
    return this.definition.entry.retry;
  }

  /** The delay this occurrence asks a client to wait before retrying, if any. */
  get retryDelayMs(): number | undefined {
    const own = retryDelay(this.retryAfterMs);
    if (own !== undefined) return own;
    const r = this.definition.entry.retry;
    return !r?.retryable
      ? undefined
      : retryDelay(r.strategy === 'after' ? r.afterMs : r.strategy === 'fixed' ? r.delayMs : undefined);
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

/** The status an occurrence is sent with: the one it chooses among its entry's, else the default. */
function occurrenceStatus(definition: ErrorDefinition, chosen: number | undefined): number {
  const { entry } = definition;
  if (chosen === undefined || chosen === entry.status) return entry.status;
  if (entry.statuses?.includes(chosen)) return chosen;
  const listed = (entry.statuses ?? [entry.status]).join(', ');
  throw new TypeError(
    `errata: status ${JSON.stringify(chosen)} is not one entry "${definition.id}" lists (${listed}); list it in the catalog first`,
  );
}

function init(
  e: ErrataError,
  definition: ErrorDefinition,
  params: Readonly<Record<string, unknown>> | undefined,
  options: ErrataErrorOptions | undefined,
): void {
  const w = e as { -readonly [K in keyof ErrataError]: ErrataError[K] };
  w.id = definition.id;
  w.code = definition.entry.code;
  w.status = occurrenceStatus(definition, options?.status);
  w.params = params ?? EMPTY;
  w.details = options?.details;
  w.violations = options?.violations;
  w.retryAfterMs = retryDelay(options?.retryAfterMs);
  w.headers = options?.headers;
  w.also = options?.also;
  w.requestId = options?.requestId;
  w.definition = definition;
}

/**
 * Creates an error of a definition. Below 500 (unless `stack: true`) it skips
 * the Error constructor, whose trace capture is most of the cost of an error:
 * the object is still an `instanceof Error` and an `ErrataError`, and its
 * `stack` is the one-line `ErrataError: message`.
 */
export function createError<D>(
  definition: ErrorDefinition,
  message: string | undefined,
  params: Readonly<Record<string, unknown>> | undefined,
  options?: ErrataErrorOptions<D>,
): ErrataError<string, string, D> {
  if (options?.stack ?? definition.entry.status >= 500)
    return new ErrataError(
      definition,
      message ?? renderedMessage(definition, params ?? EMPTY),
      params,
      options,
    );
  const e = Object.create(ErrataError.prototype) as ErrataError<string, string, D>;
  // Without a message of its own, `message` is rendered from the parameters when it is read.
  if (message !== undefined) (e as { message: string }).message = message;
  if (options?.cause !== undefined) (e as { cause: unknown }).cause = options.cause;
  init(e as ErrataError, definition, params, options);
  return e;
}
Object.defineProperty(ErrataError.prototype, 'name', {
  value: 'ErrataError',
  writable: true,
  configurable: true,
});
Object.defineProperty(ErrataError.prototype, BRAND, { value: true });
// An error made without a message of its own (`catalog.error` below 500) renders its entry's
// template with its parameters when `message` is read: a response in another language never
// renders the source text. Set, it becomes the error's own, as `Error`'s is.
Object.defineProperty(ErrataError.prototype, 'message', {
  get(this: ErrataError) {
    const definition = this.definition as ErrorDefinition | undefined;
    return definition === undefined ? '' : renderedMessage(definition, this.params ?? EMPTY);
  },
  set(this: ErrataError, value: unknown) {
    Object.defineProperty(this, 'message', { value, writable: true, configurable: true });
  },
  configurable: true,
});

function renderedMessage(definition: ErrorDefinition, params: Readonly<Record<string, unknown>>): string {
  const render = definition.render;
  return render === undefined ? '' : render(params);
}

/** Whether `error.message` is rendered when read (errata's own getter), rather than an own text or a forged one. */
export function hasRenderedMessage(error: object): boolean {
  if (Object.hasOwn(error, 'message') || !(error instanceof ErrataError)) return false;
  const render: unknown = (error.definition as ErrorDefinition | undefined)?.render;
  return render === undefined || typeof render === 'function';
}

// Errors made without a trace still answer `stack` the way V8 would with a limit of 0.
Object.defineProperty(ErrataError.prototype, 'stack', {
  get(this: ErrataError) {
    return `${this.name}: ${this.message}`;
  },
  set(this: ErrataError, value: unknown) {
    Object.defineProperty(this, 'stack', { value, writable: true, configurable: true });
  },
  configurable: true,
});

// What was wrong with the parameters of an occurrence whose message could not be rendered: kept
// on the error under a symbol of errata's own, not enumerable (never listed, logged or sent), for
// the server to report through `onError`. Most errors have none, and reading it costs them a miss.
const MISTAKES: unique symbol = Symbol('errata.paramMistakes');

/** Records why an occurrence's message was replaced by its entry's static text (`catalog.error` calls it). */
export function noteParamMistakes(error: ErrataError, mistakes: readonly string[]): void {
  Object.defineProperty(error, MISTAKES, { value: mistakes, configurable: true });
}

/** Why an error's message could not be rendered: each missing or mistyped parameter; `undefined` when it was. */
export function paramMistakes(error: ErrataError): readonly string[] | undefined {
  try {
    const found = (error as unknown as { [MISTAKES]?: unknown })[MISTAKES];
    return Array.isArray(found) ? (found as readonly string[]) : undefined;
  } catch {
    // A forged error (a Proxy) whose traps throw has none to report.
    return undefined;
  }
}

/** True for an {@link ErrataError}, from this or any other copy of the package. */
export function isErrataError(value: unknown): value is ErrataError {
  if (typeof value !== 'object' || value === null) return false;
  try {
    return (value as Record<symbol, unknown>)[BRAND] === true;
  } catch {
    // A Proxy whose traps throw is not an ErrataError.
    return false;
  }
}
