// The error body as a standalone JSON Schema (2020-12), for tools that do not
// read OpenAPI: the shape of the chosen dialect's body with its code member an
// enum of the catalog's codes, each code's details schema under `$defs`, and
// the examples of the reference (each of which validates against it).

import type { CatalogModel } from '../catalog/model.js';
import { dialects } from '../dialects/registry.js';
import { buildReference, type DocReference, type DocsOptions, formatPath } from './reference.js';

/** A JSON Schema document as plain data. */
export type JsonSchemaDocument = Record<string, unknown>;

const DIALECT_2020 = 'https://json-schema.org/draft/2020-12/schema';

/** The JSON Schema of the error body of a reference's dialect. */
export function renderJsonSchema(ref: DocReference): JsonSchemaDocument {
  const { model } = ref;
  const codes = ref.codePath
    ? ` Its \`${formatPath(ref.codePath)}\` member is one of the catalog's codes.`
    : '';
  const defs: Record<string, unknown> = {};
  for (const e of ref.entries)
    if (e.entry.details !== undefined)
      defs[`details:${e.id}`] = {
        description: `The details of ${e.entry.code || e.id}${e.entry.title ? ` (${e.entry.title})` : ''}.`,
        ...e.entry.details,
      };
  return {
    $schema: DIALECT_2020,
    title: `${ref.title}: the ${ref.dialect.name} error body`,
    description: `An error of the ${model.name} API (catalog version ${model.version}) in the \`${ref.dialect.name}\` format, sent as ${ref.dialect.contentType}.${codes}`,
    ...ref.schema,
    ...(Object.keys(defs).length > 0 && { $defs: defs }),
    examples: ref.entries.slice(0, 3).map((e) => e.exampleBody),
    'x-errata': { catalog: model.name, version: model.version, dialect: ref.dialect.name, codes: ref.codes },
  };
}

/** The JSON Schema of a catalog's error body in one dialect (the catalog's own unless `options.dialect`). */
export function generateJsonSchema(model: CatalogModel, options: DocsOptions = {}): JsonSchemaDocument {
  return renderJsonSchema(buildReference(model, options));
}

/** One JSON Schema per registered dialect (and `options.dialects`), by dialect name. */
export function generateJsonSchemas(
  model: CatalogModel,
  options: Omit<DocsOptions, 'dialect'> = {},
): Record<string, JsonSchemaDocument> {
  const names = [...new Set([...Object.keys(dialects), ...Object.keys(options.dialects ?? {})])];
  return Object.fromEntries(
    names.map((dialect) => [dialect, renderJsonSchema(buildReference(model, { ...options, dialect }))]),
  );
}
