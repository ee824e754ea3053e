// Property (c)'s expectations: what errata's client must read back from a
// response, worked out from the catalog entry alone (not from the wire).
import type { EntryModel, RetryPolicy } from '../../src/catalog/model.js';
import { placeholders } from '../../src/catalog/template.js';
import type { ErrorEvent } from '../../src/server/respond.js';
import { type Observation, RANDOM_TOP } from './observe.js';

/** The client's own back-off window when a response states none (its `baseDelayMs`, `maxDelayMs` defaults). */
const CLIENT_BASE_MS = 500;
const CLIENT_MAX_MS = 10_000;
const IDEMPOTENT = /^(GET|HEAD|OPTIONS|TRACE|PUT|DELETE)$/i;

/** An entry's retry policy; `undefined` where the catalog does not say (when the model has that state). */
const policyOf = (entry: EntryModel): RetryPolicy | undefined =>
  (entry as { readonly retry?: RetryPolicy }).retry;

/** What the client decides for a status when nothing says otherwise (408, 429 and 5xx but 501). */
export const retriedByDefault = (status: number): boolean =>
  status === 408 || status === 429 || (status > 499 && status !== 501);

/** Whether the client must call the error retryable: the catalog's word, else its default for the status. */
export function expectedRetryable(entry: EntryModel): boolean {
  return policyOf(entry)?.retryable ?? retriedByDefault(entry.status);
}

/** The delay the catalog states for an entry (its `after` or `fixed` wait), in ms. */
export function statedDelayMs(entry: EntryModel): number | undefined {
  const r = policyOf(entry);
  if (r === undefined || !r.retryable) return undefined;
  return r.strategy === 'after' ? r.afterMs : r.strategy === 'fixed' ? r.delayMs : undefined;
}

/** (c1) The code and the status, as the client reads them. */
export function codeProblems(o: Observation, entry: EntryModel): string[] {
  const c = o.client;
  if (c === undefined) return [`the client gave no error (${o.failure ?? 'none'})`];
  const out: string[] = [];
  if (o.status !== entry.status) out.push(`sent status ${o.status}, the entry says ${entry.status}`);
  if (c.code !== entry.code)
    out.push(`client code ${JSON.stringify(c.code)}, the entry's ${JSON.stringify(entry.code)}`);
  if (c.status !== entry.status) out.push(`client status ${c.status}, the entry's ${entry.status}`);
  return out;
}

/** (c2) Whether the error may be retried. */
export function retryableProblems(o: Observation, entry: EntryModel): string[] {
  const c = o.client;
  if (c === undefined) return [`the client gave no error (${o.failure ?? 'none'})`];
  const want = expectedRetryable(entry);
  return c.retryable === want
    ? []
    : [`client retryable ${c.retryable}, expected ${want} (catalog retry: ${describeRetry(entry)})`];
}

/**
 * (c3) The delay the client reads: the catalog's stated wait, exact where the
 * dialect carries milliseconds and rounded up to whole seconds where it has
 * only `Retry-After` (RFC 9110 section 10.2.3); none where the catalog states none.
 */
export function delayProblems(o: Observation, entry: EntryModel): string[] {
  const c = o.client;
  if (c === undefined) return [`the client gave no error (${o.failure ?? 'none'})`];
  const stated = statedDelayMs(entry);
  const got = c.retryAfterMs;
  if (stated === undefined)
    return got === undefined ? [] : [`client retryAfterMs ${got}, the catalog states no delay`];
  const most = Math.ceil(stated / 1000) * 1000;
  return got !== undefined && got >= stated && got <= most
    ? []
    : [`client retryAfterMs ${got}, the catalog states ${stated} ms (accepted: ${stated} to ${most})`];
}

/**
 * The dialects with room for the catalog's back-off (`baseMs`, `maxMs`,
 * `maxAttempts`): `problem`'s `retry` member. The others carry whether and
 * when only, and a client backs off on its own (docs/wire-formats.md, "Retry
 * guidance on the wire").
 */
const BACKOFF_DIALECTS = ['problem'];

/**
 * (c4) What `client.fetch` does with it: retries only an idempotent request
 * the catalog lets be retried (and, where the dialect carries it, not when
 * `maxAttempts` is 1), first waiting the stated delay, else the top of the
 * first back-off window: the catalog's `min(baseMs, maxMs)` where the dialect
 * carries it, the client's own otherwise.
 */
export function backoffProblems(o: Observation, entry: EntryModel, dialect: string): string[] {
  if (o.client === undefined) return [`the client gave no error (${o.failure ?? 'none'})`];
  const carried = BACKOFF_DIALECTS.includes(dialect);
  const r = policyOf(entry);
  const attempts = carried && r?.retryable === true ? r.maxAttempts : undefined;
  const retried = IDEMPOTENT.test(o.probe.method) && expectedRetryable(entry) && (attempts ?? 2) > 1;
  if (o.retried !== retried)
    return [
      `client.fetch ${o.retried ? 'retried' : 'did not retry'}, expected ${retried ? 'a retry' : 'none'} (${o.probe.method}, catalog retry: ${describeRetry(entry)})`,
    ];
  if (!retried) return [];
  const stated = statedDelayMs(entry);
  const window =
    carried && r?.retryable === true && r.strategy === 'exponential'
      ? Math.min(r.baseMs, r.maxMs)
      : Math.min(CLIENT_BASE_MS, CLIENT_MAX_MS);
  const want = stated !== undefined ? o.client.retryAfterMs : Math.ceil(RANDOM_TOP * window);
  return o.firstDelayMs === want
    ? []
    : [
        `client.fetch waited ${o.firstDelayMs} ms first, expected ${want} ms (catalog retry: ${describeRetry(entry)})`,
      ];
}

const describeRetry = (entry: EntryModel): string => {
  const r = policyOf(entry);
  return r === undefined ? 'not said' : JSON.stringify(r);
};

/**
 * (w) The wire facts an entry states instead of those its status gives, as
 * the dialect's own parser reads the body: Google's canonical status and
 * Stripe's error type (its `title`), Stripe's doc_url (its `type`). Nothing
 * to check where the entry states none, or in another dialect.
 */
export function wireProblems(
  read: { readonly title?: string | undefined; readonly type?: string | undefined },
  entry: EntryModel,
  dialect: string,
): string[] {
  const wire = (entry as { readonly wire?: WireFacts }).wire;
  const out: string[] = [];
  const expect = (what: string, got: string | undefined, want: string | undefined) => {
    if (want !== undefined && got !== want)
      out.push(`${what} ${JSON.stringify(got)} sent, the entry states ${JSON.stringify(want)}`);
  };
  if (dialect === 'google') expect('Google status', read.title, wire?.google?.status);
  if (dialect === 'stripe') {
    expect('Stripe type', read.title, wire?.stripe?.type);
    expect('Stripe doc_url', read.type, wire?.stripe?.docUrl);
  }
  return out;
}

interface WireFacts {
  readonly google?: { readonly status: string };
  readonly stripe?: { readonly type?: string; readonly docUrl?: string };
}

/**
 * (m) No placeholder of the entry's template reaches the caller as text; and
 * an occurrence the application made with every parameter, each of its
 * declared type, is rendered as it is: the server reports no parameter
 * mistake (`config` event) for it. (A server failure answered with the
 * catalog's own entry may lack parameters only the application knows: its
 * title is sent then, and the event is the designed report.)
 */
export function renderProblems(o: Observation, entry: EntryModel, events: readonly ErrorEvent[]): string[] {
  const out: string[] = [];
  for (const p of placeholders(entry.message ?? '')) {
    const text = p.type === undefined ? `{${p.name}}` : `{${p.name}:${p.type}}`;
    if (o.body.includes(text)) out.push(`the placeholder ${text} is sent as text`);
  }
  if (!o.probe.thrown) return out;
  for (const e of events)
    if (
      e.kind === 'config' &&
      e.method === o.probe.method &&
      e.path === o.probe.path &&
      e.error?.id === o.probe.entryId
    )
      out.push(
        `the server reported a parameter mistake: ${String((e.cause as Error | undefined)?.message ?? e.cause)}`,
      );
  return out;
}
