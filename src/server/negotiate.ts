import type { Dialect } from '../dialects/types.js';

/** Media types too generic to choose a dialect by (every JSON envelope is `application/json`). */
const GENERIC = new Set(['application/json', 'text/json', '*/*', 'application/*']);

/**
 * Chooses a dialect from an `Accept` header (RFC 9110 section 12.5.1): the
 * registered dialect whose specific media type (`application/problem+json`,
 * `application/vnd.api+json`) the client ranks highest, unless it ranks plain
 * JSON higher; otherwise the default. Results are cached per header value.
 */
export function createNegotiator(
  candidates: readonly Dialect[],
  fallback: Dialect,
): (accept: string | null | undefined) => Dialect {
  const byType = new Map<string, Dialect>();
  for (const d of candidates) {
    const type = d.contentType.toLowerCase();
    if (!GENERIC.has(type) && !byType.has(type)) byType.set(type, d);
  }
  const cache = new Map<string, Dialect>();
  return (accept) => {
    if (accept == null || accept === '' || byType.size === 0) return fallback;
    let d = cache.get(accept);
    if (d !== undefined) return d;
    d = pick(accept, byType, fallback);
    if (accept.length <= 256) {
      if (cache.size >= 128) cache.clear();
      cache.set(accept, d);
    }
    return d;
  };
}

function pick(accept: string, byType: Map<string, Dialect>, fallback: Dialect): Dialect {
  let best: Dialect | undefined;
  let bestQ = 0;
  let jsonQ = 0;
  const fallbackType = fallback.contentType.toLowerCase();
  // Bounded: a hostile header with thousands of ranges is read only in part.
  const ranges = accept.slice(0, 2048).split(',', 32);
  for (const range of ranges) {
    const [rawType, ...params] = range.split(';');
    const type = (rawType ?? '').trim().toLowerCase();
    let q = 1;
    for (const p of params) {
      const [k, v] = p.split('=');
      if (k?.trim().toLowerCase() === 'q') {
        const n = Number(v?.trim());
        q = Number.isFinite(n) ? n : 0;
      }
    }
    if (q <= 0) continue;
    const d = byType.get(type);
    if (d !== undefined && q > bestQ) {
      best = d;
      bestQ = q;
    } else if ((type === 'application/json' || type === fallbackType) && q > jsonQ) jsonQ = q;
  }
  return best !== undefined && bestQ >= jsonQ ? best : fallback;
}
