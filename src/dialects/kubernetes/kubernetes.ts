import type { EntryModel } from '../../catalog/model.js';
import { completed, safeParser } from '../_bare.js';
import { baseHeaders, fieldPath, requestIdOf } from '../_serialize.js';
import { publicDetails, publicMessage } from '../expose.js';
import type { Dialect } from '../types.js';
import { parseKubernetesBare } from './parse-bare.js';

const CONTENT_TYPE = 'application/json';
const HEAD = '{"kind":"Status","apiVersion":"v1","metadata":{},"status":"Failure","message":';

/** The `metav1.StatusReason` Kubernetes' API machinery pairs with an HTTP status. */
const REASONS: Readonly<Record<number, string>> = {
  400: 'BadRequest',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'NotFound',
  405: 'MethodNotAllowed',
  406: 'NotAcceptable',
  409: 'Conflict',
  410: 'Gone',
  413: 'RequestEntityTooLarge',
  415: 'UnsupportedMediaType',
  422: 'Invalid',
  429: 'TooManyRequests',
  500: 'InternalError',
  503: 'ServiceUnavailable',
  504: 'Timeout',
};

/**
 * The `reason` of an entry's `metav1.Status`: `AlreadyExists` for an entry
 * stating the gRPC code `ALREADY_EXISTS` (`wire.google.status`), else the
 * reason Kubernetes gives its HTTP status (`NotFound`, `Invalid` …), else
 * `undefined` (Kubernetes' unknown reason, which it leaves out).
 */
export function kubernetesReasonOf(entry: EntryModel): string | undefined {
  if (entry.wire?.google?.status === 'ALREADY_EXISTS') return 'AlreadyExists';
  return Object.hasOwn(REASONS, entry.status) ? REASONS[entry.status] : undefined;
}

/**
 * Kubernetes' `metav1.Status`: `{kind: "Status", apiVersion: "v1", metadata:
 * {}, status: "Failure", message, reason, details, code}`, `code` the HTTP
 * status, `reason` the entry's (see {@link kubernetesReasonOf}). `reason` is
 * a closed set, so the catalog's wire code travels twice: as `errorCode`, a
 * member Kubernetes' typed clients drop but any JSON reader sees, and as the
 * first of `details.causes`, a cause with no `field` (`{reason: <code>,
 * message}`), which they keep; then come one cause per field violation
 * (`{reason: <violation code>, message, field: <dot path>}`);
 * `details.retryAfterSeconds` is the delay (whole seconds, rounded up, as in
 * `Retry-After`), and the public details travel in `details.data`, a member
 * Kubernetes' clients ignore. Headers: `x-request-id`, the should-retry
 * header, `Retry-After`.
 */
export const kubernetes: Dialect = {
  name: 'kubernetes',
  contentType: CONTENT_TYPE,
  serialize(error, context) {
    const e = error.definition.entry;
    const message = JSON.stringify(publicMessage(error, context));
    const reason = kubernetesReasonOf(e);
    const code = JSON.stringify(e.code);
    let body = `${HEAD}${message}${reason === undefined ? '' : `,"reason":"${reason}"`},"errorCode":${code}`;
    body += `,"details":{"causes":[{"reason":${code},"message":${message}}`;
    for (const v of error.violations ?? []) {
      const cause: Record<string, string> =
        v.code === undefined ? { message: v.message } : { reason: v.code, message: v.message };
      cause.field = fieldPath(v.pointer, 'dot');
      body += `,${JSON.stringify(cause)}`;
    }
    body += ']';
    const delay = error.retryDelayMs;
    if (delay !== undefined) body += `,"retryAfterSeconds":${Math.ceil(delay / 1000)}`;
    const details = publicDetails(error);
    if (details !== undefined && details !== null) body += `,"data":${JSON.stringify(details)}`;
    body += `},"code":${error.status}}`;
    const requestId = requestIdOf(error, context);
    return { status: error.status, headers: baseHeaders(error, CONTENT_TYPE, requestId), body };
  },
  parse: (body, input) => parseKubernetes(body, input),
};

/** Reads a Kubernetes `metav1.Status` failure; `undefined` when the body is not one. Never throws. */
export const parseKubernetes = safeParser(completed(parseKubernetesBare));
