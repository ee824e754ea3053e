import type { Violation } from '../../error.js';
import { isRecord } from '../../utils/record.js';
import { collect, result, violation } from '../_parsed-error.js';
import { num, own, ownRec, ownStr } from '../_read.js';
import type { ParsedError, ParseInput } from '../types.js';

/** An item of a problem's `errors` extension: `{pointer: '#/age', detail, code?}` (`message` also read). */
const problemViolation = (v: unknown): Violation | undefined =>
  violation(
    isRecord(v) ? (ownStr(v, 'pointer') ?? '').replace(/^#/, '') : undefined,
    ownStr(v, 'detail') ?? ownStr(v, 'message') ?? '',
    ownStr(v, 'code'),
  );

/** A count of milliseconds or attempts in the `retry` member: a non-negative integer. */
const count = (o: unknown, k: string): number | undefined => {
  const v = own(o, k);
  return typeof v === 'number' && Number.isInteger(v) && v >= 0 ? v : undefined;
};

/**
 * The bare parser of RFC 9457 problem details (see `BareParser`): `undefined`
 * when the body is not a problem object; may throw on a hostile value.
 */
export function parseProblemBare(body: unknown, input: ParseInput): ParsedError | undefined {
  const type = ownStr(body, 'type');
  const title = ownStr(body, 'title');
  const detail = ownStr(body, 'detail');
  const status = own(body, 'status');
  if ((type ?? title ?? detail) === undefined || (status !== undefined && num(status) === undefined))
    return undefined;
  // A `type` beside an `{error: {…}}` object, with no title or detail, names an envelope (Anthropic's
  // `{type: 'error', error: {type, message}}`), not a problem.
  if ((title ?? detail) === undefined && isRecord(own(body, 'error'))) return undefined;
  // errata's `retry` extension member: whether, when, and how to back off.
  const retry = ownRec(body, 'retry');
  const retryable = own(retry, 'retryable');
  const stated = typeof retryable === 'boolean';
  return result(
    'problem',
    (status as number | undefined) ?? input.status,
    ownStr(body, 'code'),
    detail ?? title,
    own(body, 'details'),
    ownStr(body, 'requestId'),
    collect(own(body, 'errors'), problemViolation),
    title,
    type,
    stated ? retryable : undefined,
    stated ? count(retry, 'afterMs') : undefined,
    stated ? count(retry, 'baseMs') : undefined,
    stated ? count(retry, 'maxMs') : undefined,
    stated ? count(retry, 'maxAttempts') : undefined,
  );
}
