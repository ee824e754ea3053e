// errata/hono: Hono apps on any runtime.
import type { Context, Env, Hono, MiddlewareHandler, ValidationTargets } from 'hono';
import { validator as honoValidator } from 'hono/validator';
import type { Catalog } from '../catalog/define.js';
import type { StandardSchemaV1 } from '../catalog/standard-schema.js';
import { failures } from '../server/builtin.js';
import {
  createResponder,
  type EntryId,
  type Responder,
  type RouteDeclaration,
  type ServerOptions,
} from '../server/respond.js';
import { validate } from '../server/validate.js';
import { varyKey } from '../utils/vary.js';
import { looksAborted } from './_abort.js';
import { allowedMethods } from './_match.js';
import { carriesBody, isJsonMediaType } from './_media-type.js';
import { pathOf } from './_path.js';
import { representationHeaders } from './_representation-headers.js';
import { tolerant } from './_tolerant.js';
import { keepEarlierVary } from './_vary.js';

export { failures } from '../server/builtin.js';
export type { EntryId, ServerOptions } from '../server/respond.js';
export { validate } from '../server/validate.js';

/** errata installed on a Hono app. */
export interface HonoErrata<C extends Catalog = Catalog> {
  /**
   * A validator middleware for any Standard Schema: a failure becomes one
   * validation error listing every violation; a body that is not JSON, the
   * catalog's 400. Read the result with `c.req.valid(target)`.
   */
  validator<T extends keyof ValidationTargets, S extends StandardSchemaV1>(
    target: T,
    schema: S,
  ): MiddlewareHandler<
    Env,
    string,
    {
      in: { [K in T]: StandardSchemaV1.InferInput<S> };
      out: { [K in T]: StandardSchemaV1.InferOutput<S> };
    }
  >;
  /** Declares the catalog entries a route may throw (typed by the catalog's ids where its type is known). */
  declare(method: string, path: string, ids: readonly EntryId<C>[]): void;
  /** Every declared route. */
  declarations(): RouteDeclaration[];
  /** The response for anything thrown while serving `c`. */
  respond(error: unknown, c: Context): Response;
  readonly responder: Responder<C>;
}

interface HttpExceptionLike {
  status: number;
  message: string;
  res?: Response;
  getResponse(): Response;
}
const isHttpException = (e: unknown): e is HttpExceptionLike =>
  e instanceof Error && typeof (e as { getResponse?: unknown }).getResponse === 'function';

/**
 * Installs errata as the app's error and not-found handlers: anything thrown
 * becomes the catalog's response, an unknown route its 404 (or 405 with
 * `Allow` when the path exists for other methods).
 */
export function errata<E extends Env, C extends Catalog>(
  // biome-ignore lint/suspicious/noExplicitAny: any schema and base path of the app
  app: Hono<E, any, any>,
  options: ServerOptions<C>,
): HonoErrata<C> {
  const responder = createResponder(options);
  const idHeader = responder.requestIdHeader;

  const respond = (error: unknown, c: Context): Response => {
    const req = c.req;
    const method = req.method;
    let route: string | undefined;
    if (responder.declaring) for (const r of req.matchedRoutes) if (r.method === method) route = r.path;
    const wire = responder.respond(error, {
      method,
      path: req.path,
      url: req.url,
      route,
      accept: req.header('accept'),
      requestId: req.header(idHeader),
      request: c,
    });
    try {
      // Hono copies the headers of the response being replaced onto this one: what the
      // handler set for the answer it meant to send must not describe this one (CORS stays).
      const previous = c.res.headers;
      for (const name of representationHeaders([...previous.keys()])) previous.delete(name);
      // Hono copies the earlier Vary over this answer's: both become the union.
      keepEarlierVary(wire.headers, previous.get('vary'));
      const key = varyKey(wire.headers);
      if (key !== undefined && previous.has('vary')) previous.set('vary', wire.headers[key] as string);
    } catch {
      // Immutable headers: Hono copies them only onto a fresh response of its own.
    }
    return new Response(wire.body, { status: wire.status, headers: wire.headers });
  };

  app.onError((err, c) => {
    try {
      // The client is gone (a cancelled upload): reported as such; the server writes nothing.
      // Hono's validator reports the body it could not read as "Malformed".
      // What was thrown first: reading `c.req.raw.signal` makes @hono/node-server build a whole Request.
      if ((looksAborted(err) || malformed(err)) && c.req.raw.signal?.aborted === true)
        return respond(failures.aborted(err), c);
      // `c.req.json()` failed on the request body: the catalog's 400, not an unexpected 500.
      if (err instanceof SyntaxError && (c.req.bodyCache.json ?? c.req.bodyCache.text) !== undefined)
        return fromBody(err, c.req.bodyCache).then((body) =>
          respond(body ? failures.malformedBody(err) : err, c),
        );
      const failure = translate(err, c);
      // An HTTPException carrying its own response below 500 is one the application chose; it is kept.
      if (failure === err && isHttpException(err) && err.status < 500 && err.res !== undefined)
        return err.getResponse();
      return respond(failure, c);
    } catch {
      // Reading what was thrown failed (a hostile Proxy): it is answered as the internal error.
      return respond(err, c);
    }
  });
  app.notFound((c) => {
    const allow = allowedMethods(app.routes, c.req.path);
    const method = c.req.method;
    const failure =
      allow.length > 0 && !allow.includes(method)
        ? failures.methodNotAllowed(method, allow)
        : failures.notFound(method, c.req.path);
    return respond(failure, c);
  });

  // Hono hands only `Error` instances to onError; anything else thrown leaves `app.fetch`.
  const fetch = app.fetch;
  const rescue = (e: unknown, request: Request): Response => {
    const wire = responder.respond(e, {
      method: request.method,
      path: pathOf(request.url),
      url: request.url,
      accept: request.headers.get('accept'),
      requestId: request.headers.get(idHeader),
      request,
    });
    return new Response(wire.body, { status: wire.status, headers: wire.headers });
  };
  app.fetch = async (request, ...rest) => {
    try {
      // The app runs in a microtask, not in the I/O callback that delivered the request:
      // there, V8 computes a source location for every throw (about a microsecond in a
      // server); in a microtask it does not. See bench/README.md.
      await undefined;
      return await fetch(request, ...rest);
    } catch (e) {
      return rescue(looksAborted(e) && request.signal?.aborted === true ? failures.aborted(e) : e, request);
    }
  };

  return {
    validator(target, schema) {
      // Hono reads a body of another media type as `{}`: say what is wrong with it instead.
      const check = (value: unknown, c: Context) => {
        if (target === 'json' && !declaredJson(c)) throw failures.unsupportedMediaType();
        return validate(schema, value);
      };
      // biome-ignore lint/suspicious/noExplicitAny: Hono's validator generics are inferred from the call
      return honoValidator(target, check) as any;
    },
    declare: responder.declare,
    declarations: () => responder.declarations(),
    respond,
    responder,
  };
}

/**
 * Whether a SyntaxError is the request body's JSON failing to parse in `c.req.json()`: the
 * rejection of its cached promise, or (where Hono parses the cached text) that text's own error.
 */
function fromBody(err: SyntaxError, cache: Context['req']['bodyCache']): Promise<boolean> {
  if (cache.json !== undefined)
    return cache.json.then(
      () => false,
      (e: unknown) => e === err,
    );
  return Promise.resolve(cache.text ?? '').then(
    (text: string) => {
      try {
        JSON.parse(text);
        return false;
      } catch (e) {
        return e instanceof SyntaxError && e.message === err.message;
      }
    },
    () => false,
  );
}

const translate = tolerant(readFailure);

/** Hono's validator failing on the body: "Malformed JSON in request body", "Malformed FormData request. …". */
const malformed = (err: unknown) =>
  isHttpException(err) && err.status === 400 && err.message.startsWith('Malformed');

/** Hono's own HTTP exceptions, as catalog failures: bad JSON (400), 404, body limit (413), media type (415). */
function readFailure(err: unknown, c: Context): unknown {
  if (!isHttpException(err)) return err;
  switch (err.status) {
    case 404:
      return failures.notFound(c.req.method, c.req.path);
    case 413:
      return failures.payloadTooLarge(err);
    case 415:
      return failures.unsupportedMediaType(err);
  }
  if (malformed(err)) return failures.malformedBody(err);
  // A response the application built itself (`new HTTPException(401, { res })`) is kept.
  if (err.status >= 400 && err.status < 500 && err.res === undefined) return failures.http(err.status, err);
  return err;
}

/** Whether a request's body is declared JSON, or it has no body (the schema then says what is missing). */
function declaredJson(c: Context): boolean {
  const type = c.req.header('content-type');
  if (type !== undefined) return isJsonMediaType(type);
  return !carriesBody(c.req.header('content-length'), c.req.header('transfer-encoding'));
}
