// errata/load's catalog loader: a file of any supported kind to a validated model.

import { stat } from 'node:fs/promises';
import { extname, resolve } from 'node:path';
import { normalizeDocument } from './document.js';
import { CatalogError } from './errors.js';
import { loadModuleCatalog } from './load-module.js';
import { withLocaleFiles } from './locale-files.js';
import type { CatalogModel } from './model.js';
import { parseCatalogText } from './parse-text.js';
import { placeIssues } from './place.js';
import { notAFile, readSourceFile } from './read-file.js';

export { normalizeDocument } from './document.js';
export { thrownText } from './load-module.js';
export { parseCatalogText } from './parse-text.js';
export { fsReason, readSourceFile, SourceFileError } from './read-file.js';
export { catalogJsonSchema, validateCatalogDocument } from './schema-check.js';

/**
 * Parses and validates catalog text (JSON or YAML). Every problem of the
 * document is placed at its line and column in `text`.
 */
export function catalogFromText(text: string, format: 'json' | 'yaml', file?: string): CatalogModel {
  const doc = parseCatalogText(text, format, file);
  try {
    return normalizeDocument(doc, file);
  } catch (e) {
    if (!(e instanceof CatalogError)) throw e;
    throw new CatalogError(placeIssues(e.issues, text), e.file);
  }
}

/**
 * Loads a catalog file: `.json`, `.yaml`/`.yml`, or a `.ts`/`.js`/`.mjs`/`.mts`
 * module whose default export (or `catalog`/`api` export) is a catalog from
 * `defineCatalog` or a plain catalog object. Throws a `CatalogError` naming the
 * file and every problem in it, placed at its line and column in JSON and YAML;
 * a file that cannot be read is a `SourceFileError` (`file not found: errors.yaml`). The
 * translations of the per-locale files beside it (`errors.fr.yaml`) are added to the model.
 */
export async function loadCatalog(
  file: string,
  options: {
    readonly cwd?: string;
    /** Whether to add the per-locale files beside it (`errors.fr.yaml`). @default true */
    readonly localeFiles?: boolean;
  } = {},
): Promise<CatalogModel> {
  const path = resolve(options.cwd ?? process.cwd(), file);
  const ext = extname(path).toLowerCase();
  if (ext === '.json' || ext === '.yaml' || ext === '.yml') {
    const model = catalogFromText(await readSourceFile(path, file), ext === '.json' ? 'json' : 'yaml', file);
    return options.localeFiles === false ? model : withLocaleFiles(model, path, file);
  }
  if (['.ts', '.mts', '.cts', '.js', '.mjs', '.cjs'].includes(ext)) {
    const model = await loadModuleCatalog(path, file);
    return options.localeFiles === false ? model : withLocaleFiles(model, path, file);
  }
  // A folder is said to be one whatever its name.
  if (
    await stat(path).then(
      (s) => s.isDirectory(),
      () => false,
    )
  )
    throw notAFile(file);
  throw new CatalogError(
    [{ path: '', message: `unsupported file type "${ext || '(none)'}": use .ts, .js, .json, .yaml or .yml` }],
    file,
  );
}
