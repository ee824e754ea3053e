/**
 * The failures every errata server can answer, whatever the application
 * throws: the failure kinds (a malformed body, a validation failure, no such
 * route, a method the route does not take, a body too large or of another
 * media type, an unexpected exception) and a framework's own client error of
 * another status (http-errors, Boom, Hono's `HTTPException`, Fastify's
 * `FST_*`). The server answers each with the application's entry for it where
 * the catalog has one, else with the entry here; `server-contract.ts` adds
 * the entries a catalog lacks to its contract (and `contract.ts` their
 * descriptions, for the reference pages: a server's bundle does not carry them).
 */
import type { EntryModel } from './model.js';
import { statusText } from './status.js';

/** The framework failures errata knows how to answer. */
export type FailureKind =
  | 'internal'
  | 'malformedBody'
  | 'validation'
  | 'notFound'
  | 'methodNotAllowed'
  | 'payloadTooLarge'
  | 'unsupportedMediaType';

/** The built-in entry id of each failure kind. */
export const FAILURE_IDS: Readonly<Record<FailureKind, string>> = Object.freeze({
  internal: 'internal_error',
  malformedBody: 'malformed_body',
  validation: 'validation_failed',
  notFound: 'not_found',
  methodNotAllowed: 'method_not_allowed',
  payloadTooLarge: 'payload_too_large',
  unsupportedMediaType: 'unsupported_media_type',
});

/** The statuses a catalog entry for each failure kind has. */
export const FAILURE_STATUSES: Readonly<Record<FailureKind, readonly number[]>> = {
  internal: [500],
  malformedBody: [400],
  validation: [400, 422],
  notFound: [404],
  methodNotAllowed: [405],
  payloadTooLarge: [413],
  unsupportedMediaType: [415],
};

/**
 * The names (lowercase, without separators) an application's entry for a
 * failure kind has, where its status is not enough to say: a 400 may be a
 * malformed body or a validation failure, a 404 a missing route or a missing
 * order. `undefined`: any entry of the status is the one.
 */
export const FAILURE_NAMES: Readonly<Record<FailureKind, readonly string[] | undefined>> = {
  internal: undefined,
  malformedBody: [
    'invalidjson',
    'malformedjson',
    'malformedbody',
    'malformedrequest',
    'jsonparseerror',
    'parseerror',
    'invalidbody',
  ],
  validation: [
    'validation',
    'validationerror',
    'validationfailed',
    'invalidrequest',
    'invalidparam',
    'invalidparams',
    'unprocessableentity',
    'badrequest',
  ],
  notFound: ['notfound', 'routenotfound', 'unknownroute', 'noroute', 'resourcenotfound', 'endpointnotfound'],
  methodNotAllowed: undefined,
  payloadTooLarge: undefined,
  unsupportedMediaType: undefined,
};

/** Other names (lowercase, without separators) of the application's entry for a client-error status. */
export const STATUS_ALIASES: Readonly<Record<string, readonly string[]>> = {
  unauthorized: ['unauthenticated', 'authenticationrequired', 'notauthenticated'],
  forbidden: ['permissiondenied', 'accessdenied', 'notallowed'],
  too_many_requests: ['ratelimited', 'ratelimit', 'ratelimitexceeded', 'throttled'],
  conflict: ['alreadyexists'],
  unprocessable_content: ['unprocessableentity'],
  request_timeout: ['timeout'],
};

/** A name lowercase without separators, as `FAILURE_NAMES` and `STATUS_ALIASES` list them. */
export const squashName = (name: string): string => name.toLowerCase().replace(/[^a-z0-9]/g, '');

const entry = (
  id: string,
  status: number,
  category: string,
  title: string,
  message: string,
  params: readonly string[] = [],
  expose = true,
): EntryModel => ({
  code: id,
  status,
  category,
  title,
  message,
  params: Object.fromEntries(params.map((p) => [p, { type: 'string' as const }])),
  retry: { retryable: false },
  expose,
});

/** The category of the entries a catalog gets from errata. */
export const SERVER_CATEGORY = 'Server failures';

const entries: Record<string, EntryModel> = {
  internal_error: entry(
    'internal_error',
    500,
    SERVER_CATEGORY,
    'Internal Server Error',
    'An internal error occurred.',
    [],
    false,
  ),
  malformed_body: entry(
    'malformed_body',
    400,
    SERVER_CATEGORY,
    'Malformed request body',
    'The request body is not valid JSON.',
  ),
  validation_failed: entry(
    'validation_failed',
    400,
    SERVER_CATEGORY,
    'Validation failed',
    'The request failed validation.',
  ),
  not_found: entry('not_found', 404, SERVER_CATEGORY, 'Not Found', 'No route matches {method} {path}.', [
    'method',
    'path',
  ]),
  method_not_allowed: entry(
    'method_not_allowed',
    405,
    SERVER_CATEGORY,
    'Method Not Allowed',
    'The method {method} is not allowed on this route.',
    ['method'],
  ),
  payload_too_large: entry(
    'payload_too_large',
    413,
    SERVER_CATEGORY,
    'Payload Too Large',
    'The request body is too large.',
  ),
  unsupported_media_type: entry(
    'unsupported_media_type',
    415,
    SERVER_CATEGORY,
    'Unsupported Media Type',
    'The request body is not in a media type this route takes.',
  ),
};

/**
 * The other client-error statuses a framework's own HTTP error may carry: each
 * entry's title is the status's reason phrase and its id that phrase in snake
 * case (`too_many_requests`); its message is generic, as what the framework's
 * error said is not sent.
 */
export const GENERIC_STATUSES: readonly number[] = [
  400, 401, 402, 403, 406, 407, 408, 409, 410, 411, 412, 414, 416, 417, 421, 422, 423, 424, 425, 426, 428,
  429, 431, 451,
];
const MESSAGES: Readonly<Record<number, string>> = {
  400: 'The request is not valid.',
  401: 'Valid credentials are required.',
  403: 'The request is not allowed.',
  409: 'The request conflicts with the current state of the resource.',
  422: 'The request could not be processed.',
};

/** The built-in entry of each client-error status: the failure kinds' own, then the generic ones. */
const byStatus = new Map<number, string>([
  [404, 'not_found'],
  [405, 'method_not_allowed'],
  [413, 'payload_too_large'],
  [415, 'unsupported_media_type'],
]);
for (const status of GENERIC_STATUSES) {
  const title = statusText(status);
  const id = title.toLowerCase().replaceAll(' ', '_');
  const retryable = status === 408 || status === 429;
  entries[id] = {
    ...entry(id, status, SERVER_CATEGORY, title, MESSAGES[status] ?? `${title}.`),
    ...(retryable && { retry: { retryable, strategy: 'exponential', baseMs: 1000, maxMs: 30_000 } }),
  };
  byStatus.set(status, id);
}

/** The entries errata answers with where a catalog has none of its own, by built-in id (snake case). */
export const SERVER_ENTRIES: Readonly<Record<string, EntryModel>> = entries;

/** The built-in entry id a framework's client error of this status is answered with (`bad_request` for one errata has none for). */
export function serverEntryOfStatus(status: number): string {
  return byStatus.get(status) ?? 'bad_request';
}

/** The failure kind a built-in id is the entry of. */
export function failureKindOf(id: string): FailureKind | undefined {
  return (Object.keys(FAILURE_IDS) as FailureKind[]).find((k) => FAILURE_IDS[k] === id);
}
