import { statusText } from '../../catalog/status.js';
import { completed, safeParser } from '../_bare.js';
import { baseHeaders, pointerFragment, requestIdOf, retryMember } from '../_serialize.js';
import { publicDetails, publicMessage } from '../expose.js';
import type { Dialect } from '../types.js';
import { parseProblemBare } from './parse-bare.js';

const CONTENT_TYPE = 'application/problem+json';

/**
 * RFC 9457 problem details (`application/problem+json`): `type`, `title`,
 * `status`, `detail`, `instance`, and the extension members `code`,
 * `requestId`, `details`, `errors` (field violations with JSON Pointers) and
 * `retry` (the retry guidance, when the entry states it).
 */
export const problem: Dialect = {
  name: 'problem',
  contentType: CONTENT_TYPE,
  serialize(error, context) {
    const def = error.definition;
    // The members fixed by the entry are serialized once per entry.
    let head = def.cache.problem as string | undefined;
    if (head === undefined) {
      const e = def.entry;
      head = `{${def.type === undefined ? '' : `"type":${JSON.stringify(def.type)},`}"title":${JSON.stringify(
        e.title || statusText(e.status),
      )},"status":${e.status},"code":${JSON.stringify(e.code)},"detail":`;
      def.cache.problem = head;
    }
    const requestId = requestIdOf(error, context);
    let body = head + JSON.stringify(publicMessage(error));
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

/** Reads an RFC 9457 body; `undefined` when the body is not one. Never throws. */
export const parseProblem = safeParser(completed(parseProblemBare));
