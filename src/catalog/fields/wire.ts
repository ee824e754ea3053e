import { isRecord } from '../../utils/record.js';
import { type AddIssue, pathKey } from '../issue-path.js';
import { describe, unknownField } from '../issue-wording.js';
import type { GoogleStatus, StripeErrorType, WireFacts } from '../model.js';
import { nearMatches } from '../suggest.js';
import { GOOGLE_STATUSES, STRIPE_ERROR_TYPES } from '../wire-facts.js';

const WIRE_KEYS = ['google', 'stripe'];
const GOOGLE_KEYS = ['status'];
const STRIPE_KEYS = ['type', 'docUrl'];

/** Reports the keys of `obj` that are not in `known`. */
function onlyKeys(obj: Record<string, unknown>, known: readonly string[], path: string, add: AddIssue): void {
  for (const k of Object.keys(obj)) if (!known.includes(k)) add(pathKey(path, k), unknownField(k, known));
}

/** One name of a closed list: the list and the nearest name in the message when it is not one. */
function oneOf<T extends string>(
  value: unknown,
  names: readonly T[],
  what: string,
  path: string,
  add: AddIssue,
): T | undefined {
  if (typeof value === 'string' && (names as readonly string[]).includes(value)) return value as T;
  const near = typeof value === 'string' ? nearMatches(value, names, 1)[0] : undefined;
  add(
    path,
    `must be ${what} (${names.join(', ')}), got ${describe(value)}${near === undefined ? '' : ` (did you mean "${near}"?)`}`,
  );
  return undefined;
}

/** `object` with only `known` keys, else reported; `undefined` when it is not an object. */
function record(raw: unknown, known: readonly string[], shape: string, path: string, add: AddIssue) {
  if (!isRecord(raw)) {
    add(path, `must be an object (${shape}), got ${describe(raw)}`);
    return undefined;
  }
  onlyKeys(raw, known, path, add);
  return raw;
}

/**
 * An entry's `wire`: what a dialect would otherwise derive from the status,
 * stated — `{ google: { status }, stripe: { type, docUrl } }`, each name one
 * its format defines. `undefined` when the entry states nothing.
 */
export function normalizeWire(raw: unknown, path: string, add: AddIssue): WireFacts | undefined {
  if (raw === undefined) return undefined;
  const wire = record(raw, WIRE_KEYS, '{ google, stripe }', path, add);
  if (wire === undefined) return undefined;
  const out: { google?: WireFacts['google']; stripe?: WireFacts['stripe'] } = {};
  if (wire.google !== undefined) {
    const at = pathKey(path, 'google');
    const google = record(wire.google, GOOGLE_KEYS, '{ status }', at, add);
    if (google !== undefined) {
      if (google.status === undefined) add(pathKey(at, 'status'), 'is required');
      else {
        const status = oneOf<GoogleStatus>(
          google.status,
          GOOGLE_STATUSES,
          'a canonical google.rpc.Code name other than OK',
          pathKey(at, 'status'),
          add,
        );
        if (status !== undefined) out.google = { status };
      }
    }
  }
  if (wire.stripe !== undefined) {
    const at = pathKey(path, 'stripe');
    const stripe = record(wire.stripe, STRIPE_KEYS, '{ type, docUrl }', at, add);
    if (stripe !== undefined) {
      const facts: { type?: StripeErrorType; docUrl?: string } = {};
      if (stripe.type !== undefined) {
        const type = oneOf<StripeErrorType>(
          stripe.type,
          STRIPE_ERROR_TYPES,
          'an error type Stripe documents',
          pathKey(at, 'type'),
          add,
        );
        if (type !== undefined) facts.type = type;
      }
      const docUrl = stripe.docUrl;
      if (docUrl !== undefined) {
        if (typeof docUrl !== 'string' || docUrl === '' || /\s/.test(docUrl))
          add(pathKey(at, 'docUrl'), `must be a URL, got ${describe(docUrl)}`);
        else facts.docUrl = docUrl;
      }
      if (facts.type !== undefined || facts.docUrl !== undefined) out.stripe = facts;
    }
  }
  return out.google === undefined && out.stripe === undefined ? undefined : out;
}
