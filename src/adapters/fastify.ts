// errata/fastify: Fastify 5 apps.

import type {
  FastifyError,
  FastifyInstance,
  FastifyPluginCallback,
  FastifyReply,
  FastifyRequest,
} from 'fastify';
import type { Catalog } from '../catalog/define.js';
import type { Violation } from '../error.js';
import { isErrataError } from '../error.js';
import { failures } from '../server/builtin.js';
import {
  createResponder,
  type EntryId,
  type Responder,
  type RouteDeclaration,
  type ServerOptions,
} from '../server/respond.js';
import { collectViolations } from '../server/violations.js';
import { escapePointerToken } from '../utils/json-pointer.js';
import { looksAborted } from './_abort.js';
import { onlyErrata } from './_fastify.js';
import { allowedMethods } from './_match.js';
import { pathOf } from './_path.js';
import { representationHeaders } from './_representation-headers.js';
import { tolerant } from './_tolerant.js';
import { keepEarlierVary } from './_vary.js';

export { failures } from '../server/builtin.js';
export type { EntryId, ServerOptions } from '../server/respond.js';
export { validate } from '../server/validate.js';

/**
 * Fastify's `ajv` option reporting every violation of a schema, not only the
 * first: `Fastify({ ajv: errataAjv })`.
 */
export const errataAjv = { customOptions: { allErrors: true } } as const;

/** The errata plugin: register it before the routes, `await app.register(plugin)`. */
export interface FastifyErrata<C extends Catalog = Catalog> extends FastifyPluginCallback {
  /**
   * Declares the catalog entries a route may throw, typed by the catalog's ids where its type is
   * known (a route may also say `config: { errors: [...] }`, checked when the route is added).
   */
  declare(method: string, path: string, ids: readonly EntryId<C>[]): void;
  /** Every declared route. */
  declarations(): RouteDeclaration[];
  /** Answers `error` now, without throwing (a throw costs a few microseconds in Node). */
  respond(error: unknown, request: FastifyRequest, reply: FastifyReply): void;
  /**
   * Fastify's `frameworkErrors` option, for the failures it answers before any plugin runs: a path
   * that is not valid percent-encoding or a parameter over `maxParamLength` (the catalog's 404),
   * a failing async constraint (the internal error). `Fastify({ frameworkErrors: errors.frameworkErrors })`.
   */
  frameworkErrors(error: FastifyError, request: FastifyRequest, reply: FastifyReply): void;
  readonly responder: Responder<C>;
}

/**
 * Configures errata for Fastify 5: its error handler and its not-found handler
 * (404, or 405 with `Allow`), on the root instance. Fastify's schema validation
 * failures become one validation error with every violation.
 */
export function errata<C extends Catalog>(options: ServerOptions<C>): FastifyErrata<C> {
  const responder = createResponder(options);
  const idHeader = responder.requestIdHeader;
  const routes: { method: string; path: string }[] = [];

  // Returns nothing: a handler returning `reply` after sending makes Fastify build an "already sent" error.
  const send = (error: unknown, request: FastifyRequest, reply: FastifyReply): void => {
    const h = request.headers;
    const raw = reply.raw;
    // The client is gone (a cancelled upload): reported as such, and nothing is written.
    const gone = raw.destroyed || request.raw.socket?.destroyed === true;
    const wire = responder.respond(gone && looksAborted(error) ? failures.aborted(error) : error, {
      method: request.method,
      path: pathOf(request.url),
      url: request.url,
      // `routeOptions` builds a new object on every read: only when routes declare errors.
      route: responder.declaring ? request.routeOptions.url : undefined,
      accept: h.accept,
      requestId: h[idHeader] as string | undefined,
      request,
    });
    // A response already started cannot become an error: it is ended, never written twice
    // (closed instead where it promised a length it cannot reach). To a client that is gone,
    // nothing is written.
    if (gone || raw.headersSent) {
      reply.hijack();
      if (gone || raw.writableEnded) return;
      if (raw.hasHeader('content-length')) raw.destroy();
      else raw.end();
      return;
    }
    // What the handler set for the answer it meant to send does not describe this one.
    for (const name of representationHeaders(Object.keys(reply.getHeaders()))) reply.removeHeader(name);
    keepEarlierVary(wire.headers, reply.getHeader('vary'));
    // A Buffer keeps the dialect's Content-Type as it is (Fastify appends a charset to strings).
    reply.code(wire.status).headers(wire.headers).send(Buffer.from(wire.body));
  };

  // Fastify's error handlers that are errata's, one per app the plugin is registered on.
  const ours = new WeakSet<object>();

  const plugin = ((fastify: FastifyInstance, _opts: unknown, done: (err?: Error) => void) => {
    fastify.addHook('onRoute', (route) => {
      const methods = Array.isArray(route.method) ? route.method : [route.method];
      const ids = (route.config as { errors?: unknown } | undefined)?.errors;
      for (const method of methods) {
        routes.push({ method, path: route.url });
        if (Array.isArray(ids) && method !== 'HEAD') responder.declare(method, route.url, ids as string[]);
      }
      // A catalog error thrown by the handler is answered at once when Fastify's error pipeline
      // would only hand it to errata's handler (no onError hook, no other error handler on the
      // route): the same answer, without the pipeline's cost.
      const handler = route.handler as (this: unknown, ...args: unknown[]) => unknown;
      route.handler = function errataRoute(this: unknown, request: FastifyRequest, reply: FastifyReply) {
        try {
          return handler.call(this, request, reply);
        } catch (e) {
          if (!isErrataError(e) || reply.sent || !onlyErrata(request, ours)) throw e;
          send(e, request, reply);
        }
      } as typeof route.handler;
    });
    // The handler runs in a microtask (after this hook's promise), not in the I/O callback that
    // delivered the request: there, V8 computes a source location for every throw (about a
    // microsecond in a server); in a microtask it does not. See bench/README.md.
    fastify.addHook('preHandler', inMicrotask);
    fastify.setErrorHandler((err, request, reply) => {
      send(translate(err as FastifyError, request), request, reply);
    });
    ours.add(fastify.errorHandler);
    fastify.setNotFoundHandler((request, reply) => {
      const path = pathOf(request.url);
      const allow = allowedMethods(routes, path);
      const failure =
        allow.length > 0 && !allow.includes(request.method)
          ? failures.methodNotAllowed(request.method, allow)
          : failures.notFound(request.method, path);
      send(failure, request, reply);
    });
    done();
  }) as FastifyErrata<C>;
  // Like fastify-plugin: the handlers apply to the instance that registers the plugin, not a child.
  Object.assign(plugin, {
    [Symbol.for('skip-override')]: true,
    [Symbol.for('fastify.display-name')]: 'errata',
    declare: responder.declare,
    declarations: () => responder.declarations(),
    respond: (error: unknown, request: FastifyRequest, reply: FastifyReply) =>
      send(translate(error as FastifyError, request), request, reply),
    frameworkErrors: (error: FastifyError, request: FastifyRequest, reply: FastifyReply) => {
      const code = error?.code;
      send(
        code === 'FST_ERR_BAD_URL' || code === 'FST_ERR_MAX_PARAM_LENGTH'
          ? failures.notFound(request.method, pathOf(request.url))
          : error,
        request,
        reply,
      );
    },
    responder,
  });
  return plugin;
}

async function inMicrotask(): Promise<void> {}

const translate = tolerant(readFailure);

/** Fastify's own failures as catalog failures: schema validation, JSON body, body limit, media type. */
function readFailure(err: FastifyError, request: FastifyRequest): unknown {
  if (isErrataError(err)) return err;
  if (Array.isArray(err.validation)) return failures.validation(toViolations(err), err);
  const code = err.code;
  if (typeof code === 'string' && code.startsWith('FST_ERR_CTP_')) {
    if (code === 'FST_ERR_CTP_BODY_TOO_LARGE') return failures.payloadTooLarge(err);
    if (code === 'FST_ERR_CTP_INVALID_MEDIA_TYPE') return failures.unsupportedMediaType(err);
    if ((err.statusCode ?? 500) < 500) return failures.malformedBody(err);
  }
  // Fastify's own and its plugins' client errors (`FST_JWT_NO_AUTHORIZATION_IN_HEADER`, 401).
  // Nothing else is trusted for its status: a Stripe error's `statusCode: 404` is this server's failure.
  const status = err.statusCode;
  if (
    typeof code !== 'string' ||
    !code.startsWith('FST_') ||
    typeof status !== 'number' ||
    status < 400 ||
    status > 499
  )
    return err;
  if (status === 404) return failures.notFound(request.method, pathOf(request.url));
  return failures.http(status, err, (err as { headers?: Record<string, unknown> }).headers);
}

/** Ajv's errors as violations, through the one bound every adapter shares (errataAjv reports them all). */
function toViolations(err: FastifyError): Violation[] {
  const context = err.validationContext;
  return collectViolations(err.validation ?? [], (v) => {
    let pointer = v.instancePath ?? '';
    const params = v.params as { missingProperty?: unknown; additionalProperty?: unknown } | undefined;
    if (v.keyword === 'required' && typeof params?.missingProperty === 'string')
      pointer += `/${escapePointerToken(params.missingProperty)}`;
    else if (v.keyword === 'additionalProperties' && typeof params?.additionalProperty === 'string')
      pointer += `/${escapePointerToken(params.additionalProperty)}`;
    return {
      // Violations outside the body say where they are (`/query/limit`).
      pointer: context === undefined || context === 'body' ? pointer : `/${context}${pointer}`,
      message: v.message ?? 'is invalid',
      code: v.keyword,
    };
  });
}
