/**
 * `serverContract` (server-contract.ts) on types: the wire codes of the server
 * failures a catalog's type has no entry for, in its casing, so that a client
 * typed by the catalog accepts every code its server can send
 * (`client.is(e, 'METHOD_NOT_ALLOWED')`). Each rule here mirrors one there;
 * `test/contract.test.ts` and `contract.test-d.ts` check them on the same catalogs.
 */
import type { Casing } from './casing.js';
import type { CodeOf, EntryDef } from './define.js';

type Keys<E> = keyof E & string;

/** The ids of the entries that are not deprecated. */
type LiveKeys<E> = {
  [K in Keys<E>]: E[K] extends { readonly deprecated: infer D }
    ? [D] extends [false | undefined]
      ? K
      : never
    : K;
}[Keys<E>];

type StatusOf<E, K extends keyof E> = E[K] extends { readonly status: infer S extends number } ? S : never;

/** The live entries of a status (or of any of a union of statuses). */
type KeysAt<E, S extends number> = { [K in LiveKeys<E>]: StatusOf<E, K> extends S ? K : never }[LiveKeys<E>];

type Strip<S extends string> = S extends `${infer A}${'_' | '-' | '.' | ' ' | ':' | '/'}${infer B}`
  ? Strip<`${A}${B}`>
  : S;
/** A name lowercase without separators (`squashName`). */
type Squash<S extends string> = Strip<Lowercase<S>>;

/** The entries of a status whose id or code is one of `Names` (squashed). */
type NamedAt<E, S extends number, Names extends string> = {
  [K in KeysAt<E, S>]: [Extract<Squash<K> | Squash<CodeOf<E, K>>, Names>] extends [never] ? never : K;
}[KeysAt<E, S>];

type Some<T> = [T] extends [never] ? false : true;
type IsUnion<T, U = T> = T extends unknown ? ([U] extends [T] ? false : true) : never;
type One<T> = [T] extends [never] ? false : true extends IsUnion<T> ? false : true;

type MalformedNames =
  | 'invalidjson'
  | 'malformedjson'
  | 'malformedbody'
  | 'malformedrequest'
  | 'jsonparseerror'
  | 'parseerror'
  | 'invalidbody';
type ValidationNames =
  | 'validation'
  | 'validationerror'
  | 'validationfailed'
  | 'invalidrequest'
  | 'invalidparam'
  | 'invalidparams'
  | 'unprocessableentity'
  | 'badrequest';
type NotFoundNames =
  | 'notfound'
  | 'routenotfound'
  | 'unknownroute'
  | 'noroute'
  | 'resourcenotfound'
  | 'endpointnotfound';

/** Each failure kind's built-in id, and whether the catalog has an entry for it. */
type KindsCovered<E> = {
  internal_error: Some<KeysAt<E, 500>>;
  malformed_body: Some<NamedAt<E, 400, MalformedNames>>;
  validation_failed: Some<NamedAt<E, 400 | 422, ValidationNames>>;
  not_found: Some<NamedAt<E, 404, NotFoundNames>>;
  method_not_allowed: Some<KeysAt<E, 405>>;
  payload_too_large: Some<KeysAt<E, 413>>;
  unsupported_media_type: Some<KeysAt<E, 415>>;
};

/** The other client-error statuses a framework's own error may carry, by built-in id. */
export type GenericStatuses = {
  bad_request: 400;
  unauthorized: 401;
  payment_required: 402;
  forbidden: 403;
  not_acceptable: 406;
  proxy_authentication_required: 407;
  request_timeout: 408;
  conflict: 409;
  gone: 410;
  length_required: 411;
  precondition_failed: 412;
  uri_too_long: 414;
  range_not_satisfiable: 416;
  expectation_failed: 417;
  misdirected_request: 421;
  unprocessable_content: 422;
  locked: 423;
  failed_dependency: 424;
  too_early: 425;
  upgrade_required: 426;
  precondition_required: 428;
  too_many_requests: 429;
  request_header_fields_too_large: 431;
  unavailable_for_legal_reasons: 451;
};
type Aliases = {
  unauthorized: 'unauthenticated' | 'authenticationrequired' | 'notauthenticated';
  forbidden: 'permissiondenied' | 'accessdenied' | 'notallowed';
  too_many_requests: 'ratelimited' | 'ratelimit' | 'ratelimitexceeded' | 'throttled';
  conflict: 'alreadyexists';
  unprocessable_content: 'unprocessableentity';
  request_timeout: 'timeout';
};
type NamesOf<Id extends string> = Squash<Id> | (Id extends keyof Aliases ? Aliases[Id] : never);

/** Entries of a status that answer a failure kind by their name: not "the only entry" of it. */
type ClaimedAt<E, S extends number> =
  | NamedAt<E, S & 400, MalformedNames | ValidationNames>
  | NamedAt<E, S & 422, ValidationNames>;

type GenericCovered<E, Id extends keyof GenericStatuses> =
  Some<NamedAt<E, GenericStatuses[Id], NamesOf<Id>>> extends true
    ? true
    : One<Exclude<KeysAt<E, GenericStatuses[Id]>, ClaimedAt<E, GenericStatuses[Id]>>>;

/** The built-in ids a catalog has no entry for. */
type AddedIds<E> =
  | { [Id in keyof KindsCovered<E>]: KindsCovered<E>[Id] extends true ? never : Id }[keyof KindsCovered<E>]
  | { [Id in keyof GenericStatuses]: GenericCovered<E, Id> extends true ? never : Id }[keyof GenericStatuses];

type NonEmpty<N> = N extends '' ? never : N;
type Has<N, P> = Some<Extract<N, P>>;
type Kebab<N> =
  Has<N, `${string}-${string}`> extends true
    ? Has<N, `${string}_${string}`> extends true
      ? false
      : true
    : false;
type StartsUpper<N> = N extends `${infer F}${string}` ? (F extends Lowercase<F> ? never : N) : never;
type StartsLower<N> = N extends `${infer F}${string}` ? (F extends Uppercase<F> ? never : N) : never;

/** `detectCasing` on types: the casing of a union of names. */
export type CasingOf<Names extends string, N extends string = NonEmpty<Names>> = [N] extends [never]
  ? 'snake_case'
  : [Exclude<N, `${string}.${string}`>] extends [never]
    ? 'dot.case'
    : [N extends Uppercase<N> ? never : N] extends [never]
      ? Kebab<N> extends true
        ? 'SCREAMING-KEBAB'
        : 'SCREAMING_SNAKE'
      : [N extends Lowercase<N> ? never : N] extends [never]
        ? Kebab<N> extends true
          ? 'kebab-case'
          : 'snake_case'
        : [Exclude<N, StartsUpper<N>>] extends [never]
          ? 'PascalCase'
          : [Exclude<N, StartsLower<N>>] extends [never]
            ? 'camelCase'
            : 'snake_case';

type Replace<S extends string, By extends string> = S extends `${infer A}_${infer B}`
  ? `${A}${By}${Replace<B, By>}`
  : S;
type Camel<S extends string> = S extends `${infer A}_${infer B}` ? `${A}${Capitalize<Camel<B>>}` : S;

/** `applyCasing` on types: a snake_case built-in id in a casing. */
export type Cased<Id extends string, C extends Casing> = C extends 'SCREAMING_SNAKE'
  ? Uppercase<Id>
  : C extends 'SCREAMING-KEBAB'
    ? Uppercase<Replace<Id, '-'>>
    : C extends 'kebab-case'
      ? Replace<Id, '-'>
      : C extends 'dot.case'
        ? Replace<Id, '.'>
        : C extends 'PascalCase'
          ? Capitalize<Camel<Id>>
          : C extends 'camelCase'
            ? Camel<Id>
            : Id;

type CodesOf<E> = { [K in Keys<E>]: CodeOf<E, K> }[Keys<E>];

/**
 * The wire codes an errata server for a catalog of these entries sends beside
 * the catalog's own: the server failures it has no entry for, in its casing.
 */
export type ServerCodes<E extends Record<string, EntryDef>> = Cased<AddedIds<E>, CasingOf<CodesOf<E>>>;
