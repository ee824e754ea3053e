import { problem } from './problem.js';
import type { Dialect } from './types.js';

export { parseProblem, problem } from './problem.js';
export type { Dialect, HeaderReader, ParsedError, ParseInput, SerializeContext, WireError } from './types.js';

/** The built-in dialects by name. */
export const dialects: Readonly<Record<string, Dialect>> = Object.freeze({
  problem,
});

/** Looks a dialect up by name; throws a clear error listing the known names. */
export function getDialect(name: string, extra?: Readonly<Record<string, Dialect>>): Dialect {
  const d = extra?.[name] ?? dialects[name];
  if (d === undefined) {
    const known = [...Object.keys(dialects), ...Object.keys(extra ?? {})].sort().join(', ');
    throw new TypeError(`Unknown dialect "${name}". Known dialects: ${known}`);
  }
  return d;
}
