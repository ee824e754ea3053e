// A client that went away mid-request: not the server's failure, and nothing to answer.

const CODES = new Set([
  'ECONNRESET',
  'ECONNABORTED',
  'EPIPE',
  'ERR_STREAM_PREMATURE_CLOSE',
  'ABORT_ERR',
  'UND_ERR_SOCKET',
]);

/**
 * Whether a thrown value is what a runtime throws when the client closes the
 * connection: an `AbortError`, a reset socket, Node's `aborted`, undici's
 * `terminated`, body-parser's `request.aborted`. Adapters also check that the
 * request is in fact gone, as a reset upstream connection throws the same.
 */
export function looksAborted(thrown: unknown): boolean {
  if (typeof thrown !== 'object' || thrown === null) return false;
  try {
    const { name, code, message, type } = thrown as Record<string, unknown>;
    return (
      name === 'AbortError' ||
      type === 'request.aborted' ||
      (typeof code === 'string' && CODES.has(code)) ||
      message === 'aborted' ||
      message === 'terminated'
    );
  } catch {
    return false;
  }
}
