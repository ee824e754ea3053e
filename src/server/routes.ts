// Which errors each route declares: from `routes` in the options and from
// `declare` calls, checked against the catalog, for the responder (an
// undeclared error is reported) and the OpenAPI merge (`declarations`).
import type { Catalog } from '../catalog/define.js';
import type { RouteDeclaration } from './options.js';

/** The declared routes of one responder. */
export interface RouteTable {
  /** Adds errors to a route (`GET`, `/users/:id`); an id not in the catalog throws. */
  declare(method: string, path: string, ids: readonly string[]): void;
  /** The ids a route declares, by its method and matched pattern; `undefined` when it declares none. */
  declared(method: string, route: string): ReadonlySet<string> | undefined;
  /** Every declared route, in the order first declared, as copies. */
  declarations(): RouteDeclaration[];
  /** Whether any route declares its errors. */
  readonly size: number;
}

/** A table of the routes in `routes` (`{"GET /users/:id": [ids]}`), open to more `declare` calls. */
export function createRouteTable(
  catalog: Catalog,
  routes: Readonly<Record<string, readonly string[]>> = {},
): RouteTable {
  const model = catalog.model;
  const byKey = new Map<string, Set<string>>();
  const declarations: RouteDeclaration[] = [];
  const declare = (method: string, path: string, ids: readonly string[]): void => {
    for (const id of ids)
      if (!catalog.has(id))
        throw new TypeError(
          `errata: route ${method} ${path} declares "${id}", which is not in catalog "${model.name}"`,
        );
    const key = `${method.toUpperCase()} ${path}`;
    const set = byKey.get(key) ?? new Set();
    for (const id of ids) set.add(id);
    if (!byKey.has(key)) {
      byKey.set(key, set);
      declarations.push({ method: method.toUpperCase(), path, errors: [] });
    }
    const i = declarations.findIndex((d) => `${d.method} ${d.path}` === key);
    declarations[i] = { method: method.toUpperCase(), path, errors: [...set] };
  };
  for (const [key, ids] of Object.entries(routes)) {
    const space = key.indexOf(' ');
    if (space < 1) throw new TypeError(`errata: route key "${key}" must read "METHOD /path"`);
    declare(key.slice(0, space), key.slice(space + 1).trim(), ids);
  }
  return {
    declare,
    declared: (method, route) => byKey.get(`${method} ${route}`),
    declarations: () => declarations.map((d) => ({ ...d, errors: [...d.errors] })),
    get size() {
      return byKey.size;
    },
  };
}
