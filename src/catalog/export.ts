import type { CatalogModel } from './model.js';

/** The canonical JSON text of a model: what `errata export` prints, and what round-trips. */
export function exportCatalog(model: CatalogModel): string {
  return `${JSON.stringify(model, null, 2)}\n`;
}
