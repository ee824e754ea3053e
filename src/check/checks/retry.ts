import type { EntryRef } from '../define-check.js';
import { defineCheck } from '../define-check.js';
import type { ObservedHeaders } from '../headers.js';
import { recorded } from './headers.js';

/** The delay an entry states, in milliseconds: an `after` or `fixed` policy's. */
function entryDelay(ref: EntryRef | undefined): number | undefined {
  const r = ref?.entry.retry as
    | { retryable?: unknown; strategy?: string; afterMs?: number; delayMs?: number }
    | undefined;
  if (r?.retryable !== true) return undefined;
  return r.strategy === 'after' ? r.afterMs : r.strategy === 'fixed' ? r.delayMs : undefined;
}

/** Whether the entry's policy says to retry: `undefined` when it says nothing. */
function entryRetryable(ref: EntryRef | undefined): boolean | undefined {
  const r = ref?.entry.retry as { retryable?: unknown } | undefined;
  return typeof r?.retryable === 'boolean' ? r.retryable : undefined;
}

/** Whether a `Retry-After` value is delta-seconds or an HTTP date (RFC 9110 section 10.2.3). */
const validRetryAfter = (v: string) =>
  /^\s*\d+\s*$/.test(v) ||
  (/[A-Za-z]{3}, \d{2} [A-Za-z]{3} \d{4} \d{2}:\d{2}:\d{2} GMT/.test(v) && !Number.isNaN(Date.parse(v)));

/** The delays the response states: `Retry-After`, the dialect's own header or body member. */
function statedDelay(headers: ObservedHeaders, retryAfterMs: number | undefined): boolean {
  return (
    headers.get('retry-after') !== null ||
    headers.get('retry-after-ms') !== null ||
    retryAfterMs !== undefined
  );
}

/** A delay the entry states is sent; a `Retry-After` sent is well-formed. */
export const retryAfter = defineCheck({
  name: 'retry-after',
  severity: 'error',
  description:
    "Where the entry states a retry delay, the response sends one (Retry-After or the dialect's own).",
  *check(ctx) {
    if (!recorded(ctx)) return;
    const { headers, entry, parsed } = ctx;
    for (const v of headers.all('retry-after'))
      if (!validRetryAfter(v)) yield `Retry-After ${JSON.stringify(v)} is neither seconds nor an HTTP date`;
    const delay = entryDelay(entry);
    if (delay !== undefined && entry !== undefined && !statedDelay(headers, parsed?.retryAfterMs))
      yield `${entry.id} states a retry delay of ${Math.ceil(delay / 1000)} s, but the response sends none (no Retry-After)`;
  },
});

const SHOULD_RETRY = ['x-should-retry', 'stripe-should-retry'];

/** What the response says of retrying agrees with the entry's policy. */
export const shouldRetry = defineCheck({
  name: 'should-retry',
  severity: 'error',
  description:
    "What the response says of retrying (x-should-retry, stripe-should-retry, the body) agrees with the entry's retry policy.",
  *check(ctx) {
    if (!recorded(ctx)) return;
    const { headers, entry, parsed } = ctx;
    const policy = entryRetryable(entry);
    if (entry === undefined || policy === undefined) return;
    for (const name of SHOULD_RETRY)
      for (const v of headers.all(name)) {
        const said = v.trim().toLowerCase();
        if (said !== 'true' && said !== 'false') yield `${name} is ${JSON.stringify(v)}, not true or false`;
        else if ((said === 'true') !== policy)
          yield `${name}: ${said}, but ${entry.id} is ${policy ? '' : 'not '}retryable`;
      }
    // A parser may read a should-retry header into `retryable`: what a header said is reported once, above.
    const said = parsed?.retryable;
    const byHeader = SHOULD_RETRY.some((name) =>
      headers.all(name).some((v) => v.trim().toLowerCase() === String(said)),
    );
    if (!byHeader && said !== undefined && said !== policy)
      yield `the body says ${said ? 'retry' : 'do not retry'}, but ${entry.id} is ${policy ? '' : 'not '}retryable`;
    if (!policy && headers.get('retry-after') !== null)
      yield `Retry-After is sent, but ${entry.id} is not retryable`;
  },
});
