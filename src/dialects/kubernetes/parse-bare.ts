import { pathPointer } from '../../utils/json-pointer.js';
import { collect, result, violation } from '../_parsed-error.js';
import { header, num, own, ownRec, ownStr, rest } from '../_read.js';
import type { ParsedError, ParseInput } from '../types.js';

/** The `metav1.CauseType`s Kubernetes defines: a cause with one of them is not a catalog code. */
const CAUSE_TYPES = new Set([
  'FieldValueNotFound',
  'FieldValueRequired',
  'FieldValueDuplicate',
  'FieldValueInvalid',
  'FieldValueNotSupported',
  'FieldValueForbidden',
  'FieldValueTooLong',
  'FieldValueTooMany',
  'InternalError',
  'FieldValueTypeInvalid',
  'UnexpectedServerResponse',
  'FieldManagerConflict',
  'ResourceVersionTooLarge',
]);

/** A cause naming a `field` (a dot path): a field violation, its `reason` the violation's code. */
const causeViolation = (cause: unknown) => {
  const field = ownStr(cause, 'field');
  return violation(field && pathPointer(field), ownStr(cause, 'message') ?? '', ownStr(cause, 'reason'));
};

/** The catalog code errata sends as the first cause without a `field`, if any. */
function causeCode(causes: unknown): string | undefined {
  if (!Array.isArray(causes)) return undefined;
  for (const cause of causes) {
    const reason = ownStr(cause, 'reason');
    if (own(cause, 'field') === undefined && reason !== undefined && !CAUSE_TYPES.has(reason)) return reason;
  }
  return undefined;
}

/**
 * The bare parser of a Kubernetes `metav1.Status` failure `{kind: "Status",
 * status: "Failure", message, reason, code, details}` (see `BareParser`):
 * `undefined` when the body is not one; may throw on a hostile value. The
 * code is `errorCode`, else the first field-less cause's `reason` that is no
 * Kubernetes cause type (errata sends the catalog's in both), else the Status `reason`, which is
 * also the `title`; the request id is `x-request-id`, else the API server's
 * `Audit-Id`.
 */
export function parseKubernetesBare(body: unknown, input: ParseInput): ParsedError | undefined {
  if (ownStr(body, 'kind') !== 'Status' || ownStr(body, 'status') !== 'Failure') return undefined;
  const reason = ownStr(body, 'reason') || undefined;
  const code = num(own(body, 'code'));
  const details = ownRec(body, 'details');
  const causes = own(details, 'causes');
  const seconds = num(own(details, 'retryAfterSeconds'));
  const delay = seconds !== undefined && seconds >= 0 ? Math.round(seconds * 1000) : undefined;
  return result(
    'kubernetes',
    code !== undefined && code >= 400 && code <= 599 ? code : input.status,
    ownStr(body, 'errorCode') ?? causeCode(causes) ?? reason,
    ownStr(body, 'message'),
    // errata's details travel in `data`; a server's own StatusDetails (name, kind …) are the details.
    details === undefined ? undefined : rest(details, ['causes', 'retryAfterSeconds'], 'data'),
    header(input, 'x-request-id') ?? header(input, 'audit-id'),
    collect(causes, causeViolation),
    reason,
    undefined,
    // retryAfterSeconds is how Kubernetes says "retry, after this delay" (client-go waits and retries).
    delay === undefined ? undefined : true,
    delay,
  );
}
