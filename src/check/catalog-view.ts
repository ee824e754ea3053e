// A catalog as the checker looks it up: entries by wire code, the dialect it
// answers in and the dialects a content type names.
import type { Catalog } from '../catalog/define.js';
import type { CatalogModel } from '../catalog/model.js';
import { dialects, findDialect } from '../dialects/registry.js';
import type { Dialect } from '../dialects/types.js';
import type { EntryRef } from './define-check.js';
import { CheckConfigError } from './errors.js';

/** A catalog: a defined one (`defineCatalog`, `createCatalog`) or its normalized model. */
export type CatalogInput = Catalog | CatalogModel;

/** The normalized model of a catalog input; anything else throws a `CheckConfigError`. */
export function modelOf(catalog: CatalogInput): CatalogModel {
  const model = (catalog as Partial<Catalog>).model ?? catalog;
  const errors = (model as Partial<CatalogModel>)?.errors;
  if (typeof errors !== 'object' || errors === null)
    throw new CheckConfigError('errata: check needs a catalog (defineCatalog, createCatalog or its model)');
  return model as CatalogModel;
}

/** What the checks look up in the catalog. */
export interface CatalogView {
  readonly model: CatalogModel;
  /** Entries by wire code: the catalog's first, then those of the `also` catalogs. */
  readonly byCode: ReadonlyMap<string, readonly EntryRef[]>;
  /** Every entry of the application's catalog, by id. */
  readonly ids: readonly string[];
  /** The catalog's dialect, or the one the options name. */
  readonly dialect: Dialect;
  /** Dialects a response's media type names on its own (`application/problem+json`). */
  readonly byMediaType: ReadonlyMap<string, Dialect>;
}

export interface CatalogViewOptions {
  readonly dialect?: string | Dialect;
  readonly dialects?: Readonly<Record<string, Dialect>>;
  readonly also?: CatalogInput | readonly CatalogInput[];
}

/** Builds the view of a catalog once per checker. */
export function catalogView(catalog: CatalogInput, options: CatalogViewOptions = {}): CatalogView {
  const model = modelOf(catalog);
  const byCode = new Map<string, EntryRef[]>();
  const others =
    options.also === undefined ? [] : Array.isArray(options.also) ? options.also : [options.also];
  for (const m of [model, ...(others as CatalogInput[]).map(modelOf)])
    for (const [id, entry] of Object.entries(m.errors)) {
      const refs = byCode.get(entry.code) ?? [];
      refs.push({ id, entry, catalog: m });
      byCode.set(entry.code, refs);
    }
  const named = options.dialect ?? model.dialect;
  const dialect = typeof named === 'string' ? findDialect(named, options.dialects) : named;
  if (dialect === undefined)
    throw new CheckConfigError(
      `errata: unknown dialect "${String(named)}" (known: ${[...Object.keys(dialects), ...Object.keys(options.dialects ?? {})].join(', ')})`,
    );
  // A media type names a dialect when one dialect only has it (`application/json` names none).
  const users = new Map<string, Dialect[]>();
  for (const d of [...Object.values(dialects), ...Object.values(options.dialects ?? {}), dialect]) {
    const type = d.contentType.toLowerCase();
    const list = users.get(type) ?? [];
    if (!list.some((x) => x.name === d.name)) list.push(d);
    users.set(type, list);
  }
  const byMediaType = new Map<string, Dialect>();
  for (const [type, list] of users) if (list.length === 1) byMediaType.set(type, list[0] as Dialect);
  return { model, byCode, ids: Object.keys(model.errors), dialect, byMediaType };
}
