// A details schema written as JSON Schema, checked against the JSON Schema 2020-12 meta-schema by
// the validator Ajv generated from it ahead of time (scripts/json-schema-validator.ts): what is not
// a JSON Schema (`type: strin`) is refused where it is written, instead of meaning "any value".

import { unescapePointerToken } from '../utils/json-pointer.js';
import compiledValidator from './_json-schema-validator.js';
import { pathKey } from './issue-path.js';
import { describe } from './issue-wording.js';

interface MetaError {
  readonly instancePath: string;
  readonly keyword: string;
  readonly params: Record<string, unknown>;
  readonly message?: string;
}

const validator = compiledValidator as unknown as ((schema: unknown) => boolean) & {
  readonly errors?: readonly MetaError[] | null;
};

/** Keywords that only say a branch failed: reported only where nothing more precise was found. */
const WRAPPERS = new Set(['anyOf', 'oneOf', 'allOf', 'not', 'if', '$dynamicRef', '$ref']);

/** The problems of a JSON Schema, each at its path under `path` (`errors.A.details.properties.n.type`). */
export function jsonSchemaIssues(schema: unknown, path: string): { path: string; message: string }[] {
  if (validator(schema)) return [];
  const byPath = new Map<string, { precise: boolean; message: string }>();
  for (const e of validator.errors ?? []) {
    let at = path;
    for (const seg of e.instancePath.split('/').slice(1).map(unescapePointerToken))
      at = /^\d+$/.test(seg) ? `${at}[${seg}]` : pathKey(at, seg);
    const precise = !WRAPPERS.has(e.keyword);
    const seen = byPath.get(at);
    if (seen !== undefined && (seen.precise || !precise)) continue;
    byPath.set(at, { precise, message: wording(e, valueAt(schema, e.instancePath)) });
  }
  // A problem inside a value says more than the one the value's other branches report.
  const paths = [...byPath.keys()];
  const inner = (p: string) =>
    paths.some((q) => q.length > p.length && q.startsWith(p) && /^[.[]/.test(q.slice(p.length)));
  return [...byPath].filter(([p]) => !inner(p)).map(([p, { message }]) => ({ path: p, message }));
}

const ARTICLE: Record<string, string> = { object: 'an object', array: 'an array', integer: 'an integer' };

function wording(e: MetaError, value: unknown): string {
  const got = `, got ${describe(value)}`;
  if (e.keyword === 'enum' && Array.isArray(e.params.allowedValues))
    return `must be one of ${e.params.allowedValues.map((v) => JSON.stringify(v)).join(', ')}${got}`;
  if (e.keyword === 'type')
    return `must be ${String(e.params.type)
      .split(',')
      .map((t) => ARTICLE[t] ?? `a ${t}`)
      .join(' or ')}${got}`;
  return `is not valid JSON Schema: ${e.message ?? e.keyword}`;
}

function valueAt(schema: unknown, pointer: string): unknown {
  let v = schema;
  for (const seg of pointer.split('/').slice(1).map(unescapePointerToken))
    v =
      typeof v === 'object' && v !== null && Object.hasOwn(v, seg)
        ? (v as Record<string, unknown>)[seg]
        : undefined;
  return v;
}
