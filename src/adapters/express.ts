// errata/express: Express 5 apps.
import type { ErrorRequestHandler, NextFunction, Request, RequestHandler, Response } from 'express';
import type { StandardSchemaV1 } from '../catalog/standard-schema.js';
import { isErrataError } from '../error.js';
import { failures } from '../server/builtin.js';
import {
  createResponder,
  type Responder,
  type RouteDeclaration,
  type ServerOptions,
} from '../server/respond.js';
import { validate } from '../server/validate.js';
import { tolerant } from './_tolerant.js';

export { failures } from '../server/builtin.js';
export type { ServerOptions } from '../server/respond.js';
export { validate } from '../server/validate.js';

/** errata configured for an Express app. */
export interface ExpressErrata {
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
  /** Declares the catalog entries a route may throw. */
  declare(method: string, path: string, ids: readonly string[]): void;
  /** Every declared route. */
  declarations(): RouteDeclaration[];
  readonly responder: Responder;
}

interface RouteLayer {
  route?: { _methods?: () => string[] };
  match(path: string): boolean;
}

/** Configures errata for Express 5. */
export function errata(options: ServerOptions): ExpressErrata {
  const responder = createResponder(options);
  const idHeader = responder.requestIdHeader;

  const send = (error: unknown, req: Request, res: Response, next: NextFunction): void => {
    // Too late for an error response: Express closes the connection.
    if (res.headersSent) {
      next(error);
      return;
    }
    const h = req.headers;
    const route = req.route as { path?: unknown } | undefined;
    const wire = responder.respond(error, {
      method: req.method,
      path: req.path,
      url: req.originalUrl,
      route: typeof route?.path === 'string' ? req.baseUrl + route.path : undefined,
      accept: h.accept,
      requestId: h[idHeader] as string | undefined,
      request: req,
    });
    res.writeHead(wire.status, wire.headers).end(wire.body);
  };

  const notFound: RequestHandler = (req, res, next) => {
    const allow = allowedMethods(req);
    const failure =
      allow.length > 0 && !allow.includes(req.method)
        ? failures.methodNotAllowed(req.method, allow)
        : failures.notFound(req.method, req.path);
    send(failure, req, res, next);
  };

  const errorHandler: ErrorRequestHandler = (err, req, res, next) => {
    send(translate(err, req), req, res, next);
  };

  return {
    handler: [notFound, errorHandler],
    notFound,
    errorHandler,
    respond(error, req, res) {
      // Headers already sent: nothing can be answered any more, as Express does.
      send(translate(error, req), req, res, () => res.destroy());
    },
    body(schema) {
      return async (req, _res, next) => {
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
    default:
      return (err as { status?: unknown }).status === 404 ? failures.notFound(req.method, req.path) : err;
  }
}
