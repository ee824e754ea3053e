import { statusText } from '../../catalog/status.js';
import type { ErrataError } from '../../error.js';
import { completed, safeParser } from '../_bare.js';
import { baseHeaders, pointerFragment, requestIdOf, retryMember, withTitle } from '../_serialize.js';
import { localizedParts, publicDetails, publicMessage, publicTitle } from '../expose.js';
import type { Dialect } from '../types.js';
import { parseProblemBare } from './parse-bare.js';

const CONTENT_TYPE = 'application/problem+json';

/**
 * RFC 9457 problem details (`application/problem+json`): `type`, `title`,
 * `status`, `detail`, `instance`, and the extension members `code`,
 * `requestId`, `details`, `errors` (field violations with JSON Pointers) and
 * `retry` (the retry guidance, when the entry states it). A localizing responder's
 * caller gets `title` and `detail` in its language (RFC 9457 section 3.1 allows it).
 */
export const problem: Dialect = {
  name: 'problem',
  contentType: CONTENT_TYPE,
  serialize(error, context) {
    const def = error.definition;
    const e = def.entry;
    const title = publicTitle(error, context);
    // The members fixed by the entry are serialized once per entry, and once per translated title.
    let head = def.cache.problem as string | undefined;
    if (head === undefined) def.cache.problem = head = problemHead(error, e.title);
    if (title !== e.title)
      head = withTitle(error, 'problemTitled', title, problemHead, localizedParts(error, context));
    const requestId = requestIdOf(error, context);
    let body = head + JSON.stringify(publicMessage(error, context));
    if (context?.instance !== undefined) body += `,"instance":${JSON.stringify(context.instance)}`;
    if (requestId !== undefined) body += `,"requestId":${JSON.stringify(requestId)}`;
    const details = publicDetails(error);
    if (details !== undefined) body += `,"details":${JSON.stringify(details)}`;
    if (error.violations !== undefined && error.violations.length > 0) {
      body += `,"errors":${JSON.stringify(
        error.violations.map((v) => ({
          detail: v.message,
          pointer: pointerFragment(v.pointer),
          ...(v.code !== undefined && { code: v.code }),
        })),
      )}`;
    }
    body += retryMember(error);
    return { status: error.status, headers: baseHeaders(error, CONTENT_TYPE, requestId), body: `${body}}` };
  },
  parse: (body, input) => parseProblem(body, input),
};

/** `{"type":…,"title":…,"status":…,"code":…,"detail":` with this title (else the status's text). */
function problemHead(error: ErrataError, title: string | undefined): string {
  const def = error.definition;
  const e = def.entry;
  return `{${def.type === undefined ? '' : `"type":${JSON.stringify(def.type)},`}"title":${JSON.stringify(
    title || statusText(e.status),
  )},"status":${e.status},"code":${JSON.stringify(e.code)},"detail":`;
}

/** Reads an RFC 9457 body; `undefined` when the body is not one. Never throws. */
export const parseProblem = safeParser(completed(parseProblemBare));
