// The parser lists derived from the registry, and `parseAny`, which reads a
// body in whichever built-in dialect it is.

import { isRecord } from '../utils/record.js';
import { complete, completed } from './_bare.js';
import { header, own } from './_read.js';
import { parseJsonApiBare } from './jsonapi/parse-bare.js';
import { builtins } from './registry.js';
import type { ParsedError, ParseInput } from './types.js';

/** A dialect's parser: a body in, a parsed error (or `undefined`: not this dialect) out. */
export type DialectParser = (body: unknown, input: ParseInput) => ParsedError | undefined;

type Entry = readonly [name: string, parse: DialectParser];

/**
 * The bare parsers (see `BareParser` in `_bare.ts`), in detection order: they
 * read the body and only the headers that tell dialects apart, and leave
 * `Retry-After` and `x-request-id` to {@link parseAny}. On a hostile non-JSON
 * value (a throwing getter) one may throw.
 *
 * @internal
 */
export const bareParsers: readonly Entry[] = /* @__PURE__ */ builtins.map(
  ([dialect, parseBare]) => [dialect.name, parseBare] as const,
);

/**
 * Every built-in dialect's parser, in detection order (most specific shape
 * first).
 *
 * @remarks The parsers accept disjoint shapes: `{error: {…}}` is Google's with
 * a numeric `code` and a `status` name, Stripe's or OpenAI's with a `type`
 * (told apart by Stripe's types, members and headers), and barekey's with
 * neither; `{errors: […]}` is Clerk's with `message`/`long_message` items and
 * JSON:API's with `title`/`detail`/`status` items; `{error: "…", error_code}`
 * is authos; a flat `{code, message}` is `simple`, tried last. On a hostile
 * non-JSON value (a throwing getter) one may throw, where the `Dialect`
 * objects' `parse` and {@link parseAny} never do.
 */
export const parsers: readonly Entry[] = /* @__PURE__ */ bareParsers.map(
  ([name, parse]) => [name, completed(parse)] as const,
);

const attempt = (parse: DialectParser, body: unknown, input: ParseInput): ParsedError | undefined => {
  try {
    return parse(body, input);
  } catch {
    return undefined;
  }
};

/**
 * {@link parseAny} with the bare parsers (see {@link bareParsers}). Never throws.
 *
 * @internal
 */
export function detect(body: unknown, input: ParseInput): ParsedError | undefined {
  let found: ParsedError | undefined;
  for (let i = 0; i < bareParsers.length && !found; i++)
    found = attempt((bareParsers[i] as Entry)[1], body, input);
  // The content type names JSON:API: it wins over the dialects tried before it.
  // Problem and Clerk accept shapes disjoint from JSON:API's, so only a body
  // that also holds an `{error: {…}}` envelope can be both: only then is the
  // content type read.
  if (found && isRecord(own(body, 'error')) && Array.isArray(own(body, 'errors'))) {
    const type = header(input, 'content-type') ?? '';
    if (/application\/vnd\.api\+json/i.test(type) && !/application\/problem\+json/i.test(type))
      return attempt(parseJsonApiBare, body, input) ?? found;
  }
  return found;
}

/**
 * Parses a body in whichever built-in dialect it is, preferring the one its
 * content type names (`application/problem+json`, `application/vnd.api+json`).
 * `undefined` when no dialect recognises it. Never throws.
 */
export function parseAny(body: unknown, input: ParseInput): ParsedError | undefined {
  return complete(detect(body, input), input);
}
