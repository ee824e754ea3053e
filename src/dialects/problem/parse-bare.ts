import type { Violation } from '../../error.js';
import { isRecord } from '../../utils/record.js';
import { collect, result, violation } from '../_parsed-error.js';
import { num, own, ownStr } from '../_read.js';
import type { ParsedError, ParseInput } from '../types.js';

/** An item of a problem's `errors` extension: `{pointer: '#/age', detail, code?}` (`message` also read). */
const problemViolation = (v: unknown): Violation | undefined =>
  violation(
    isRecord(v) ? (ownStr(v, 'pointer') ?? '').replace(/^#/, '') : undefined,
    ownStr(v, 'detail') ?? ownStr(v, 'message') ?? '',
    ownStr(v, 'code'),
  );

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
  );
}
