import { type AddIssue, pathKey } from '../issue-path.js';
import { describe } from '../issue-wording.js';
import type { EntryModel } from '../model.js';

const isErrorStatus = (s: unknown): s is number =>
  typeof s === 'number' && Number.isInteger(s) && s >= 400 && s <= 599;

/**
 * An entry's `status`: one integer from 400 to 599, or a list of them when the API
 * answers one code with several. The first is the default (`status`); `statuses`
 * is set only when there are more than one. `undefined` when a problem was reported.
 */
export function normalizeStatus(
  given: unknown,
  path: string,
  add: AddIssue,
  listed?: unknown,
): { status: number; statuses?: readonly number[] } | undefined {
  const at = pathKey(path, 'status');
  // The model's own form (`errata export`, a lock file): the default in `status`, all in `statuses`.
  let raw = given;
  if (listed !== undefined) {
    const first = Array.isArray(listed) ? listed[0] : undefined;
    const same = Array.isArray(given) ? JSON.stringify(given) === JSON.stringify(listed) : given === first;
    if (!Array.isArray(listed) || !same) {
      add(
        pathKey(path, 'statuses'),
        'must list every status, the default (status) first, as errata export writes it',
      );
      return undefined;
    }
    raw = listed;
  }
  if (raw === undefined) {
    add(at, 'is required');
    return undefined;
  }
  if (!Array.isArray(raw)) {
    if (isErrorStatus(raw)) return { status: raw };
    add(at, `must be an integer from 400 to 599, got ${describe(raw)}`);
    return undefined;
  }
  if (raw.length === 0) {
    add(at, 'must list at least one status');
    return undefined;
  }
  let ok = true;
  raw.forEach((s, i) => {
    if (!isErrorStatus(s)) {
      add(`${at}[${i}]`, `must be an integer from 400 to 599, got ${describe(s)}`);
      ok = false;
    } else if (raw.indexOf(s) !== i) {
      add(`${at}[${i}]`, `lists ${s} twice`);
      ok = false;
    }
  });
  if (!ok) return undefined;
  const [status] = raw as number[];
  return raw.length === 1 ? { status: status as number } : { status: status as number, statuses: [...raw] };
}

/** Every status an entry may be answered with: its default first. */
export function entryStatuses(entry: Pick<EntryModel, 'status' | 'statuses'>): readonly number[] {
  return entry.statuses ?? [entry.status];
}
