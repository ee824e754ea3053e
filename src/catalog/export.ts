import { effectiveModel } from './contract.js';
import type { CatalogModel } from './model.js';

/** The canonical JSON text of a model, as it is: what round-trips, and what `errata lock` records. */
export function exportCatalog(model: CatalogModel): string {
  return `${JSON.stringify(model, null, 2)}\n`;
}

/**
 * The canonical JSON text of a catalog's effective contract: its entries and
 * those of the server failures it has no entry for (`effectiveModel`), what
 * `errata export` prints for other tools and languages.
 */
export function exportContract(model: CatalogModel): string {
  return exportCatalog(effectiveModel(model));
}
