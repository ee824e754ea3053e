// A built-in failure (404, 405, validation …) answered with the entry of the
// catalog's effective contract: the application's own where it has one, else
// the one the contract adds in the catalog's casing.

import { type Catalog, createCatalog } from '../catalog/define.js';
import type { EntryModel } from '../catalog/model.js';
import { type FailureChoices, serverContract } from '../catalog/server-contract.js';
import { FAILURE_IDS, type FailureKind } from '../catalog/server-failures.js';
import type { ErrataError } from '../error.js';

export type Mapped = { readonly catalog: Catalog; readonly id: string };

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

/** Which entry answers each built-in failure, decided once per responder. */
export interface FailureMap {
  /** The entry for a built-in failure: the application's where it has one, else the one the contract adds. */
  entryFor(id: string, status: number): Mapped | undefined;
  /** The entry of an internal error. */
  readonly internal: Mapped;
  /** The application's entries that answer built-in failures: no route needs to declare them. */
  readonly implicit: ReadonlySet<string>;
}

/**
 * Maps each built-in failure to the entry that answers it in the catalog's
 * effective contract (`serverContract`): the application's own (the one an
 * option names, `notFound: 'ROUTE_MISSING'`, else the one found by status and
 * name), else the entry the contract adds, in the catalog's casing and with
 * its `type` URI.
 */
export function createFailureMap(catalog: Catalog, options: FailureChoices): FailureMap {
  const model = catalog.model;
  for (const kind of Object.keys(FAILURE_IDS) as FailureKind[]) {
    const chosen = options[kind];
    if (chosen !== undefined && !catalog.has(chosen))
      throw new TypeError(
        `errata: option "${kind}" names "${chosen}", which is not in catalog "${model.name}"`,
      );
  }
  const contract = serverContract(model, options);
  // The added entries only: the catalog's own are answered by the catalog itself.
  const extra =
    contract.added.size === 0
      ? undefined
      : createCatalog({
          ...contract.model,
          errors: Object.fromEntries(
            [...contract.added.values()].map((id) => [id, contract.model.errors[id] as EntryModel]),
          ),
        });
  const mapping = new Map<string, Mapped>();
  for (const [builtinId, id] of contract.answers)
    mapping.set(
      builtinId,
      contract.added.has(builtinId) ? { catalog: extra as Catalog, id } : { catalog, id },
    );
  return {
    entryFor: (id) => mapping.get(id),
    internal: mapping.get(FAILURE_IDS.internal) as Mapped,
    implicit: new Set(Object.values(contract.kinds) as string[]),
  };
}
