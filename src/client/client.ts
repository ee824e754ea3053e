import type { CodeOf, DetailsOf, EntryDef } from '../catalog/define.js';
import type { ServerCodes } from '../catalog/server-codes.js';
import type { DialectParser } from '../dialects/parsers.js';
import type { ParsedError } from '../dialects/types.js';
import { read } from './_read-body.js';
import { readCapped } from './_read-capped.js';
import { type BrandedClientError, type ClientErrorClass, PICK } from './branded.js';
import {
  clientError,
  type ErrataClientError,
  GUIDE,
  type Guide,
  type HeaderGetter,
  isErrataClientError,
} from './error.js';

type Loose = Record<string, EntryDef>;
/** The authored entries carried by a catalog's type (its phantom `'~entries'`). */
type EntriesOf<C> = C extends { readonly '~entries'?: infer E } ? (E extends Loose ? E : Loose) : Loose;

type OwnCode<C> = { [K in keyof EntriesOf<C> & string]: CodeOf<EntriesOf<C>, K> }[keyof EntriesOf<C> &
  string];

/**
 * The wire codes of a catalog type: its entries' and those of the server
 * failures it has no entry for (`METHOD_NOT_ALLOWED` in a catalog without a
 * 405 entry), what its errata server can send; `string` for a client without one.
 */
export type ClientCode<C> = string extends keyof EntriesOf<C>
  ? string
  : OwnCode<C> | ServerCodes<EntriesOf<C>>;

/**
 * The details of a wire code: the union of the details of every entry
 * answering with it; `undefined` for a server failure's.
 */
export type ClientDetails<C, Code extends string> = string extends keyof EntriesOf<C>
  ? unknown
  : [Code] extends [OwnCode<C>]
    ? {
        [K in keyof EntriesOf<C> & string]: [CodeOf<EntriesOf<C>, K>] extends [Code]
          ? DetailsOf<EntriesOf<C>[K]>
          : never;
      }[keyof EntriesOf<C> & string]
    : undefined;

/** What {@link ErrataClient.parse} reads of a response besides its body (a `Response` fits). */
export interface ResponseLike {
  readonly status?: number;
  readonly statusText?: string;
  readonly headers?: HeaderGetter;
}

/** A user-defined dialect's parser, for `createClient({ dialect })`. */
export interface DialectLike {
  readonly name: string;
  readonly parse: DialectParser;
}

/** What `onRetry` is told before each wait. */
export interface RetryInfo {
  /** The retry about to happen: 1 for the first. */
  readonly attempt: number;
  /** How long the client waits before it. */
  readonly delayMs: number;
  /** The error of the attempt that failed. */
  readonly error: ErrataClientError;
}

/** Retry settings of {@link ErrataClient.fetch}; each may be set on the client and per call. */
export interface RetryOptions {
  /** Retries after the first attempt. @default 2 */
  readonly retries?: number;
  /** Back-off window of the first retry; it doubles on each one (full jitter). @default 500 */
  readonly baseDelayMs?: number;
  /** Cap of the back-off window. @default 10000 */
  readonly maxDelayMs?: number;
  /** Longest server-requested delay the client will wait; a longer one throws the error at once. @default 60000 */
  readonly maxRetryAfterMs?: number;
  /** Budget for the whole call: every attempt and every wait. @default 60000 */
  readonly timeoutMs?: number;
  /** Random source of the jitter, in [0, 1). @default Math.random */
  readonly random?: () => number;
  /** Called before each wait. */
  readonly onRetry?: (info: RetryInfo) => void;
}

export interface ClientOptions extends RetryOptions {
  /**
   * A fixed dialect instead of the universal reader: a dialect object
   * (`dialects.clerk` from `errata`, or your own `{ name, parse }`) or a parser
   * function (`parseClerk`). Only what you pass is bundled.
   * @default the universal reader: every built-in wire format and common foreign shapes, by shape
   */
  readonly dialect?: DialectLike | DialectParser;
  /** Most bytes of an error body read; the rest is cancelled. @default 1048576 (1 MiB) */
  readonly maxBodyBytes?: number;
  /** The fetch used by `client.fetch`. @default globalThis.fetch */
  readonly fetch?: typeof fetch;
  /**
   * Prefix of the relative URLs passed to `client.fetch`. A string input that
   * does not start with a scheme and `//` (`https://`) is appended to it with
   * exactly one slash between them, whatever slashes either side has:
   * `https://api.example.com/v1` + `/orders/1` is
   * `https://api.example.com/v1/orders/1` (the base's path is kept, unlike
   * `new URL(path, base)`), and `projects:list` is `…/v1/projects:list`. An
   * absolute URL string, a `URL` object and a `Request` are used as they are.
   * @default none: the input reaches `fetch` as it is
   */
  readonly baseUrl?: string | URL;
  /**
   * Headers sent with every `client.fetch` request: a `Headers`, an array of
   * pairs or a record. A call's own headers (or a `Request`'s) are merged over
   * them, header by header, case-insensitively: the call's value wins. A value
   * `undefined` is left out: it is not sent and does not erase a default
   * (nor is the string `"undefined"`, which is what `new Headers` makes of it).
   * @default none
   */
  readonly headers?: ClientHeaders;
}

/** {@link ClientOptions} with an SDK's own error class. */
export interface BrandedClientOptions<C, N extends string> extends ClientOptions {
  /**
   * The SDK's error class, from `defineClientError`: every error this client
   * makes is an instance (or of the subclass its status or code picks), and
   * `client.is` narrows to it. It carries the catalog type, so
   * `createClient({ error: BarekeyError })` needs no type argument.
   */
  readonly error: ClientErrorClass<C, N>;
}

// Spelled through `Headers` (not the DOM-only name `HeadersInit`) so the
// published types check in a Node project without the DOM lib.
/** Headers as `fetch` takes them, where a record's `undefined` value means "not set". */
export type ClientHeaders =
  | NonNullable<ConstructorParameters<typeof Headers>[0]>
  | Record<string, string | undefined>;

/** `RequestInit` whose headers may hold `undefined` values, left out (see {@link ClientOptions.headers}). */
export interface ClientRequestInit extends Omit<RequestInit, 'headers'> {
  readonly headers?: ClientHeaders;
}

/**
 * The error a client makes: an {@link ErrataClientError}, or with a branded
 * class (`N`, its names) a {@link BrandedClientError}.
 */
export type ClientErrorOf<
  N extends string = never,
  K extends string | undefined = string | undefined,
  D = unknown,
> = [N] extends [never] ? ErrataClientError<K, D> : BrandedClientError<N, K, D>;

/** A typed client for one catalog's errors; `N`, the names of its branded error class, if it has one. */
export interface ErrataClient<C = unknown, N extends string = never> {
  /** Reads an error response (capped) into an {@link ErrataClientError}. Never rejects. */
  fromResponse(response: Response): Promise<ClientErrorOf<N>>;
  /** Parses an already read body. Never throws. */
  parse(body: string, response?: ResponseLike): ClientErrorOf<N>;
  /** Narrows to the error of one wire code, its `details` typed by the catalog. */
  is<K extends ClientCode<C>>(error: unknown, code: K): error is ClientErrorOf<N, K, ClientDetails<C, K>>;
  /** Narrows to any {@link ErrataClientError} (of the client's class, if branded: of any copy otherwise). */
  is(error: unknown): error is ClientErrorOf<N>;
  /**
   * `fetch` that resolves to a response below 400 or rejects with the typed error,
   * retrying what may be retried (see the README's retry rules).
   *
   * @remarks An abort through `init.signal` rejects with the signal's reason
   * as it is, even during a wait. A network failure becomes an error with
   * status 0 and code `network_error`; running out of `timeoutMs` during an
   * attempt, status 0 and code `timeout`.
   */
  fetch(
    input: Parameters<typeof fetch>[0],
    init?: ClientRequestInit,
    options?: RetryOptions,
  ): Promise<Response>;
}

const NO_HEADERS: HeaderGetter = { get: () => null };
// RFC 9110 section 9.2.2
const IDEMPOTENT = /^(GET|HEAD|OPTIONS|TRACE|PUT|DELETE)$/i;

type Pick = (status: number, code: unknown) => object;

/**
 * Creates a client for the errors of the catalog type `C` (`typeof api`): only
 * its type is used, so no catalog text is bundled.
 */
export function createClient<C = unknown>(
  options?: ClientOptions & { readonly error?: undefined },
): ErrataClient<C>;
/** Creates a client whose errors are of a branded class (`defineClientError`), typed by its catalog. */
export function createClient<C, N extends string>(options: BrandedClientOptions<C, N>): ErrataClient<C, N>;
export function createClient(options: ClientOptions & { readonly error?: object } = {}): ErrataClient {
  const pick = (options.error as { [PICK]?: Pick } | undefined)?.[PICK];
  const fail = (code: string, message: string, retryable: boolean, cause?: unknown) =>
    clientError(
      { status: 0, code, message, violations: [], body: '', truncated: false },
      { retryable },
      cause,
      pick?.(0, code),
    );
  const d = options.dialect;
  const fixed = typeof d === 'function' ? d : d?.parse;
  if (d && typeof fixed !== 'function') throw new TypeError('dialect: not a parser');
  const cap = options.maxBodyBytes ?? 1 << 20;
  const base = options.baseUrl?.toString().replace(/\/*$/, '/');

  const parse = (body: string, cut: boolean, res: ResponseLike = {}): ErrataClientError => {
    try {
      const status = res.status ?? 0;
      const headers = res.headers ?? NO_HEADERS;
      let data: unknown;
      let parsed: Partial<ParsedError> | undefined;
      try {
        // Only an object or an array parses from a body that starts so.
        if (/^\s*[[{]/.test(body)) data = JSON.parse(body);
      } catch {}
      try {
        // The error reads Retry-After, x-request-id and the should-retry headers itself; the
        // universal reader reads a body that is not JSON too (AWS's XML), and vendors' headers.
        parsed = data === undefined && fixed ? undefined : (fixed ?? read)(data ?? body, { status, headers });
      } catch {}
      parsed ??= {};
      return clientError(
        {
          code: parsed.code,
          status,
          message: parsed.message || parsed.title || res.statusText || `HTTP ${status}`,
          details: parsed.details,
          requestId:
            parsed.requestId ?? headers.get('x-request-id') ?? headers.get('request-id') ?? undefined,
          violations: parsed.violations ?? [],
          dialect: parsed.dialect,
          title: parsed.title,
          type: parsed.type,
          body,
          data,
          truncated: cut,
          headers,
        },
        parsed,
        undefined,
        pick?.(status, parsed.code),
      );
    } catch (e) {
      // Unreachable with real headers; a hostile `ResponseLike` still gets an error, not an exception.
      return fail('unreadable_response', 'Unreadable response', false, e);
    }
  };

  const fromResponse = async (res: Response) => parse(...(await readCapped(res, cap)));

  return {
    parse: (body, res) => parse(body, false, res),
    fromResponse,
    is: (error: unknown, code?: string) =>
      isErrataClientError(error) && (code === undefined || error.code === code),
    async fetch(input, init, callOptions) {
      const o = { ...options, ...callOptions };
      const retries = o.retries ?? 2;
      const budget = o.timeoutMs ?? 60_000;
      const end = Date.now() + budget;
      const user = init?.signal ?? (input as Request).signal;
      const ctl = new AbortController();
      const signal = user ? AbortSignal.any([user, ctl.signal]) : ctl.signal;
      const timer = budget < 2 ** 31 ? setTimeout(() => ctl.abort(), budget) : undefined;
      const headers = new Headers();
      // A record's undefined value becomes "undefined" in a Headers: it is left out, as ky does.
      for (const h of [options.headers, init?.headers ?? (input as Request).headers])
        new Headers(h as HeadersInit).forEach((v, k) => {
          if (v !== 'undefined') headers.set(k, v);
        });
      if (base && typeof input === 'string' && !/^[\w+.-]+:\/\//.test(input))
        input = base + input.replace(/^\/+/, '');
      // RFC 9110 section 9.2.2: only idempotent requests may be repeated, or one with a key; and
      // never a stream body, which is gone after the first attempt.
      const again =
        (IDEMPOTENT.test(init?.method ?? (input as Request).method ?? 'GET') ||
          headers.has('idempotency-key')) &&
        !(init?.body as ReadableStream | undefined)?.getReader;
      // An abort rejects with the caller's reason as it is; the budget's with a timeout error.
      const stop = (last?: unknown) => {
        if (signal.aborted)
          throw user?.aborted
            ? user.reason
            : fail('timeout', `Request timed out after ${budget} ms`, false, last);
      };
      try {
        for (let attempt = 0; ; ) {
          let error: ErrataClientError;
          try {
            const res = await (o.fetch ?? fetch)((input as Request).clone?.() ?? input, {
              ...init,
              headers,
              signal,
            });
            if (res.status < 400) return res;
            error = await fromResponse(res);
          } catch (e) {
            stop(e);
            error = fail('network_error', 'Network error', true, e);
          }
          stop(error);
          // The body's back-off (a catalog's baseMs, maxMs, maxAttempts) over the client's defaults.
          const g = (error as { [GUIDE]?: Guide })[GUIDE] ?? {};
          const delay = Math.ceil(
            error.retryAfterMs ??
              (o.random ?? Math.random)() *
                Math.min(
                  g.retryMaxMs ?? o.maxDelayMs ?? 1e4,
                  (g.retryBaseMs ?? o.baseDelayMs ?? 500) * 2 ** attempt,
                ),
          );
          if (
            !(attempt++ < retries) ||
            attempt >= (g.maxAttempts || 1 / 0) ||
            !again ||
            !error.retryable ||
            delay > (o.maxRetryAfterMs ?? 6e4) ||
            Date.now() + delay > end
          )
            throw error;
          o.onRetry?.({ attempt, delayMs: delay, error });
          // An abort in `onRetry` stops before the wait, one during it ends it early.
          stop(error);
          await new Promise((resolve) => {
            const t = setTimeout(resolve, delay);
            signal.addEventListener('abort', () => resolve(clearTimeout(t)), { once: true });
          });
          stop(error);
        }
      } finally {
        clearTimeout(timer);
      }
    },
  } as ErrataClient;
}
