/**
 * Thrown for a dialect name that is neither built in nor among the dialects
 * passed: by `getDialect`, `createResponder` and the docs generators alike. A
 * `TypeError`, as the name of a dialect is part of the configuration.
 */
export class UnknownDialectError extends TypeError {
  override readonly name = 'UnknownDialectError';
}
