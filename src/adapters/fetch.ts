// errata/fetch: any `(Request) => Response` handler (Next.js route handlers,
// Cloudflare Workers, Bun, Deno).
import type { Catalog } from '../catalog/define.js';
import { failures } from '../server/builtin.js';
import {
  createResponder,
  type EntryId,
  type Responder,
  type RouteDeclaration,
  type ServerOptions,
} from '../server/respond.js';
import { looksAborted } from './_abort.js';
import { readJson } from './_body.js';
import { pathOf } from './_path.js';

export { failures } from '../server/builtin.js';
export type { EntryId, ServerOptions } from '../server/respond.js';
export { validate } from '../server/validate.js';
export { readJson } from './_body.js';

/** A fetch handler; returning `undefined` answers the catalog's 404. */
export type FetchHandler<A extends unknown[] = []> = (
  request: Request,
  ...rest: A
) => Response | undefined | null | Promise<Response | undefined | null>;

/** The route a wrapped handler serves, for its declared errors. */
export interface FetchRoute<C extends Catalog = Catalog> {
  readonly method: string;
  /** The route pattern, as in the OpenAPI document (`/users/:id`). */
  readonly path: string;
  /** The catalog entries this route may throw (typed by the catalog's ids where its type is known). */
  readonly errors: readonly EntryId<C>[];
}

/** errata configured for fetch handlers. */
export interface FetchErrata<C extends Catalog = Catalog> {
  /** Wraps a handler: anything it throws becomes the catalog's response. */
  handle<A extends unknown[]>(
    handler: FetchHandler<A>,
    route?: FetchRoute<C>,
  ): (request: Request, ...rest: A) => Promise<Response>;
  /** The response for anything thrown while serving `request`. */
  respond(error: unknown, request?: Request, route?: string): Response;
  /** Reads a JSON body within a limit; a body not declared JSON, too large or malformed becomes the catalog's 415, 413 or 400. */
  readJson: typeof readJson;
  /** Every declared route. */
  declarations(): RouteDeclaration[];
  readonly responder: Responder<C>;
}

/** Configures errata for fetch handlers. */
export function errata<C extends Catalog>(options: ServerOptions<C>): FetchErrata<C> {
  const responder = createResponder(options);
  const idHeader = responder.requestIdHeader;

  const respond = (error: unknown, request?: Request, route?: string): Response => {
    const wire = responder.respond(
      error,
      request === undefined
        ? undefined
        : {
            method: request.method,
            path: pathOf(request.url),
            url: request.url,
            route,
            accept: request.headers.get('accept'),
            requestId: request.headers.get(idHeader),
            request,
          },
    );
    return new Response(wire.body, { status: wire.status, headers: wire.headers });
  };

  return {
    handle<A extends unknown[]>(handler: FetchHandler<A>, route?: FetchRoute<C>) {
      if (route !== undefined) responder.declare(route.method, route.path, route.errors);
      const pattern = route?.path;
      return async (request: Request, ...rest: A): Promise<Response> => {
        try {
          // The handler runs in a microtask, not in the I/O callback that delivered the request:
          // there, V8 computes a source location for every throw (about a microsecond in a server,
          // 7% of a minimal error response); in a microtask it does not. See bench/README.md.
          await undefined;
          const res = await handler(request, ...rest);
          return res ?? respond(notFound(request), request, pattern);
        } catch (e) {
          // The client is gone (a cancelled upload): reported as such; the server writes nothing.
          // What was thrown first: reading `signal` makes @hono/node-server build a whole Request (microseconds).
          const gone = looksAborted(e) && request.signal?.aborted === true;
          return respond(gone ? failures.aborted(e) : e, request, pattern);
        }
      };
    },
    respond,
    readJson,
    declarations: () => responder.declarations(),
    responder,
  };
}

/** Wraps one handler with its own configuration; `errata(options).handle(handler)` for several. */
export function withErrata<A extends unknown[], C extends Catalog>(
  handler: FetchHandler<A>,
  options: ServerOptions<C> & { readonly route?: FetchRoute<NoInfer<C>> },
): (request: Request, ...rest: A) => Promise<Response> {
  return errata(options).handle(handler, options.route);
}

function notFound(request: Request) {
  return failures.notFound(request.method, pathOf(request.url));
}
