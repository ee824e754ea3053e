// Readers of an untrusted, already JSON-parsed body, shared by the built-in
// dialects' bare parsers: own properties only (never an inherited
// `constructor` or `__proto__`), values of the expected type or `undefined`.

import { isRecord } from '../utils/record.js';
import type { ParseInput } from './types.js';

export type Rec = Record<string, unknown>;

/** Whether `o` is a record with an own `k`. */
export const has = (o: unknown, k: string): o is Rec => isRecord(o) && Object.hasOwn(o, k);
/** An own property of an untrusted value, if it is a record. */
export const own = (o: unknown, k: string): unknown => (has(o, k) ? o[k] : undefined);
export const str = (v: unknown): string | undefined => (typeof v === 'string' ? v : undefined);
/** An own string property. */
export const ownStr = (o: unknown, k: string): string | undefined => str(own(o, k));
/** An own plain-record property. */
export const ownRec = (o: unknown, k: string): Rec | undefined => {
  const v = own(o, k);
  return isRecord(v) ? v : undefined;
};
/** A finite number. */
export const num = (v: unknown): number | undefined =>
  typeof v === 'number' && Number.isFinite(v) ? v : undefined;

/** One response header, or `undefined`; never throws. */
export function header(input: ParseInput, name: string): string | undefined {
  try {
    return str(input.headers?.get(name));
  } catch {
    return undefined;
  }
}

/** `'true'`/`'false'` as the should-retry headers (`x-should-retry`, `stripe-should-retry`) send them. */
export const boolHeader = (input: ParseInput, name: string): boolean | undefined => {
  const v = header(input, name)?.trim().toLowerCase();
  return v === 'true' ? true : v === 'false' ? false : undefined;
};

/** A copy of a record without some keys; `defineProperty` keeps a `__proto__` key a plain property. */
function without(record: Rec, keys: string[]): Rec {
  const out: Rec = {};
  for (const k of Object.keys(record))
    if (!keys.includes(k))
      Object.defineProperty(out, k, {
        value: record[k],
        enumerable: true,
        writable: true,
        configurable: true,
      });
  return out;
}

/**
 * The rest of a record once `keys` are taken out: `undefined` when nothing is
 * left, the value of a lone `value` member (`wrap`) as it is.
 */
export function rest(record: Rec, keys: string[], wrap: string): unknown {
  const r = without(record, keys);
  const k = Object.keys(r);
  return k.length === 0 ? undefined : k.length === 1 && k[0] === wrap ? r[wrap] : r;
}
