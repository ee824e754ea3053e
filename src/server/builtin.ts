import { type Catalog, createCatalog } from '../catalog/define.js';
import type { EntryModel } from '../catalog/model.js';
import type { ErrataError, Violation } from '../error.js';

const entry = (
  status: number,
  category: string,
  title: string,
  message: string,
  params: readonly string[] = [],
  expose = true,
): EntryModel => ({
  code: '',
  status,
  category,
  title,
  message,
  params: Object.fromEntries(params.map((p) => [p, { type: 'string' as const }])),
  retry: { retryable: false },
  expose,
});

const errors: Record<string, EntryModel> = {
  internal_error: entry(500, 'Server', 'Internal Server Error', 'An internal error occurred.', [], false),
  malformed_body: entry(400, 'Request', 'Malformed request body', 'The request body is not valid JSON.'),
  validation_failed: entry(400, 'Request', 'Validation failed', 'The request failed validation.'),
  not_found: entry(404, 'Request', 'Not Found', 'No route matches {method} {path}.', ['method', 'path']),
  method_not_allowed: entry(
    405,
    'Request',
    'Method Not Allowed',
    'The method {method} is not allowed on this route.',
    ['method'],
  ),
  payload_too_large: entry(413, 'Request', 'Payload Too Large', 'The request body is too large.'),
  unsupported_media_type: entry(
    415,
    'Request',
    'Unsupported Media Type',
    'The request body is not in a media type this route takes.',
  ),
};
for (const [id, e] of Object.entries(errors)) errors[id] = { ...e, code: id };

/**
 * errata's own small catalog: the fallbacks the server answers with when the
 * application's catalog has no entry for a framework failure. The responder
 * maps each of these to the application's entry where it finds one.
 *
 * @remarks Written as a normalized model (not with `defineCatalog`), so that an
 * adapter's bundle does not carry the catalog validator.
 */
export const builtin: Catalog = createCatalog({
  errata: 1,
  name: 'errata',
  title: 'errata built-in errors',
  version: '1.0.0',
  dialect: 'problem',
  categories: ['Server', 'Request'],
  errors,
});

/** The framework failures errata knows how to answer. */
export type FailureKind =
  | 'internal'
  | 'malformedBody'
  | 'validation'
  | 'notFound'
  | 'methodNotAllowed'
  | 'payloadTooLarge'
  | 'unsupportedMediaType';

/** The built-in entry id of each failure kind. */
export const FAILURE_IDS: Readonly<Record<FailureKind, string>> = Object.freeze({
  internal: 'internal_error',
  malformedBody: 'malformed_body',
  validation: 'validation_failed',
  notFound: 'not_found',
  methodNotAllowed: 'method_not_allowed',
  payloadTooLarge: 'payload_too_large',
  unsupportedMediaType: 'unsupported_media_type',
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
  /** A request body in a media type (or charset, or content encoding) the route does not take (415). */
  unsupportedMediaType(cause?: unknown): ErrataError {
    return builtin.error('unsupported_media_type', {}, { cause });
  },
};
