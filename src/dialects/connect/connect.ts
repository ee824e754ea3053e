import type { EntryModel } from '../../catalog/model.js';
import { googleStatusOf } from '../../catalog/wire-facts.js';
import { completed, safeParser } from '../_bare.js';
import { baseHeaders, errorInfoMetadata, fieldPath, requestIdOf } from '../_serialize.js';
import { publicDetails, publicMessage } from '../expose.js';
import type { Dialect } from '../types.js';
import { badRequest, errorInfo, errorInfoHead, requestInfo, retryInfo } from './_protobuf.js';
import { parseConnectBare } from './parse-bare.js';

const CONTENT_TYPE = 'application/json';

/**
 * The Connect code of an entry: the canonical gRPC code it states
 * (`wire.google.status`), else the one its HTTP status gives (as for the
 * `google` dialect), in Connect's lower snake case (`CANCELLED` is `canceled`).
 */
export function connectCodeOf(entry: EntryModel): string {
  const status = googleStatusOf(entry);
  return status === 'CANCELLED' ? 'canceled' : status.toLowerCase();
}

interface ConnectCache {
  /** `{"code":"not_found","message":` */
  readonly head: string;
  /** The bytes of ErrorInfo's reason and domain. */
  readonly info: readonly number[];
  /** The ErrorInfo detail of an occurrence without details. */
  readonly bareInfo: string;
}

/** A google.protobuf.Duration in its JSON form (`60s`, `1.500s`). */
function durationJson(ms: number): string {
  const total = Math.max(0, Math.round(ms));
  const frac = total % 1000;
  return frac === 0 ? `${total / 1000}s` : `${Math.floor(total / 1000)}.${String(frac).padStart(3, '0')}s`;
}

/** One Connect error detail: the message's full name, its bytes in base64, and its JSON as `debug`. */
const detail = (type: string, value: string, debug: unknown): string =>
  `{"type":"google.rpc.${type}","value":"${value}","debug":${JSON.stringify(debug)}}`;

/**
 * The Connect protocol's unary error: `{code, message, details}`, `code` the
 * Connect code of the entry (see {@link connectCodeOf}), the HTTP status the
 * entry's own (Connect clients read the code from the body). `details` are
 * Connect's `{type, value, debug}`: `value` the message's protobuf bytes in
 * base64, `debug` its JSON. They hold `google.rpc.ErrorInfo` (`reason` = the
 * catalog's wire code, `domain` = the catalog name, `metadata` = the details
 * as strings), then when they apply `BadRequest` (field violations),
 * `RetryInfo` (the delay) and `RequestInfo` (the request id, also sent in
 * `x-request-id`, which Connect clients expose as metadata).
 */
export const connect: Dialect = {
  name: 'connect',
  contentType: CONTENT_TYPE,
  serialize(error, context) {
    const def = error.definition;
    const e = def.entry;
    let c = def.cache.connect as ConnectCache | undefined;
    if (c === undefined) {
      const info = errorInfoHead(e.code, def.catalog.name);
      c = {
        head: `{"code":"${connectCodeOf(e)}","message":`,
        info,
        bareInfo: detail('ErrorInfo', errorInfo(info, undefined), {
          reason: e.code,
          domain: def.catalog.name,
        }),
      };
      def.cache.connect = c;
    }
    const meta = errorInfoMetadata(publicDetails(error));
    let body = `${c.head}${JSON.stringify(publicMessage(error, context))},"details":[${
      meta === undefined
        ? c.bareInfo
        : detail('ErrorInfo', errorInfo(c.info, meta), {
            reason: e.code,
            domain: def.catalog.name,
            metadata: meta,
          })
    }`;
    const violations = error.violations;
    if (violations !== undefined && violations.length > 0) {
      const fieldViolations = violations.map((v) =>
        v.code === undefined
          ? { field: fieldPath(v.pointer, 'dot'), description: v.message }
          : { field: fieldPath(v.pointer, 'dot'), description: v.message, reason: v.code },
      );
      body += `,${detail('BadRequest', badRequest(fieldViolations), { fieldViolations })}`;
    }
    const delay = error.retryDelayMs;
    if (delay !== undefined)
      body += `,${detail('RetryInfo', retryInfo(delay), { retryDelay: durationJson(delay) })}`;
    const requestId = requestIdOf(error, context);
    if (requestId !== undefined) body += `,${detail('RequestInfo', requestInfo(requestId), { requestId })}`;
    return { status: error.status, headers: baseHeaders(error, CONTENT_TYPE, requestId), body: `${body}]}` };
  },
  parse: (body, input) => parseConnect(body, input),
};

/** Reads a Connect `{code, message, details: [{type, value, debug}]}` error body; `undefined` when the body is not one. Never throws. */
export const parseConnect = safeParser(completed(parseConnectBare));
