// What an example body printed on a page (or recorded, or in a spec) says
// of its error: the code, the message, a title, the details, and the
// built-in dialect whose envelope it is.
import type { JsonSchema } from '../catalog/model.js';
import { parseAny } from '../dialects/parsers.js';
import { isRecord } from '../utils/record.js';

export interface ExampleFields {
  code?: string;
  message?: string;
  title?: string;
  details?: unknown;
  /** The built-in dialect that reads the body, when one does. */
  dialect?: string;
}

const first = (record: Record<string, unknown>, keys: readonly string[]): string | undefined => {
  for (const key of keys) {
    const value = record[key];
    if (typeof value === 'string') return value;
  }
  return undefined;
};

const CODE_KEYS = ['code', 'error_code', 'errorCode', 'error_type', 'reason', 'type'];
const MESSAGE_KEYS = ['longMessage', 'long_message', 'message', 'detail', 'error_description', 'error'];
const TITLE_KEYS = ['shortMessage', 'short_message', 'title'];

const noHeaders = { get: () => null };

/** The dialect that reads a body sent with this status, if any built-in one does. */
export function dialectOf(body: unknown, status: number, contentType?: string): string | undefined {
  const headers = {
    get: (name: string) => (name.toLowerCase() === 'content-type' ? (contentType ?? null) : null),
  };
  return parseAny(body, { status, headers: contentType ? headers : noHeaders })?.dialect;
}

/**
 * The error a body describes. The body's own members are read first (the
 * page's words, verbatim: `shortMessage` is a title, `longMessage` the
 * message); a dialect's parser fills in what they lack.
 */
export function readExample(body: unknown, status: number, contentType?: string): ExampleFields {
  const parsed = (() => {
    const headers = contentType
      ? { get: (n: string) => (n.toLowerCase() === 'content-type' ? contentType : null) }
      : noHeaders;
    return parseAny(body, { status, headers });
  })();
  const out: ExampleFields = {};
  if (parsed) out.dialect = parsed.dialect;
  let record: Record<string, unknown> | undefined = isRecord(body) ? body : undefined;
  if (record && isRecord(record.error)) record = record.error;
  else if (
    record &&
    first(record, CODE_KEYS) === undefined &&
    Array.isArray(record.errors) &&
    isRecord(record.errors[0])
  )
    record = record.errors[0];
  if (record) {
    const code = first(record, CODE_KEYS);
    if (code !== undefined && !/^https?:/.test(code)) out.code = code;
    const message = first(record, MESSAGE_KEYS);
    if (message !== undefined && message !== out.code) out.message = message;
    const title = first(record, TITLE_KEYS);
    if (title !== undefined) out.title = title;
    const details = record.details ?? record.meta;
    if (details !== undefined && details !== null) out.details = details;
  }
  if (out.code === undefined && parsed?.code) out.code = parsed.code;
  if (out.message === undefined && parsed?.message) out.message = parsed.message;
  if (out.title === undefined && parsed?.title) out.title = parsed.title;
  return out;
}

function jsonType(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  if (typeof value === 'number') return Number.isInteger(value) ? 'integer' : 'number';
  return typeof value;
}

/** A JSON Schema for an example value: the types of its members, and the example kept. */
export function schemaOf(example: unknown): JsonSchema {
  if (isRecord(example)) {
    const properties: Record<string, JsonSchema> = {};
    for (const [key, value] of Object.entries(example)) properties[key] = { type: jsonType(value) };
    return { type: 'object', properties, examples: [example] };
  }
  return { type: jsonType(example), examples: [example] };
}
