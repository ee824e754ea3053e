import type { JsonSchema } from '../catalog/model.js';
import { isRecord } from '../utils/record.js';

type Mutable = { [key: string]: unknown };

function typeOf(v: unknown): string {
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'array';
  if (typeof v === 'number') return Number.isInteger(v) ? 'integer' : 'number';
  return typeof v;
}

/**
 * A JSON Schema that every sample satisfies, inferred from the samples' shapes:
 * an object member is required when every object sample has it. The shape of a
 * dialect's body is read from bodies it actually produced, so any dialect,
 * built in or user defined, gets a schema without declaring one.
 */
export function inferSchema(samples: readonly unknown[], depth = 0): JsonSchema {
  const types = new Set<string>();
  for (const s of samples) types.add(typeOf(s));
  if (types.has('integer') && types.has('number')) types.delete('integer');
  if (depth > 8 || types.size === 0) return {};
  const out: Mutable = {};
  const list = [...types].sort();
  out.type = list.length === 1 ? list[0] : list;
  if (types.has('object')) {
    const objects = samples.filter(isRecord);
    const keys: string[] = [];
    const seen = new Set<string>();
    for (const o of objects)
      for (const k of Object.keys(o))
        if (!seen.has(k)) {
          seen.add(k);
          keys.push(k);
        }
    const properties: Mutable = {};
    for (const k of keys) {
      properties[k] = inferSchema(
        objects.filter((o) => k in o).map((o) => o[k]),
        depth + 1,
      );
    }
    out.properties = properties;
    const required = keys.filter((k) => objects.every((o) => k in o));
    if (required.length > 0) out.required = required;
  }
  if (types.has('array')) {
    const items = samples.filter(Array.isArray).flat();
    if (items.length > 0) out.items = inferSchema(items, depth + 1);
  }
  return out;
}

/** A path into a body: object keys, and `[]` for "each item of an array". */
export type BodyPath = readonly string[];

/** Every path at which `body` holds the value `value` (compared with `===`). */
function pathsOf(body: unknown, value: string, prefix: string[] = [], depth = 0): string[][] {
  if (depth > 8) return [];
  if (body === value) return [prefix];
  const out: string[][] = [];
  if (Array.isArray(body)) {
    if (body.length > 0) out.push(...pathsOf(body[0], value, [...prefix, '[]'], depth + 1));
  } else if (isRecord(body)) {
    for (const [k, v] of Object.entries(body)) out.push(...pathsOf(v, value, [...prefix, k], depth + 1));
  }
  return out;
}

function at(body: unknown, path: BodyPath): unknown {
  let cur = body;
  for (const seg of path) {
    if (seg === '[]') cur = Array.isArray(cur) ? cur[0] : undefined;
    else cur = isRecord(cur) ? cur[seg] : undefined;
  }
  return cur;
}

/** The shortest path at which `body` holds `value`, or undefined. */
export function findValuePath(body: unknown, value: string): BodyPath | undefined {
  return pathsOf(body, value).sort((a, b) => a.length - b.length)[0];
}

/**
 * Where a dialect puts the wire code: the shortest path that holds each
 * sample's code in every sample (`code`, `error.code`, `errors[].code`,
 * `error_code`…). Samples with an empty code do not vote.
 */
export function findCodePath(samples: readonly { body: unknown; code: string }[]): BodyPath | undefined {
  const voting = samples.filter((s) => s.code !== '');
  const first = voting[0];
  if (first === undefined) return undefined;
  const candidates = pathsOf(first.body, first.code).sort((a, b) => a.length - b.length);
  return candidates.find((p) => voting.every((s) => at(s.body, p) === s.code));
}

/** The schema node at a body path, or undefined. */
function nodeAt(schema: Mutable, path: BodyPath): Mutable | undefined {
  let cur: Mutable | undefined = schema;
  for (const seg of path) {
    if (cur === undefined) return undefined;
    cur = (seg === '[]' ? cur.items : (cur.properties as Mutable | undefined)?.[seg]) as Mutable | undefined;
  }
  return cur;
}

/** Sets `enum` on the schema node at `path` (the node is edited in place). */
export function setEnum(schema: JsonSchema, path: BodyPath, values: readonly string[]): void {
  const node = nodeAt(schema as Mutable, path);
  if (node !== undefined) node.enum = [...values];
}

/**
 * Makes the schema node at `path` the empty schema, any value (edited in
 * place): what the samples showed there is not all it may hold.
 */
export function openNode(schema: JsonSchema, path: BodyPath): void {
  const node = nodeAt(schema as Mutable, path);
  if (node !== undefined) for (const key of Object.keys(node)) delete node[key];
}

/** Removes the member the path ends with from the object schema holding it (edited in place). */
export function dropMember(schema: JsonSchema, path: BodyPath): void {
  const key = path.at(-1);
  const node = nodeAt(schema as Mutable, path.slice(0, -1));
  if (key === undefined || node === undefined || !isRecord(node.properties)) return;
  delete node.properties[key];
  if (Array.isArray(node.required)) node.required = node.required.filter((k) => k !== key);
}

/** `a.b[].c`, for prose. */
export function formatPath(path: BodyPath): string {
  return path.reduce<string>((s, seg) => (seg === '[]' ? `${s}[]` : s ? `${s}.${seg}` : seg), '');
}

/** The fields of an inferred schema, flattened for a table: path, type, required. */
export function schemaFields(
  schema: JsonSchema,
  prefix = '',
  depth = 0,
): { path: string; type: string; required: boolean }[] {
  const out: { path: string; type: string; required: boolean }[] = [];
  const props = (schema.properties ?? {}) as Record<string, JsonSchema>;
  const required = new Set((schema.required ?? []) as string[]);
  for (const [k, v] of Object.entries(props)) {
    const path = prefix ? `${prefix}.${k}` : k;
    out.push({ path, type: typeLabel(v), required: required.has(k) });
    if (depth < 3) {
      if (v.properties) out.push(...schemaFields(v, path, depth + 1));
      const items = v.items as JsonSchema | undefined;
      if (items?.properties) out.push(...schemaFields(items, `${path}[]`, depth + 1));
    }
  }
  return out;
}

/** `string`, `object | null`, `array of object`. */
export function typeLabel(schema: JsonSchema): string {
  const t = schema.type;
  const list = Array.isArray(t) ? (t as string[]) : typeof t === 'string' ? [t] : [];
  if (list.length === 0) return 'any value';
  return list
    .map((x) => (x === 'array' && schema.items ? `array of ${typeLabel(schema.items as JsonSchema)}` : x))
    .join(' | ');
}
