import { type AddIssue, pathKey } from '../issue-path.js';
import { describe } from '../issue-wording.js';

/** An optional string field; anything else is reported and read as absent. */
export function optString(
  obj: Record<string, unknown>,
  key: string,
  base: string,
  add: AddIssue,
): string | undefined {
  const v = obj[key];
  if (v === undefined) return undefined;
  if (typeof v !== 'string') {
    add(pathKey(base, key), `must be a string, got ${describe(v)}`);
    return undefined;
  }
  return v;
}
