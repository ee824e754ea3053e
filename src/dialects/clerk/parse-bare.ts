import type { Violation } from '../../error.js';
import { pathPointer } from '../../utils/json-pointer.js';
import { isRecord } from '../../utils/record.js';
import { collect, errorsOf, result, violation } from '../_parsed-error.js';
import { has, own, ownRec, ownStr, type Rec, rest } from '../_read.js';
import { isOciItem } from '../oci/parse-bare.js';
import type { ParsedError, ParseInput } from '../types.js';

/** A Clerk error item: `message`/`long_message`, never JSON:API's `detail`/`source`, nor a registry's (OCI). */
const isClerkItem = (item: unknown): item is Rec =>
  (has(item, 'long_message') || ownStr(item, 'message') !== undefined) &&
  !has(item, 'detail') &&
  !has(item, 'source') &&
  !isOciItem(item);

/** A Clerk item naming a field in `meta.param_name` (a dot path), its machine code in `meta.reason`. */
const clerkViolation = (item: unknown): Violation | undefined => {
  const meta = ownRec(item, 'meta');
  const param = ownStr(meta, 'param_name');
  return param === undefined || !isClerkItem(item)
    ? undefined
    : violation(
        pathPointer(param),
        ownStr(item, 'long_message') ?? ownStr(item, 'message') ?? '',
        ownStr(meta, 'reason'),
      );
};

/**
 * The bare parser of Clerk's `{errors: [...], clerk_trace_id}` (see
 * `BareParser`): `undefined` when the body is not one; may throw on a hostile value.
 */
export function parseClerkBare(body: unknown, input: ParseInput): ParsedError | undefined {
  const errors = errorsOf(body, isClerkItem);
  if (errors === undefined) return undefined;
  const first = errors[0] as Rec;
  const violations = collect(errors, clerkViolation);
  const title = ownStr(first, 'message');
  const meta = own(first, 'meta');
  const some = violations.length > 0;
  return result(
    'clerk',
    input.status,
    ownStr(first, 'code'),
    some ? title : (ownStr(first, 'long_message') ?? title),
    !some ? (meta ?? undefined) : isRecord(meta) ? rest(meta, ['param_name', 'reason'], 'data') : undefined,
    ownStr(body, 'clerk_trace_id'),
    violations,
    title,
  );
}
