import { isRecord } from '../../utils/record.js';
import type { AddIssue } from '../issue-path.js';
import { describe } from '../issue-wording.js';
import { jsonCopy } from '../json-copy.js';
import { jsonSchemaIssues } from '../json-schema-check.js';
import type { JsonSchema } from '../model.js';
import { isStandardSchema, type StandardSchemaV1, toJsonSchema } from '../standard-schema.js';

/**
 * An entry's `details`: a JSON Schema (checked against the JSON Schema meta-schema, then copied as
 * JSON), `true` (any value: `{}`), `false` (no details), or a Standard Schema (kept, and its JSON
 * Schema copied). `jsonDetails(schema)`, what `errata types` writes, is its JSON Schema, checked alike.
 */
export function normalizeDetails(
  raw: unknown,
  path: string,
  add: AddIssue,
  keepSchema: (s: StandardSchemaV1) => void,
  parents: object[],
): JsonSchema | undefined {
  if (raw === undefined || raw === false) return undefined;
  // JSON Schema's `true` admits any value; so does the empty schema, the form the model keeps.
  if (raw === true) return {};
  if (isStandardSchema(raw)) {
    keepSchema(raw);
    // `jsonDetails(schema)` (vendor errata) is an authored JSON Schema: checked like one.
    const authored = raw['~standard'].vendor === 'errata';
    const schema = copied(toJsonSchema(raw), path, add, parents, authored);
    return isRecord(schema) ? (schema as JsonSchema) : { type: 'object' };
  }
  if (!isRecord(raw)) {
    add(path, `must be a JSON Schema object or a Standard Schema, got ${describe(raw)}`);
    return undefined;
  }
  return copied(raw, path, add, parents, true) as JsonSchema | undefined;
}

/** The schema as JSON data, then (when `check`) judged by the meta-schema; `undefined` when either fails. */
function copied(schema: unknown, path: string, add: AddIssue, parents: object[], check: boolean): unknown {
  let failed = false;
  const addHere: AddIssue = (p, m) => {
    failed = true;
    add(p, m);
  };
  // Copied first: a circular schema is reported as such, never walked by the meta-schema's validator.
  const copy = jsonCopy(schema, path, addHere, 0, parents);
  if (!failed && check) for (const issue of jsonSchemaIssues(copy, path)) addHere(issue.path, issue.message);
  return failed ? undefined : copy;
}
