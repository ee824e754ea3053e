// The protobuf binary form (the wire format of protobuf's encoding guide) of
// the four google.rpc error details the connect dialect sends, base64-encoded
// as a Connect error detail's `value`. Writing only: errata reads a detail
// back from its `debug` JSON, never from these bytes. The fields are those of
// google/rpc/error_details.proto and google/protobuf/duration.proto.

const utf8 = new TextEncoder();

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
  field(no: number, payload: Uint8Array | readonly number[]): this {
    this.varint((no << 3) | 2).varint(payload.length);
    for (const b of payload) this.bytes.push(b);
    return this;
  }

  /** A string field; proto3 leaves out the empty string. */
  string(no: number, value: string | undefined): this {
    return value === undefined || value === '' ? this : this.field(no, utf8.encode(value));
  }

  /** A varint field (wire type 0); proto3 leaves out zero. */
  uint(no: number, value: number): this {
    return value === 0 ? this : this.varint(no << 3).varint(value);
  }
}

/** Standard base64 (RFC 4648 section 4, padded), as Connect's JSON error details carry bytes. */
function base64(bytes: readonly number[]): string {
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x2000) binary += String.fromCharCode(...bytes.slice(i, i + 0x2000));
  return btoa(binary);
}

/** `google.rpc.ErrorInfo {reason = 1, domain = 2, map<string, string> metadata = 3}`. */
export function errorInfo(
  reason: string,
  domain: string,
  metadata: Record<string, string> | undefined,
): string {
  const w = new Writer().string(1, reason).string(2, domain);
  for (const [k, v] of Object.entries(metadata ?? {}))
    w.field(3, new Writer().string(1, k).string(2, v).bytes);
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
