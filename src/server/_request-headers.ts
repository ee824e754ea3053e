// The request's headers as a dialect's serializer reads them (`SerializeContext.requestHeaders`),
// from the framework's request object every adapter passes as `RequestContext.request`: a fetch
// `Request`, a Hono context, or a Node, Express or Fastify request (headers in a plain object).
import type { HeaderReader } from '../dialects/types.js';
import { isRecord } from '../utils/record.js';

type Loose = { headers?: unknown; req?: { header?: unknown } } | null | undefined;

/** One header of a request object; `undefined` when it is absent or cannot be read. */
function read(request: unknown, name: string): unknown {
  try {
    const r = request as Loose;
    const h: unknown = r?.headers;
    const get = isRecord(h) ? h.get : undefined;
    // A fetch Request's `Headers`.
    if (typeof get === 'function') return get.call(h, name);
    // A Hono context: `c.req.header(name)`.
    const hono = r?.req;
    if (typeof hono?.header === 'function') return hono.header.call(hono, name);
    // Node's IncomingMessage (Express, Fastify): lower-case names, a repeated header as a list.
    if (isRecord(h)) {
      // errata asks in lower case already: the name is lowered only when it is not found as given.
      let key = name;
      if (!Object.hasOwn(h, key)) {
        key = name.toLowerCase();
        if (key === name || !Object.hasOwn(h, key)) return undefined;
      }
      const v = h[key];
      return Array.isArray(v) ? v.join(', ') : v;
    }
  } catch {
    // A hostile request object reads as one without the header.
  }
  return undefined;
}

/** A reader of a request object's headers, read only when a dialect asks; `undefined` without a request. */
export function requestHeaders(request: unknown): HeaderReader | undefined {
  if (typeof request !== 'object' || request === null) return undefined;
  return {
    get: (name) => {
      const v = read(request, name);
      return typeof v === 'string' ? v : null;
    },
  };
}
