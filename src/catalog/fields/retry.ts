import { isRecord } from '../../utils/record.js';
import { type AddIssue, pathKey } from '../issue-path.js';
import { describe, unknownField } from '../issue-wording.js';
import type { RetryPolicy } from '../model.js';
import { optString } from './optional-string.js';

const DEFAULT_BASE_MS = 500;
const DEFAULT_MAX_MS = 30_000;

function nonNegInt(
  obj: Record<string, unknown>,
  key: string,
  path: string,
  add: AddIssue,
): number | undefined {
  const v = obj[key];
  if (v === undefined) return undefined;
  if (typeof v !== 'number' || !Number.isInteger(v) || v < 0) {
    add(pathKey(path, key), `must be a non-negative integer (milliseconds), got ${describe(v)}`);
    return undefined;
  }
  return v;
}

/**
 * An entry's `retry`: `false`, `true` (exponential, 0.5 s to 30 s) or a policy
 * of one strategy; `undefined` when the entry does not say, which is not "no".
 */
export function normalizeRetry(raw: unknown, path: string, add: AddIssue): RetryPolicy | undefined {
  if (raw === undefined) return undefined;
  if (raw === false) return { retryable: false };
  if (raw === true)
    return { retryable: true, strategy: 'exponential', baseMs: DEFAULT_BASE_MS, maxMs: DEFAULT_MAX_MS };
  if (!isRecord(raw)) {
    add(path, `must be false, true or a retry policy object, got ${describe(raw)}`);
    return { retryable: false };
  }
  const retryKeys = ['retryable', 'strategy', 'baseMs', 'maxMs', 'delayMs', 'afterMs', 'maxAttempts', 'note'];
  for (const k of Object.keys(raw))
    if (!retryKeys.includes(k)) add(pathKey(path, k), unknownField(k, retryKeys));
  const note = optString(raw, 'note', path, add);
  const withNote = <T extends object>(p: T) => (note === undefined ? p : { ...p, note });
  if (raw.retryable !== undefined && typeof raw.retryable !== 'boolean')
    add(pathKey(path, 'retryable'), `must be a boolean, got ${describe(raw.retryable)}`);
  if (raw.retryable === false) {
    if (raw.strategy !== undefined) add(pathKey(path, 'strategy'), 'must not be set when retryable is false');
    return withNote({ retryable: false as const });
  }
  const maxAttempts = raw.maxAttempts;
  if (
    maxAttempts !== undefined &&
    (typeof maxAttempts !== 'number' || !Number.isInteger(maxAttempts) || maxAttempts < 1)
  )
    add(pathKey(path, 'maxAttempts'), `must be an integer of at least 1, got ${describe(maxAttempts)}`);
  const attempts = typeof maxAttempts === 'number' ? { maxAttempts } : {};
  const strategy =
    raw.strategy ??
    (raw.afterMs !== undefined ? 'after' : raw.delayMs !== undefined ? 'fixed' : 'exponential');
  const fields: Record<string, readonly string[]> = {
    exponential: ['baseMs', 'maxMs'],
    fixed: ['delayMs'],
    after: ['afterMs'],
  };
  const allowed = fields[strategy as string];
  if (!allowed) {
    add(pathKey(path, 'strategy'), `must be one of exponential, fixed, after, got ${describe(strategy)}`);
    return { retryable: false };
  }
  for (const k of ['baseMs', 'maxMs', 'delayMs', 'afterMs'])
    if (raw[k] !== undefined && !allowed.includes(k))
      add(pathKey(path, k), `does not apply to the ${strategy as string} strategy`);
  if (strategy === 'exponential') {
    const baseMs = nonNegInt(raw, 'baseMs', path, add) ?? DEFAULT_BASE_MS;
    const maxMs = nonNegInt(raw, 'maxMs', path, add) ?? Math.max(DEFAULT_MAX_MS, baseMs);
    if (maxMs < baseMs) add(pathKey(path, 'maxMs'), 'must be at least baseMs');
    return withNote({
      retryable: true as const,
      strategy: 'exponential' as const,
      baseMs,
      maxMs,
      ...attempts,
    });
  }
  if (strategy === 'fixed') {
    const delayMs = nonNegInt(raw, 'delayMs', path, add);
    if (raw.delayMs === undefined) add(pathKey(path, 'delayMs'), 'is required by the fixed strategy');
    return withNote({
      retryable: true as const,
      strategy: 'fixed' as const,
      delayMs: delayMs ?? 0,
      ...attempts,
    });
  }
  const afterMs = nonNegInt(raw, 'afterMs', path, add);
  if (raw.afterMs === undefined) add(pathKey(path, 'afterMs'), 'is required by the after strategy');
  return withNote({
    retryable: true as const,
    strategy: 'after' as const,
    afterMs: afterMs ?? 0,
    ...attempts,
  });
}
