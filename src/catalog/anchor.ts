import type { CatalogModel } from './model.js';

/**
 * The HTML anchor of an entry in the generated reference page. Ids are already
 * restricted to URL- and HTML-safe characters, so the anchor is the id itself:
 * stable for as long as the id is.
 */
export function entryAnchor(id: string): string {
  return id;
}

/**
 * The RFC 9457 `type` URI of an entry: the catalog's documentation URL plus the
 * entry's anchor, so that it resolves to the entry's section of the reference.
 * `undefined` when the catalog has no documentation URL (the member is then
 * omitted, which RFC 9457 section 4.2.1 reads as `about:blank`).
 */
export function typeUri(catalog: Pick<CatalogModel, 'docs'>, id: string): string | undefined {
  const base = catalog.docs;
  if (base === undefined || base === '') return undefined;
  const hash = base.indexOf('#');
  const page = hash === -1 ? base : base.slice(0, hash);
  return `${page}#${entryAnchor(id)}`;
}
