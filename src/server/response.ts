// An error as an HTTP answer, outside a responder, in two steps: serialize it
// (`toWire`: ErrataError → WireError), wrap it in a fetch Response
// (`wireResponse`: WireError → Response); `toResponse` does both.
import { getDialect } from '../dialects/index.js';
import type { Dialect, SerializeContext, WireError } from '../dialects/types.js';
import type { ErrataError } from '../error.js';

export interface ToResponseContext extends SerializeContext {
  /** Dialect object or name. @default the catalog's default dialect */
  readonly dialect?: Dialect | string;
}

/**
 * Serializes an error in a dialect and returns the parts of the answer, a
 * `WireError` (`{ status, headers, body }`, the body as text), sending
 * nothing. Use it with an HTTP library that takes a status, headers and a
 * body (Node's `res`, a framework's reply); for a fetch `Response` use
 * {@link toResponse}.
 *
 * @remarks
 * The dialect writes the body and hides what the entry does not `expose`.
 * Unlike a responder (`createResponder`, the adapters), it takes only an
 * `ErrataError`: nothing else thrown is mapped, no `Accept` header is
 * negotiated and nothing is reported.
 */
export function toWire(error: ErrataError, context?: ToResponseContext): WireError {
  const d = context?.dialect ?? error.definition.catalog.dialect;
  const dialect = typeof d === 'string' ? getDialect(d) : d;
  return dialect.serialize(error, context);
}

/**
 * Serializes an error in a dialect as a fetch `Response`, ready to return from
 * a fetch handler (Hono, a Next.js route, a Worker). The same as
 * `wireResponse(toWire(error, context))`; see {@link toWire} for what it does
 * not do that a responder does.
 */
export function toResponse(error: ErrataError, context?: ToResponseContext): Response {
  return wireResponse(toWire(error, context));
}

/**
 * Wraps an error that is already serialized, a `WireError`, in a fetch
 * `Response` with its status, headers and body unchanged; it serializes
 * nothing. Use it on what a responder's `respond`, {@link toWire} or a
 * dialect's `serialize` returned; from an `ErrataError`, {@link toResponse}
 * does both steps.
 */
export function wireResponse(wire: WireError): Response {
  return new Response(wire.body, { status: wire.status, headers: wire.headers });
}
