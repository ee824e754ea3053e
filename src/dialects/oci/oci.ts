import type { ErrataError } from '../../error.js';
import { completed, safeParser } from '../_bare.js';
import { baseHeaders, detailsWithViolations, requestIdOf, responseErrors } from '../_serialize.js';
import { publicMessage } from '../expose.js';
import type { Dialect, SerializeContext } from '../types.js';
import { parseOciBare } from './parse-bare.js';

const CONTENT_TYPE = 'application/json';

/** One error of the list: `{code, message, detail}`. */
function item(error: ErrataError, context: SerializeContext | undefined): string {
  const def = error.definition;
  let head = def.cache.oci as string | undefined;
  if (head === undefined) {
    head = `{"code":${JSON.stringify(def.entry.code)},"message":`;
    def.cache.oci = head;
  }
  const detail = detailsWithViolations(error);
  return `${head}${JSON.stringify(publicMessage(error, context))},"detail":${
    detail === undefined ? 'null' : JSON.stringify(detail)
  }}`;
}

/**
 * The OCI distribution spec's error body (what container registries answer):
 * `{errors: [{code, message, detail}]}`, `code` the catalog's wire code as it
 * is (the spec's own codes, `BLOB_UNKNOWN`, `NAME_UNKNOWN`, `DENIED`,
 * `TOOMANYREQUESTS` …, are upper case letters and underscores: a catalog
 * speaking to registry clients uses that form), `detail` the public details
 * with the field violations as `errors: [{pointer, message, code?}]`, and
 * `null` when there are none: errata always sends `detail`, which tells an
 * OCI body from a Clerk one. The errors of the `also` option follow, each in
 * the same form; the status and headers are the first error's. Headers:
 * `x-request-id`, the should-retry header, `Retry-After`.
 */
export const oci: Dialect = {
  name: 'oci',
  contentType: CONTENT_TYPE,
  serialize(error, context) {
    const errors = responseErrors(error);
    let body = `{"errors":[${item(error, context)}`;
    for (let i = 1; i < errors.length; i++) body += `,${item(errors[i] as ErrataError, context)}`;
    const requestId = requestIdOf(error, context);
    return { status: error.status, headers: baseHeaders(error, CONTENT_TYPE, requestId), body: `${body}]}` };
  },
  parse: (body, input) => parseOci(body, input),
};

/** Reads an OCI distribution `{errors: [{code, message, detail}]}` body (its first error); `undefined` when the body is not one. Never throws. */
export const parseOci = safeParser(completed(parseOciBare));
