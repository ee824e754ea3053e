// The routes a checker knows, with the errors each declares: the server's
// `RouteDeclaration` list (`responder.declarations()`) or its `routes` option
// (`{"GET /orders/:id": [ids]}`), matched against an observed method and URL.
import type { RouteDeclaration } from '../server/options.js';

/** Declared routes: declarations, or the server's `routes` option form. */
export type RoutesInput = readonly RouteDeclaration[] | Readonly<Record<string, readonly string[]>>;

/** The declared route an observation matched. */
export interface RouteMatch {
  /** `GET /orders/:id` */
  readonly key: string;
  /** The entry ids the route declares. */
  readonly errors: ReadonlySet<string>;
}

interface Compiled {
  readonly method: string;
  readonly key: string;
  readonly segments: readonly string[];
  /** Static segments count: the most specific pattern wins. */
  readonly weight: number;
  readonly errors: ReadonlySet<string>;
}

/** The routes of a checker, to match observations against. */
export interface RouteIndex {
  /** Every declared route by key, with its declared ids. */
  readonly routes: ReadonlyMap<string, ReadonlySet<string>>;
  /** The route of a method and a route template or URL; `undefined` when none matches or the method is unknown. */
  match(
    method: string | undefined,
    route: string | undefined,
    url: string | undefined,
  ): RouteMatch | undefined;
}

const isParam = (s: string) => s.startsWith(':') || (s.startsWith('{') && s.endsWith('}'));

/** Reads route declarations; a key that does not read `METHOD /path` throws a `TypeError`. */
export function routeIndex(input: RoutesInput): RouteIndex {
  const merged = new Map<string, { method: string; path: string; errors: Set<string> }>();
  const add = (method: string, path: string, errors: readonly string[]) => {
    const m = method.toUpperCase();
    const key = `${m} ${path}`;
    const at = merged.get(key) ?? { method: m, path, errors: new Set<string>() };
    for (const id of errors) at.errors.add(id);
    merged.set(key, at);
  };
  if (Array.isArray(input)) for (const d of input as RouteDeclaration[]) add(d.method, d.path, d.errors);
  else
    for (const [key, ids] of Object.entries(input as Record<string, readonly string[]>)) {
      const space = key.indexOf(' ');
      if (space < 1) throw new TypeError(`errata: route key "${key}" must read "METHOD /path"`);
      add(key.slice(0, space), key.slice(space + 1).trim(), ids);
    }
  const compiled: Compiled[] = [...merged.entries()].map(([key, r]) => {
    const segments = splitPath(r.path);
    return {
      method: r.method,
      key,
      segments,
      weight: segments.filter((s) => !isParam(s) && s !== '*').length,
      errors: r.errors,
    };
  });
  compiled.sort((a, b) => b.weight - a.weight || b.segments.length - a.segments.length);
  return {
    routes: new Map(compiled.map((c) => [c.key, c.errors])),
    match(method, route, url) {
      // Without the method (a fetch Response does not keep it) no route is sure: none is taken.
      if (method === undefined) return undefined;
      const m = method.toUpperCase();
      if (route !== undefined) {
        const r = merged.get(`${m} ${route}`);
        if (r) return { key: `${m} ${route}`, errors: r.errors };
      }
      const path = pathOf(route ?? url);
      if (path === undefined) return undefined;
      const segments = splitPath(path);
      const found = compiled.find((c) => c.method === m && matches(c.segments, segments));
      return found && { key: found.key, errors: found.errors };
    },
  };
}

function splitPath(path: string): string[] {
  return path.split('/').filter((s) => s !== '');
}

/** The path of a URL (absolute, or a path with a query): what is before `?` or `#`, without scheme and host. */
function pathOf(url: string | undefined): string | undefined {
  if (url === undefined) return undefined;
  const authority = /^[a-z][a-z0-9+.-]*:\/\/[^/?#]*/i.exec(url);
  const rest = authority === null ? url : url.slice(authority[0].length);
  const end = rest.search(/[?#]/);
  return end === -1 ? rest : rest.slice(0, end);
}

function matches(pattern: readonly string[], path: readonly string[]): boolean {
  for (let i = 0; i < pattern.length; i++) {
    const p = pattern[i] as string;
    if (p === '*') return true;
    const s = path[i];
    if (s === undefined) return false;
    if (isParam(p)) continue;
    let decoded = s;
    try {
      decoded = decodeURIComponent(s);
    } catch {}
    if (p !== s && p !== decoded) return false;
  }
  return pattern.length === path.length;
}
