import { type Catalog, createCatalog } from '../catalog/define.js';
import type { EntryModel } from '../catalog/model.js';
import {
  FAILURE_IDS,
  type FailureKind,
  SERVER_CATEGORY,
  SERVER_ENTRIES,
  serverEntryOfStatus,
} from '../catalog/server-failures.js';
import { type ErrataError, retryDelay, type Violation } from '../error.js';

export { FAILURE_IDS, type FailureKind };

const errors: Record<string, EntryModel> = {
  ...SERVER_ENTRIES,
  // The status access logs know for it (nginx's; Google's CANCELLED); never sent, the client is gone.
  client_closed_request: {
    code: 'client_closed_request',
    status: 499,
    category: SERVER_CATEGORY,
    title: 'Client Closed Request',
    message: 'The client closed the request.',
    params: {},
    retry: { retryable: false },
    expose: true,
  },
};

/**
 * errata's own small catalog: the entries of the failures a server answers
 * (`src/catalog/server-failures.ts`). The responder answers each with the
 * application's entry for it, or with the entry its catalog's effective
 * contract adds (`serverContract`), in the catalog's casing and with its
 * `type` URI; this catalog's own codes are sent only when a dialect fails.
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
  categories: [SERVER_CATEGORY],
  errors,
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
    const id = serverEntryOfStatus(status);
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
