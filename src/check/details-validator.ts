// Details against an entry's JSON Schema, with Ajv: each schema compiled once
// and kept as long as its catalog model is (the client never imports this).
import { Ajv2020, type ValidateFunction } from 'ajv/dist/2020.js';
import type { JsonSchema } from '../catalog/model.js';

type Compiled = { readonly validate: ValidateFunction } | { readonly error: string };

const compiled = new WeakMap<JsonSchema, Compiled>();
let ajv: Ajv2020 | undefined;

// Formats are not checked (ajv-formats is not a dependency); unknown keywords
// (`x-…`, `examples`) are ignored, not refused.
const instance = () =>
  (ajv ??= new Ajv2020({ strict: false, allErrors: true, validateFormats: false, logger: false }));

function compile(schema: JsonSchema): Compiled {
  let c = compiled.get(schema);
  if (c === undefined) {
    try {
      // The catalog says which draft it wrote; Ajv 2020 reads the keywords the
      // drafts share, and a `$schema` it has no meta-schema for would throw.
      const { $schema: _ignored, $id: _id, ...rest } = schema;
      c = { validate: instance().compile(rest) };
    } catch (e) {
      c = { error: e instanceof Error ? e.message : String(e) };
    }
    compiled.set(schema, c);
  }
  return c;
}

/**
 * What is wrong with details against a schema: `[]` when they match, one
 * line per violation (`/available: must be integer`), or why the schema
 * itself cannot be used.
 */
export function detailsProblems(schema: JsonSchema, details: unknown): string[] {
  const c = compile(schema);
  if ('error' in c) return [`the entry's details schema cannot be compiled: ${c.error}`];
  if (c.validate(details)) return [];
  return (c.validate.errors ?? []).map((e) => `${e.instancePath || '/'}: ${e.message ?? e.keyword}`);
}
