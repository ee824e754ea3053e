import { errorsOf, flat } from '../_parsed-error.js';
import { has, own, ownStr, type Rec } from '../_read.js';
import type { ParsedError, ParseInput } from '../types.js';

/**
 * The error codes of the OCI distribution spec, and those the distribution
 * registry (Docker's) adds: an item with one of them is a registry's even
 * without `detail`.
 */
const REGISTRY_CODES = new Set([
  'BLOB_UNKNOWN',
  'BLOB_UPLOAD_INVALID',
  'BLOB_UPLOAD_UNKNOWN',
  'DIGEST_INVALID',
  'MANIFEST_BLOB_UNKNOWN',
  'MANIFEST_INVALID',
  'MANIFEST_UNKNOWN',
  'NAME_INVALID',
  'NAME_UNKNOWN',
  'SIZE_INVALID',
  'UNAUTHORIZED',
  'DENIED',
  'UNSUPPORTED',
  'TOOMANYREQUESTS',
  'UNKNOWN',
  'UNAVAILABLE',
  'MANIFEST_UNVERIFIED',
  'TAG_INVALID',
  'PAGINATION_NUMBER_INVALID',
  'RANGE_INVALID',
]);

/**
 * An OCI distribution error: string `code` and `message`, a `detail` member
 * (any JSON, `null` included; errata always sends it) or a code of the spec's
 * (registries often leave `detail` out), and none of Clerk's (`long_message`,
 * `meta`) or JSON:API's (`title`, `source`, `status`) members. The Clerk
 * parser leaves these items to this one.
 */
export const isOciItem = (item: unknown): item is Rec => {
  const code = ownStr(item, 'code');
  return (
    code !== undefined &&
    ownStr(item, 'message') !== undefined &&
    (has(item, 'detail') || REGISTRY_CODES.has(code)) &&
    !['long_message', 'meta', 'title', 'source', 'status'].some((k) => has(item, k))
  );
};

/**
 * The bare parser of the OCI distribution spec's `{errors: [{code, message,
 * detail}]}` (see `BareParser`): `undefined` when the body is not one; may
 * throw on a hostile value. It reads the first error; `detail` is the details,
 * with the violations errata puts in its `errors` split out.
 */
export function parseOciBare(body: unknown, input: ParseInput): ParsedError | undefined {
  const errors = errorsOf(body, isOciItem);
  if (errors === undefined) return undefined;
  const first = errors[0] as Rec;
  return flat('oci', input, ownStr(first, 'code'), ownStr(first, 'message'), own(first, 'detail'));
}
