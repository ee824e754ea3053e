import { exportCatalog } from '../catalog/export.js';
import type { CatalogModel } from '../catalog/model.js';
import { diffCatalogs } from './diff/catalogs.js';
import type { Change } from './diff/changes.js';

/** The text of `errata.lock.json`: the normalized catalog, as `errata export` prints it. */
export function lockText(model: CatalogModel): string {
  return exportCatalog(model);
}

/** The result of comparing a catalog with its lock. */
export interface LockCheck {
  /** Whether the lock holds exactly this catalog. */
  readonly upToDate: boolean;
  /** The changes from the locked catalog to the current one (empty when only the layout differs). */
  readonly changes: readonly Change[];
}

/**
 * Compares a catalog with the model read from its lock file. The lock is up to
 * date only when its text is what {@link lockText} would write now.
 */
export function checkLock(model: CatalogModel, locked: CatalogModel, lockFileText: string): LockCheck {
  const upToDate = lockText(model) === lockFileText.replace(/\r\n/g, '\n');
  return { upToDate, changes: upToDate ? [] : diffCatalogs(locked, model) };
}
