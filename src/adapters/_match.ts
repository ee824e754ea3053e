// Route patterns of Hono, Express and Fastify compiled to one regular
// expression each, to find the methods a path takes (405 and `Allow`).

const cache = new Map<string, RegExp | null>();

/** Compiles `/a/:id`, `/a/:id?`, `/a/:id{[0-9]+}`, `/a/:id(\\d+)`, `/a/*`, `/a/*rest`, `/a{/:b}` to a RegExp. */
export function compilePattern(pattern: string): RegExp | null {
  let re = cache.get(pattern);
  if (re !== undefined) return re;
  let src = '';
  let i = 0;
  let depth = 0;
  while (i < pattern.length) {
    const c = pattern[i] as string;
    if (c === ':') {
      let j = i + 1;
      while (j < pattern.length && /[\w$]/.test(pattern[j] as string)) j++;
      // Constraints (`{…}` in Hono, `(…)` in Fastify) are skipped: any segment matches.
      const close = pattern[j] === '{' ? '}' : pattern[j] === '(' ? ')' : undefined;
      if (close !== undefined) {
        let level = 0;
        for (; j < pattern.length; j++) {
          if (pattern[j] === '\\') j++;
          else if (pattern[j] === (close === '}' ? '{' : '(')) level++;
          else if (pattern[j] === close && --level === 0) {
            j++;
            break;
          }
        }
      }
      if (pattern[j] === '?') {
        // Hono's optional parameter: the segment and its slash may be absent.
        if (src.endsWith('/')) src = `${src.slice(0, -1)}(?:/[^/]+)?`;
        else src += '(?:[^/]+)?';
        j++;
      } else src += '[^/]+';
      i = j;
    } else if (c === '*') {
      let j = i + 1;
      while (j < pattern.length && /[\w$]/.test(pattern[j] as string)) j++;
      src += '.*';
      i = j;
    } else if (c === '{') {
      src += '(?:';
      depth++;
      i++;
    } else if (c === '}' && depth > 0) {
      src += ')?';
      depth--;
      i++;
    } else {
      src += c.replace(/[.+?^$|()[\]\\]/g, '\\$&');
      i++;
    }
  }
  try {
    re = depth === 0 ? new RegExp(`^${src}/?$`) : null;
  } catch {
    re = null;
  }
  if (cache.size < 10_000) cache.set(pattern, re);
  return re;
}

/** Whether a route pattern matches a concrete path. */
export function matchesPattern(pattern: string, path: string): boolean {
  const re = compilePattern(pattern);
  return re?.test(path) === true;
}

/** The `Allow` list: the methods of the routes whose pattern matches the path, with HEAD where GET is. */
export function allowedMethods(routes: Iterable<{ method: string; path: string }>, path: string): string[] {
  const allow = new Set<string>();
  for (const r of routes) {
    const m = r.method.toUpperCase();
    if (m === 'ALL' || m === '*') continue;
    if (matchesPattern(r.path, path)) allow.add(m);
  }
  if (allow.has('GET')) allow.add('HEAD');
  return [...allow].sort();
}
