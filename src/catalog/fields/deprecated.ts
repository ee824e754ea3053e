import { isRecord } from '../../utils/record.js';
import { type AddIssue, pathKey } from '../issue-path.js';
import { describe, unknownField } from '../issue-wording.js';
import type { DeprecationModel } from '../model.js';
import { optString } from './optional-string.js';

/** An entry's `deprecated`: `true`, the version it was deprecated in, or `{since, replacedBy, note}`. */
export function normalizeDeprecated(raw: unknown, path: string, add: AddIssue): DeprecationModel | undefined {
  if (raw === undefined || raw === false) return undefined;
  if (raw === true) return {};
  if (typeof raw === 'string') return { since: raw };
  if (!isRecord(raw)) {
    add(path, `must be true, a version string or {since, replacedBy, note}, got ${describe(raw)}`);
    return undefined;
  }
  const out: Record<string, string> = {};
  for (const k of Object.keys(raw)) {
    if (k !== 'since' && k !== 'replacedBy' && k !== 'note')
      add(pathKey(path, k), unknownField(k, ['since', 'replacedBy', 'note']));
    else {
      const v = optString(raw, k, path, add);
      if (v !== undefined) out[k] = v;
    }
  }
  return {
    ...(out.since !== undefined && { since: out.since }),
    ...(out.replacedBy !== undefined && { replacedBy: out.replacedBy }),
    ...(out.note !== undefined && { note: out.note }),
  };
}
