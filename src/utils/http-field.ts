// What HTTP can carry in a header field (RFC 9110 section 5).

/** A field name: a token (RFC 9110 section 5.1), at most 256 characters here. */
const TOKEN = /^[!#$%&'*+\-.^_`|~0-9A-Za-z]{1,256}$/;
/** A field value sendable as it is: visible ASCII, spaces and tabs (RFC 9110 section 5.5). */
const VISIBLE = /^[\t\x20-\x7e]*$/;

/** Whether `name` may be sent as a header field name. */
export const isFieldName = (name: string): boolean => TOKEN.test(name);

/** Whether `value` may be sent as a header field value as it is (no CR/LF, no non-ASCII). */
export const isFieldValue = (value: string): boolean => VISIBLE.test(value);
