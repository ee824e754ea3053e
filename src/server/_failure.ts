// How a thrown value becomes an error to answer: a framework's own client error
// by its status, a built-in failure as the application's entry, a forged brand
// as what it is (an unexpected value).

import type { Catalog } from '../catalog/define.js';
import type { CatalogModel } from '../catalog/model.js';
import type { ErrataError } from '../error.js';
import { isRecord } from '../utils/record.js';
import { type FailureKind, failures, type HeaderSource, keptHeaders } from './builtin.js';
import type { RequestContext } from './options.js';

export type Mapped = { readonly catalog: Catalog; readonly id: string };

/** Other names the application's entry for a generic status may have. */
export const ALIASES: Readonly<Record<string, readonly string[]>> = {
  unauthorized: ['unauthenticated', 'authentication_required', 'not_authenticated'],
  forbidden: ['permission_denied', 'access_denied', 'not_allowed'],
  too_many_requests: ['rate_limited', 'rate_limit', 'rate_limit_exceeded', 'throttled'],
  conflict: ['already_exists'],
  unprocessable_content: ['unprocessable_entity'],
  request_timeout: ['timeout'],
};
export const squash = (name: string) => name.toLowerCase().replace(/[^a-z0-9]/g, '');

/**
 * A framework's own client error as errata's failure of its status: http-errors'
 * (and Koa's), whose `status` equals its `statusCode` beside a boolean `expose`,
 * or Boom's. Nothing else thrown is trusted for its status: an SDK's error for
 * an upstream 401 is this server's failure, not the caller's.
 */
export function clientFailure(thrown: unknown, ctx: RequestContext | undefined): ErrataError | undefined {
  if (typeof thrown !== 'object' || thrown === null) return undefined;
  const t = thrown as {
    status?: unknown;
    statusCode?: unknown;
    expose?: unknown;
    headers?: unknown;
    isBoom?: unknown;
    output?: { statusCode?: unknown; headers?: unknown };
  };
  let status: unknown;
  let headers: unknown;
  try {
    if (t.isBoom === true) {
      status = t.output?.statusCode;
      headers = t.output?.headers;
    } else if (typeof t.expose === 'boolean' && t.status === t.statusCode) {
      status = t.status;
      headers = t.headers;
    }
  } catch {
    return undefined;
  }
  if (typeof status !== 'number' || !Number.isInteger(status) || status < 400 || status > 499)
    return undefined;
  const source = typeof headers === 'object' && headers !== null ? (headers as HeaderSource) : undefined;
  if (status === 404) return failures.notFound(ctx?.method ?? '', ctx?.path ?? '');
  if (status === 405) {
    const allow = source === undefined ? undefined : keptHeaders(source).allow;
    return failures.methodNotAllowed(ctx?.method ?? '', allow?.split(/\s*,\s*/).filter(Boolean) ?? []);
  }
  return failures.http(status, thrown, source);
}

export function remap(error: ErrataError, to: Mapped): ErrataError {
  return to.catalog.error(to.id, error.params as Record<string, never>, {
    cause: error.cause,
    violations: error.violations,
    headers: error.headers,
    retryAfterMs: error.retryAfterMs,
    requestId: error.requestId,
    stack: false,
  });
}

const EXACT: Record<FailureKind, RegExp> = {
  internal: /internal/i,
  malformedBody:
    /^(invalid_?json|malformed_?(json|body|request)|json_?parse_?error|parse_?error|invalid_?body)$/i,
  validation:
    /^(validation_?(error|failed)?|invalid_?request|invalid_?params?|unprocessable_?entity|bad_?request)$/i,
  notFound:
    /^(not_?found|route_?not_?found|unknown_?route|no_?route|resource_?not_?found|endpoint_?not_?found)$/i,
  methodNotAllowed: /./,
  payloadTooLarge: /./,
  unsupportedMediaType: /./,
};
const STATUS: Record<FailureKind, readonly number[]> = {
  internal: [500],
  malformedBody: [400],
  validation: [400, 422],
  notFound: [404],
  methodNotAllowed: [405],
  payloadTooLarge: [413],
  unsupportedMediaType: [415],
};

/** The application's entry for a failure kind, by status and by the shape of its id or code. */
export function findDefault(model: CatalogModel, kind: FailureKind): string | undefined {
  const statuses = STATUS[kind];
  const pattern = EXACT[kind];
  let firstOfStatus: string | undefined;
  for (const status of statuses) {
    for (const [id, e] of Object.entries(model.errors)) {
      if (e.status !== status || e.deprecated !== undefined) continue;
      if (pattern.test(id) || pattern.test(e.code)) return id;
      firstOfStatus ??= id;
    }
  }
  return kind === 'internal' ? firstOfStatus : undefined;
}

/**
 * Whether a value carrying the `errata.error` brand has the shape of an errata
 * error: a definition with an entry and a catalog, a 4xx or 5xx status and a code
 * that agree with the entry, a message, headers and violations of the right
 * kinds. Anything else carrying the brand (forged, or from a broken copy) is
 * answered as an unexpected value, never for what it claims.
 */
export function wellFormed(e: ErrataError): boolean {
  try {
    const d: unknown = e.definition;
    if (!isRecord(d) || !isRecord(d.entry) || !isRecord(d.catalog) || !isRecord(d.cache)) return false;
    const entry = d.entry;
    const { status, code, headers, violations } = e;
    return (
      typeof d.id === 'string' &&
      typeof status === 'number' &&
      Number.isInteger(status) &&
      status >= 400 &&
      status <= 599 &&
      entry.status === status &&
      typeof code === 'string' &&
      code.length > 0 &&
      code.length <= 256 &&
      entry.code === code &&
      typeof entry.expose === 'boolean' &&
      isRecord(entry.retry) &&
      typeof e.message === 'string' &&
      isRecord(e.params) &&
      (headers === undefined || isRecord(headers)) &&
      (violations === undefined || Array.isArray(violations))
    );
  } catch {
    // A getter that throws, a Proxy: not an errata error.
    return false;
  }
}
