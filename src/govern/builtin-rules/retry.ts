import { retriedByDefault } from '../_retried-by-default.js';
import { defineRule } from '../define-rule.js';

/**
 * `retry-unstated`: an entry that does not say whether it may be retried, at
 * a status some client retries on its own (408, 409, 429, 5xx). Elsewhere,
 * silence is harmless: no client retries another 4xx by default.
 */
export const retryUnstated = defineRule({
  id: 'retry-unstated',
  severity: 'warn',
  description:
    'A 408, 409, 429 or 5xx that does not say whether it may be retried: every client falls back to its own guess.',
  *check({ entries }) {
    for (const [id, e] of entries)
      if (e.retry === undefined && retriedByDefault(e.status))
        yield {
          id,
          field: 'retry',
          message: `the entry does not say whether a ${e.status} may be retried, so clients such as the OpenAI and Stripe SDKs retry it on their own back-off, even where repeating the request is unsafe: state retry (true, a policy such as { afterMs }, or false with a note saying why)`,
        };
  },
});
