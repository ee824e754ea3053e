// A catalog document (a DSL object, or parsed JSON/YAML) as the immutable
// model: the catalog's own fields here, each entry's in fields/.
import { isRecord } from '../utils/record.js';
import { CatalogError } from './errors.js';
import { DEFAULT_CATEGORY, normalizeEntry } from './fields/entry.js';
import { optString } from './fields/optional-string.js';
import { readCatalogTranslations, TranslationSet } from './fields/translations.js';
import { pathKey } from './issue-path.js';
import { describe, unknownField } from './issue-wording.js';
import { deepFreeze, jsonCopy } from './json-copy.js';
import { LOCALE_TAG } from './locales.js';
import type { CatalogIssue, CatalogModel, EntryModel } from './model.js';
import type { StandardSchemaV1 } from './standard-schema.js';

export const ID_PATTERN = /^[A-Za-z][A-Za-z0-9_.-]*$/;
export { DEFAULT_CATEGORY };
export const DEFAULT_DIALECT = 'problem';

const CATALOG_KEYS = new Set([
  '$schema',
  'errata',
  'name',
  'title',
  'version',
  'description',
  'docs',
  'dialect',
  'categories',
  'errors',
  'locale',
  'translations',
]);

/** Runtime schemas of DSL entries, kept beside the plain model (which holds their JSON Schema). */
export type DetailSchemas = Map<string, StandardSchemaV1>;

export interface NormalizeResult {
  readonly model: CatalogModel;
  readonly schemas: DetailSchemas;
}

/**
 * Validates a catalog document (a DSL object, or parsed JSON/YAML) and returns
 * the immutable normalized model. Throws {@link CatalogError} listing every problem.
 */
export function normalizeCatalog(input: unknown, file?: string): NormalizeResult {
  const issues: CatalogIssue[] = [];
  const add = (path: string, message: string) => issues.push({ path, message });
  const schemas: DetailSchemas = new Map();

  if (!isRecord(input))
    throw new CatalogError([{ path: '', message: `must be an object, got ${describe(input)}` }], file);

  for (const key of Object.keys(input)) {
    if (!CATALOG_KEYS.has(key) && !key.startsWith('x-'))
      add(pathKey('', key), unknownField(key, CATALOG_KEYS));
  }
  if (input.errata !== undefined && input.errata !== 1)
    add('errata', 'must be 1 (the catalog format version)');
  const name = optString(input, 'name', '', add) ?? 'api';
  if (name === '') add('name', 'must not be empty');
  const title = optString(input, 'title', '', add);
  const version = optString(input, 'version', '', add) ?? '0.0.0';
  const description = optString(input, 'description', '', add);
  const docs = optString(input, 'docs', '', add);
  if (docs !== undefined && /\s/.test(docs)) add('docs', 'must be a URL without white space');
  const dialect = optString(input, 'dialect', '', add) ?? DEFAULT_DIALECT;
  const locale = optString(input, 'locale', '', add);
  if (locale !== undefined && !LOCALE_TAG.test(locale))
    add('locale', `"${locale.slice(0, 40)}" is not a language tag (BCP 47, like en or pt-BR)`);
  const translations = new TranslationSet();

  const categories: string[] = [];
  if (input.categories !== undefined) {
    if (!Array.isArray(input.categories))
      add('categories', `must be an array of strings, got ${describe(input.categories)}`);
    else
      input.categories.forEach((c, i) => {
        if (typeof c !== 'string' || c === '') add(`categories[${i}]`, 'must be a non-empty string');
        else if (categories.includes(c)) add(`categories[${i}]`, `duplicate category "${c}"`);
        else categories.push(c);
      });
  }

  const errors: Record<string, EntryModel> = {};
  if (input.errors === undefined) add('errors', 'is required');
  else if (!isRecord(input.errors))
    add('errors', `must be an object keyed by entry id, got ${describe(input.errors)}`);
  else {
    for (const [id, raw] of Object.entries(input.errors)) {
      const path = pathKey('errors', id);
      const validId = ID_PATTERN.test(id);
      if (!validId) add(path, invalidId(id));
      const entry = normalizeEntry(
        raw,
        id,
        path,
        add,
        (s) => schemas.set(id, s),
        [input, input.errors],
        translations,
      );
      if (!entry || !validId) continue;
      errors[id] = entry;
      if (!categories.includes(entry.category)) categories.push(entry.category);
    }
  }

  readCatalogTranslations(input.translations, translations, add);

  if (issues.length > 0) throw new CatalogError(issues, file);

  const model: Record<string, unknown> = { errata: 1, name };
  if (title !== undefined) model.title = title;
  model.version = version;
  if (locale !== undefined) model.locale = locale;
  if (description !== undefined) model.description = description;
  if (docs !== undefined) model.docs = docs;
  model.dialect = dialect;
  model.categories = categories;
  model.errors = errors;
  if (translations.size > 0) model.translations = translations.toModel();
  for (const key of Object.keys(input))
    if (key.startsWith('x-')) model[key] = jsonCopy(input[key], pathKey('', key), add, 0, [input]);
  if (issues.length > 0) throw new CatalogError(issues, file);
  return { model: deepFreeze(model) as unknown as CatalogModel, schemas };
}

/** Why an id is not one; for a namespaced code used as an id (`auth/weak-password`), the ids to state instead. */
function invalidId(id: string): string {
  const rest = 'id must start with a letter and hold only letters, digits, "_", "." and "-"';
  const parts = id.split(/[/:]/);
  if (parts.length < 2 || !parts.every((p) => ID_PATTERN.test(p))) return rest;
  const dotted = parts.join('.');
  const camel = parts
    .flatMap((p) => p.split(/[-_.]/))
    .map((w, i) => (i === 0 ? w : w.charAt(0).toUpperCase() + w.slice(1)))
    .join('');
  return `${rest}: ${JSON.stringify(id)} holds a ${JSON.stringify(id.includes('/') ? '/' : ':')}: state the id (${dotted}, ${camel}) and keep ${JSON.stringify(id)} as its code`;
}
