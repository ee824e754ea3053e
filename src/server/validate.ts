import type { StandardSchemaV1 } from '../catalog/standard-schema.js';
import type { Violation } from '../error.js';
import { escapePointerToken } from '../utils/json-pointer.js';
import { failures } from './builtin.js';
import { collectViolations } from './violations.js';

/** JSON Pointer (RFC 6901) of a Standard Schema issue path: `~` and `/` escaped. */
export function toPointer(path: StandardSchemaV1.Issue['path']): string {
  if (path === undefined || path.length === 0) return '';
  let out = '';
  for (const seg of path) {
    const key = typeof seg === 'object' && seg !== null ? (seg as StandardSchemaV1.PathSegment).key : seg;
    out += `/${escapePointerToken(String(key))}`;
  }
  return out;
}

/** The violations of a Standard Schema failure, each with its JSON Pointer and, where the library gives one, its code. */
export function toViolations(issues: readonly StandardSchemaV1.Issue[]): Violation[] {
  // Bounded: a hostile body cannot make the answer unbounded (issues past the bound are not read).
  return collectViolations(issues, (issue) => {
    // zod and arktype name the reason `code`, valibot `type`.
    const raw = issue as unknown as { code?: unknown; type?: unknown };
    const code =
      typeof raw.code === 'string' ? raw.code : typeof raw.type === 'string' ? raw.type : undefined;
    return {
      pointer: toPointer(issue.path),
      message: String(issue.message),
      ...(code !== undefined && { code }),
    };
  });
}

/**
 * Validates a value with any Standard Schema library (zod, valibot, arktype …)
 * and returns its output. On failure it throws one validation error listing
 * every field violation with its JSON Pointer; the server answers it with the
 * catalog's validation entry.
 */
export async function validate<S extends StandardSchemaV1>(
  schema: S,
  value: unknown,
): Promise<StandardSchemaV1.InferOutput<S>> {
  let result = schema['~standard'].validate(value);
  if (result instanceof Promise) result = await result;
  if (result.issues !== undefined) throw failures.validation(toViolations(result.issues));
  return result.value as StandardSchemaV1.InferOutput<S>;
}
