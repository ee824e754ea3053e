// A parsed catalog document to its model: the model's own checks, then the published JSON Schema's.

import { CatalogError } from './errors.js';
import type { CatalogModel } from './model.js';
import { normalizeCatalog } from './normalize.js';
import { validateCatalogDocument } from './schema-check.js';

/**
 * Validates a parsed document with both the model's own checks and the
 * published JSON Schema, and returns the normalized model.
 */
export function normalizeDocument(doc: unknown, file?: string): CatalogModel {
  try {
    const { model } = normalizeCatalog(doc, file);
    const extra = validateCatalogDocument(doc);
    if (extra.length > 0) throw new CatalogError(extra, file);
    return model;
  } catch (e) {
    if (!(e instanceof CatalogError)) throw e;
    // The schema's view of a part the model's checks already reported adds only noise (oneOf branches).
    const seen = new Set(e.issues.map((i) => scope(i.path)));
    const more = validateCatalogDocument(doc).filter((i) => !seen.has(scope(i.path)));
    throw more.length > 0 || e.file !== file ? new CatalogError([...e.issues, ...more], file) : e;
  }
}

/** The entry (`errors.X`) or top-level field a path lies in. */
function scope(path: string): string {
  const m = /^errors(?:\.[^.[]+|\["(?:[^"\\]|\\.)*"\])?|^[^.[]*/.exec(path);
  return m ? m[0] : path;
}
