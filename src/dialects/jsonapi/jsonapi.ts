import { statusText } from '../../catalog/status.js';
import type { ErrataError } from '../../error.js';
import { completed, safeParser } from '../_bare.js';
import { baseHeaders, requestIdOf, responseErrors, withTitle } from '../_serialize.js';
import { localizedParts, publicDetails, publicMessage, publicTitle } from '../expose.js';
import type { Dialect, SerializeContext } from '../types.js';
import { parseJsonApiBare } from './parse-bare.js';

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
 * `source.pointer` naming the field and `meta.reason` its machine code. The
 * errors of the `also` option follow, each in the same form; the status is
 * the first error's. A localizing responder's caller gets `title` and
 * `detail` in its language.
 */
export const jsonapi: Dialect = {
  name: 'jsonapi',
  contentType: CONTENT_TYPE,
  serialize(error, context) {
    const requestId = requestIdOf(error, context);
    const id = requestId === undefined ? '' : `"id":${JSON.stringify(requestId)},`;
    let body = '{"errors":[';
    for (const [i, e] of responseErrors(error).entries()) body += (i > 0 ? ',' : '') + items(e, id, context);
    return {
      status: error.status,
      headers: baseHeaders(error, CONTENT_TYPE, requestId),
      body: `${body}]}`,
    };
  },
  parse: (body, input) => parseJsonApi(body, input),
};

/** The error objects of one error: one, or one per field violation; `id` is `"id":…,` or `""`. */
function items(error: ErrataError, id: string, context: SerializeContext | undefined): string {
  const def = error.definition;
  let c = def.cache.jsonapi as JsonApiCache | undefined;
  if (c === undefined) {
    const e = def.entry;
    c = {
      links: def.type === undefined ? '' : `"links":{"type":${JSON.stringify(def.type)}},`,
      head: jsonapiHead(error, e.title),
    };
    def.cache.jsonapi = c;
  }
  // A translated title is serialized once per title.
  const title = publicTitle(error, context);
  const lead = `{${id}${c.links}${title === def.entry.title ? c.head : withTitle(error, 'jsonapiTitled', title, jsonapiHead, localizedParts(error, context))}`;
  const details = publicDetails(error);
  const violations = error.violations;
  let out = '';
  if (violations !== undefined && violations.length > 0) {
    for (const [i, v] of violations.entries()) {
      if (i > 0) out += ',';
      out += `${lead}${JSON.stringify(v.message)},"source":{"pointer":${JSON.stringify(v.pointer)}}`;
      const meta: Record<string, unknown> = {};
      if (i === 0 && details !== undefined) meta.details = details;
      if (v.code !== undefined) meta.reason = v.code;
      out += Object.keys(meta).length > 0 ? `,"meta":${JSON.stringify(meta)}}` : '}';
    }
  } else {
    out += `${lead}${JSON.stringify(publicMessage(error, context))}`;
    out += details === undefined ? '}' : `,"meta":${JSON.stringify({ details })}}`;
  }
  return out;
}

/** `"status":"404","code":…,"title":…,"detail":` with this title (else the status's text). */
function jsonapiHead(error: ErrataError, title: string | undefined): string {
  const e = error.definition.entry;
  return `"status":"${e.status}","code":${JSON.stringify(e.code)},"title":${JSON.stringify(
    title || statusText(e.status),
  )},"detail":`;
}

/** Reads a JSON:API `{errors: [...]}` document; `undefined` when the body is not one. Never throws. */
export const parseJsonApi = safeParser(completed(parseJsonApiBare));
