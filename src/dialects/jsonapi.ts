import { statusText } from '../catalog/status.js';
import type { Violation } from '../error.js';
import {
  baseHeaders,
  header,
  isRecord,
  own,
  ownRecord,
  parsed,
  publicDetails,
  publicMessage,
  requestIdOf,
  retryAfterFromHeaders,
  safeParser,
  str,
} from './_common.js';
import type { Dialect, ParsedError, ParseInput } from './types.js';

const CONTENT_TYPE = 'application/vnd.api+json';

interface JsonApiCache {
  /** `"links":{"type":…},` (JSON:API 1.1) or `""` */
  readonly links: string;
  /** `"status":"404","code":…,"title":…,"detail":` */
  readonly head: string;
}

/**
 * JSON:API error objects (`application/vnd.api+json`): `{errors: [{id, links,
 * status, code, title, detail, source, meta}]}` with `status` a string, `id`
 * the request id, `links.type` the entry's reference URL, `meta.details` the
 * details. A validation failure sends one error object per field violation,
 * `source.pointer` naming the field and `meta.reason` its machine code.
 */
export const jsonapi: Dialect = {
  name: 'jsonapi',
  contentType: CONTENT_TYPE,
  serialize(error, context) {
    const def = error.definition;
    let c = def.cache.jsonapi as JsonApiCache | undefined;
    if (c === undefined) {
      const e = def.entry;
      c = {
        links: def.type === undefined ? '' : `"links":{"type":${JSON.stringify(def.type)}},`,
        head: `"status":"${e.status}","code":${JSON.stringify(e.code)},"title":${JSON.stringify(
          e.title || statusText(e.status),
        )},"detail":`,
      };
      def.cache.jsonapi = c;
    }
    const requestId = requestIdOf(error, context);
    const lead = `{${requestId === undefined ? '' : `"id":${JSON.stringify(requestId)},`}${c.links}${c.head}`;
    const details = publicDetails(error);
    const violations = error.violations;
    let body = '{"errors":[';
    if (violations !== undefined && violations.length > 0) {
      for (const [i, v] of violations.entries()) {
        if (i > 0) body += ',';
        body += `${lead}${JSON.stringify(v.message)},"source":{"pointer":${JSON.stringify(v.pointer)}}`;
        const meta: Record<string, unknown> = {};
        if (i === 0 && details !== undefined) meta.details = details;
        if (v.code !== undefined) meta.reason = v.code;
        body += Object.keys(meta).length > 0 ? `,"meta":${JSON.stringify(meta)}}` : '}';
      }
    } else {
      body += `${lead}${JSON.stringify(publicMessage(error))}`;
      body += details === undefined ? '}' : `,"meta":${JSON.stringify({ details })}}`;
    }
    return {
      status: error.status,
      headers: baseHeaders(error, CONTENT_TYPE, requestId),
      body: `${body}]}`,
    };
  },
  parse: (body, input) => parseJsonApi(body, input),
};

const PROBLEM_MEMBERS = ['title', 'detail', 'type', 'status'];

function isJsonApiItem(item: unknown): item is Record<string, unknown> {
  if (!isRecord(item)) return false;
  if (Object.hasOwn(item, 'message') || Object.hasOwn(item, 'long_message')) return false;
  return (
    str(own(item, 'status')) !== undefined ||
    str(own(item, 'title')) !== undefined ||
    str(own(item, 'detail')) !== undefined ||
    str(own(item, 'code')) !== undefined
  );
}

/** Reads a JSON:API `{errors: [...]}` document; `undefined` when the body is not one. */
export const parseJsonApi = safeParser((body: unknown, input: ParseInput): ParsedError | undefined => {
  if (!isRecord(body)) return undefined;
  // A JSON:API document has no top-level title/detail/type/status; an RFC 9457
  // problem with an `errors` extension does.
  if (PROBLEM_MEMBERS.some((k) => Object.hasOwn(body, k))) return undefined;
  const errors = own(body, 'errors');
  if (!Array.isArray(errors) || errors.length === 0 || !isJsonApiItem(errors[0])) return undefined;
  const first = errors[0];
  const violations: Violation[] = [];
  for (const item of errors) {
    if (!isJsonApiItem(item)) continue;
    const source = ownRecord(item, 'source');
    const pointer = source === undefined ? undefined : str(own(source, 'pointer'));
    if (pointer === undefined) continue;
    const meta = ownRecord(item, 'meta');
    const reason = meta === undefined ? undefined : str(own(meta, 'reason'));
    violations.push({
      pointer,
      message: str(own(item, 'detail')) ?? str(own(item, 'title')) ?? '',
      ...(reason !== undefined && { code: reason }),
    });
  }
  const title = str(own(first, 'title'));
  const statusValue = str(own(first, 'status'));
  const status =
    statusValue !== undefined && /^[45]\d\d$/.test(statusValue) ? Number(statusValue) : input.status;
  const meta = ownRecord(first, 'meta');
  const details = meta === undefined ? undefined : own(meta, 'details');
  const links = ownRecord(first, 'links');
  const typeLink = links === undefined ? undefined : own(links, 'type');
  const type = str(typeLink) ?? (isRecord(typeLink) ? str(own(typeLink, 'href')) : undefined);
  const requestId = str(own(first, 'id')) ?? header(input, 'x-request-id');
  const retryAfterMs = retryAfterFromHeaders(input);
  return parsed({
    dialect: 'jsonapi',
    status,
    code: str(own(first, 'code')),
    message: str(own(first, 'detail')) ?? title,
    title,
    type,
    details,
    requestId,
    violations: violations.length > 0 ? violations : undefined,
    retryAfterMs,
  });
});
