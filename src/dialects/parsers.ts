import {
  header,
  own,
  parseAuthos,
  parseBarekey,
  parseClerk,
  parseGoogle,
  parseJsonApi,
  parseOpenAI,
  parseProblem,
  parseSimple,
  parseStripe,
} from './_parse.js';
import type { ParsedError, ParseInput } from './types.js';

/** A dialect's parser: a body in, a parsed error (or `undefined`: not this dialect) out. */
export type DialectParser = (body: unknown, input: ParseInput) => ParsedError | undefined;

/**
 * Every built-in dialect's parser, in detection order (most specific shape
 * first). The client imports only this list, so no serializer is bundled.
 *
 * @remarks The parsers accept disjoint shapes: `{error: {…}}` is Google's with
 * a numeric `code` and a `status` name, Stripe's or OpenAI's with a `type`
 * (told apart by Stripe's types, members and headers), and barekey's with
 * neither; `{errors: […]}` is Clerk's with `message`/`long_message` items and
 * JSON:API's with `title`/`detail`/`status` items; `{error: "…", error_code}`
 * is authos; a flat `{code, message}` is `simple`, tried last. These are the
 * bare parsers: on a hostile non-JSON value (a throwing getter) one may
 * throw, where the `Dialect` objects' `parse` and {@link parseAny} never do.
 */
export const parsers: ReadonlyArray<readonly [name: string, parse: DialectParser]> = [
  ['problem', parseProblem],
  ['google', parseGoogle],
  ['stripe', parseStripe],
  ['openai', parseOpenAI],
  ['barekey', parseBarekey],
  ['clerk', parseClerk],
  ['jsonapi', parseJsonApi],
  ['authos', parseAuthos],
  ['simple', parseSimple],
];

const attempt = (parse: DialectParser, body: unknown, input: ParseInput): ParsedError | undefined => {
  try {
    return parse(body, input);
  } catch {
    return undefined;
  }
};

/**
 * Parses a body in whichever built-in dialect it is, preferring the one its
 * content type names (`application/problem+json`, `application/vnd.api+json`).
 * `undefined` when no dialect recognises it. Never throws.
 */
export function parseAny(body: unknown, input: ParseInput): ParsedError | undefined {
  let found: ParsedError | undefined;
  for (const [, parse] of parsers) {
    found = attempt(parse, body, input);
    if (found) break;
  }
  // Only a body that is also an `{error: {…}}` envelope can be JSON:API and an
  // earlier dialect (problem, first anyway, and Clerk accept disjoint shapes):
  // then, and only then, the content type is read.
  if (found && found.dialect !== 'jsonapi' && Array.isArray(own(body, 'errors'))) {
    const type = header(input, 'content-type') ?? '';
    if (/application\/vnd\.api\+json/i.test(type) && !/application\/problem\+json/i.test(type))
      return attempt(parseJsonApi, body, input) ?? found;
  }
  return found;
}
