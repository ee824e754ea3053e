import type { JsonSchema } from './model.js';
import type { StandardSchemaV1 } from './standard-schema.js';

/** A JSON Schema carrying a static type: what `errata types` writes for JSON and YAML catalogs. */
export interface JsonDetails<T> extends StandardSchemaV1<T> {
  readonly schema: JsonSchema;
}

/**
 * Wraps a JSON Schema as a Standard Schema of type `T`, so that a catalog
 * generated from JSON or YAML gets the same `details` inference as one written
 * with zod or valibot. It checks nothing at runtime: the type is the contract.
 */
export function jsonDetails<T>(schema: JsonSchema): JsonDetails<T> {
  return {
    schema,
    '~standard': {
      version: 1,
      vendor: 'errata',
      validate: (value) => ({ value: value as T }),
      // The Standard JSON Schema extension: normalizing keeps the original schema.
      jsonSchema: { input: () => schema, output: () => schema },
    } as StandardSchemaV1.Props<T>,
  };
}
