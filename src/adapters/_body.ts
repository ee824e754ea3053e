import { failures } from '../server/builtin.js';

/** Default limit of a JSON request body: 1 MiB. */
export const DEFAULT_BODY_LIMIT = 1_048_576;

/** `application/json` and `application/*+json`, with UTF-8 or no charset (RFC 8259 section 8.1). */
const JSON_TYPE = /^application\/(?:[\w.!#$&^-]+\+)?json\s*(?:;\s*charset="?utf-8"?\s*)?$/i;

/**
 * Reads a fetch `Request`'s body as JSON, within a byte limit. A body that is
 * not declared JSON (`Content-Type`) is a 415 failure, one over the limit a
 * 413 and one that does not parse a 400, each answered with the catalog's
 * entry. A `text/plain` body is refused: a cross-site form or "simple" POST
 * sends one without a CORS preflight. A client that goes away mid-body is
 * a client abort, not a server error.
 */
export async function readJson(request: Request, options?: { readonly limit?: number }): Promise<unknown> {
  const limit = options?.limit ?? DEFAULT_BODY_LIMIT;
  if (!JSON_TYPE.test(request.headers.get('content-type') ?? '')) throw failures.unsupportedMediaType();
  const declared = request.headers.get('content-length');
  if (declared !== null && Number(declared) > limit) throw failures.payloadTooLarge();
  let text = '';
  if (request.body !== null) {
    const reader = request.body.getReader();
    const decoder = new TextDecoder();
    let size = 0;
    for (;;) {
      let chunk: ReadableStreamReadResult<Uint8Array>;
      try {
        chunk = await reader.read();
      } catch (e) {
        // Only the connection fails a request body's stream: the client is gone.
        throw failures.aborted(e);
      }
      if (chunk.done) break;
      size += chunk.value.byteLength;
      if (size > limit) {
        await reader.cancel().catch(() => {});
        throw failures.payloadTooLarge();
      }
      text += decoder.decode(chunk.value, { stream: true });
    }
    text += decoder.decode();
  }
  try {
    return JSON.parse(text);
  } catch (e) {
    throw failures.malformedBody(e);
  }
}
