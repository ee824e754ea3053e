import { parseAuthos } from './authos.js';
import { parseBarekey } from './barekey.js';
import { parseClerk } from './clerk.js';
import { parseGoogle } from './google.js';
import { parseJsonApi } from './jsonapi.js';
import { parseOpenAI } from './openai.js';
import { parseProblem } from './problem.js';
import { parseSimple } from './simple.js';
import { parseStripe } from './stripe.js';
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
 * is authos; a flat `{code, message}` is `simple`, tried last.
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

/**
 * Parses a body in whichever built-in dialect it is, trying first the one its
 * content type names (`application/problem+json`, `application/vnd.api+json`).
 * `undefined` when no dialect recognises it. Never throws.
 */
export function parseAny(body: unknown, input: ParseInput): ParsedError | undefined {
  let type: string | undefined;
  try {
    type = input.headers?.get('content-type')?.toLowerCase() ?? undefined;
  } catch {
    type = undefined;
  }
  if (type !== undefined) {
    const hinted = type.includes('application/problem+json')
      ? parseProblem
      : type.includes('application/vnd.api+json')
        ? parseJsonApi
        : undefined;
    const parsed = hinted?.(body, input);
    if (parsed !== undefined) return parsed;
  }
  for (const [, parse] of parsers) {
    let parsed: ParsedError | undefined;
    try {
      parsed = parse(body, input);
    } catch {
      parsed = undefined;
    }
    if (parsed !== undefined) return parsed;
  }
  return undefined;
}
