/**
 * Wraps an adapter's reading of a thrown value: whatever it throws (a Proxy
 * whose traps throw, a getter that fails), the value goes to the responder as
 * it is, which answers it as the internal error. An error handler that throws
 * would leave the answer to the framework's own, which may print a stack.
 */
export function tolerant<T, A extends unknown[]>(
  read: (thrown: T, ...rest: A) => unknown,
): (thrown: T, ...rest: A) => unknown {
  return (thrown, ...rest) => {
    try {
      return read(thrown, ...rest);
    } catch {
      return thrown;
    }
  };
}
