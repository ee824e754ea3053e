import type { CatalogInput } from './catalog-view.js';
import { type CheckOptions, createChecker } from './checker.js';
import type { Finding, Observation } from './types.js';

/** A response to check: an {@link Observation} whose headers may be a fetch `Headers`. */
export interface ResponseInput extends Omit<Observation, 'headers'> {
  readonly headers?: Observation['headers'] | Headers;
}

/**
 * Checks one response against a catalog and answers what is wrong with it:
 * its body, code, status, details, message, headers, type and route.
 * A response below 400 answers nothing. Never throws on the response; a bad
 * configuration throws `CheckConfigError`.
 *
 * @example
 * ```ts
 * const findings = checkResponse(api, { status: 404, headers: {...}, body: text });
 * ```
 */
export function checkResponse(
  catalog: CatalogInput,
  response: ResponseInput,
  options?: CheckOptions,
): Finding[] {
  const headers = response.headers;
  const plain =
    typeof Headers !== 'undefined' && headers instanceof Headers
      ? headersRecord(headers)
      : ((headers ?? {}) as Observation['headers']);
  return createChecker(catalog, options).check({ ...response, headers: plain });
}

/** A fetch `Headers` as a record of lower-case names; `Set-Cookie` keeps each value. */
export function headersRecord(headers: Headers): Record<string, string | string[]> {
  const out: Record<string, string | string[]> = {};
  for (const [name, value] of headers) out[name] = value;
  const cookies = headers.getSetCookie?.() ?? [];
  if (cookies.length > 0) out['set-cookie'] = cookies;
  return out;
}
