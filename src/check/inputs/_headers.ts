// Response headers as inputs record them, made into an observation's headers.
import { isRecord } from '../../utils/record.js';

/** Fields a response sends once (RFC 9110): a second one is a fault of the response or of the recorder. */
const SINGLETONS = new Set([
  'content-type',
  'content-length',
  'content-encoding',
  'content-location',
  'retry-after',
  'location',
  'date',
  'etag',
  'last-modified',
  'expires',
  'age',
]);

export interface ReadHeaders {
  readonly headers: Record<string, string | string[]>;
  /** Singleton fields given more than once, with how many times. */
  readonly duplicates: readonly { readonly name: string; readonly count: number }[];
}

/**
 * Reads headers given as an array of `{ name, value }` (HAR) or of `[name,
 * value]`, an object of names to a value or a list of values (Node's
 * `getHeaders()`, most loggers), or a raw header block (`Name: value` lines,
 * a status line first or not). Names are lower-cased; a repeated field keeps
 * every value; HTTP/2 pseudo-headers (`:status`) and values that are not text
 * or numbers are left out.
 */
export function readHeaders(raw: unknown): ReadHeaders {
  const pairs: [string, string][] = [];
  const add = (name: unknown, value: unknown) => {
    if (typeof name !== 'string' || name === '' || name.startsWith(':')) return;
    if (Array.isArray(value)) for (const v of value) add(name, v);
    else if (typeof value === 'string' || typeof value === 'number')
      pairs.push([name.toLowerCase(), String(value)]);
  };
  if (Array.isArray(raw))
    for (const item of raw) {
      if (Array.isArray(item)) add(item[0], item[1]);
      else if (isRecord(item)) add(item.name, item.value);
    }
  else if (isRecord(raw)) for (const [name, value] of Object.entries(raw)) add(name, value);
  else if (typeof raw === 'string')
    for (const line of raw.split(/\r?\n/)) {
      const colon = line.indexOf(':');
      if (colon > 0 && !/\s/.test(line.slice(0, colon)))
        add(line.slice(0, colon), line.slice(colon + 1).trim());
    }
  const headers: Record<string, string | string[]> = {};
  const counts = new Map<string, number>();
  for (const [name, value] of pairs) {
    const seen = headers[name];
    headers[name] = seen === undefined ? value : Array.isArray(seen) ? [...seen, value] : [seen, value];
    counts.set(name, (counts.get(name) ?? 0) + 1);
  }
  const duplicates = [...counts]
    .filter(([name, count]) => count > 1 && SINGLETONS.has(name))
    .map(([name, count]) => ({ name, count }));
  return { headers, duplicates };
}
