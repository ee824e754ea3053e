// Which of a handler's headers an error response drops.

/**
 * Response headers that describe a representation or how to cache it: set by a
 * handler for the answer it meant to send, wrong on the error that replaces it
 * (a `Content-Length` a client waits for, a `Content-Encoding: gzip` it cannot
 * decode, a `Cache-Control: public` that caches a 500). Adapters remove them
 * before an error response; the rest (CORS, security headers, cookies) is kept.
 */
const REPRESENTATION =
  /^(?:content-(?!security-policy)|(?:repr-)?digest$|etag$|last-modified$|cache-control$|expires$|age$|pragma$|accept-ranges$|transfer-encoding$|trailer$)/i;

/** The names among `names` an error response must not keep (see above). */
export function representationHeaders(names: Iterable<string>): string[] {
  const out: string[] = [];
  for (const name of names) if (REPRESENTATION.test(name)) out.push(name);
  return out;
}
