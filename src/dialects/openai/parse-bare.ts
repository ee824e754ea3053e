import { envelope, typed } from '../_parsed-error.js';
import { has, own, ownStr, str } from '../_read.js';
import { isStripeError } from '../stripe/parse-bare.js';
import type { ParsedError, ParseInput } from '../types.js';

/**
 * The bare parser of OpenAI-style `{error: {message, type, param, code}}` with
 * its retry headers (see `BareParser`), Anthropic's `{type: 'error', error:
 * {type, message}}` too: `undefined` when the body is not one (Stripe's error
 * objects share the envelope); may throw on a hostile value. The code is
 * `code`, else the error's `type`.
 */
export function parseOpenAIBare(body: unknown, input: ParseInput): ParsedError | undefined {
  const error = envelope(body);
  const message = ownStr(error, 'message');
  const type = own(error, 'type');
  const code = own(error, 'code');
  if (message === undefined || !has(error, 'type') || (type !== null && typeof type !== 'string'))
    return undefined;
  if (isStripeError(body, error, input)) return undefined;
  return typed(
    'openai',
    input,
    error,
    // Named by its type when its code is `null` (OpenAI's server errors) or absent (Anthropic's).
    typeof code === 'number' ? String(code) : (str(code) ?? str(type)),
    message,
    undefined,
    'x-should-retry',
  );
}
