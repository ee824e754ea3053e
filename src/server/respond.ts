import type { Catalog } from '../catalog/define.js';
import { LOCALE_TAG } from '../catalog/locales.js';
import { problem } from '../dialects/problem/problem.js';
import type { WireError } from '../dialects/types.js';
import { type ErrataError, isErrataError } from '../error.js';
import { isFieldName } from '../utils/http-field.js';
import { createDialectChoice } from './_dialect-choice.js';
import { createFailureMap, remap } from './_failure.js';
import { clientFailure } from './_foreign-errors.js';
import { fieldValue, languageHeaders, sendableHeaders } from './_headers.js';
import { annotateSpan, loadTelemetry } from './_otel.js';
import { createReporter, reportParamMistakes } from './_report.js';
import { requestHeaders } from './_request-headers.js';
import { wellFormed } from './_well-formed.js';
import { builtin } from './builtin.js';
import { UndeclaredError } from './errors.js';
import type {
  ErrorEvent,
  ErrorEventKind,
  LocalizedResponse,
  RequestContext,
  Responder,
  ServerOptions,
} from './options.js';
import { createRouteTable } from './routes.js';
import { boundedViolations } from './violations.js';

export type {
  DialectChooser,
  EntryId,
  ErrorEvent,
  ErrorEventKind,
  ErrorHook,
  ErrorLogger,
  LocalizedResponse,
  Localizer,
  RequestContext,
  Responder,
  RouteDeclaration,
  ServerOptions,
} from './options.js';

const REQUEST_ID = /^[\w.:@/+=-]{1,128}$/;

/** Builds the responder: every lookup that does not depend on the request is done here, once. */
export function createResponder<C extends Catalog>(options: ServerOptions<C>): Responder<C> {
  const catalog = options.catalog;
  const model = catalog.model;
  const chooseDialect = createDialectChoice(options, model.dialect);

  const failureEntries = createFailureMap(catalog, options);
  const { internal, implicit } = failureEntries;

  // A catalog name outside visible ASCII (`決済-api`) is sent percent-encoded, as any header value.
  const realm = fieldValue(model.name.replace(/[^\t\x20-\x7e\x80-\uffff]|["\\]/g, '')) ?? '';
  const challenge = options.challenge ?? `Bearer realm="${realm}"`;
  const idHeader = (options.requestIdHeader ?? 'x-request-id').toLowerCase();
  if (!isFieldName(idHeader))
    throw new TypeError(
      `errata: option "requestIdHeader" (${JSON.stringify(idHeader)}) is not a header name`,
    );
  const newId = options.generateRequestId ?? (() => crypto.randomUUID());
  const report = createReporter(options.onError);
  const development = options.development ?? isDevelopment();
  const withInstance = options.instance !== false;
  const telemetry = options.telemetry !== false;
  const localizer = options.localize;
  const source = localizer && String(localizer.source);

  const routes = createRouteTable(catalog, options.routes);
  // The last language checked to be a tag: a localizer answers in a handful of them.
  let checkedTag: string | undefined;
  const isLanguageTag = (tag: string): boolean => {
    if (tag === checkedTag) return true;
    if (!LOCALE_TAG.test(tag)) return false;
    checkedTag = tag;
    return true;
  };

  const event = (
    kind: ErrorEventKind,
    error: ErrataError,
    cause: unknown,
    requestId: string,
    ctx: RequestContext | undefined,
  ): ErrorEvent => ({
    kind,
    error,
    cause,
    requestId,
    method: ctx?.method,
    path: ctx?.path,
    route: ctx?.route,
  });
  /** A configuration problem, reported the first time it is met. */
  const misconfigured = (
    key: string,
    message: string,
    error: ErrataError,
    requestId: string,
    ctx: RequestContext | undefined,
  ) => report.once(key, event('config', error, new TypeError(`errata: ${message}`), requestId, ctx));

  const ready = telemetry ? loadTelemetry() : Promise.resolve();

  /** The last answer, when the dialect chosen fails: the contract's internal error, as `problem` sends it. */
  const lastResort = (context: { requestId: string; instance?: string }): WireError => {
    try {
      return problem.serialize(internal.catalog.error(internal.id, {}, { stack: false }), context);
    } catch {
      return problem.serialize(builtin.error('internal_error', {}, { stack: false }), context);
    }
  };

  function answer(raw: unknown, ctx: RequestContext | undefined, requestId: string): WireError {
    let error: ErrataError;
    let kind: ErrorEventKind | undefined;
    let reported = false;
    // A forged brand (no definition, or one that does not agree with itself) is an unexpected value.
    // A framework's own client error (http-errors, Boom) is answered as errata's failure of its status.
    const known = isErrataError(raw) ? (wellFormed(raw) ? raw : undefined) : clientFailure(raw, ctx);
    const thrown = known ?? raw;
    if (known !== undefined) {
      error = known;
      const def = known.definition;
      if (def.catalog === builtin.model) {
        if (def.id === 'client_closed_request') kind = 'aborted';
        const to = failureEntries.entryFor(def.id, def.entry.status);
        if (to !== undefined && to.catalog !== builtin) error = remap(known, to);
      } else if (
        routes.size > 0 &&
        def.catalog === model &&
        ctx?.method !== undefined &&
        ctx.route !== undefined
      ) {
        const allowed = routes.declared(ctx.method, ctx.route);
        if (allowed !== undefined && !allowed.has(def.id) && !implicit.has(def.id)) {
          const undeclared = new UndeclaredError(ctx.method, ctx.route, def.id, [...allowed]);
          report(event('undeclared', known, undeclared, requestId, ctx));
          // Already reported; in development the mistake fails loudly, as a 500.
          if (development)
            error = internal.catalog.error(internal.id, {}, { cause: undeclared, stack: false });
          else if (error.status >= 500) kind = 'server';
          reported = true;
        }
      }
      if (!reported && kind === undefined && error.status >= 500) kind = 'server';
    } else {
      error = internal.catalog.error(internal.id, {}, { cause: thrown, stack: false });
      kind = 'unexpected';
    }

    // An occurrence whose message could not be rendered (a missing or mistyped parameter).
    reportParamMistakes(report, error, (cause) => event('config', error, cause, requestId, ctx));
    const serializeContext: {
      requestId: string;
      instance?: string;
      requestHeaders: ReturnType<typeof requestHeaders>;
      localized?: LocalizedResponse;
    } = {
      requestId,
      ...(withInstance && typeof ctx?.path === 'string' && { instance: ctx.path }),
      requestHeaders: requestHeaders(ctx?.request),
    };
    let wire: WireError;
    // The language the answer is in (`Content-Language`), when the responder localizes.
    let language = source;
    try {
      // One bound on the violations, whoever listed them and whichever dialect sends them.
      error = boundedViolations(error);
      const dialect = chooseDialect(ctx, (key: string, message: string) =>
        misconfigured(key, message, error, requestId, ctx),
      );
      // The caller's language, chosen once for the response.
      const localized = localizer?.forRequest(ctx, serializeContext.requestHeaders, (key, message) =>
        misconfigured(`i18n:${key}`, message, error, requestId, ctx),
      );
      serializeContext.localized = localized;
      wire = checked(dialect.serialize(error, serializeContext));
      if (localized !== undefined) language = localized.language(error);
    } catch (failure) {
      // A dialect function or a user-defined dialect failed: the answer is still a safe 500,
      // in the source language, and what was thrown in the first place is still reported below.
      report(event('unexpected', error, failure, requestId, ctx));
      serializeContext.localized = undefined;
      language = source;
      wire = lastResort(serializeContext);
    }
    const headers = wire.headers;
    if (headers[idHeader] === undefined) headers[idHeader] = requestId;
    if (wire.status === 401 && headers['www-authenticate'] === undefined) {
      try {
        headers['www-authenticate'] = typeof challenge === 'string' ? challenge : challenge(error);
      } catch (failure) {
        report.once('challenge', event('config', error, failure, requestId, ctx));
      }
    }
    const safe = sendableHeaders(headers, (name, what) =>
      misconfigured(`header:${name}:${what}`, `header ${name} ${what}`, error, requestId, ctx),
    );
    if (safe !== headers) wire = { status: wire.status, headers: safe, body: wire.body };
    // Added to the checked headers: a language tag (a Localizer is the app's code, so it is checked),
    // and a Vary that was checked or is errata's own.
    if (language !== undefined && isLanguageTag(language)) languageHeaders(wire.headers, language);

    if (telemetry)
      try {
        annotateSpan(error.code, wire.status, kind === 'unexpected' ? thrown : error);
      } catch {
        // A failing tracer must not turn one error response into none.
      }
    if (kind !== undefined) {
      const cause = kind === 'server' || kind === 'aborted' ? (error.cause ?? error) : thrown;
      report(event(kind, error, cause, requestId, ctx));
    }
    return wire;
  }

  function respond(raw: unknown, ctx?: RequestContext): WireError {
    const incoming = ctx?.requestId;
    let requestId = typeof incoming === 'string' && REQUEST_ID.test(incoming) ? incoming : undefined;
    try {
      requestId ??= String(newId());
      return answer(raw, ctx, requestId);
    } catch (failure) {
      // Nothing thrown, and no hook, dialect or getter, turns an error response into none.
      requestId ??= crypto.randomUUID();
      report(
        event('unexpected', builtin.error('internal_error', {}, { stack: false }), failure, requestId, ctx),
      );
      const wire = lastResort({ requestId });
      const id = fieldValue(requestId);
      if (id !== undefined) wire.headers[idHeader] = id;
      if (source !== undefined && LOCALE_TAG.test(source)) languageHeaders(wire.headers, source);
      return wire;
    }
  }

  return {
    respond,
    declare: routes.declare,
    declarations: routes.declarations,
    get declaring() {
      return routes.size > 0;
    },
    catalog,
    requestIdHeader: idHeader,
    ready,
  };
}

/** A dialect's answer as HTTP can send it: an error status, a text body, headers in an object. */
function checked(wire: WireError): WireError {
  const { status, headers, body } = wire;
  if (
    typeof status !== 'number' ||
    !Number.isInteger(status) ||
    status < 400 ||
    status > 599 ||
    typeof body !== 'string' ||
    typeof headers !== 'object' ||
    headers === null
  )
    throw new TypeError('errata: a dialect answered something that is not an error response');
  return wire;
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
