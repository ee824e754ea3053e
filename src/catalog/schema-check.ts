// The published JSON Schema of catalogs (schema/catalog.v1.json), checked by the validator Ajv
// generated from it ahead of time (scripts/catalog-validator.ts): no Ajv import or compile per run.

import { createRequire } from 'node:module';
import type { ErrorObject } from 'ajv/dist/2020.js';
import { unescapePointerToken } from '../utils/json-pointer.js';
import compiledValidator from './_catalog-validator.js';
import { pathKey } from './issue-path.js';
import type { CatalogIssue } from './model.js';

const require = createRequire(import.meta.url);

/** The JSON Schema of the catalog document, as shipped in `schema/catalog.v1.json`. */
export const catalogJsonSchema: Record<string, unknown> = require('../../schema/catalog.v1.json');

const validator = compiledValidator as unknown as ((doc: unknown) => boolean) & {
  readonly errors?: readonly ErrorObject[] | null;
};

/** Validates a parsed catalog document against the published JSON Schema. */
export function validateCatalogDocument(doc: unknown): CatalogIssue[] {
  if (validator(doc)) return [];
  return summarize(validator.errors ?? []);
}

// Ajv reports each failed branch of a oneOf; keep the deepest message per path.
function summarize(errors: readonly ErrorObject[]): CatalogIssue[] {
  const byPath = new Map<string, string>();
  for (const e of errors) {
    const segs = e.instancePath.split('/').slice(1).map(unescapePointerToken);
    if (e.keyword === 'additionalProperties') segs.push(String(e.params.additionalProperty));
    if (e.keyword === 'required') segs.push(String(e.params.missingProperty));
    if (e.keyword === 'propertyNames' && e.params.propertyName !== undefined)
      segs.push(String(e.params.propertyName));
    let path = '';
    for (const s of segs) path = /^\d+$/.test(s) ? `${path}[${s}]` : pathKey(path, s);
    if (e.propertyName !== undefined && e.keyword !== 'propertyNames') continue;
    const message =
      e.keyword === 'propertyNames'
        ? 'is not a valid id'
        : e.keyword === 'additionalProperties'
          ? 'unknown field'
          : e.keyword === 'required'
            ? 'is required'
            : `${e.message ?? 'is invalid'}`;
    if (!byPath.has(path) || e.keyword !== 'oneOf') byPath.set(path, message);
  }
  return [...byPath].map(([path, message]) => ({ path, message }));
}
