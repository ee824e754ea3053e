// The responder's public types: what it reads of a request, what it reports, how it is configured.
import type { Catalog } from '../catalog/define.js';
import type { Dialect, HeaderReader, Localized, WireError } from '../dialects/types.js';
import type { ErrataError } from '../error.js';

/** What the responder knows of the request; adapters fill it in only on the error path. */
export interface RequestContext {
  readonly method?: string;
  /** The request path, without the query; sent as RFC 9457 `instance`. */
  readonly path?: string;
  /** The request URL as received (path and query, or absolute), for a `dialect` function. */
  readonly url?: string;
  /** The matched route pattern (`/users/:id`), for per-route declared errors. */
  readonly route?: string;
  /** The `Accept` header, for dialect negotiation. */
  readonly accept?: string | null;
  /** The incoming request id header, echoed when it is well-formed. */
  readonly requestId?: string | null;
  /**
   * The framework's own request object, passed to a `dialect` function; its
   * headers (a fetch `Request`'s, a Hono context's, a Node, Express or Fastify
   * request's) are what a dialect reads as `SerializeContext.requestHeaders`.
   */
  readonly request?: unknown;
}

/**
 * Why the error hook is called: `unexpected`, a non-catalog exception (masked);
 * `server`, a catalog 5xx; `undeclared`, a route threw an entry it does not
 * declare; `aborted`, the client closed the connection before the answer (nothing
 * is written; the default hook stays quiet); `config`, the application asked for
 * something that cannot be sent as it is (an unsendable header, dropped or
 * encoded; an unknown dialect name, answered in the default; an error created
 * without a parameter its message needs, or with one of the wrong type, answered
 * with its entry's title instead of its message; a translation that cannot be
 * rendered, or a `locale` function that throws, answered in the source language),
 * reported once each.
 */
export type ErrorEventKind = 'unexpected' | 'server' | 'undeclared' | 'aborted' | 'config';

/** What the error hook receives: never sent to the caller. */
export interface ErrorEvent {
  /** Why the hook is called: see {@link ErrorEventKind}. */
  readonly kind: ErrorEventKind;
  /** The error as answered. */
  readonly error: ErrataError;
  /** What was thrown, with its message and stack. */
  readonly cause: unknown;
  readonly requestId: string;
  readonly method: string | undefined;
  readonly path: string | undefined;
  readonly route: string | undefined;
}

/**
 * A pino-compatible logger (pino, bunyan-style, or `console`-like with `error(obj, msg)`):
 * `config` events go to `warn` and client aborts to `debug` where it has them.
 */
export interface ErrorLogger {
  error(obj: Record<string, unknown>, msg?: string): unknown;
  warn?(obj: Record<string, unknown>, msg?: string): unknown;
  debug?(obj: Record<string, unknown>, msg?: string): unknown;
}

/**
 * The hook for errors worth logging: a function (it may be async: a rejection or a
 * promise that never settles is ignored, never awaited), or a logger.
 */
export type ErrorHook = ((event: ErrorEvent) => unknown) | ErrorLogger;

/** A dialect choice per request: a name, a dialect, or `undefined` for the negotiated default. */
export type DialectChooser = (context: RequestContext) => Dialect | string | undefined;

/**
 * Answers in the caller's language: `errata/i18n`'s `localize(catalog)` makes one. The responder
 * asks it once per error response; the server never imports it.
 */
export interface Localizer {
  /** The catalog's source language: `Content-Language` of a response answered without it. */
  readonly source: string;
  /**
   * The language chosen for one request and its errors' texts in it (`SerializeContext.localized`).
   * `headers` are the request's (its `Accept-Language`); `problem` reports, once per `key`, a
   * translation that could not be used (the source text was sent instead), as a `config` event.
   */
  forRequest(
    context: RequestContext | undefined,
    headers: HeaderReader | undefined,
    problem: (key: string, message: string) => void,
  ): LocalizedResponse;
}

/** One response's localization, as the responder reads it back. */
export interface LocalizedResponse extends Localized {
  /**
   * The language `error`'s message went out in (`Content-Language`): the locale of its texts when
   * the dialect asked for them, else the source language of its catalog.
   */
  language(error: ErrataError): string;
}

/**
 * The entry ids of a catalog: a `defineCatalog` catalog's own ids (a typo such as
 * `'ORDER_NOT_FOUN'` does not compile), any string for a catalog whose type is not
 * known (a JSON catalog loaded at run time, checked when the server starts).
 */
export type EntryId<C extends Catalog = Catalog> = C['ids'][number];

/** How the server answers errors. Every option but `catalog` has a default. */
export interface ServerOptions<C extends Catalog = Catalog> {
  /** The application's catalog. */
  readonly catalog: C;
  /**
   * The dialect: a name, a dialect, or a function of the request returning one (or `undefined` for the default).
   * @default the catalog's dialect
   */
  readonly dialect?: Dialect | string | DialectChooser;
  /**
   * Negotiate by `Accept`: a client asking for `application/problem+json` (or another dialect's own media type) gets it.
   * @default true
   */
  readonly negotiate?: boolean;
  /** User-defined dialects, by name, usable in `dialect` and in negotiation. @default {} */
  readonly dialects?: Readonly<Record<string, Dialect>>;
  /** Entry for unknown exceptions. @default the first 500 entry whose id or code says "internal", else the first 500, else errata's `internal_error`, in the catalog's casing (`INTERNAL_ERROR`) */
  readonly internal?: NoInfer<EntryId<C>>;
  /** Entry for a body that is not valid JSON. @default a 400 entry named like `INVALID_JSON`/`MALFORMED_BODY`, else errata's `malformed_body`, in the catalog's casing */
  readonly malformedBody?: NoInfer<EntryId<C>>;
  /** Entry for validation failures. @default a 400/422 entry named like `VALIDATION_FAILED`/`INVALID_REQUEST`, else errata's `validation_failed`, in the catalog's casing */
  readonly validation?: NoInfer<EntryId<C>>;
  /** Entry for an unknown route. @default a 404 entry named like `NOT_FOUND`/`ROUTE_NOT_FOUND`, else errata's `not_found`, in the catalog's casing */
  readonly notFound?: NoInfer<EntryId<C>>;
  /** Entry for a method the route does not take. @default the first 405 entry, else errata's `method_not_allowed`, in the catalog's casing */
  readonly methodNotAllowed?: NoInfer<EntryId<C>>;
  /** Entry for a body over the limit. @default the first 413 entry, else errata's `payload_too_large`, in the catalog's casing */
  readonly payloadTooLarge?: NoInfer<EntryId<C>>;
  /** Entry for a body in a media type, charset or encoding the route does not take. @default the first 415 entry, else errata's `unsupported_media_type`, in the catalog's casing */
  readonly unsupportedMediaType?: NoInfer<EntryId<C>>;
  /**
   * Receives unexpected exceptions (with message and stack), catalog 5xx errors, undeclared errors,
   * client aborts and configuration problems. Whatever it throws or rejects with is ignored.
   * @default console.error for unexpected exceptions, console.warn for configuration problems
   */
  readonly onError?: ErrorHook;
  /**
   * `WWW-Authenticate` challenge sent on every 401 that does not carry its own (RFC 9110 section 15.5.2).
   * Like every header, it is sent only as a field value: non-ASCII text percent-encoded, a value with
   * a control character dropped (and reported once as a `config` event).
   * @default `Bearer realm="<catalog name>"`, the name percent-encoded where it is not ASCII
   */
  readonly challenge?: string | ((error: ErrataError) => string);
  /** Header the request id is read from and echoed in. @default 'x-request-id' */
  readonly requestIdHeader?: string;
  /** Makes a request id when the request has none. @default crypto.randomUUID */
  readonly generateRequestId?: () => string;
  /** Errors each route may throw, by `"METHOD /pattern"`: `{ 'GET /users/:id': ['UserNotFound'] }`. @default {} */
  readonly routes?: Readonly<Record<string, readonly NoInfer<EntryId<C>>[]>>;
  /**
   * Development mode: a route throwing an entry it does not declare fails with a 500.
   * @default true when NODE_ENV is `development` or `test`
   */
  readonly development?: boolean;
  /** Send the request path as RFC 9457 `instance`. @default true */
  readonly instance?: boolean;
  /** Annotate the active OpenTelemetry span, where `@opentelemetry/api` is installed. @default true */
  readonly telemetry?: boolean;
  /**
   * Answer in the caller's language: `localize(catalog)` from `errata/i18n` picks a language of
   * the catalog per request (from `Accept-Language`, or a function of the request), the dialect
   * writes the translated texts, and every error response says `Content-Language` and
   * `Vary: Accept-Language`. The wire code never changes with the language.
   * @default the catalog's own text, no `Content-Language`
   */
  readonly localize?: Localizer;
}

/** One route's declared errors, as `errata openapi merge` reads them. */
export interface RouteDeclaration {
  readonly method: string;
  readonly path: string;
  readonly errors: readonly string[];
}

/** The core every adapter calls: turns anything thrown into a dialect's response. */
export interface Responder<C extends Catalog = Catalog> {
  /** Status, headers (lower-case names) and body for anything thrown. */
  respond(error: unknown, context?: RequestContext): WireError;
  /** Declares the catalog entries a route may throw. Throws at once on an unknown id. */
  declare(method: string, path: string, ids: readonly EntryId<C>[]): void;
  /** Every declared route, for the OpenAPI generator. */
  declarations(): RouteDeclaration[];
  /** Whether any route declares its errors: adapters look the matched route up only then. */
  readonly declaring: boolean;
  /** The application's catalog. */
  readonly catalog: C;
  /** The request id header name, lower-case. */
  readonly requestIdHeader: string;
  /** Resolves once optional integrations (OpenTelemetry) are loaded. */
  readonly ready: Promise<void>;
}
