import { flat } from '../_parsed-error.js';
import { header, num, own, ownStr } from '../_read.js';
import type { ParsedError, ParseInput } from '../types.js';

/** Whether an API version (`2024-01-01`) is the one GoTrue answers `{code, message}` from, or later. */
export const isCodeEnvelopeVersion = (version: string | null | undefined): boolean =>
  typeof version === 'string' &&
  /^2\d{3}-\d{2}-\d{2}$/.test(version.trim()) &&
  version.trim() >= '2024-01-01';

/**
 * The bare parser of Supabase Auth's (GoTrue's) error bodies (see
 * `BareParser`): `undefined` when the body is not one; may throw on a hostile
 * value. Three shapes: `{code: <status>, error_code, msg, error_id?}` (no API
 * version; without `error_code`, the code is `x-sb-error-code`'s); `{code: "<error_code>", message}` when the response names API
 * version 2024-01-01 or later in `X-Supabase-Api-Version`, or sends
 * `x-sb-error-code` (without them that body is `simple`'s); and OAuth's
 * `{error, error_description}` beside `x-sb-error-code`. The code is the
 * body's, else the header's.
 */
export function parseSupabaseBare(body: unknown, input: ParseInput): ParsedError | undefined {
  const headerCode = header(input, 'x-sb-error-code');
  const details = own(body, 'details');
  const legacy = ownStr(body, 'error_code');
  const msg = ownStr(body, 'msg');
  // The older envelope; a body without `error_code` (a rate limit's) names its code in the header.
  if ((legacy !== undefined || msg !== undefined) && num(own(body, 'code')) !== undefined)
    return flat('supabase', input, legacy ?? headerCode, msg, details, ownStr(body, 'error_id'));
  const versioned = isCodeEnvelopeVersion(header(input, 'x-supabase-api-version'));
  if (!versioned && headerCode === undefined) return undefined;
  const code = ownStr(body, 'code');
  if (code !== undefined) return flat('supabase', input, code, ownStr(body, 'message'), details);
  const oauth = ownStr(body, 'error');
  if (oauth === undefined || headerCode === undefined) return undefined;
  return flat('supabase', input, headerCode, ownStr(body, 'error_description') ?? oauth, undefined);
}
