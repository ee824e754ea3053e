import { authos } from './authos.js';
import { barekey } from './barekey.js';
import { clerk } from './clerk.js';
import { UnknownDialectError } from './errors.js';
import { google } from './google.js';
import { jsonapi } from './jsonapi.js';
import { openai } from './openai.js';
import { problem } from './problem.js';
import { simple } from './simple.js';
import { stripe } from './stripe.js';
import type { Dialect } from './types.js';

export { authos, parseAuthos } from './authos.js';
export { barekey, parseBarekey } from './barekey.js';
export { clerk, parseClerk } from './clerk.js';
export { UnknownDialectError } from './errors.js';
export { google, grpcStatus, parseGoogle } from './google.js';
export { jsonapi, parseJsonApi } from './jsonapi.js';
export { openai, openaiType, parseOpenAI } from './openai.js';
export { type DialectParser, parseAny, parsers } from './parsers.js';
export { parseProblem, problem } from './problem.js';
export { parseSimple, simple } from './simple.js';
export { parseStripe, stripe } from './stripe.js';
export type { Dialect, HeaderReader, ParsedError, ParseInput, SerializeContext, WireError } from './types.js';

/** The built-in dialects by name. */
export const dialects: Readonly<Record<string, Dialect>> = Object.freeze({
  problem,
  barekey,
  clerk,
  simple,
  authos,
  openai,
  stripe,
  google,
  jsonapi,
});

/**
 * The dialect of a name: one of `extra` first, else a built-in one, else
 * `undefined`. Own names only: `constructor` or `__proto__` names no dialect.
 */
export function findDialect(name: string, extra?: Readonly<Record<string, Dialect>>): Dialect | undefined {
  return (
    (extra !== undefined && Object.hasOwn(extra, name) ? extra[name] : undefined) ??
    (Object.hasOwn(dialects, name) ? dialects[name] : undefined)
  );
}

/** Looks a dialect up by name (as `findDialect`); throws `UnknownDialectError` listing the known names. */
export function getDialect(name: string, extra?: Readonly<Record<string, Dialect>>): Dialect {
  const d = findDialect(name, extra);
  if (d === undefined) {
    const known = [...new Set([...Object.keys(dialects), ...Object.keys(extra ?? {})])].sort().join(', ');
    throw new UnknownDialectError(`unknown dialect "${name}" (known: ${known})`);
  }
  return d;
}
