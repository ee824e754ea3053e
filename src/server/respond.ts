import type { Catalog } from '../catalog/define.js';
import type { CatalogModel } from '../catalog/model.js';
import { getDialect, dialects as registry } from '../dialects/index.js';
import { problem } from '../dialects/problem.js';
import type { Dialect, WireError } from '../dialects/types.js';
import { type ErrataError, isErrataError } from '../error.js';
import { annotateSpan, loadTelemetry } from './_otel.js';
import {
  builtin,
  FAILURE_IDS,
  type FailureKind,
  failures,
  type HeaderSource,
  keptHeaders,
} from './builtin.js';
import { createNegotiator } from './negotiate.js';

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
  /** The framework's own request object, passed to a `dialect` function. */
  readonly request?: unknown;
}

/** Why the error hook is called. */
export type ErrorEventKind = 'unexpected' | 'server' | 'undeclared';

/** What the error hook receives: never sent to the caller. */
export interface ErrorEvent {
  /** `unexpected`: a non-catalog exception (masked); `server`: a catalog 5xx; `undeclared`: a route threw an entry it does not declare. */
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

/** A pino-compatible logger (pino, bunyan-style, or `console`-like with `error(obj, msg)`). */
export interface ErrorLogger {
  error(obj: Record<string, unknown>, msg?: string): void;
}

/** The hook for errors worth logging: a function, or a logger whose `error` is called. */
export type ErrorHook = ((event: ErrorEvent) => void) | ErrorLogger;

/** A dialect choice per request: a name, a dialect, or `undefined` for the negotiated default. */
export type DialectChooser = (context: RequestContext) => Dialect | string | undefined;

/** How the server answers errors. Every option but `catalog` has a default. */
export interface ServerOptions {
  /** The application's catalog. */
  readonly catalog: Catalog;
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
  /** Entry for unknown exceptions. @default the first 500 entry whose id or code says "internal", else the first 500, else errata's `internal_error` */
  readonly internal?: string;
  /** Entry for a body that is not valid JSON. @default a 400 entry named like `INVALID_JSON`/`MALFORMED_BODY`, else errata's `malformed_body` */
  readonly malformedBody?: string;
  /** Entry for validation failures. @default a 400/422 entry named like `VALIDATION_FAILED`/`INVALID_REQUEST`, else errata's `validation_failed` */
  readonly validation?: string;
  /** Entry for an unknown route. @default a 404 entry named like `NOT_FOUND`/`ROUTE_NOT_FOUND`, else errata's `not_found` */
  readonly notFound?: string;
  /** Entry for a method the route does not take. @default the first 405 entry, else errata's `method_not_allowed` */
  readonly methodNotAllowed?: string;
  /** Entry for a body over the limit. @default the first 413 entry, else errata's `payload_too_large` */
  readonly payloadTooLarge?: string;
  /** Entry for a body in a media type, charset or encoding the route does not take. @default the first 415 entry, else errata's `unsupported_media_type` */
  readonly unsupportedMediaType?: string;
  /**
   * Receives unexpected exceptions (with message and stack), catalog 5xx errors and undeclared errors.
   * @default console.error for unexpected exceptions
   */
  readonly onError?: ErrorHook;
  /**
   * `WWW-Authenticate` challenge sent on every 401 that does not carry its own (RFC 9110 section 15.5.2).
   * @default `Bearer realm="<catalog name>"`
   */
  readonly challenge?: string | ((error: ErrataError) => string);
  /** Header the request id is read from and echoed in. @default 'x-request-id' */
  readonly requestIdHeader?: string;
  /** Makes a request id when the request has none. @default crypto.randomUUID */
  readonly generateRequestId?: () => string;
  /** Errors each route may throw, by `"METHOD /pattern"`: `{ 'GET /users/:id': ['UserNotFound'] }`. @default {} */
  readonly routes?: Readonly<Record<string, readonly string[]>>;
  /**
   * Development mode: a route throwing an entry it does not declare fails with a 500.
   * @default true when NODE_ENV is `development` or `test`
   */
  readonly development?: boolean;
  /** Send the request path as RFC 9457 `instance`. @default true */
  readonly instance?: boolean;
  /** Annotate the active OpenTelemetry span, where `@opentelemetry/api` is installed. @default true */
  readonly telemetry?: boolean;
}

/** One route's declared errors, as `errata openapi merge` reads them. */
export interface RouteDeclaration {
  readonly method: string;
  readonly path: string;
  readonly errors: readonly string[];
}

/** The core every adapter calls: turns anything thrown into a dialect's response. */
export interface Responder {
  /** Status, headers (lower-case names) and body for anything thrown. */
  respond(error: unknown, context?: RequestContext): WireError;
  /** Declares the catalog entries a route may throw. Throws at once on an unknown id. */
  declare(method: string, path: string, ids: readonly string[]): void;
  /** Every declared route, for the OpenAPI generator. */
  declarations(): RouteDeclaration[];
  /** Whether any route declares its errors: adapters look the matched route up only then. */
  readonly declaring: boolean;
  /** The application's catalog. */
  readonly catalog: Catalog;
  /** The request id header name, lower-case. */
  readonly requestIdHeader: string;
  /** Resolves once optional integrations (OpenTelemetry) are loaded. */
  readonly ready: Promise<void>;
}

type Mapped = { readonly catalog: Catalog; readonly id: string };

const REQUEST_ID = /^[\w.:@/+=-]{1,128}$/;

/** Builds the responder: every lookup that does not depend on the request is done here, once. */
export function createResponder(options: ServerOptions): Responder {
  const catalog = options.catalog;
  const model = catalog.model;
  const extra = options.dialects ?? {};
  const resolve = (d: Dialect | string): Dialect => (typeof d === 'string' ? getDialect(d, extra) : d);

  const fixed = typeof options.dialect === 'function' ? undefined : options.dialect;
  const chooser = typeof options.dialect === 'function' ? options.dialect : undefined;
  const fallback = resolve(fixed ?? model.dialect);
  const negotiate =
    options.negotiate === false
      ? undefined
      : createNegotiator([...Object.values(registry), ...Object.values(extra)], fallback);

  // Framework failures: each built-in id mapped to the application's entry where one fits.
  const mapping = new Map<string, Mapped>();
  for (const kind of Object.keys(FAILURE_IDS) as FailureKind[]) {
    const chosen = options[kind] ?? findDefault(model, kind);
    if (chosen !== undefined && !catalog.has(chosen))
      throw new TypeError(
        `errata: option "${kind}" names "${chosen}", which is not in catalog "${model.name}"`,
      );
    mapping.set(
      FAILURE_IDS[kind],
      chosen === undefined ? { catalog: builtin, id: FAILURE_IDS[kind] } : { catalog, id: chosen },
    );
  }
  const internal = mapping.get(FAILURE_IDS.internal) as Mapped;
  const implicit = new Set([...mapping.values()].filter((m) => m.catalog === catalog).map((m) => m.id));

  const challenge = options.challenge ?? `Bearer realm="${model.name.replace(/["\\]/g, '')}"`;
  const idHeader = (options.requestIdHeader ?? 'x-request-id').toLowerCase();
  const newId = options.generateRequestId ?? (() => crypto.randomUUID());
  const hook = options.onError ?? defaultHook;
  const development = options.development ?? isDevelopment();
  const withInstance = options.instance !== false;
  const telemetry = options.telemetry !== false;

  const declared = new Map<string, Set<string>>();
  const declarations: RouteDeclaration[] = [];
  const declare = (method: string, path: string, ids: readonly string[]): void => {
    for (const id of ids)
      if (!catalog.has(id))
        throw new TypeError(
          `errata: route ${method} ${path} declares "${id}", which is not in catalog "${model.name}"`,
        );
    const key = `${method.toUpperCase()} ${path}`;
    const set = declared.get(key) ?? new Set();
    for (const id of ids) set.add(id);
    if (!declared.has(key)) {
      declared.set(key, set);
      declarations.push({ method: method.toUpperCase(), path, errors: [] });
    }
    const i = declarations.findIndex((d) => `${d.method} ${d.path}` === key);
    declarations[i] = { method: method.toUpperCase(), path, errors: [...set] };
  };
  for (const [key, ids] of Object.entries(options.routes ?? {})) {
    const space = key.indexOf(' ');
    if (space < 1) throw new TypeError(`errata: route key "${key}" must read "METHOD /path"`);
    declare(key.slice(0, space), key.slice(space + 1).trim(), ids);
  }

  // The application's entry for a generic built-in status entry, found by its name once.
  const named = new Map<string, Mapped | undefined>();
  const byName = (id: string, status: number): Mapped | undefined => {
    if (!named.has(id)) {
      const wanted = new Set([id, ...(ALIASES[id] ?? [])].map(squash));
      const found = Object.entries(model.errors).find(
        ([eid, e]) =>
          e.status === status &&
          e.deprecated === undefined &&
          (wanted.has(squash(eid)) || wanted.has(squash(e.code))),
      );
      named.set(id, found === undefined ? undefined : { catalog, id: found[0] });
    }
    return named.get(id);
  };

  const report = (
    kind: ErrorEventKind,
    error: ErrataError,
    cause: unknown,
    requestId: string,
    ctx?: RequestContext,
  ) => {
    try {
      const event: ErrorEvent = {
        kind,
        error,
        cause,
        requestId,
        method: ctx?.method,
        path: ctx?.path,
        route: ctx?.route,
      };
      if (typeof hook === 'function') hook(event);
      else
        hook.error(
          {
            err: cause,
            requestId,
            code: error.code,
            kind,
            method: ctx?.method,
            path: ctx?.path,
            route: ctx?.route,
          },
          `${kind} error answered as ${error.code} (${error.status})`,
        );
    } catch {
      // A failing logger must not turn one error response into none.
    }
  };

  const ready = telemetry ? loadTelemetry() : Promise.resolve();

  function respond(raw: unknown, ctx?: RequestContext): WireError {
    const incoming = ctx?.requestId;
    const requestId = incoming != null && REQUEST_ID.test(incoming) ? incoming : newId();

    let error: ErrataError;
    let kind: ErrorEventKind | undefined;
    let reported = false;
    // A framework's own client error (http-errors, Boom) is answered as errata's failure of its status.
    const known = isErrataError(raw) ? raw : clientFailure(raw, ctx);
    const thrown = known ?? raw;
    if (known !== undefined) {
      error = known;
      const def = known.definition;
      if (def.catalog === builtin.model) {
        const to = mapping.get(def.id) ?? byName(def.id, def.entry.status);
        if (to !== undefined && to.catalog !== builtin) error = remap(known, to);
      } else if (
        declared.size > 0 &&
        def.catalog === model &&
        ctx?.method !== undefined &&
        ctx.route !== undefined
      ) {
        const allowed = declared.get(`${ctx.method} ${ctx.route}`);
        if (allowed !== undefined && !allowed.has(def.id) && !implicit.has(def.id)) {
          const undeclared = new UndeclaredError(ctx.method, ctx.route, def.id, [...allowed]);
          report('undeclared', known, undeclared, requestId, ctx);
          // Already reported; in development the mistake fails loudly, as a 500.
          if (development)
            error = internal.catalog.error(internal.id, {}, { cause: undeclared, stack: false });
          else if (error.status >= 500) kind = 'server';
          reported = true;
        }
      }
      if (!reported && error.status >= 500) kind = 'server';
    } else {
      error = internal.catalog.error(internal.id, {}, { cause: thrown, stack: false });
      kind = 'unexpected';
    }

    const serializeContext = {
      requestId,
      ...(withInstance && ctx?.path !== undefined && { instance: ctx.path }),
    };
    let wire: WireError;
    try {
      let dialect = fallback;
      if (chooser !== undefined) {
        const d = ctx === undefined ? undefined : chooser(ctx);
        dialect = d === undefined ? (negotiate?.(ctx?.accept) ?? fallback) : resolve(d);
      } else if (negotiate !== undefined) dialect = negotiate(ctx?.accept);
      wire = dialect.serialize(error, serializeContext);
    } catch (failure) {
      // A dialect function or a user-defined dialect failed: the answer is still a safe 500,
      // and what was thrown in the first place is still reported below.
      report('unexpected', error, failure, requestId, ctx);
      wire = problem.serialize(builtin.error('internal_error', {}, { stack: false }), serializeContext);
    }
    const headers = wire.headers;
    if (headers[idHeader] === undefined) headers[idHeader] = requestId;
    if (wire.status === 401 && headers['www-authenticate'] === undefined)
      headers['www-authenticate'] = typeof challenge === 'string' ? challenge : challenge(error);

    if (telemetry)
      try {
        annotateSpan(error.code, wire.status, kind === 'unexpected' ? thrown : error);
      } catch {
        // A failing tracer must not turn one error response into none.
      }
    if (kind !== undefined)
      report(kind, error, kind === 'server' ? (error.cause ?? error) : thrown, requestId, ctx);
    return wire;
  }

  return {
    respond,
    declare,
    declarations: () => declarations.map((d) => ({ ...d, errors: [...d.errors] })),
    get declaring() {
      return declared.size > 0;
    },
    catalog,
    requestIdHeader: idHeader,
    ready,
  };
}

/** Thrown (in development) or reported when a route throws an entry it does not declare. */
export class UndeclaredError extends Error {
  override readonly name = 'UndeclaredError';
  constructor(
    readonly method: string,
    readonly route: string,
    readonly id: string,
    readonly declared: readonly string[],
  ) {
    super(
      `Route ${method} ${route} threw ${id}, which it does not declare (declared: ${declared.join(', ')})`,
    );
  }
}

/** Other names the application's entry for a generic status may have. */
const ALIASES: Readonly<Record<string, readonly string[]>> = {
  unauthorized: ['unauthenticated', 'authentication_required', 'not_authenticated'],
  forbidden: ['permission_denied', 'access_denied', 'not_allowed'],
  too_many_requests: ['rate_limited', 'rate_limit', 'rate_limit_exceeded', 'throttled'],
  conflict: ['already_exists'],
  unprocessable_content: ['unprocessable_entity'],
  request_timeout: ['timeout'],
};
const squash = (name: string) => name.toLowerCase().replace(/[^a-z0-9]/g, '');

/**
 * A framework's own client error as errata's failure of its status: http-errors'
 * (and Koa's), whose `status` equals its `statusCode` beside a boolean `expose`,
 * or Boom's. Nothing else thrown is trusted for its status: an SDK's error for
 * an upstream 401 is this server's failure, not the caller's.
 */
function clientFailure(thrown: unknown, ctx: RequestContext | undefined): ErrataError | undefined {
  if (typeof thrown !== 'object' || thrown === null) return undefined;
  const t = thrown as {
    status?: unknown;
    statusCode?: unknown;
    expose?: unknown;
    headers?: unknown;
    isBoom?: unknown;
    output?: { statusCode?: unknown; headers?: unknown };
  };
  let status: unknown;
  let headers: unknown;
  try {
    if (t.isBoom === true) {
      status = t.output?.statusCode;
      headers = t.output?.headers;
    } else if (typeof t.expose === 'boolean' && t.status === t.statusCode) {
      status = t.status;
      headers = t.headers;
    }
  } catch {
    return undefined;
  }
  if (typeof status !== 'number' || !Number.isInteger(status) || status < 400 || status > 499)
    return undefined;
  const source = typeof headers === 'object' && headers !== null ? (headers as HeaderSource) : undefined;
  if (status === 404) return failures.notFound(ctx?.method ?? '', ctx?.path ?? '');
  if (status === 405) {
    const allow = source === undefined ? undefined : keptHeaders(source).allow;
    return failures.methodNotAllowed(ctx?.method ?? '', allow?.split(/\s*,\s*/).filter(Boolean) ?? []);
  }
  return failures.http(status, thrown, source);
}

function remap(error: ErrataError, to: Mapped): ErrataError {
  return to.catalog.error(to.id, error.params as Record<string, never>, {
    cause: error.cause,
    violations: error.violations,
    headers: error.headers,
    retryAfterMs: error.retryAfterMs,
    requestId: error.requestId,
    stack: false,
  });
}

const EXACT: Record<FailureKind, RegExp> = {
  internal: /internal/i,
  malformedBody:
    /^(invalid_?json|malformed_?(json|body|request)|json_?parse_?error|parse_?error|invalid_?body)$/i,
  validation:
    /^(validation_?(error|failed)?|invalid_?request|invalid_?params?|unprocessable_?entity|bad_?request)$/i,
  notFound:
    /^(not_?found|route_?not_?found|unknown_?route|no_?route|resource_?not_?found|endpoint_?not_?found)$/i,
  methodNotAllowed: /./,
  payloadTooLarge: /./,
  unsupportedMediaType: /./,
};
const STATUS: Record<FailureKind, readonly number[]> = {
  internal: [500],
  malformedBody: [400],
  validation: [400, 422],
  notFound: [404],
  methodNotAllowed: [405],
  payloadTooLarge: [413],
  unsupportedMediaType: [415],
};

/** The application's entry for a failure kind, by status and by the shape of its id or code. */
function findDefault(model: CatalogModel, kind: FailureKind): string | undefined {
  const statuses = STATUS[kind];
  const pattern = EXACT[kind];
  let firstOfStatus: string | undefined;
  for (const status of statuses) {
    for (const [id, e] of Object.entries(model.errors)) {
      if (e.status !== status || e.deprecated !== undefined) continue;
      if (pattern.test(id) || pattern.test(e.code)) return id;
      firstOfStatus ??= id;
    }
  }
  return kind === 'internal' ? firstOfStatus : undefined;
}

function isDevelopment(): boolean {
  try {
    const env = (globalThis as { process?: { env?: Record<string, string | undefined> } }).process?.env
      ?.NODE_ENV;
    return env === 'development' || env === 'test';
  } catch {
    // Deno without --allow-env throws on reading the environment.
    return false;
  }
}

function defaultHook(event: ErrorEvent): void {
  if (event.kind === 'unexpected') console.error(`[errata] request ${event.requestId}:`, event.cause);
}
