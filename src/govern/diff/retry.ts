import type { RetryPolicy } from '../../catalog/model.js';
import { retriedByDefault } from '../_retried-by-default.js';
import { type AddChange, type ChangeSite, entryChange } from './changes.js';

/**
 * A retry policy in a change message, its numbers exact: `exponential 100–1000 ms`,
 * `not retryable`, `not stated`. (The docs' `retryText` is the guidance a reader acts on.)
 */
function retrySummary(r: RetryPolicy | undefined): string {
  if (r === undefined) return 'not stated';
  if (!r.retryable) return 'not retryable';
  if (r.strategy === 'exponential') return `exponential ${r.baseMs}–${r.maxMs} ms`;
  if (r.strategy === 'fixed') return `fixed ${r.delayMs} ms`;
  return `after ${r.afterMs} ms`;
}

/**
 * A statement made or withdrawn. Without one, clients follow their defaults
 * (some retry a 408, 409, 429 and 5xx): it breaks them only where it turns
 * them around — a "no" now stops the retries they made, a withdrawn "yes" at
 * a status they do not retry stops the ones the catalog asked for, a
 * withdrawn "no" lets them repeat what the catalog said not to.
 */
function compareStatement(
  old: RetryPolicy | undefined,
  now: RetryPolicy | undefined,
  status: number,
  site: ChangeSite & { readonly id: string },
  add: AddChange,
): void {
  const values = { before: old, after: now };
  const byDefault = retriedByDefault(status);
  if (old === undefined && now !== undefined)
    add(
      entryChange(
        !now.retryable && byDefault ? 'retry-stated:stops-retries' : 'retry-stated',
        site,
        `retry not stated → ${retrySummary(now)}`,
        values,
      ),
    );
  else if (old !== undefined && now === undefined)
    add(
      entryChange(
        old.retryable === byDefault
          ? 'retry-unstated'
          : old.retryable
            ? 'retry-unstated:stops-retries'
            : 'retry-unstated:starts-retries',
        site,
        `retry ${retrySummary(old)} → not stated`,
        values,
      ),
    );
}

/** Reports a change of an entry's retry policy: stated or withdrawn, lost, gained, or retimed. */
export function compareRetry(
  old: RetryPolicy | undefined,
  now: RetryPolicy | undefined,
  status: number,
  site: ChangeSite & { readonly id: string },
  add: AddChange,
): void {
  if (old === undefined || now === undefined) {
    compareStatement(old, now, status, site, add);
    return;
  }
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
