// What a page says of retrying: a Retryable column (`Yes — retry with
// backoff`), or wording in a description or remediation ("retry later",
// "back off 60 seconds, then retry", "retry once").
import type { RetryPolicy } from '../catalog/model.js';
import { yesNo } from './words.js';

/** The back-off a "retry with backoff" gets when the page states no numbers. */
export const DEFAULT_BACKOFF = { strategy: 'exponential', baseMs: 500, maxMs: 30_000 } as const;

export interface ReadRetry {
  readonly retry: RetryPolicy;
  /** What was guessed, for the entry's `x-import`. */
  readonly inferred: string[];
}

/** `Back off 60 seconds`, `Wait an hour`: a stated window in milliseconds. */
export function statedWindow(text: string): number | undefined {
  const m = /\b(?:back off|wait)\s+(?:for\s+)?(\d+|an?|one)\s+(second|minute|hour)s?\b/i.exec(text);
  if (!m) return undefined;
  const count = /^\d+$/.test(m[1] as string) ? Number(m[1]) : 1;
  const unit = { second: 1_000, minute: 60_000, hour: 3_600_000 }[(m[2] as string).toLowerCase()] ?? 0;
  return count * unit;
}

/** `Retry once`, `retry twice`: the attempts a client makes at most, the first included. */
export function statedAttempts(text: string): number | undefined {
  const m = /\bretry (once|twice)\b/i.exec(text);
  if (!m) return undefined;
  return (m[1] as string).toLowerCase() === 'once' ? 2 : 3;
}

function retryable(wording: string, note: string | undefined, why: string): ReadRetry {
  const window = statedWindow(wording);
  const attempts = statedAttempts(wording);
  const inferred: string[] = [];
  if (window !== undefined) inferred.push(`retry window ${window} ms from wording`);
  else inferred.push(`retry back-off ${DEFAULT_BACKOFF.baseMs}–${DEFAULT_BACKOFF.maxMs} ms assumed (${why})`);
  if (attempts !== undefined) inferred.push(`retry attempts ${attempts} from wording`);
  return {
    retry: {
      retryable: true,
      ...(window !== undefined ? { strategy: 'after', afterMs: window } : DEFAULT_BACKOFF),
      ...(attempts !== undefined ? { maxAttempts: attempts } : {}),
      ...(note !== undefined ? { note } : {}),
    },
    inferred,
  };
}

/** A Retryable column's cell, with the entry's other text for the numbers; undefined when it says neither yes nor no. */
export function retryFromCell(cell: string, wording: string): ReadRetry | undefined {
  const said = yesNo(cell);
  if (!said) return undefined;
  if (!said.yes)
    return {
      retry: { retryable: false, ...(said.note !== undefined ? { note: said.note } : {}) },
      inferred: [],
    };
  return retryable(`${said.note ?? ''} ${wording}`, said.note, 'the page says only "yes"');
}

const NEVER =
  /\b(?:do not|don['’]t|never|cannot|can['’]t) (?:be )?retr(?:y|ied)\b|\bnot retryable\b|\bretrying (?:will not|won['’]t) help\b/i;
const RETRY =
  /\b(?:retry (?:later|the request|after|with (?:exponential )?back-?off|in a (?:moment|few seconds))|try again later|safe to retry|can be retried|(?:is|are) retryable|back off (?:and|then) retry|back off \d+ \w+, then retry)\b/i;

/** Retry read from prose alone (a description or remediation), marked as guessed. */
export function retryFromWording(text: string): ReadRetry | undefined {
  const never = NEVER.exec(text);
  if (never) return { retry: { retryable: false }, inferred: [`retry from wording "${never[0]}"`] };
  const said = RETRY.exec(text);
  if (!said) return undefined;
  const read = retryable(text, undefined, `wording "${said[0]}"`);
  return { retry: read.retry, inferred: [`retry from wording "${said[0]}"`, ...read.inferred] };
}
