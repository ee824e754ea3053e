import { isRecord } from '../../utils/record.js';
import { type AddIssue, pathKey } from '../issue-path.js';
import { describe } from '../issue-wording.js';
import { jsonCopy } from '../json-copy.js';
import type { JsonSchema } from '../model.js';
import { isStandardSchema, type StandardSchemaV1, toJsonSchema } from '../standard-schema.js';

/** An entry's `details`: a JSON Schema (copied as JSON), `true`/`false`, or a Standard Schema (kept, and its JSON Schema copied). */
export function normalizeDetails(
  raw: unknown,
  path: string,
  add: AddIssue,
  keepSchema: (s: StandardSchemaV1) => void,
  parents: object[],
): JsonSchema | undefined {
  if (raw === undefined) return undefined;
  if (isStandardSchema(raw)) {
    keepSchema(raw);
    const schema = jsonCopy(toJsonSchema(raw), path, add, 0, parents);
    return isRecord(schema) ? (schema as JsonSchema) : { type: 'object' };
  }
  if (typeof raw === 'boolean') return { type: raw ? 'object' : 'null' };
  if (!isRecord(raw)) {
    add(path, `must be a JSON Schema object or a Standard Schema, got ${describe(raw)}`);
    return undefined;
  }
  if (raw.type !== undefined && typeof raw.type !== 'string' && !Array.isArray(raw.type))
    add(pathKey(path, 'type'), 'must be a JSON Schema type name or an array of them');
  if (raw.properties !== undefined && !isRecord(raw.properties))
    add(pathKey(path, 'properties'), 'must be an object of property schemas');
  if (
    raw.required !== undefined &&
    (!Array.isArray(raw.required) || raw.required.some((r) => typeof r !== 'string'))
  )
    add(pathKey(path, 'required'), 'must be an array of property names');
  return jsonCopy(raw, path, add, 0, parents) as JsonSchema;
}
