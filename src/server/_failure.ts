// A built-in failure (404, 405, validation …) answered with the application's
// own entry for it where the catalog has one: found by option, by status and
// the shape of its id or code, or by a generic status entry's other names.

import type { Catalog } from '../catalog/define.js';
import type { CatalogModel } from '../catalog/model.js';
import type { ErrataError } from '../error.js';
import { builtin, FAILURE_IDS, type FailureKind } from './builtin.js';

export type Mapped = { readonly catalog: Catalog; readonly id: string };

/** Other names the application's entry for a generic status may have. */
const ALIASES: Readonly<Record<string, readonly string[]>> = {
  unauthorized: ['unauthenticated', 'authentication_required', 'not_authenticated'],
  forbidden: ['permission_denied', 'access_denied', 'not_allowed'],
  too_many_requests: ['rate_limited', 'rate_limit', 'rate_limit_exceeded', 'throttled'],
  conflict: ['already_exists'],
  unprocessable_content: ['unprocessable_entity'],
  request_timeout: ['timeout'],
};
const squash = (name: string) => name.toLowerCase().replace(/[^a-z0-9]/g, '');

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
function findDefault(model: CatalogModel, kind: FailureKind): string | undefined {
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

/** Which entry answers each built-in failure, decided once per responder. */
export interface FailureMap {
  /** The entry for a built-in failure: the application's where it has one, else `undefined` or the built-in. */
  entryFor(id: string, status: number): Mapped | undefined;
  /** The entry of an internal error. */
  readonly internal: Mapped;
  /** The application's entries that answer built-in failures: no route needs to declare them. */
  readonly implicit: ReadonlySet<string>;
}

/**
 * Maps each built-in failure to the application's entry: the one an option
 * names (`notFound: 'ROUTE_MISSING'`), else the one `findDefault` finds; a
 * generic status entry (401, 429 …) by its name or another name for it.
 */
export function createFailureMap(
  catalog: Catalog,
  options: { readonly [K in FailureKind]?: string | undefined },
): FailureMap {
  const model = catalog.model;
  const mapping = new Map<string, Mapped>();
  for (const kind of Object.keys(FAILURE_IDS) as FailureKind[]) {
    const chosen = options[kind] ?? findDefault(model, kind);
    if (chosen !== undefined && !catalog.has(chosen))
      throw new TypeError(
        `errata: option "${kind}" names "${chosen}", which is not in catalog "${model.name}"`,
      );
    mapping.set(
      FAILURE_IDS[kind],
      chosen === undefined ? { catalog: builtin, id: FAILURE_IDS[kind] } : { catalog, id: chosen },
    );
  }
  // The application's entry for a generic built-in status entry, found by its name once.
  const named = new Map<string, Mapped | undefined>();
  const entryNamed = (id: string, status: number): Mapped | undefined => {
    if (!named.has(id)) {
      const wanted = new Set([id, ...(ALIASES[id] ?? [])].map(squash));
      const found = Object.entries(model.errors).find(
        ([eid, e]) =>
          e.status === status &&
          e.deprecated === undefined &&
          (wanted.has(squash(eid)) || wanted.has(squash(e.code))),
      );
      named.set(id, found === undefined ? undefined : { catalog, id: found[0] });
    }
    return named.get(id);
  };
  return {
    entryFor: (id, status) => mapping.get(id) ?? entryNamed(id, status),
    internal: mapping.get(FAILURE_IDS.internal) as Mapped,
    implicit: new Set([...mapping.values()].filter((m) => m.catalog === catalog).map((m) => m.id)),
  };
}
