/**
 * The Standard Schema v1 interface (standardschema.dev), declared here so that
 * errata accepts zod, valibot, arktype and any other implementation without
 * depending on one. Only the members errata reads are declared.
 */
export interface StandardSchemaV1<Input = unknown, Output = Input> {
  readonly '~standard': StandardSchemaV1.Props<Input, Output>;
}

export declare namespace StandardSchemaV1 {
  interface Props<Input = unknown, Output = Input> {
    readonly version: 1;
    readonly vendor: string;
    readonly validate: (value: unknown) => Result<Output> | Promise<Result<Output>>;
    readonly types?: Types<Input, Output> | undefined;
  }
  type Result<Output> = SuccessResult<Output> | FailureResult;
  interface SuccessResult<Output> {
    readonly value: Output;
    readonly issues?: undefined;
  }
  interface FailureResult {
    readonly issues: ReadonlyArray<Issue>;
  }
  interface Issue {
    readonly message: string;
    readonly path?: ReadonlyArray<PropertyKey | PathSegment> | undefined;
  }
  interface PathSegment {
    readonly key: PropertyKey;
  }
  interface Types<Input = unknown, Output = Input> {
    readonly input: Input;
    readonly output: Output;
  }
  type InferInput<S extends StandardSchemaV1> = NonNullable<S['~standard']['types']>['input'];
  type InferOutput<S extends StandardSchemaV1> = NonNullable<S['~standard']['types']>['output'];
}

export function isStandardSchema(value: unknown): value is StandardSchemaV1 {
  if (value === null || (typeof value !== 'object' && typeof value !== 'function')) return false;
  const props = (value as { '~standard'?: unknown })['~standard'];
  return (
    typeof props === 'object' &&
    props !== null &&
    typeof (props as { validate?: unknown }).validate === 'function'
  );
}

/**
 * A JSON Schema for a Standard Schema, where the library can give one: the
 * Standard JSON Schema extension (`~standard.jsonSchema`), or zod's
 * `toJSONSchema`. Anything else is described as "any object".
 */
export function toJsonSchema(schema: StandardSchemaV1): Record<string, unknown> {
  const props = schema['~standard'] as unknown as {
    jsonSchema?: { input?: (o: { target: string }) => Record<string, unknown> };
  };
  try {
    const viaStandard = props.jsonSchema?.input?.({ target: 'draft-2020-12' });
    if (viaStandard && typeof viaStandard === 'object')
      return schema['~standard'].vendor === 'errata' ? viaStandard : stripDialect(viaStandard);
    const own = (schema as unknown as { toJSONSchema?: () => Record<string, unknown> }).toJSONSchema;
    if (typeof own === 'function') return stripDialect(own.call(schema));
  } catch {
    // A schema the library cannot express in JSON Schema (transforms, functions).
  }
  return { type: 'object' };
}

function stripDialect(schema: Record<string, unknown>): Record<string, unknown> {
  const { $schema: _, ...rest } = schema;
  return JSON.parse(JSON.stringify(rest)) as Record<string, unknown>;
}
