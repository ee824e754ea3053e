// The server layer's errors.

/** Thrown (in development) or reported when a route throws an entry it does not declare. */
export class UndeclaredError extends Error {
  override readonly name = 'UndeclaredError';
  constructor(
    readonly method: string,
    readonly route: string,
    readonly id: string,
    readonly declared: readonly string[],
  ) {
    super(
      `Route ${method} ${route} threw ${id}, which it does not declare (declared: ${declared.join(', ')})`,
    );
  }
}
