// Example values for the reference pages, built from a JSON Schema so that the
// value validates against it: the schema's own `examples`, `const`, `default`
// or `enum` first, else a value of its type within its bounds (length, range,
// multiple, item and property counts, formats, a pattern where one of a few
// candidates matches), with every declared property of an object.

import type { JsonSchema, ParamType } from '../catalog/model.js';
import { isRecord } from '../utils/record.js';

/** A JSON value. */
export type JsonValue = null | boolean | number | string | JsonValue[] | { [key: string]: JsonValue };

const MAX_DEPTH = 8;

/** A string of each well-known `format` (JSON Schema 2020-12, section 7.3). */
const FORMATS: Readonly<Record<string, string>> = {
  'date-time': '2025-01-15T10:30:00Z',
  date: '2025-01-15',
  time: '10:30:00Z',
  duration: 'PT30S',
  email: 'ada@example.com',
  'idn-email': 'ada@example.com',
  hostname: 'api.example.com',
  'idn-hostname': 'api.example.com',
  ipv4: '192.0.2.10',
  ipv6: '2001:db8::10',
  uri: 'https://example.com/resource',
  url: 'https://example.com/resource',
  iri: 'https://example.com/resource',
  'uri-reference': '/v1/resource',
  'iri-reference': '/v1/resource',
  'uri-template': 'https://example.com/{id}',
  uuid: '3f2b8c1e-9d4a-4e6b-8a7c-1d2e3f4a5b6c',
  'json-pointer': '/items/0',
  'relative-json-pointer': '0/name',
  regex: '^[a-z]+$',
  byte: 'ZXhhbXBsZQ==',
  int32: '1',
  int64: '1',
};

/** A plausible string for a property of this name, when its schema says no more than "string". */
function stringForName(name: string | undefined): string {
  if (name === undefined || name === '') return 'example';
  const lower = name.toLowerCase();
  if (/e-?mail/.test(lower)) return 'ada@example.com';
  if (/(^|_)(url|uri|href|link)$|url$/.test(lower)) return 'https://example.com/resource';
  if (/(^|_)id$|[a-z]Id$/.test(name)) return `${lower.replace(/_?id$/, '') || 'obj'}_123`;
  return lower.replace(/[^a-z0-9_]+/g, '_').replace(/^_+|_+$/g, '') || 'example';
}

const types = (schema: JsonSchema): string[] =>
  Array.isArray(schema.type)
    ? (schema.type as string[])
    : typeof schema.type === 'string'
      ? [schema.type]
      : [];
const num = (v: unknown): number | undefined => (typeof v === 'number' && Number.isFinite(v) ? v : undefined);

function fitLength(value: string, schema: JsonSchema): string {
  const min = num(schema.minLength) ?? 0;
  const max = num(schema.maxLength);
  let out = value;
  // Lengths count code points (JSON Schema 2020-12, section 6.3.1).
  while ([...out].length < min) out += 'x';
  if (max !== undefined && [...out].length > max) out = [...out].slice(0, Math.max(max, min)).join('');
  return out;
}

function stringValue(schema: JsonSchema, name: string | undefined, variant: number): string {
  const format = typeof schema.format === 'string' ? FORMATS[schema.format] : undefined;
  const base = format ?? stringForName(name);
  const suffix = variant > 0 ? `_${variant + 1}` : '';
  if (typeof schema.pattern === 'string') {
    let re: RegExp | undefined;
    try {
      re = new RegExp(schema.pattern, 'u');
    } catch {
      re = undefined;
    }
    if (re !== undefined) {
      const candidates = [
        base + suffix,
        base,
        'example',
        'EXAMPLE',
        'abc123',
        'ABC123',
        'a1',
        String(variant + 1),
        '1',
        'a',
        'A',
      ].map((c) => fitLength(c, schema));
      const hit = candidates.find((c) => re.test(c));
      if (hit !== undefined) return hit;
    }
  }
  if (format !== undefined) return format;
  return fitLength(base + suffix, schema);
}

function numberValue(schema: JsonSchema, integer: boolean, variant: number): number {
  const step = num(schema.multipleOf);
  const min = num(schema.minimum);
  const max = num(schema.maximum);
  const exMin = num(schema.exclusiveMinimum);
  const exMax = num(schema.exclusiveMaximum);
  const lowBound = Math.max(min ?? -Infinity, exMin ?? -Infinity);
  const highBound = Math.min(max ?? Infinity, exMax ?? Infinity);
  const above = (v: number) => v > (exMin ?? -Infinity) && v >= (min ?? -Infinity);
  const below = (v: number) => v < (exMax ?? Infinity) && v <= (max ?? Infinity);
  const ok = (v: number) =>
    above(v) && below(v) && (!integer || Number.isInteger(v)) && (step === undefined || isMultiple(v, step));
  // Candidates from the bottom of the range (1 when unbounded), upwards by the step; downwards
  // from the top when only the top is bounded.
  const unit = step ?? 1;
  const down = !Number.isFinite(lowBound) && Number.isFinite(highBound);
  const start = Number.isFinite(lowBound) ? lowBound : down ? Math.min(highBound, 1) : 1;
  const first =
    step !== undefined
      ? (down ? Math.floor(start / step) : Math.ceil(start / step)) * step
      : integer
        ? down
          ? Math.floor(start)
          : Math.ceil(start)
        : start;
  for (let k = 0; k < 4; k++) {
    const v = first + (down ? -1 : 1) * (variant + k) * unit;
    if (ok(v)) return v;
  }
  for (const v of [first, Math.floor(highBound), (lowBound + highBound) / 2])
    if (Number.isFinite(v) && ok(v)) return v;
  return first;
}

function isMultiple(value: number, step: number): boolean {
  const q = value / step;
  return Math.abs(q - Math.round(q)) < 1e-9;
}

/** The first branch of `anyOf`/`oneOf`, merged with the schema around it. */
function withBranch(schema: JsonSchema): JsonSchema {
  const branches = (schema.anyOf ?? schema.oneOf) as unknown;
  if (!Array.isArray(branches) || !isRecord(branches[0])) return schema;
  const { anyOf: _a, oneOf: _o, ...rest } = schema;
  return mergeSchemas(rest, branches[0] as JsonSchema);
}

/** `allOf` folded into one schema: properties and required lists joined, the other keywords of the later ones win. */
function mergeSchemas(a: JsonSchema, b: JsonSchema): JsonSchema {
  const props = { ...(a.properties as object | undefined), ...(b.properties as object | undefined) };
  const required = [...new Set([...((a.required as string[]) ?? []), ...((b.required as string[]) ?? [])])];
  return {
    ...a,
    ...b,
    ...(Object.keys(props).length > 0 && { properties: props }),
    ...(required.length > 0 && { required }),
  };
}

function flatten(schema: JsonSchema): JsonSchema {
  let out = schema;
  if (Array.isArray(out.allOf)) {
    const { allOf, ...rest } = out;
    out = (allOf as unknown[]).filter(isRecord).reduce<JsonSchema>((s, part) => mergeSchemas(s, part), rest);
  }
  return withBranch(out);
}

/**
 * An example value that `schema` accepts, for the property `name` (which
 * shapes a plain string: `email` gives an address, `order_id` an id). The
 * schema's first `examples` item, `const`, `default` or first `enum` value
 * wins; `variant` gives the n-th distinct value, for arrays of unique items.
 */
export function exampleValue(
  schema: JsonSchema | boolean | undefined,
  name?: string,
  variant = 0,
  depth = 0,
): JsonValue {
  if (schema === undefined || schema === true) return {};
  if (schema === false || !isRecord(schema)) return null;
  if (Array.isArray(schema.examples) && schema.examples.length > 0)
    return schema.examples[Math.min(variant, schema.examples.length - 1)] as JsonValue;
  if ('const' in schema) return schema.const as JsonValue;
  if ('default' in schema && variant === 0) return schema.default as JsonValue;
  if (Array.isArray(schema.enum) && schema.enum.length > 0)
    return schema.enum[variant % schema.enum.length] as JsonValue;
  const flat = flatten(schema);
  if (flat !== schema) return exampleValue(flat, name, variant, depth + 1);
  const list = types(schema);
  const has = (t: string) => list.length === 0 || list.includes(t);
  // The first type a value can be built for; an untyped schema with properties is an object.
  const type =
    list.find((t) => t !== 'null') ??
    (schema.properties !== undefined ? 'object' : schema.items !== undefined ? 'array' : undefined);
  if (depth > MAX_DEPTH)
    return list.includes('null') ? null : type === 'array' ? [] : has('object') ? {} : null;
  switch (type) {
    case 'string':
      return stringValue(schema, name, variant);
    case 'integer':
      return numberValue(schema, true, variant);
    case 'number':
      return numberValue(schema, false, variant);
    case 'boolean':
      return variant % 2 === 0;
    case 'array':
      return arrayValue(schema, name, depth);
    case 'object':
      return objectValue(schema, variant, depth);
    default:
      // `null` alone, or any value at all.
      return list.includes('null') ? null : {};
  }
}

function arrayValue(schema: JsonSchema, name: string | undefined, depth: number): JsonValue[] {
  const prefix = Array.isArray(schema.prefixItems) ? (schema.prefixItems as JsonSchema[]) : [];
  const min = num(schema.minItems) ?? 0;
  const max = num(schema.maxItems) ?? Infinity;
  const count = Math.min(Math.max(1, min, prefix.length), max);
  const items = schema.items as JsonSchema | boolean | undefined;
  const singular = name?.replace(/s$/, '');
  const out: JsonValue[] = [];
  for (let i = 0; i < count; i++) {
    const item = prefix[i] ?? items;
    if (item === false) break;
    out.push(exampleValue(item, singular, schema.uniqueItems === true ? i : 0, depth + 1));
  }
  return out;
}

function objectValue(schema: JsonSchema, variant: number, depth: number): { [key: string]: JsonValue } {
  const props = isRecord(schema.properties) ? (schema.properties as Record<string, JsonSchema>) : {};
  const required = Array.isArray(schema.required) ? (schema.required as string[]) : [];
  const max = num(schema.maxProperties) ?? Infinity;
  // Every required member, then the optional ones while there is room: a reader sees the whole shape.
  const keys = [...new Set([...required, ...Object.keys(props)])].slice(0, Math.max(max, required.length));
  const out: { [key: string]: JsonValue } = {};
  // A variant (an item of an array of unique items) differs in each member.
  for (const key of keys) out[key] = exampleValue(props[key] ?? {}, key, variant, depth + 1);
  const min = num(schema.minProperties) ?? 0;
  const extra = schema.additionalProperties;
  for (let i = 0; Object.keys(out).length < min && extra !== false && i < min; i++)
    out[`key_${i + 1}`] = exampleValue(isRecord(extra) ? (extra as JsonSchema) : {}, 'value', 0, depth + 1);
  return out;
}

/** The example value of a message parameter: `<name>` for a string (shown as a placeholder), else a value of its type. */
export function exampleParam(name: string, type: ParamType): string | number | boolean {
  switch (type) {
    case 'integer':
      return 3;
    case 'number':
      return 2.5;
    case 'boolean':
      return true;
    default:
      return `<${name}>`;
  }
}
