import type { RetryPolicy } from '../../catalog/model.js';
import { type AddChange, type ChangeSite, entryChange } from './changes.js';

/**
 * A retry policy in a change message, its numbers exact: `exponential 100–1000 ms`,
 * `not retryable`. (The docs' `retryText` is the guidance a reader acts on.)
 */
function retrySummary(r: RetryPolicy): string {
  if (!r.retryable) return 'not retryable';
  if (r.strategy === 'exponential') return `exponential ${r.baseMs}–${r.maxMs} ms`;
  if (r.strategy === 'fixed') return `fixed ${r.delayMs} ms`;
  return `after ${r.afterMs} ms`;
}

/** Reports a change of an entry's retry policy: lost, gained, or retimed. */
export function compareRetry(
  old: RetryPolicy,
  now: RetryPolicy,
  site: ChangeSite & { readonly id: string },
  add: AddChange,
): void {
  const values = { before: old, after: now };
  if (old.retryable && !now.retryable)
    add(entryChange('retry-removed', site, `retryable (${retrySummary(old)}) → not retryable`, values));
  else if (!old.retryable && now.retryable)
    add(entryChange('retry-added', site, `not retryable → retryable (${retrySummary(now)})`, values));
  else if (
    retrySummary(old) !== retrySummary(now) ||
    (old.retryable && now.retryable && old.maxAttempts !== now.maxAttempts)
  )
    add(entryChange('retry-changed', site, `retry ${retrySummary(old)} → ${retrySummary(now)}`, values));
}
