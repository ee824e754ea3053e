// Header safety: only what HTTP can carry goes to `writeHead` or `new Response`.

import { isFieldName, isFieldValue } from '../utils/http-field.js';
import { joinVary, varyKey } from '../utils/vary.js';

/** Controls (CR, LF, NUL …): a value with one is dropped, never repaired. */
const CONTROL = /[^\t\x20-\x7e\x80-\uffff]/;
const NON_ASCII = /[\x80-\uffff]+/g;
const MAX_VALUE = 8192;

/** What was wrong with a header the application asked for. */
export type HeaderProblem = (name: string, what: string) => void;

/**
 * A field value from text: trimmed, non-ASCII text percent-encoded as UTF-8
 * (`決済` → `%E6%B1%BA%E6%B8%88`); `undefined` for what cannot be sent (a control
 * character, a lone surrogate, a value over 8 KiB).
 */
export function fieldValue(text: string): string | undefined {
  const v = text.replace(/^[\t ]+|[\t ]+$/g, '');
  if (isFieldValue(v)) return v.length <= MAX_VALUE ? v : undefined;
  if (CONTROL.test(v)) return undefined;
  let out: string;
  try {
    out = v.replace(NON_ASCII, encodeURIComponent);
  } catch {
    return undefined;
  }
  return out.length <= MAX_VALUE ? out : undefined;
}

/**
 * The headers as they can be sent: names that are tokens, values that are
 * field values (a number is written out; non-ASCII text encoded). The rest is
 * dropped; each change is told to `problem`. The same object when nothing changes.
 */
export function sendableHeaders(
  headers: Readonly<Record<string, unknown>>,
  problem: HeaderProblem,
): Record<string, string> {
  let out: Record<string, string> | undefined;
  const names = Object.keys(headers);
  for (let i = 0; i < names.length; i++) {
    const name = names[i] as string;
    const raw = headers[name];
    if (typeof raw === 'string' && isFieldName(name) && isFieldValue(raw) && raw.length <= MAX_VALUE) {
      if (out !== undefined) out[name] = raw;
      continue;
    }
    if (out === undefined) {
      out = {};
      for (let j = 0; j < i; j++) out[names[j] as string] = headers[names[j] as string] as string;
    }
    const safeName = name.length > 64 ? `${name.slice(0, 64)}…` : name;
    if (!isFieldName(name)) {
      problem(JSON.stringify(safeName), 'is not a valid field name; dropped');
      continue;
    }
    const text = typeof raw === 'number' && Number.isFinite(raw) ? String(raw) : raw;
    const value = typeof text === 'string' ? fieldValue(text) : undefined;
    if (value === undefined) problem(safeName, 'has a value that cannot be sent; dropped');
    else {
      if (value !== text) problem(safeName, 'has a value that is not visible ASCII; sent percent-encoded');
      out[name] = value;
    }
  }
  return out ?? (headers as Record<string, string>);
}

/**
 * The headers of a localized answer: `Content-Language`, and `Accept-Language` added to
 * `Vary` (RFC 9110 section 12.5.5), joined to one the error carries.
 */
export function languageHeaders(headers: Record<string, string>, language: string): void {
  headers['content-language'] = language;
  const name = varyKey(headers);
  // Most errors carry no Vary of their own: then there is nothing to join.
  if (name === undefined) headers.vary = 'Accept-Language';
  else headers[name] = joinVary(headers[name], 'Accept-Language');
}
