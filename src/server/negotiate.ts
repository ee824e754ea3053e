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
  for (const dialect of candidates) {
    const type = dialect.contentType.toLowerCase();
    if (!GENERIC.has(type) && !byType.has(type)) byType.set(type, dialect);
  }
  const cache = new Map<string, Dialect>();
  return (accept) => {
    if (accept == null || accept === '' || byType.size === 0) return fallback;
    let chosen = cache.get(accept);
    if (chosen !== undefined) return chosen;
    chosen = pick(accept, byType, fallback);
    if (accept.length <= 256) {
      if (cache.size >= 128) cache.clear();
      cache.set(accept, chosen);
    }
    return chosen;
  };
}

function pick(accept: string, byType: Map<string, Dialect>, fallback: Dialect): Dialect {
  let best: Dialect | undefined;
  let bestWeight = 0;
  let jsonWeight = 0;
  const fallbackType = fallback.contentType.toLowerCase();
  // Bounded: a hostile header with thousands of ranges is read only in part.
  const ranges = accept.slice(0, 2048).split(',', 32);
  for (const range of ranges) {
    const [rawType, ...params] = range.split(';');
    const type = (rawType ?? '').trim().toLowerCase();
    // The range's weight, its `q` parameter (RFC 9110 section 12.4.2); 1 when absent.
    let weight = 1;
    for (const param of params) {
      const [name, value] = param.split('=');
      if (name?.trim().toLowerCase() === 'q') {
        const parsed = Number(value?.trim());
        weight = Number.isFinite(parsed) ? parsed : 0;
      }
    }
    if (weight <= 0) continue;
    const dialect = byType.get(type);
    if (dialect !== undefined && weight > bestWeight) {
      best = dialect;
      bestWeight = weight;
    } else if ((type === 'application/json' || type === fallbackType) && weight > jsonWeight)
      jsonWeight = weight;
  }
  return best !== undefined && bestWeight >= jsonWeight ? best : fallback;
}
