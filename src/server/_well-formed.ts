// A forged brand is answered as what it is: an unexpected value.
import { type ErrataError, hasRenderedMessage } from '../error.js';
import { isRecord } from '../utils/record.js';

/**
 * Whether a value carrying the `errata.error` brand has the shape of an errata
 * error: a definition with an entry and a catalog, a 4xx or 5xx status and a code
 * that agree with the entry, a message, headers and violations of the right
 * kinds. The code may be `""`, as an imported catalog's entry may have it (the
 * pages, the OpenAPI document and the client types list it so). Anything else
 * carrying the brand (forged, or from a broken copy) is answered as an
 * unexpected value, never for what it claims.
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
      code.length <= 256 &&
      entry.code === code &&
      typeof entry.expose === 'boolean' &&
      (entry.retry === undefined || isRecord(entry.retry)) &&
      // errata's own message getter renders a string: reading it here would render it twice.
      (hasRenderedMessage(e) || typeof e.message === 'string') &&
      isRecord(e.params) &&
      (headers === undefined || isRecord(headers)) &&
      (violations === undefined || Array.isArray(violations))
    );
  } catch {
    // A getter that throws, a Proxy: not an errata error.
    return false;
  }
}
