import { failures } from '../server/builtin.js';

/** Default limit of a JSON request body: 1 MiB. */
export const DEFAULT_BODY_LIMIT = 1_048_576;

/**
 * Reads a fetch `Request`'s body as JSON, within a byte limit. A body over the
 * limit is a 413 failure and one that does not parse a 400, each answered
 * with the catalog's entry.
 */
export async function readJson(request: Request, options?: { readonly limit?: number }): Promise<unknown> {
  const limit = options?.limit ?? DEFAULT_BODY_LIMIT;
  const declared = request.headers.get('content-length');
  if (declared !== null && Number(declared) > limit) throw failures.payloadTooLarge();
  let text = '';
  if (request.body !== null) {
    const reader = request.body.getReader();
    const decoder = new TextDecoder();
    let size = 0;
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      size += value.byteLength;
      if (size > limit) {
        await reader.cancel().catch(() => {});
        throw failures.payloadTooLarge();
      }
      text += decoder.decode(value, { stream: true });
    }
    text += decoder.decode();
  }
  try {
    return JSON.parse(text);
  } catch (e) {
    throw failures.malformedBody(e);
  }
}
