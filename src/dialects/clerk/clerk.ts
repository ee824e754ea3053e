import type { ErrataError } from '../../error.js';
import { isRecord } from '../../utils/record.js';
import { completed, safeParser } from '../_bare.js';
import { baseHeaders, fieldPath, requestIdOf, responseErrors, withTitle } from '../_serialize.js';
import { localizedParts, publicDetails, publicMessage, publicTitle } from '../expose.js';
import type { Dialect, SerializeContext } from '../types.js';
import { parseClerkBare } from './parse-bare.js';

// @clerk/backend reads the body as JSON only when the content type is exactly this.
const CONTENT_TYPE = 'application/json';

interface ClerkCache {
  /** `,"code":<code>` */
  readonly code: string;
  readonly title: string;
  /** Whether the entry has a per-occurrence message to send as `long_message`. */
  readonly long: boolean;
}

/**
 * Clerk's Backend API envelope (seed 001): `{errors: [{message, long_message,
 * code, meta}], clerk_trace_id}`. `message` is the entry's short title,
 * `long_message` the rendered message (omitted when the entry has a title but
 * no message, as the page shows), `meta` the details, `clerk_trace_id`
 * the request id. Field violations become one `errors[]` item each, with
 * `meta.param_name` (a dot path) as Clerk's form errors carry it. The errors
 * of the `also` option follow, each in the same form; the status is the first
 * error's. A localizing responder's caller gets `message` and `long_message`
 * in its language.
 */
export const clerk: Dialect = {
  name: 'clerk',
  contentType: CONTENT_TYPE,
  serialize(error, context) {
    const requestId = requestIdOf(error, context);
    let body = '{"errors":[';
    for (const [i, e] of responseErrors(error).entries()) body += (i > 0 ? ',' : '') + items(e, context);
    body += ']';
    if (requestId !== undefined) body += `,"clerk_trace_id":${JSON.stringify(requestId)}`;
    return {
      status: error.status,
      headers: baseHeaders(error, CONTENT_TYPE, requestId),
      body: `${body}}`,
    };
  },
  parse: (body, input) => parseClerk(body, input),
};

/** The `errors[]` items of one error: one, or one per field violation. */
function items(error: ErrataError, context: SerializeContext | undefined): string {
  const def = error.definition;
  let c = def.cache.clerk as ClerkCache | undefined;
  if (c === undefined) {
    const e = def.entry;
    // Clerk's pages show a short message for every entry, sometimes "" (kept as is);
    // an entry with no title at all uses its message for both.
    const title = e.title ?? '';
    c = {
      code: `,"code":${JSON.stringify(e.code)}`,
      title: JSON.stringify(title),
      long: e.message !== undefined || e.title === undefined,
    };
    def.cache.clerk = c;
  }
  const e = def.entry;
  const message = publicMessage(error, context);
  // A translated title is serialized once per title.
  const t = publicTitle(error, context);
  const title =
    t === e.title ? c.title : withTitle(error, 'clerkTitled', t, titleText, localizedParts(error, context));
  const short = e.title === undefined ? JSON.stringify(message) : title;
  const details = publicDetails(error);
  // The details are `meta` as they are (seed 001 even shows a string); next to
  // `param_name` a value that is not an object goes in `meta.data`.
  const meta = details === null ? undefined : details;
  let out = '';
  const violations = error.violations;
  if (violations !== undefined && violations.length > 0) {
    for (const [i, v] of violations.entries()) {
      if (i > 0) out += ',';
      const m: Record<string, unknown> =
        i > 0 || meta === undefined ? {} : isRecord(meta) ? { ...meta } : { data: meta };
      m.param_name = fieldPath(v.pointer, 'dot');
      if (v.code !== undefined) m.reason = v.code;
      out += `{"message":${e.title === undefined || e.title === '' ? JSON.stringify(v.message) : title},"long_message":${JSON.stringify(v.message)}${c.code},"meta":${JSON.stringify(m)}}`;
    }
  } else {
    out = `{"message":${short}`;
    if (c.long) out += `,"long_message":${JSON.stringify(message)}`;
    out += c.code;
    if (meta !== undefined) out += `,"meta":${JSON.stringify(meta)}`;
    out += '}';
  }
  return out;
}

/** Reads a Clerk `{errors: [...], clerk_trace_id}` body; `undefined` when the body is not one. Never throws. */
export const parseClerk = safeParser(completed(parseClerkBare));

/** A translated title as clerk's `message` member holds it. */
const titleText = (_: ErrataError, title: string | undefined): string => JSON.stringify(title ?? '');
