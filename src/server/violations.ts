// One bound for every list of violations, whichever validator made it and
// whichever dialect sends it: the answer to a hostile body stays small.
import { type ErrataError, isErrataError, type Violation } from '../error.js';

/** Most violations answered for one request. */
export const MAX_VIOLATIONS = 100;
/** Longest pointer or message of one violation, in UTF-16 units (a pointer names the client's keys). */
export const MAX_VIOLATION_TEXT = 256;

const clip = (text: string) =>
  text.length <= MAX_VIOLATION_TEXT ? text : `${text.slice(0, MAX_VIOLATION_TEXT - 1)}…`;

/**
 * The violations `read` finds in `items`, at most {@link MAX_VIOLATIONS}, each
 * text clipped: items past the bound are not read at all.
 */
export function collectViolations<T>(
  items: Iterable<T>,
  read: (item: T) => Violation | undefined,
): Violation[] {
  const out: Violation[] = [];
  for (const item of items) {
    if (out.length >= MAX_VIOLATIONS) break;
    const v = wellFormed(read(item));
    if (v !== undefined) out.push(v);
  }
  return out;
}

function wellFormed(v: unknown): Violation | undefined {
  if (typeof v !== 'object' || v === null) return undefined;
  const { pointer, message, code } = v as { pointer?: unknown; message?: unknown; code?: unknown };
  if (typeof pointer !== 'string' || typeof message !== 'string') return undefined;
  const bounded = pointer.length <= MAX_VIOLATION_TEXT && message.length <= MAX_VIOLATION_TEXT;
  if (code === undefined && bounded) return v as Violation;
  const c = typeof code === 'string' ? clip(code) : undefined;
  if (bounded && c === code) return v as Violation;
  return c === undefined
    ? { pointer: clip(pointer), message: clip(message) }
    : { pointer: clip(pointer), message: clip(message), code: c };
}

/**
 * The error with its violations within the bound, and those of each error of
 * its `also`: the same error when they are, else a copy (an application may
 * attach any list to its own entry).
 */
export function boundedViolations(error: ErrataError): ErrataError {
  const own = boundedOwn(error);
  const also = own.also;
  if (!Array.isArray(also) || also.length === 0) return own;
  const bounded = also.map((e) => (isErrataError(e) ? boundedOwn(e) : e));
  return bounded.every((e, i) => e === also[i]) ? own : copyWith(own, 'also', bounded);
}

const copyWith = (error: ErrataError, key: string, value: unknown): ErrataError => {
  const copy = Object.create(
    Object.getPrototypeOf(error),
    Object.getOwnPropertyDescriptors(error),
  ) as ErrataError;
  Object.defineProperty(copy, key, { value, enumerable: true });
  return copy;
};

function boundedOwn(error: ErrataError): ErrataError {
  const list = error.violations;
  if (list === undefined) return error;
  const ok = Array.isArray(list) && list.length <= MAX_VIOLATIONS && list.every((v) => wellFormed(v) === v);
  if (ok) return error;
  return copyWith(error, 'violations', Array.isArray(list) ? collectViolations(list, (v) => v) : undefined);
}
