import { parseProblem } from './problem.js';
import type { ParsedError, ParseInput } from './types.js';

/** A dialect's parser: a body in, a parsed error (or `undefined`: not this dialect) out. */
export type DialectParser = (body: unknown, input: ParseInput) => ParsedError | undefined;

/**
 * Every built-in dialect's parser, in detection order (most specific shape
 * first). The client imports only this list, so no serializer is bundled.
 */
export const parsers: ReadonlyArray<readonly [name: string, parse: DialectParser]> = [
  ['problem', parseProblem],
];
