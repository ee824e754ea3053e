import { statusText } from '../../catalog/status.js';
import { completed, safeParser } from '../_bare.js';
import { baseHeaders, requestIdOf } from '../_serialize.js';
import { publicDetails, publicMessage } from '../expose.js';
import type { Dialect } from '../types.js';
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

/** Reads a JSON:API `{errors: [...]}` document; `undefined` when the body is not one. Never throws. */
export const parseJsonApi = safeParser(completed(parseJsonApiBare));
