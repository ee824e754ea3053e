// Any response a test holds, as an observation: a fetch `Response` (its body
// read from a clone), supertest's (`status`, `headers`, `text`),
// light-my-request's (Fastify `inject`: `statusCode`, `headers`, `payload`),
// or a Node `IncomingMessage`-style object with its collected `body`.
import { headersRecord } from '../check/check-response.js';
import type { Observation } from '../check/types.js';

/** A response the matchers take. */
export type ResponseLike =
  | Response
  | {
      readonly status?: number;
      readonly statusCode?: number;
      readonly headers?: unknown;
      readonly text?: unknown;
      readonly payload?: unknown;
      readonly body?: unknown;
    };

/** Why a value is not a response the matchers read. */
export class NotAResponseError extends TypeError {
  override readonly name = 'NotAResponseError';
}

const isFetchResponse = (x: object): x is Response =>
  (typeof Response !== 'undefined' && x instanceof Response) ||
  (typeof (x as Response).clone === 'function' &&
    typeof (x as Response).text === 'function' &&
    typeof (x as Response).headers?.get === 'function');

const rec = (x: unknown): Record<string, unknown> | undefined =>
  typeof x === 'object' && x !== null ? (x as Record<string, unknown>) : undefined;

/** A collected body as text: a string, UTF-8 bytes, or JSON already parsed by the client. */
function bodyText(x: unknown): string | undefined {
  if (typeof x === 'string') return x;
  if (x instanceof Uint8Array) return new TextDecoder().decode(x);
  if (x instanceof ArrayBuffer) return new TextDecoder().decode(new Uint8Array(x));
  if (x === undefined || x === null) return undefined;
  try {
    return JSON.stringify(x);
  } catch {
    return undefined;
  }
}

/** The method and URL of the request a response answers, where the client kept them. */
function requestOf(x: Record<string, unknown>): { method?: string; url?: string } {
  // supertest: res.req (a ClientRequest); light-my-request: res.raw.req; fetch: res.url.
  const req = rec(x.req) ?? rec(rec(x.raw)?.req) ?? rec(x.request);
  const method = req?.method;
  const url = typeof x.url === 'string' && x.url !== '' ? x.url : (req?.path ?? req?.url);
  return {
    ...(typeof method === 'string' && { method }),
    ...(typeof url === 'string' && { url }),
  };
}

function plainHeaders(h: unknown): Observation['headers'] {
  if (typeof Headers !== 'undefined' && h instanceof Headers) return headersRecord(h);
  return (rec(h) ?? {}) as Observation['headers'];
}

/**
 * Reads a response as an observation: at once, or as a promise for a fetch
 * `Response` (its body is read from a clone, so the test can still read it).
 * Throws {@link NotAResponseError} on anything else.
 */
export function toObservation(actual: unknown): Observation | Promise<Observation> {
  const x = rec(actual);
  if (x === undefined)
    throw new NotAResponseError(`expected a response, got ${actual === null ? 'null' : typeof actual}`);
  if (isFetchResponse(x)) {
    if (x.bodyUsed)
      throw new NotAResponseError(
        'the Response body was already read: pass the Response before reading it, or a clone',
      );
    const r = x;
    return r
      .clone()
      .text()
      .then((body) => ({ status: r.status, headers: headersRecord(r.headers), body, ...requestOf(x) }));
  }
  const status = typeof x.status === 'number' ? x.status : x.statusCode;
  if (typeof status !== 'number')
    throw new NotAResponseError(
      'expected a response: a fetch Response, or an object with a status (or statusCode), headers and a body (text, payload or body)',
    );
  const body =
    typeof x.text === 'string' ? x.text : typeof x.payload === 'string' ? x.payload : bodyText(x.body);
  return { status, headers: plainHeaders(x.headers), ...(body !== undefined && { body }), ...requestOf(x) };
}
