// A catalog as the checker looks it up: entries by wire code, the dialect it
// answers in and the dialects a content type names.

import { serverContract } from '../catalog/contract.js';
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
  /** The application entries that answer the server's failures (a malformed body, validation…): no route declares them. */
  readonly implicit: ReadonlySet<string>;
  /** Entries by wire code: the catalog's first, then those of the `also` catalogs. */
  readonly byCode: ReadonlyMap<string, readonly EntryRef[]>;
  /** Every entry id of the application's own catalog (coverage counts these). */
  readonly ids: readonly string[];
  /** The catalog's dialect, or the one the options name. */
  readonly dialect: Dialect;
  /** Dialects a response's media type names on its own (`application/problem+json`). */
  readonly byMediaType: ReadonlyMap<string, Dialect>;
  /** Other dialects a response may be in, by name (`negotiated`). */
  readonly negotiated: ReadonlyMap<string, Dialect>;
}

export interface CatalogViewOptions {
  /** The dialect responses should be in (unless their content type names another). @default the catalog's */
  readonly dialect?: string | Dialect;
  /** Dialects of your own, by name, to read and to name with `dialect`. @default {} */
  readonly dialects?: Readonly<Record<string, Dialect>>;
  /**
   * The dialects the server may also answer in, when it negotiates (by
   * `Accept`, by a query parameter, per client): a response in one of them is
   * checked as that dialect's, not reported as the wrong one. `true`: every
   * built-in dialect and those of `dialects`. @default none
   */
  readonly negotiated?: boolean | readonly string[];
  /** More catalogs whose codes are known (a gateway's, a framework's). @default [] */
  readonly also?: CatalogInput | readonly CatalogInput[];
  /**
   * Whether the server failures the catalog has no entry for (errata's
   * `METHOD_NOT_ALLOWED`, `PAYLOAD_TOO_LARGE`…, in the catalog's casing) are
   * part of the contract, as an errata server answers them.
   * @default true
   */
  readonly serverFailures?: boolean;
}

/** Builds the view of a catalog once per checker. */
export function catalogView(catalog: CatalogInput, options: CatalogViewOptions = {}): CatalogView {
  const own = modelOf(catalog);
  // What an errata server for this catalog answers: its entries, and one for
  // each server failure it has none for (in its casing), so a 405 or 413 the
  // server sends is the contract's, not an unknown code.
  const contract = options.serverFailures === false ? undefined : serverContract(own);
  const model = contract?.model ?? own;
  const byCode = new Map<string, EntryRef[]>();
  const others =
    options.also === undefined ? [] : Array.isArray(options.also) ? options.also : [options.also];
  for (const m of [model, ...(others as CatalogInput[]).map(modelOf)])
    for (const [id, entry] of Object.entries(m.errors)) {
      const refs = byCode.get(entry.code) ?? [];
      refs.push({ id, entry, catalog: m });
      byCode.set(entry.code, refs);
    }
  const known = [...Object.keys(dialects), ...Object.keys(options.dialects ?? {})];
  const named = options.dialect ?? model.dialect;
  const dialect = typeof named === 'string' ? findDialect(named, options.dialects) : named;
  if (dialect === undefined)
    throw new CheckConfigError(`errata: unknown dialect "${String(named)}" (known: ${known.join(', ')})`);
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
  const implicit = new Set<string>([
    ...Object.values(contract?.kinds ?? {}),
    ...(contract?.added.values() ?? []),
  ]);
  const negotiated = new Map<string, Dialect>();
  for (const name of options.negotiated === true ? known : options.negotiated || []) {
    const d = findDialect(name, options.dialects);
    if (d === undefined)
      throw new CheckConfigError(
        `errata: unknown dialect "${name}" in negotiated (known: ${known.join(', ')})`,
      );
    negotiated.set(d.name, d);
  }
  return { model, implicit, byCode, ids: Object.keys(own.errors), dialect, byMediaType, negotiated };
}
