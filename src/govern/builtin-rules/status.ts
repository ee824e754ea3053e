import { statusText } from '../../catalog/status.js';
import { defineRule } from '../define-rule.js';
import { evidence, wording } from './_wording.js';

// Wording of an authenticated caller who may not do something: 403, not 401.
// "lacks"/"insufficient" only of a permission: "lacks valid authentication credentials" (RFC 9110's own
// wording of a 401) and "credentials are insufficient" are about authenticating.
const FORBIDDEN_WORDING =
  /\b(?:not enabled|permissions?|not permitted|not allowed|forbidden|lacks? (?:the |a |an )?(?:required |necessary )?(?:permission|privilege|scope|role|right|access)s?|insufficient (?:permission|privilege|scope|role|right|access)s?|not a member|plan|tier|quota|banned|suspended)\b/i;
// Wording of a caller who is not (or no longer) authenticated: 401, not 403.
// A third party's token (an integration's OAuth token) is not the caller's credentials.
const THIRD_PARTY_TOKEN =
  /\b(?:integration|upstream|third[- ]party|provider|connected account)(?:['’]s)? (?:oauth |access |refresh )?(?:token|credentials?)\b/i;
const UNAUTHENTICATED_WORDING =
  /\b(?:re-?authenticate|unauthenticated|not authenticated|sign in again|log in again|(?:no|missing|invalid|expired|revoked|malformed) (?:credentials|api key|access token|bearer token|session)|(?:access token|api key|credentials|session)\b[^.]{0,30}?\b(?:expired|revoked|invalidated|malformed))\b/i;

/** `status-auth`: 401 and 403 swapped (RFC 9110 sections 15.5.2 and 15.5.4). */
export const statusAuth = defineRule({
  id: 'status-auth',
  severity: 'warn',
  description:
    '401 whose wording is about permission (should be 403) or a third party’s token, or 403 whose wording is about authentication (should be 401).',
  *check({ entries }) {
    for (const [id, e] of entries) {
      const text = wording(e);
      if (e.status === 401) {
        const third = evidence(text, THIRD_PARTY_TOKEN);
        const quoted = third ? undefined : evidence(text, FORBIDDEN_WORDING);
        if (third)
          yield {
            id,
            field: 'status',
            message: `401 tells the caller that its own credentials failed, but the wording (${third}) is about a third party's: clients would sign their user out; use 409, 422 or 424 and say what to reconnect`,
          };
        else if (quoted)
          yield {
            id,
            field: 'status',
            message: `401 says "not authenticated" (RFC 9110 15.5.2), but the wording (${quoted}) describes an authenticated caller who may not do this: 403; clients answer a 401 by signing in again`,
          };
      } else if (e.status === 403) {
        const quoted = evidence(text, UNAUTHENTICATED_WORDING);
        if (quoted)
          yield {
            id,
            field: 'status',
            message: `403 says "authenticated but not allowed" (RFC 9110 15.5.4), but the wording (${quoted}) asks the caller to authenticate again: 401, which clients and SDKs answer by refreshing credentials`,
          };
      }
    }
  },
});

const CONFLICT_WORDING =
  /\b(?:already (?:exists?|in use|taken)|duplicate|not unique|unique (?:constraint|key))\b/i;
// 410 is for a resource gone for good at its URL (a link, an invitation, an export): an expired
// credential, session, code, coupon or card is a bad input (400) or failed authentication (401).
// In "the code of the email link has expired" the code expired, not the link.
const GONE_WORDING =
  /(?<!\bof (?:the |an? |this |your )?(?:[\w-]+ )?)\b(?:link|url|invitation|invite|download|export|upload|share|file|page|resource|document|snapshot|backup)s? (?:has |have |had |is |are )?(?:now )?expired\b/i;
const LIMIT_WORDING =
  /\b(?:reached (?:the |its |their |your )?(?:maximum|limit)|limit (?:exceeded|reached)|quota (?:is |was )?(?:exceeded|reached))\b/i;
const RATE_WORDING =
  /\b(?:rate[- ]limit(?:ed)?|too many requests|(?:hourly|daily|monthly|per[- ](?:second|minute|hour|day|month)) (?:\w+ )?(?:quota|limit))\b/i;

interface Hint {
  readonly re: RegExp;
  /** The one status the wording calls for: the hint applies to every other. Without it, only generic statuses are checked. */
  readonly unlessStatus?: number;
  readonly say: (quoted: string, status: number) => string;
}

const HINTS: readonly Hint[] = [
  {
    re: RATE_WORDING,
    unlessStatus: 429,
    say: (quoted, s) =>
      `the wording (${quoted}) describes a limit over time, answered with ${s}: 429 (RFC 6585 section 4) with Retry-After tells clients when to come back`,
  },
  {
    re: CONFLICT_WORDING,
    say: (quoted, s) =>
      `the wording (${quoted}) describes a conflict with existing state: 409 Conflict (RFC 9110 15.5.10) tells clients more than ${s}`,
  },
  {
    re: GONE_WORDING,
    say: (quoted, s) =>
      `the wording (${quoted}) describes something that no longer exists: 410 Gone (RFC 9110 15.5.11) tells clients more than ${s}`,
  },
  {
    re: LIMIT_WORDING,
    say: (quoted, s) =>
      `the wording (${quoted}) describes a plan or quota limit, not a malformed request: 403 (or 402 when paying lifts it) tells clients more than ${s}`,
  },
];

/** `status-wording`: statuses the wording contradicts (409, 410, 403/402, 429). */
export const statusWording = defineRule<{ statuses?: readonly number[] }>({
  id: 'status-wording',
  severity: 'warn',
  description:
    'A generic status (`statuses`, default 400) whose wording names a specific one: "already exists" → 409, "link has expired" → 410, "reached the maximum" → 403/402; a rate or monthly limit not on a 429.',
  options: { statuses: [400] },
  *check({ entries, options }) {
    const generic = new Set(options.statuses ?? [400]);
    for (const [id, e] of entries) {
      const text = wording(e);
      for (const hint of HINTS) {
        if (hint.unlessStatus === undefined ? !generic.has(e.status) : e.status === hint.unlessStatus)
          continue;
        const quoted = evidence(text, hint.re);
        if (quoted === undefined) continue;
        yield { id, field: 'status', message: hint.say(quoted, e.status) };
        break;
      }
    }
  },
});

const OVERLOADED_WORDING = /\balso (?:returned|sent|used|raised|thrown) (?:when|if|for)\b/i;

/** `code-overloaded`: one entry documented as covering several conditions. */
export const codeOverloaded = defineRule({
  id: 'code-overloaded',
  severity: 'warn',
  description:
    'An entry documented as covering other conditions too ("Also returned when…"): clients cannot tell them apart; give each its own code.',
  *check({ entries }) {
    for (const [id, e] of entries) {
      const quoted = evidence(wording(e), OVERLOADED_WORDING);
      if (quoted)
        yield {
          id,
          field: 'code',
          message: `the wording (${quoted}) puts several conditions under code "${e.code}": clients that must react differently cannot; give each condition its own entry and code`,
        };
    }
  },
});

/** `status-unknown`: statuses that are not registered HTTP statuses. */
export const statusUnknown = defineRule({
  id: 'status-unknown',
  severity: 'warn',
  description:
    'Statuses with no registered meaning (e.g. 420, 499): proxies and clients treat them generically.',
  *check({ entries }) {
    for (const [id, e] of entries) {
      const text = statusText(e.status);
      if (text === 'Client Error' || text === 'Server Error')
        yield {
          id,
          field: 'status',
          message: `${e.status} is not a registered HTTP status; clients treat it as a generic ${e.status < 500 ? '4xx' : '5xx'}`,
        };
    }
  },
});

/**
 * `status-multiple`: entries answered with several statuses. Told once for the catalog, not once
 * per entry or status: a catalog mirroring an API that does this cannot fix it entry by entry.
 */
export const statusMultiple = defineRule({
  id: 'status-multiple',
  severity: 'warn',
  description:
    'Entries that list more than one status (`status: [400, 409]`): the status no longer tells clients which condition they met; one finding for the catalog.',
  *check({ entries }) {
    const multiple = entries.filter(([, e]) => e.statuses !== undefined && e.statuses.length > 1);
    if (multiple.length === 0) return;
    const shown = multiple.slice(0, 5).map(([id, e]) => `${id}: ${(e.statuses ?? []).join(', ')}`);
    if (multiple.length > 5) shown.push(`${multiple.length - 5} more`);
    yield {
      field: 'errors',
      message: `${multiple.length} ${multiple.length === 1 ? 'entry lists' : 'entries list'} more than one status (${shown.join('; ')}): a client cannot tell from the status which condition it met, and a check accepts any of them; keep one status per code where the API allows it`,
    };
  },
});

const LEAK_WORDING =
  /\b(?:does(?: not|n['’]t) own|not (?:the|an?) owner|not a member|belongs to (?:another|a different)|owned by (?:another|a different|someone)|(?:another|a different) (?:user|account|organi[sz]ation|org|tenant|team|workspace|project)['’]s)\b/i;

/** `existence-leak`: a 401/403 whose wording confirms the resource exists. */
export const existenceLeak = defineRule({
  id: 'existence-leak',
  severity: 'warn',
  description:
    'A 401/403 whose wording ("not a member", "does not own") tells a caller without access that the resource exists; answer 404 "not found or no access".',
  *check({ entries }) {
    for (const [id, e] of entries) {
      if (e.status !== 401 && e.status !== 403) continue;
      const quoted = evidence(wording(e), LEAK_WORDING);
      if (quoted)
        yield {
          id,
          field: 'status',
          message: `${e.status} with ${quoted} confirms to a caller without access that the resource exists; answer 404 "not found, or you do not have access" instead (RFC 9110 15.5.4 allows it)`,
        };
    }
  },
});

/** `retry-429`: a 429 marked not retryable without a `retry.note` (one that says nothing is `retry-unstated`'s). */
export const retry429 = defineRule({
  id: 'retry-429',
  severity: 'error',
  description:
    'A 429 marked not retryable without a `retry.note` saying why: "too many requests" means "come back later" (RFC 6585 section 4).',
  *check({ entries }) {
    // A note is a deliberate decision ("the daily quota resets at midnight"): respect it, as retry-5xx does.
    for (const [id, e] of entries)
      if (e.status === 429 && e.retry?.retryable === false && e.retry.note === undefined)
        yield {
          id,
          field: 'retry',
          message:
            '429 is not retryable here: give the window (retry: { afterMs }) so the server sends Retry-After and clients back off instead of giving up',
        };
  },
});

/** `retry-4xx`: a 4xx marked retryable, other than 408, 409, 425 and 429. */
export const retry4xx = defineRule<{ allow?: readonly number[] }>({
  id: 'retry-4xx',
  severity: 'error',
  description:
    'A 4xx marked retryable other than 408, 409, 425, 429 (`allow`) without a `retry.note` saying why: the same request gets the same answer.',
  options: { allow: [408, 409, 425, 429] },
  *check({ entries, options }) {
    const allow = new Set(options.allow ?? [408, 409, 425, 429]);
    for (const [id, e] of entries)
      if (e.retry?.retryable && e.retry.note === undefined && e.status < 500 && !allow.has(e.status))
        yield {
          id,
          field: 'retry',
          message: `${e.status} is marked retryable, but repeating the same request gets the same ${e.status}; clients would retry in vain (the caller must change the request first)`,
        };
  },
});

/** `retry-5xx`: a transient 5xx marked not retryable. */
export const retry5xx = defineRule<{ statuses?: readonly number[] }>({
  id: 'retry-5xx',
  severity: 'warn',
  description:
    'A 500, 502, 503 or 504 (`statuses`) marked not retryable without a `retry.note` saying why, though these are usually transient.',
  options: { statuses: [500, 502, 503, 504] },
  *check({ entries, options }) {
    const statuses = new Set(options.statuses ?? [500, 502, 503, 504]);
    // A note on a non-retryable entry is a deliberate decision ("not idempotent"): respect it.
    for (const [id, e] of entries)
      if (e.retry?.retryable === false && e.retry.note === undefined && statuses.has(e.status))
        yield {
          id,
          field: 'retry',
          message:
            e.status === 503
              ? '503 means temporarily unavailable (RFC 9110 15.6.4) but the entry is not retryable: give it a back-off or a window'
              : `${e.status} is not retryable: if the failure is transient, let clients retry with back-off; if retrying is unsafe, say why in retry.note`,
        };
  },
});

const RETRY_WORDING =
  /\b(?:continue polling|keep polling|poll again|try again later|retry later|retry the request|temporar(?:y|ily) unavailable|will be back shortly)\b/i;

/** `retry-hint-ignored`: wording that tells the caller to retry, on an entry marked not retryable. */
export const retryHintIgnored = defineRule({
  id: 'retry-hint-ignored',
  severity: 'warn',
  description:
    'A 4xx whose wording tells the caller to retry ("continue polling") but is not marked retryable.',
  *check({ entries }) {
    for (const [id, e] of entries) {
      if (e.retry?.retryable || e.status >= 500) continue;
      const quoted = evidence(wording(e), RETRY_WORDING);
      if (quoted)
        yield {
          id,
          field: 'retry',
          message: `the wording (${quoted}) tells the caller to retry, but the entry ${e.retry ? 'is not retryable' : 'does not say it may be retried'}, so clients will not`,
        };
    }
  },
});
