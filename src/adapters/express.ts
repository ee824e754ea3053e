// errata/express: Express 5 apps.
import type { ErrorRequestHandler, Request, RequestHandler, Response } from 'express';
import type { Catalog } from '../catalog/define.js';
import type { StandardSchemaV1 } from '../catalog/standard-schema.js';
import { isErrataError } from '../error.js';
import { failures } from '../server/builtin.js';
import {
  createResponder,
  type EntryId,
  type Responder,
  type RouteDeclaration,
  type ServerOptions,
} from '../server/respond.js';
import { validate } from '../server/validate.js';
import { looksAborted } from './_abort.js';
import { carriesBody } from './_media-type.js';
import { representationHeaders } from './_representation-headers.js';
import { tolerant } from './_tolerant.js';
import { keepEarlierVary } from './_vary.js';

export { failures } from '../server/builtin.js';
export type { EntryId, ServerOptions } from '../server/respond.js';
export { validate } from '../server/validate.js';

/** errata configured for an Express app. */
export interface ExpressErrata<C extends Catalog = Catalog> {
  /** Mount after every route: `app.use(errors.handler)` (the 404/405 handler, then the error handler). */
  readonly handler: [RequestHandler, ErrorRequestHandler];
  /** Answers an unknown route with the catalog's 404, or 405 with `Allow` when the path exists for other methods. */
  readonly notFound: RequestHandler;
  /** Answers anything thrown with the catalog's response. */
  readonly errorHandler: ErrorRequestHandler;
  /** Answers `error` now, without throwing (a throw costs a few microseconds in Node). */
  respond(error: unknown, req: Request, res: Response): void;
  /** Middleware validating `req.body` with any Standard Schema and replacing it with the schema's output. */
  body(schema: StandardSchemaV1): RequestHandler;
  /** Declares the catalog entries a route may throw (typed by the catalog's ids where its type is known). */
  declare(method: string, path: string, ids: readonly EntryId<C>[]): void;
  /** Every declared route. */
  declarations(): RouteDeclaration[];
  readonly responder: Responder<C>;
}

interface RouteLayer {
  route?: { _methods?: () => string[] };
  match(path: string): boolean;
}

/** Configures errata for Express 5. */
export function errata<C extends Catalog>(options: ServerOptions<C>): ExpressErrata<C> {
  const responder = createResponder(options);
  const idHeader = responder.requestIdHeader;

  const send = (error: unknown, req: Request, res: Response): void => {
    const h = req.headers;
    const route = req.route as { path?: unknown } | undefined;
    // The client is gone (a cancelled upload): reported as such, and nothing is written.
    const gone = res.destroyed || req.socket?.destroyed === true;
    const wire = responder.respond(gone && looksAborted(error) ? failures.aborted(error) : error, {
      method: req.method,
      path: req.path,
      url: req.originalUrl,
      route: typeof route?.path === 'string' ? req.baseUrl + route.path : undefined,
      accept: h.accept,
      requestId: h[idHeader] as string | undefined,
      request: req,
    });
    if (gone) return;
    // A response already started cannot become an error: it is ended, never written twice
    // (closed instead where it promised a length it cannot reach).
    if (res.headersSent) {
      if (res.writableEnded) return;
      if (res.hasHeader('content-length')) res.destroy();
      else res.end();
      return;
    }
    // What the handler set for the answer it meant to send does not describe this one.
    for (const name of representationHeaders(res.getHeaderNames())) res.removeHeader(name);
    keepEarlierVary(wire.headers, res.getHeader('vary'));
    res.writeHead(wire.status, wire.headers).end(wire.body);
  };

  const notFound: RequestHandler = (req, res) => {
    const allow = allowedMethods(req);
    const failure =
      allow.length > 0 && !allow.includes(req.method)
        ? failures.methodNotAllowed(req.method, allow)
        : failures.notFound(req.method, req.path);
    send(failure, req, res);
  };

  const errorHandler: ErrorRequestHandler = (err, req, res, _next) => {
    send(translate(err, req), req, res);
  };

  return {
    handler: [notFound, errorHandler],
    notFound,
    errorHandler,
    respond(error, req, res) {
      send(translate(error, req), req, res);
    },
    body(schema) {
      return async (req, _res, next) => {
        // No body parser read the body: its media type is not one the app takes (a text/plain
        // "simple" POST, which a cross-site page can send without a CORS preflight).
        if (
          req.body === undefined &&
          carriesBody(req.headers['content-length'], req.headers['transfer-encoding'])
        )
          throw failures.unsupportedMediaType();
        req.body = await validate(schema, req.body);
        next();
      };
    },
    declare: responder.declare,
    declarations: () => responder.declarations(),
    responder,
  };
}

/** The methods of the app's routes that match the request path (its own router's matching). */
function allowedMethods(req: Request): string[] {
  const stack = (req.app as unknown as { router?: { stack?: RouteLayer[] } }).router?.stack ?? [];
  const allow = new Set<string>();
  for (const layer of stack) {
    if (layer.route?._methods === undefined) continue;
    if (!layer.match(req.path)) continue;
    for (const m of layer.route._methods()) if (m !== '_all') allow.add(m.toUpperCase());
  }
  return [...allow].sort();
}

const translate = tolerant(readFailure);

/** body-parser's failures (`express.json()`) and the router's as catalog failures. */
function readFailure(err: unknown, req: Request): unknown {
  if (typeof err !== 'object' || err === null || isErrataError(err)) return err;
  // A path parameter that is not valid percent-encoding names nothing: the catalog's 404.
  if (err instanceof URIError && (err as { status?: unknown }).status === 400)
    return failures.notFound(req.method, req.path);
  switch ((err as { type?: unknown }).type) {
    case 'entity.parse.failed':
    case 'request.size.invalid':
      return failures.malformedBody(err);
    case 'encoding.unsupported':
    case 'charset.unsupported':
      return failures.unsupportedMediaType(err);
    case 'entity.too.large':
    case 'parameters.too.many':
      return failures.payloadTooLarge(err);
    case 'request.aborted':
      return failures.aborted(err);
    default:
      // Nothing else is the router's miss: an SDK's or a thrown Response's 404 is this server's failure.
      return err;
  }
}
