import type { ErrataError } from '../error.js';
import type { SerializeContext } from './types.js';

/** Text sent in place of a message that must not reach the caller. */
export const GENERIC_SERVER_MESSAGE = 'An internal error occurred.';

/** The message the caller may see. */
export function publicMessage(error: ErrataError): string {
  if (error.definition.entry.expose) return error.message;
  const e = error.definition.entry;
  return error.status >= 500 ? GENERIC_SERVER_MESSAGE : (e.title ?? GENERIC_CLIENT_MESSAGE);
}
const GENERIC_CLIENT_MESSAGE = 'The request could not be completed.';

/** The details the caller may see. */
export function publicDetails(error: ErrataError): unknown {
  return error.definition.entry.expose ? error.details : undefined;
}

export function requestIdOf(error: ErrataError, context: SerializeContext | undefined): string | undefined {
  return context?.requestId ?? error.requestId;
}

/**
 * Headers every dialect sends: the content type, `Retry-After` where the entry
 * or the occurrence states a delay (RFC 9110 section 10.2.3, in whole seconds,
 * rounded up), the request id, and the occurrence's own headers.
 */
export function baseHeaders(
  error: ErrataError,
  contentType: string,
  requestId: string | undefined,
): Record<string, string> {
  const headers: Record<string, string> = { 'content-type': contentType };
  const delay = error.retryDelayMs;
  if (delay !== undefined) headers['retry-after'] = String(Math.ceil(delay / 1000));
  if (requestId !== undefined) headers['x-request-id'] = requestId;
  if (error.headers !== undefined) Object.assign(headers, error.headers);
  return headers;
}

/** JSON Pointer (RFC 6901) as the URI fragment RFC 9457 section 3 shows (`#/age`). */
export function pointerFragment(pointer: string): string {
  if (pointer.startsWith('#')) return pointer;
  return `#${pointer.startsWith('/') || pointer === '' ? pointer : `/${pointer}`}`;
}

/** Plain-object check that ignores arrays and null. */
export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export const str = (v: unknown): string | undefined => (typeof v === 'string' ? v : undefined);
export const num = (v: unknown): number | undefined =>
  typeof v === 'number' && Number.isFinite(v) ? v : undefined;
