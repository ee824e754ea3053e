import { googleStatusOf } from '../../catalog/wire-facts.js';
import { completed, safeParser } from '../_bare.js';
import { baseHeaders, errorInfoMetadata, fieldPath, requestIdOf } from '../_serialize.js';
import { publicDetails, publicMessage } from '../expose.js';
import type { Dialect } from '../types.js';
import { parseGoogleBare } from './parse-bare.js';

const CONTENT_TYPE = 'application/json';
const T = 'type.googleapis.com/google.rpc.';

// The status an entry states, else the one AIP-193 pairs with its HTTP status (public as before).
export { grpcStatus } from '../../catalog/wire-facts.js';

/** A google.protobuf.Duration in its JSON form: seconds with up to 9 decimals and `s` (`60s`, `0.300s`). */
function protobufDuration(ms: number): string {
  const total = Math.max(0, Math.round(ms));
  const whole = Math.floor(total / 1000);
  const frac = total % 1000;
  return frac === 0 ? `${whole}s` : `${whole}.${String(frac).padStart(3, '0')}s`;
}

interface GoogleCache {
  /** `{"error":{"code":404,"message":` */
  readonly head: string;
  /** `,"status":"NOT_FOUND","details":[{ErrorInfo without its closing brace` */
  readonly info: string;
  /** `,{Help…}` or `""` */
  readonly help: string;
}

/**
 * Google's AIP-193 envelope: `{error: {code, message, status, details}}` with
 * `code` the HTTP status, `status` the canonical gRPC name the entry states
 * (`wire.google.status`), else its HTTP status's, and `details`
 * holding `ErrorInfo` (`reason` = the wire code, `domain` = the catalog name,
 * `metadata` = the details as strings), then when they apply `RetryInfo`
 * (the delay), `BadRequest` (field violations), `RequestInfo` (the request
 * id), `Help` (the entry's reference URL, described by its remediation, and
 * its links) and `LocalizedMessage` (en-US; from a localizing responder, the
 * caller's language and the message in it, `message` staying in the source
 * language as AIP-193 asks).
 */
export const google: Dialect = {
  name: 'google',
  contentType: CONTENT_TYPE,
  serialize(error, context) {
    const def = error.definition;
    let c = def.cache.google as GoogleCache | undefined;
    if (c === undefined) {
      const e = def.entry;
      const links: { description: string; url: string }[] = [];
      if (def.type !== undefined)
        links.push({ description: e.remediation ?? e.title ?? `Reference for ${e.code}`, url: def.type });
      for (const url of e.links ?? []) links.push({ description: 'More information', url });
      c = {
        head: `{"error":{"code":${e.status},"message":`,
        info: `,"status":"${googleStatusOf(e)}","details":[{"@type":"${T}ErrorInfo","reason":${JSON.stringify(
          e.code,
        )},"domain":${JSON.stringify(def.catalog.name)}`,
        help: links.length === 0 ? '' : `,${JSON.stringify({ '@type': `${T}Help`, links })}`,
      };
      def.cache.google = c;
    }
    const message = JSON.stringify(publicMessage(error));
    let body = c.head + message + c.info;
    const meta = errorInfoMetadata(publicDetails(error));
    body += meta === undefined ? '}' : `,"metadata":${JSON.stringify(meta)}}`;
    const delay = error.retryDelayMs;
    if (delay !== undefined) body += `,{"@type":"${T}RetryInfo","retryDelay":"${protobufDuration(delay)}"}`;
    const violations = error.violations;
    if (violations !== undefined && violations.length > 0) {
      body += `,${JSON.stringify({
        '@type': `${T}BadRequest`,
        fieldViolations: violations.map((v) =>
          v.code === undefined
            ? { field: fieldPath(v.pointer, 'dot'), description: v.message }
            : { field: fieldPath(v.pointer, 'dot'), description: v.message, reason: v.code },
        ),
      })}`;
    }
    const requestId = requestIdOf(error, context);
    if (requestId !== undefined)
      body += `,{"@type":"${T}RequestInfo","requestId":${JSON.stringify(requestId)}}`;
    // AIP-193: `message` stays in the source language, LocalizedMessage carries the caller's.
    const localized = context?.localized?.texts(error);
    body += `${c.help},{"@type":"${T}LocalizedMessage","locale":${
      localized === undefined
        ? `"en-US","message":${message}`
        : `${JSON.stringify(localized.locale)},"message":${JSON.stringify(localized.message)}`
    }}]}}`;
    return { status: error.status, headers: baseHeaders(error, CONTENT_TYPE, requestId), body };
  },
  parse: (body, input) => parseGoogle(body, input),
};

/** Reads an AIP-193 `{error: {code, message, status, details}}` body; `undefined` when the body is not one. Never throws. */
export const parseGoogle = safeParser(completed(parseGoogleBare));
