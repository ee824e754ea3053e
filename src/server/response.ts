// An error as an HTTP answer, outside a responder: three steps of one path,
// error → WireError (`toWire`), WireError → Response (`wireResponse`), and
// both at once (`toResponse`).
import { getDialect } from '../dialects/index.js';
import type { Dialect, SerializeContext, WireError } from '../dialects/types.js';
import type { ErrataError } from '../error.js';

export interface ToResponseContext extends SerializeContext {
  /** Dialect object or name. @default the catalog's default dialect */
  readonly dialect?: Dialect | string;
}

/**
 * Serializes an error in a dialect: the status, headers and body text to send
 * (a `WireError`), for any HTTP library. The dialect writes it (hiding what
 * the entry does not `expose`); unlike a responder nothing is mapped,
 * negotiated or reported.
 */
export function toWire(error: ErrataError, context?: ToResponseContext): WireError {
  const d = context?.dialect ?? error.definition.catalog.dialect;
  const dialect = typeof d === 'string' ? getDialect(d) : d;
  return dialect.serialize(error, context);
}

/** An error as a fetch `Response`: `toWire`, then `wireResponse`. */
export function toResponse(error: ErrataError, context?: ToResponseContext): Response {
  return wireResponse(toWire(error, context));
}

/** An already serialized error (a `WireError`, as a responder or `toWire` returns it) as a fetch `Response`. */
export function wireResponse(wire: WireError): Response {
  return new Response(wire.body, { status: wire.status, headers: wire.headers });
}
