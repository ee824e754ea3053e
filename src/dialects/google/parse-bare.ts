import type { Violation } from '../../error.js';
import { pathPointer } from '../../utils/json-pointer.js';
import { collect, envelope, result, violation } from '../_parsed-error.js';
import { num, own, ownRec, ownStr, str } from '../_read.js';
import type { ParsedError, ParseInput } from '../types.js';

const RPC = 'type.googleapis.com/google.rpc.';

/** A `BadRequest.fieldViolations` item: `{field: 'profile.color', description, reason?}`. */
const googleViolation = (v: unknown): Violation | undefined => {
  const field = ownStr(v, 'field');
  return violation(field && pathPointer(field), ownStr(v, 'description') ?? '', ownStr(v, 'reason'));
};

/** A google.protobuf.Duration in its JSON form (`60s`, `0.300s`), in ms. */
function durationMs(value: unknown): number | undefined {
  const m = /^(\d{1,12})(?:\.(\d{1,9}))?s$/.exec(str(value) ?? '');
  return m ? +(m[1] as string) * 1000 + Math.round(+`0.${m[2] ?? '0'}` * 1000) : undefined;
}

/**
 * The bare parser of AIP-193 `{error: {code, message, status, details}}` (see
 * `BareParser`): `undefined` when the body is not one; may throw on a hostile
 * value. The code is `ErrorInfo.reason` (else the gRPC status name).
 */
export function parseGoogleBare(body: unknown, input: ParseInput): ParsedError | undefined {
  const error = envelope(body);
  const httpCode = num(own(error, 'code'));
  const status = ownStr(error, 'status');
  if (httpCode === undefined || status === undefined || !/^[A-Z_]+$/.test(status)) return undefined;
  let code: string | undefined;
  let details: unknown;
  let retryAfterMs: number | undefined;
  let requestId: string | undefined;
  let type: string | undefined;
  let violations: Violation[] = [];
  const items = own(error, 'details');
  if (Array.isArray(items))
    for (const item of items) {
      const at = ownStr(item, '@type');
      if (at === `${RPC}ErrorInfo`) {
        code ??= ownStr(item, 'reason');
        details ??= ownRec(item, 'metadata');
      } else if (at === `${RPC}RetryInfo`) retryAfterMs ??= durationMs(own(item, 'retryDelay'));
      else if (at === `${RPC}BadRequest`)
        violations = violations.concat(collect(own(item, 'fieldViolations'), googleViolation));
      else if (at === `${RPC}RequestInfo`) requestId ??= ownStr(item, 'requestId');
      else if (at === `${RPC}Help`) {
        const links = own(item, 'links');
        if (Array.isArray(links)) type ??= ownStr(links[0], 'url');
      }
    }
  return result(
    'google',
    httpCode >= 400 && httpCode <= 599 ? httpCode : input.status,
    code ?? status,
    ownStr(error, 'message'),
    details,
    requestId,
    violations,
    status,
    type,
    // RetryInfo is how an AIP-193 service says "retry, after this delay".
    retryAfterMs === undefined ? undefined : true,
    retryAfterMs,
  );
}
