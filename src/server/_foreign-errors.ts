// Errors other libraries throw that say a status errata may trust.
import type { ErrataError } from '../error.js';
import { failures, type HeaderSource, keptHeaders } from './builtin.js';
import type { RequestContext } from './options.js';

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
