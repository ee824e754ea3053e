import type { Violation } from '../../error.js';
import { collect, errorsOf, result, violation } from '../_parsed-error.js';
import { has, own, ownRec, ownStr, type Rec, str } from '../_read.js';
import type { ParsedError, ParseInput } from '../types.js';

/** A JSON:API error object: a `status`, `title`, `detail` or `code`, and no Clerk `message`. */
const isJsonApiItem = (item: unknown): item is Rec =>
  !has(item, 'message') &&
  !has(item, 'long_message') &&
  (ownStr(item, 'status') ?? ownStr(item, 'title') ?? ownStr(item, 'detail') ?? ownStr(item, 'code')) !==
    undefined;

/** An error object naming a field in `source.pointer`, its machine code in `meta.reason`. */
const jsonApiViolation = (item: unknown): Violation | undefined => {
  const pointer = ownStr(ownRec(item, 'source'), 'pointer');
  return pointer === undefined || !isJsonApiItem(item)
    ? undefined
    : violation(
        pointer,
        ownStr(item, 'detail') ?? ownStr(item, 'title') ?? '',
        ownStr(ownRec(item, 'meta'), 'reason'),
      );
};

/**
 * The bare parser of a JSON:API `{errors: [...]}` document (see
 * `BareParser`): `undefined` when the body is not one; may throw on a hostile value.
 */
export function parseJsonApiBare(body: unknown, input: ParseInput): ParsedError | undefined {
  // A JSON:API document has no top-level title/detail/type/status; an RFC 9457
  // problem with an `errors` extension does.
  if (['title', 'detail', 'type', 'status'].some((k) => has(body, k))) return undefined;
  const errors = errorsOf(body, isJsonApiItem);
  if (errors === undefined) return undefined;
  const first = errors[0] as Rec;
  const title = ownStr(first, 'title');
  const status = ownStr(first, 'status');
  const typeLink = own(ownRec(first, 'links'), 'type');
  return result(
    'jsonapi',
    status !== undefined && /^[45]\d\d$/.test(status) ? +status : input.status,
    ownStr(first, 'code'),
    ownStr(first, 'detail') ?? title,
    own(ownRec(first, 'meta'), 'details'),
    ownStr(first, 'id'),
    collect(errors, jsonApiViolation),
    title,
    str(typeLink) ?? ownStr(typeLink, 'href'),
  );
}
