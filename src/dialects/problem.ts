import { statusText } from '../catalog/status.js';
import type { Violation } from '../error.js';
import {
  baseHeaders,
  isRecord,
  num,
  pointerFragment,
  publicDetails,
  publicMessage,
  requestIdOf,
  str,
} from './_common.js';
import type { Dialect, ParsedError, ParseInput } from './types.js';

const CONTENT_TYPE = 'application/problem+json';

/**
 * RFC 9457 problem details (`application/problem+json`): `type`, `title`,
 * `status`, `detail`, `instance`, and the extension members `code`,
 * `requestId`, `details` and `errors` (field violations with JSON Pointers).
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
    return { status: error.status, headers: baseHeaders(error, CONTENT_TYPE, requestId), body: `${body}}` };
  },
  parse: parseProblem,
};

/** Reads an RFC 9457 body; `undefined` when the body is not a problem object. */
export function parseProblem(body: unknown, input: ParseInput): ParsedError | undefined {
  if (!isRecord(body)) return undefined;
  const type = str(body.type);
  const title = str(body.title);
  const detail = str(body.detail);
  if (type === undefined && title === undefined && detail === undefined) return undefined;
  if (body.status !== undefined && num(body.status) === undefined) return undefined;
  const violations: Violation[] = [];
  if (Array.isArray(body.errors)) {
    for (const v of body.errors) {
      if (!isRecord(v)) continue;
      const pointer = str(v.pointer) ?? '';
      violations.push({
        pointer: pointer.startsWith('#') ? pointer.slice(1) : pointer,
        message: str(v.detail) ?? str(v.message) ?? '',
        ...(str(v.code) !== undefined && { code: str(v.code) as string }),
      });
    }
  }
  return {
    dialect: 'problem',
    status: num(body.status) ?? input.status,
    code: str(body.code),
    message: detail ?? title,
    ...(title !== undefined && { title }),
    ...(type !== undefined && { type }),
    ...(body.details !== undefined && { details: body.details }),
    ...(str(body.requestId) !== undefined && { requestId: str(body.requestId) as string }),
    ...(violations.length > 0 && { violations }),
  };
}
