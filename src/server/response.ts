import { getDialect } from '../dialects/index.js';
import type { Dialect, SerializeContext, WireError } from '../dialects/types.js';
import type { ErrataError } from '../error.js';

export interface ToResponseContext extends SerializeContext {
  /** Dialect object or name. @default the catalog's default dialect */
  readonly dialect?: Dialect | string;
}

/** Serializes an error in a dialect: status, headers and body. */
export function toWire(error: ErrataError, context?: ToResponseContext): WireError {
  const d = context?.dialect ?? error.definition.catalog.dialect;
  const dialect = typeof d === 'string' ? getDialect(d) : d;
  return dialect.serialize(error, context);
}

/** The error as a standard fetch `Response`, in the chosen (or the catalog's default) dialect. */
export function toResponse(error: ErrataError, context?: ToResponseContext): Response {
  const wire = toWire(error, context);
  return new Response(wire.body, { status: wire.status, headers: wire.headers });
}

/** A serialized error as a fetch `Response`. */
export function wireResponse(wire: WireError): Response {
  return new Response(wire.body, { status: wire.status, headers: wire.headers });
}
