// What a request says of its body, for the validators that read JSON.

/** `application/json` and `application/*+json`, whatever their parameters. */
const JSON_MEDIA_TYPE = /^application\/(?:[\w.!#$&^-]+\+)?json\s*(?:;|$)/i;

/** Whether a media type (a `Content-Type` value) is JSON. */
export const isJsonMediaType = (type: string): boolean => JSON_MEDIA_TYPE.test(type);

/** Whether a request carries a body (RFC 9112 section 6.3: a `Transfer-Encoding`, or a `Content-Length` above 0). */
export function carriesBody(
  contentLength: string | null | undefined,
  transferEncoding: string | null | undefined,
): boolean {
  return (transferEncoding ?? '') !== '' || Number(contentLength ?? 0) > 0;
}
