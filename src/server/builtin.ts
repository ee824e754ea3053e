import { defineCatalog } from '../catalog/define.js';
import type { ErrataError, Violation } from '../error.js';

/**
 * errata's own small catalog: the fallbacks the server answers with when the
 * application's catalog has no entry for a framework failure. The responder
 * maps each of these to the application's entry where it finds one.
 */
export const builtin = defineCatalog({
  name: 'errata',
  title: 'errata built-in errors',
  dialect: 'problem',
  errors: {
    internal_error: {
      status: 500,
      category: 'Server',
      title: 'Internal Server Error',
      message: 'An internal error occurred.',
      expose: false,
    },
    malformed_body: {
      status: 400,
      category: 'Request',
      title: 'Malformed request body',
      message: 'The request body is not valid JSON.',
    },
    validation_failed: {
      status: 400,
      category: 'Request',
      title: 'Validation failed',
      message: 'The request failed validation.',
    },
    not_found: {
      status: 404,
      category: 'Request',
      title: 'Not Found',
      message: 'No route matches {method} {path}.',
    },
    method_not_allowed: {
      status: 405,
      category: 'Request',
      title: 'Method Not Allowed',
      message: 'The method {method} is not allowed on this route.',
    },
    payload_too_large: {
      status: 413,
      category: 'Request',
      title: 'Payload Too Large',
      message: 'The request body is too large.',
    },
  },
});

/** The framework failures errata knows how to answer. */
export type FailureKind =
  | 'internal'
  | 'malformedBody'
  | 'validation'
  | 'notFound'
  | 'methodNotAllowed'
  | 'payloadTooLarge';

/** The built-in entry id of each failure kind. */
export const FAILURE_IDS: Readonly<Record<FailureKind, string>> = Object.freeze({
  internal: 'internal_error',
  malformedBody: 'malformed_body',
  validation: 'validation_failed',
  notFound: 'not_found',
  methodNotAllowed: 'method_not_allowed',
  payloadTooLarge: 'payload_too_large',
});

/**
 * Creators of the framework failures. Throw them from any handler: the
 * responder answers each with the application's matching catalog entry (or
 * errata's built-in one).
 */
export const failures = {
  /** A request body that does not parse (400). */
  malformedBody(cause?: unknown): ErrataError {
    return builtin.error('malformed_body', {}, { cause });
  },
  /** A request that fails validation, with every field violation (400). */
  validation(violations: readonly Violation[], cause?: unknown): ErrataError {
    return builtin.error('validation_failed', {}, { violations, cause });
  },
  /** No route for this path (404). */
  notFound(method: string, path: string): ErrataError {
    return builtin.error('not_found', { method, path });
  },
  /** The route exists, not for this method (405); `allow` lists the methods it takes (RFC 9110 section 15.5.6). */
  methodNotAllowed(method: string, allow: readonly string[]): ErrataError {
    return builtin.error('method_not_allowed', { method }, { headers: { allow: allow.join(', ') } });
  },
  /** A request body over the size limit (413). */
  payloadTooLarge(cause?: unknown): ErrataError {
    return builtin.error('payload_too_large', {}, { cause });
  },
};
