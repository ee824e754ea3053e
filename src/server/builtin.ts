import { type Catalog, createCatalog } from '../catalog/define.js';
import type { EntryModel } from '../catalog/model.js';
import { statusText } from '../catalog/status.js';
import { type ErrataError, retryDelay, type Violation } from '../error.js';

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
  // The status access logs know for it (nginx's; Google's CANCELLED); never sent, the client is gone.
  client_closed_request: entry(499, 'Request', 'Client Closed Request', 'The client closed the request.'),
};
/**
 * The other client-error statuses a framework's own HTTP error may carry
 * (http-errors, Boom, Hono's HTTPException, Fastify's plugins): each entry's
 * title is the status's reason phrase and its id that phrase in snake case
 * (`too_many_requests`); its message is generic, as what the framework's
 * error said is not sent.
 */
const STATUSES = [
  400, 401, 402, 403, 406, 407, 408, 409, 410, 411, 412, 414, 416, 417, 421, 422, 423, 424, 425, 426, 428,
  429, 431, 451,
];
const MESSAGES: Readonly<Record<number, string>> = {
  400: 'The request is not valid.',
  401: 'Valid credentials are required.',
  403: 'The request is not allowed.',
  409: 'The request conflicts with the current state of the resource.',
  422: 'The request could not be processed.',
};
/** The built-in entry of each client-error status: the failure kinds' own, then the generic ones. */
const BY_STATUS = new Map<number, string>([
  [404, 'not_found'],
  [405, 'method_not_allowed'],
  [413, 'payload_too_large'],
  [415, 'unsupported_media_type'],
]);
for (const status of STATUSES) {
  const title = statusText(status);
  const id = title.toLowerCase().replaceAll(' ', '_');
  const retryable = status === 408 || status === 429;
  errors[id] = {
    ...entry(status, 'Request', title, MESSAGES[status] ?? `${title}.`),
    ...(retryable && { retry: { retryable, strategy: 'exponential', baseMs: 1000, maxMs: 30_000 } }),
  };
  BY_STATUS.set(status, id);
}
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
  /** The client closed the connection before the answer (a cancelled upload): reported as `aborted`, never sent. */
  aborted(cause?: unknown): ErrataError {
    return builtin.error('client_closed_request', {}, { cause });
  },
  /**
   * A framework's own client error of this status (400–499), answered with
   * the application's entry named for it (`UNAUTHORIZED` for a 401, say) or
   * errata's generic one. Of `headers`, `Retry-After` (seconds),
   * `WWW-Authenticate` and `Allow` are kept; the cause's message is never
   * sent. A status errata has no entry for is a 400. For a 404 or a 405,
   * `notFound` and `methodNotAllowed` say more (the method and path).
   */
  http(status: number, cause?: unknown, headers?: HeaderSource): ErrataError {
    const id = BY_STATUS.get(status) ?? 'bad_request';
    const h = headers === undefined ? {} : keptHeaders(headers);
    // delay-seconds is digits only (RFC 9110 section 10.2.3): `1e20`, `-5` and `NaN` are not delays.
    const after = h['retry-after'];
    const delay =
      after !== undefined && /^\d{1,12}$/.test(after) ? retryDelay(Number(after) * 1000) : undefined;
    delete h['retry-after'];
    return builtin.error(
      id,
      id === 'not_found' ? { method: '', path: '' } : id === 'method_not_allowed' ? { method: '' } : {},
      {
        cause,
        stack: false,
        ...(Object.keys(h).length > 0 && { headers: h }),
        ...(delay !== undefined && { retryAfterMs: delay }),
      },
    );
  },
};

/** Headers as a framework's error carries them: a plain object, or anything with `get`. */
export type HeaderSource = Readonly<Record<string, unknown>> | { get(name: string): string | null };

/** The headers of a framework's client error that errata keeps: `Retry-After`, `WWW-Authenticate`, `Allow`. */
export function keptHeaders(headers: HeaderSource): Record<string, string> {
  const out: Record<string, string> = {};
  for (const name of ['retry-after', 'www-authenticate', 'allow']) {
    let v: unknown;
    try {
      if (typeof (headers as { get?: unknown }).get === 'function')
        v = (headers as { get(n: string): string | null }).get(name);
      else for (const [k, value] of Object.entries(headers)) if (k.toLowerCase() === name) v = value;
    } catch {
      v = undefined;
    }
    // A header value is one line of visible text (RFC 9110 section 5.5): anything else is dropped.
    if (typeof v === 'string' && v.length <= 1024 && /^[\t\x20-\x7e]*$/.test(v)) out[name] = v;
  }
  return out;
}
