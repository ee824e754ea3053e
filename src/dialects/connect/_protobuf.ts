// The protobuf binary form (the wire format of protobuf's encoding guide) of
// the four google.rpc error details the connect dialect sends, base64-encoded
// as a Connect error detail's `value`. Writing only: errata reads a detail
// back from its `debug` JSON, never from these bytes. The fields are those of
// google/rpc/error_details.proto and google/protobuf/duration.proto.

/**
 * The UTF-8 bytes of a string (a lone surrogate as U+FFFD, as TextEncoder
 * does); written out because TextEncoder costs microseconds per short string.
 */
function utf8(text: string): number[] {
  const out: number[] = [];
  for (let i = 0; i < text.length; i++) {
    let c = text.charCodeAt(i);
    if (c < 0x80) out.push(c);
    else if (c < 0x800) out.push(0xc0 | (c >> 6), 0x80 | (c & 63));
    else {
      if (c >= 0xd800 && c <= 0xdfff) {
        const next = text.charCodeAt(i + 1);
        if (c <= 0xdbff && next >= 0xdc00 && next <= 0xdfff) {
          c = 0x10000 + ((c - 0xd800) << 10) + (next - 0xdc00);
          i++;
          out.push(0xf0 | (c >> 18), 0x80 | ((c >> 12) & 63), 0x80 | ((c >> 6) & 63), 0x80 | (c & 63));
          continue;
        }
        c = 0xfffd;
      }
      out.push(0xe0 | (c >> 12), 0x80 | ((c >> 6) & 63), 0x80 | (c & 63));
    }
  }
  return out;
}

/** An append-only byte buffer with the three protobuf writes these messages need. */
class Writer {
  readonly bytes: number[] = [];

  varint(n: number): this {
    let v = Math.max(0, Math.floor(n));
    while (v >= 0x80) {
      this.bytes.push((v % 0x80) | 0x80);
      v = Math.floor(v / 0x80);
    }
    this.bytes.push(v);
    return this;
  }

  /** A length-delimited field (wire type 2): a string's UTF-8 or an embedded message. */
  field(no: number, payload: readonly number[]): this {
    this.varint((no << 3) | 2).varint(payload.length);
    for (let i = 0; i < payload.length; i++) this.bytes.push(payload[i] as number);
    return this;
  }

  /** A string field, its UTF-8 bytes; proto3 leaves out the empty string. */
  string(no: number, value: string | undefined): this {
    return value === undefined || value === '' ? this : this.field(no, utf8(value));
  }

  /** A varint field (wire type 0); proto3 leaves out zero. */
  uint(no: number, value: number): this {
    return value === 0 ? this : this.varint(no << 3).varint(value);
  }
}

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

/** Standard base64 (RFC 4648 section 4, padded), as Connect's JSON error details carry bytes. */
function base64(bytes: readonly number[]): string {
  let out = '';
  const n = bytes.length;
  let i = 0;
  for (; i + 2 < n; i += 3) {
    const v = ((bytes[i] as number) << 16) | ((bytes[i + 1] as number) << 8) | (bytes[i + 2] as number);
    out += ALPHABET.charAt(v >> 18) + ALPHABET.charAt((v >> 12) & 63);
    out += ALPHABET.charAt((v >> 6) & 63) + ALPHABET.charAt(v & 63);
  }
  if (i < n) {
    const two = i + 1 < n;
    const v = ((bytes[i] as number) << 16) | (two ? (bytes[i + 1] as number) << 8 : 0);
    out += ALPHABET.charAt(v >> 18) + ALPHABET.charAt((v >> 12) & 63);
    out += `${two ? ALPHABET.charAt((v >> 6) & 63) : '='}=`;
  }
  return out;
}

/** The bytes of `google.rpc.ErrorInfo {reason = 1, domain = 2}`, the same for every occurrence of an entry. */
export function errorInfoHead(reason: string, domain: string): readonly number[] {
  return new Writer().string(1, reason).string(2, domain).bytes;
}

/** `google.rpc.ErrorInfo`: its head (see {@link errorInfoHead}), then `map<string, string> metadata = 3`. */
export function errorInfo(head: readonly number[], metadata: Record<string, string> | undefined): string {
  if (metadata === undefined) return base64(head);
  const w = new Writer();
  w.bytes.push(...head);
  for (const k of Object.keys(metadata)) w.field(3, new Writer().string(1, k).string(2, metadata[k]).bytes);
  return base64(w.bytes);
}

/** `google.rpc.BadRequest {repeated FieldViolation field_violations = 1}`, each `{field = 1, description = 2, reason = 3}`. */
export function badRequest(
  violations: readonly { field: string; description: string; reason?: string }[],
): string {
  const w = new Writer();
  for (const v of violations)
    w.field(1, new Writer().string(1, v.field).string(2, v.description).string(3, v.reason).bytes);
  return base64(w.bytes);
}

/** `google.rpc.RetryInfo {google.protobuf.Duration retry_delay = 1}`, the duration `{seconds = 1, nanos = 2}`. */
export function retryInfo(ms: number): string {
  const total = Math.max(0, Math.round(ms));
  const duration = new Writer().uint(1, Math.floor(total / 1000)).uint(2, (total % 1000) * 1_000_000);
  return base64(new Writer().field(1, duration.bytes).bytes);
}

/** `google.rpc.RequestInfo {request_id = 1}`. */
export function requestInfo(requestId: string): string {
  return base64(new Writer().string(1, requestId).bytes);
}
