import { parse as parseMessage } from '@formatjs/icu-messageformat-parser';
import { describe, expect, it } from 'vitest';
import type { CatalogModel } from '../catalog/model.js';
import { normalizeCatalog } from '../catalog/normalize.js';
import { builtinRules } from './builtin-rules/index.js';
import { lint } from './lint.js';
import type { Finding, RuleSetting } from './lint-types.js';

type Entries = Record<string, Record<string, unknown>>;

/** A catalog with an absolute docs URL, so only the rule under test speaks. */
function catalog(errors: Entries, top: Record<string, unknown> = {}): CatalogModel {
  return normalizeCatalog({ name: 't', docs: 'https://docs.example.com/errors', ...top, errors }).model;
}

const entry = (status: number, more: Record<string, unknown> = {}) => ({ status, ...more });

function run(ruleId: string, model: CatalogModel, setting?: RuleSetting): Finding[] {
  const rule = builtinRules.find((r) => r.id === ruleId);
  if (!rule) throw new Error(`no rule ${ruleId}`);
  return lint(model, {
    rules: [rule],
    parseMessage,
    ...(setting !== undefined && { config: { rules: { [ruleId]: setting } } }),
  });
}

/** A catalog the rule must flag, and its first finding: the entry (`null`: the catalog), field and message. */
interface Flagged {
  readonly catalog: CatalogModel;
  readonly setting?: RuleSetting;
  readonly id: string | null;
  readonly field: string;
  readonly message: string;
}

/** A catalog the rule must pass. */
interface Passed {
  readonly catalog: CatalogModel;
  readonly setting?: RuleSetting;
}

/** Each rule's cases, named by what the rule catches and what it lets through. */
interface Case {
  readonly flags: Readonly<Record<string, Flagged>>;
  readonly passes: Readonly<Record<string, Passed>>;
}

const cases: Record<string, Case> = {
  'type-uri': {
    flags: {
      'a docs path with no scheme': {
        catalog: catalog({ A: entry(404) }, { docs: '/errors' }),
        id: null,
        field: 'docs',
        message:
          'docs "/errors" is not an absolute URI, so each entry\'s RFC 9457 "type" is relative: clients resolve it against the request URL (RFC 9457 3.1.1) and compare different strings; use https://…',
      },
      'a docs URL missing its scheme': {
        catalog: catalog({ A: entry(404) }, { docs: 'docs.example.com/errors' }),
        id: null,
        field: 'docs',
        message:
          'docs "docs.example.com/errors" is not an absolute URI, so each entry\'s RFC 9457 "type" is relative: clients resolve it against the request URL (RFC 9457 3.1.1) and compare different strings; use https://…',
      },
    },
    passes: {
      'an https docs URL': { catalog: catalog({ A: entry(404) }) },
      'a tag: URI': { catalog: catalog({ A: entry(404) }, { docs: 'tag:example.com,2026:errors' }) },
      'no docs URL (docs-url reports it)': { catalog: catalog({ A: entry(404) }, { docs: undefined }) },
    },
  },
  'server-failure-uncovered': {
    flags: {
      'no 405 entry': {
        catalog: catalog({
          INTERNAL_ERROR: entry(500),
          INVALID_JSON: entry(400),
          VALIDATION_FAILED: entry(422),
          NOT_FOUND: entry(404),
          PAYLOAD_TOO_LARGE: entry(413),
          UNSUPPORTED_MEDIA_TYPE: entry(415),
        }),
        id: null,
        field: 'errors',
        message:
          "no entry answers a method the route does not take (405): the server sends errata's generic METHOD_NOT_ALLOWED; add a 405 entry to word it for your users",
      },
      'no 405 and no 413 entry: one finding lists both': {
        catalog: catalog({
          INTERNAL_ERROR: entry(500),
          INVALID_JSON: entry(400),
          VALIDATION_FAILED: entry(422),
          NOT_FOUND: entry(404),
          UNSUPPORTED_MEDIA_TYPE: entry(415),
        }),
        id: null,
        field: 'errors',
        message:
          "no entry answers 2 failures every errata server answers, so it sends errata's generic entries for them: a method the route does not take (405: METHOD_NOT_ALLOWED); a request body over the size limit (413: PAYLOAD_TOO_LARGE); add entries to word them for your users",
      },
      'a 404 entry for an order, none for a missing route (camelCase)': {
        catalog: catalog({
          internalError: entry(500),
          invalidJson: entry(400),
          validationFailed: entry(422),
          orderNotFound: entry(404),
          methodNotAllowed: entry(405),
          tooLarge: entry(413),
          wrongMediaType: entry(415),
        }),
        id: null,
        field: 'errors',
        message:
          "no entry answers a request no route matches (404): the server sends errata's generic notFound; add a 404 entry named like notFound (or named by the server option notFound) to word it for your users",
      },
    },
    passes: {
      'an entry for every failure kind': {
        catalog: catalog({
          INTERNAL: entry(500),
          MALFORMED_JSON: entry(400),
          INVALID_REQUEST: entry(400),
          ROUTE_NOT_FOUND: entry(404),
          WRONG_METHOD: entry(405),
          TOO_BIG: entry(413),
          NOT_JSON: entry(415),
        }),
      },
    },
  },
  'docs-url': {
    flags: {
      'no docs URL': {
        catalog: catalog({ A: entry(404) }, { docs: undefined }),
        id: null,
        field: 'docs',
        message:
          'no docs URL: every error is sent with type about:blank (RFC 9457 4.2.1), and clients cannot tell errors apart by type or find their documentation',
      },
      'an http: docs URL': {
        catalog: catalog({ A: entry(404) }, { docs: 'http://docs.example.com/errors' }),
        id: null,
        field: 'docs',
        message: 'docs "http://docs.example.com/errors" uses http:, use https:',
      },
    },
    passes: { 'an https docs URL': { catalog: catalog({ A: entry(404) }) } },
  },
  'code-empty': {
    flags: {
      'an empty wire code': {
        catalog: catalog({ A: entry(400), B: entry(400, { code: '' }) }),
        id: 'B',
        field: 'code',
        message: 'the wire code is empty; clients match on the code, so give this entry one (e.g. "b")',
      },
    },
    passes: {
      'a code on every entry': { catalog: catalog({ A: entry(400), B: entry(400, { code: 'b' }) }) },
    },
  },
  'code-format': {
    flags: {
      'a code with spaces': {
        catalog: catalog({ A: entry(400, { code: 'not a code' }) }),
        id: 'A',
        field: 'code',
        message:
          'code "not a code" is not identifier-like (letters and digits in words joined by "_", "-" or ".", namespaces by "/" or ":")',
      },
      'a code ending in a separator': {
        catalog: catalog({ A: entry(400, { code: 'trailing_' }) }),
        id: 'A',
        field: 'code',
        message:
          'code "trailing_" is not identifier-like (letters and digits in words joined by "_", "-" or ".", namespaces by "/" or ":")',
      },
      'a code longer than maxLength': {
        catalog: catalog({ A: entry(400, { code: 'LONG_CODE' }) }),
        setting: ['error', { maxLength: 5 }],
        id: 'A',
        field: 'code',
        message: 'code "LONG_CODE" is longer than 5 characters',
      },
      'a namespace separator other than the catalog’s': {
        catalog: catalog({
          A: entry(400, { code: 'auth/email-already-in-use' }),
          B: entry(400, { code: 'auth/invalid-email' }),
          C: entry(404, { code: 'storage:object-not-found' }),
        }),
        id: 'C',
        field: 'code',
        message:
          'code "storage:object-not-found" separates its namespace with ":", the rest of the catalog with "/"',
      },
      'a segment not in the configured style': {
        catalog: catalog({ A: entry(400, { code: 'auth/EMAIL_EXISTS' }) }),
        setting: ['error', { separator: '/', style: 'kebab' }],
        id: 'A',
        field: 'code',
        message: 'code "auth/EMAIL_EXISTS": segment 2 "EMAIL_EXISTS" is not kebab',
      },
      'a namespaced code with an empty segment': {
        catalog: catalog({ A: entry(400, { code: 'auth//invalid-email' }) }),
        id: 'A',
        field: 'code',
        message:
          'code "auth//invalid-email" is not identifier-like (letters and digits in words joined by "_", "-" or ".", namespaces by "/" or ":")',
      },
    },
    passes: {
      'dotted, dashed and one-letter codes': {
        catalog: catalog({ A: entry(400, { code: 'auth.token-expired_2' }), B: entry(400, { code: 'X' }) }),
      },
      'namespaced codes, one separator throughout': {
        catalog: catalog({
          A: entry(400, { code: 'auth/email-already-in-use' }),
          B: entry(404, { code: 'storage/object-not-found' }),
          C: entry(400, { code: 'auth/account-exists-with-different-credential' }),
        }),
      },
      'namespaced codes in the configured style per segment': {
        catalog: catalog({
          A: entry(400, { code: 'auth/email-already-in-use' }),
          B: entry(404, { code: 'Storage.OBJECT_NOT_FOUND' }),
        }),
        setting: [
          'error',
          {
            separator: '/.',
            segments: [
              ['kebab', 'Pascal'],
              ['kebab', 'SCREAMING_SNAKE'],
            ],
          },
        ],
      },
    },
  },
  'code-casing': {
    flags: {
      'a camelCase code among SCREAMING_SNAKE ones': {
        catalog: catalog({ A: entry(400), B: entry(400), C: entry(400, { code: 'notFound' }) }),
        id: 'C',
        field: 'code',
        message: 'code "notFound" is not SCREAMING_SNAKE like the rest of the catalog',
      },
      'a snake_case code when the style is SCREAMING_SNAKE': {
        catalog: catalog({ A: entry(400, { code: 'a_b' }) }),
        setting: ['warn', { style: 'SCREAMING_SNAKE' }],
        id: 'A',
        field: 'code',
        message: 'code "a_b" is not SCREAMING_SNAKE like the rest of the catalog',
      },
    },
    passes: {
      'SCREAMING_SNAKE codes only': {
        catalog: catalog({ USER_NOT_FOUND: entry(404), FORBIDDEN: entry(403) }),
      },
      'snake_case codes only': {
        catalog: catalog({ A: entry(404, { code: 'not_found' }), B: entry(403, { code: 'forbidden' }) }),
      },
      'kebab-case codes under namespaces': {
        catalog: catalog({
          A: entry(404, { code: 'storage/object-not-found' }),
          B: entry(400, { code: 'auth/invalid-email' }),
          C: entry(400, { code: 'auth/weak-password' }),
        }),
      },
    },
  },
  'code-suffix': {
    flags: {
      'a "_code" after a complete condition': {
        catalog: catalog({ A: entry(400, { code: 'token_cannot_be_revoked_code' }) }),
        id: 'A',
        field: 'code',
        message:
          'code "token_cannot_be_revoked_code" ends in a redundant "code" (a constant\'s name leaking onto the wire?); keep it for compatibility, avoid it in new codes',
      },
    },
    passes: {
      'a "_code" after a noun': {
        catalog: catalog({
          A: entry(400, { code: 'unsupported_country_code' }),
          B: entry(422, { code: 'totp_incorrect_code' }),
        }),
      },
    },
  },
  'code-status-conflict': {
    flags: {
      'one code sent with two statuses': {
        catalog: catalog({
          A: entry(403, { code: 'feature_not_enabled' }),
          B: entry(401, { code: 'feature_not_enabled' }),
        }),
        id: 'B',
        field: 'status',
        message:
          'code "feature_not_enabled" is sent with 401 here but with 403 by A; a code should mean one status',
      },
    },
    passes: {
      // Clerk's resource_not_found: one code for several entries, all at one status.
      'one code shared at one status': {
        catalog: catalog({ A: entry(404, { code: 'not_found' }), B: entry(404, { code: 'not_found' }) }),
      },
    },
  },
  'code-near-duplicate': {
    flags: {
      'two codes with the same words in another order': {
        catalog: catalog({ INVALID_ORG_SCOPE: entry(403), ORG_SCOPE_INVALID: entry(403) }),
        id: 'ORG_SCOPE_INVALID',
        field: 'code',
        message:
          'code "ORG_SCOPE_INVALID" has the same words as "INVALID_ORG_SCOPE" (INVALID_ORG_SCOPE): one condition with two codes, or two conditions too easy to confuse',
      },
    },
    passes: {
      'codes sharing some words, and one code used twice': {
        catalog: catalog({
          INVALID_ORG: entry(403),
          ORG_MISSING: entry(403),
          X: entry(404, { code: 'INVALID_ORG' }),
        }),
      },
    },
  },
  'code-overloaded': {
    flags: {
      'an entry "also returned when" another condition holds': {
        catalog: catalog({
          forbidden: entry(403, {
            description: 'Lacks the permission. Also returned when the quota is exceeded.',
          }),
        }),
        id: 'forbidden',
        field: 'code',
        message:
          'the wording ("Also returned when") puts several conditions under code "forbidden": clients that must react differently cannot; give each condition its own entry and code',
      },
    },
    passes: {
      'an entry for one condition': {
        catalog: catalog({
          forbidden: entry(403, { description: 'The caller lacks the required permission.' }),
        }),
      },
    },
  },
  'duplicate-entry': {
    flags: {
      'two ids for the same error, whatever their categories': {
        catalog: catalog({
          A: entry(404, { code: 'nf', category: 'One', title: 'Not found', message: 'No id {id}' }),
          B: entry(404, { code: 'nf', category: 'Two', title: 'Not found', message: 'No id {id}' }),
        }),
        id: 'B',
        field: 'code',
        message: 'same code, status and wording as A: one error under two ids; keep one',
      },
    },
    passes: {
      'one code and title with different messages': {
        catalog: catalog({
          A: entry(404, { code: 'nf', title: 'Not found', message: 'No user {id}' }),
          B: entry(404, { code: 'nf', title: 'Not found', message: 'No session {id}' }),
        }),
      },
    },
  },
  'text-empty': {
    flags: {
      'an empty title': {
        catalog: catalog({ A: entry(400, { title: '' }) }),
        id: 'A',
        field: 'title',
        message: 'title is empty; write one or remove the field',
      },
      'a blank remediation': {
        catalog: catalog({ A: entry(400, { remediation: '  ' }) }),
        id: 'A',
        field: 'remediation',
        message: 'remediation is empty; write one or remove the field',
      },
    },
    passes: {
      'a title, or none at all': {
        catalog: catalog({ A: entry(400, { title: 'Bad request' }), B: entry(400) }),
      },
    },
  },
  'text-missing': {
    flags: {
      'a message missing where most entries have one': {
        catalog: catalog({ A: entry(400, { message: 'a' }), B: entry(400, { message: 'b' }), C: entry(400) }),
        id: 'C',
        field: 'message',
        message: 'message is missing, while 2 of 3 entries have one',
      },
      'a remediation the configuration requires': {
        catalog: catalog({ A: entry(400) }),
        setting: ['warn', { require: ['remediation'] }],
        id: 'A',
        field: 'remediation',
        message: 'remediation is missing (required by the configuration)',
      },
    },
    passes: {
      // No entry has a message: that is the catalog's style, not a gap.
      'a field no entry has': {
        catalog: catalog({ A: entry(400, { description: 'a' }), B: entry(400, { description: 'b' }) }),
      },
    },
  },
  'title-case': {
    flags: {
      'a title starting with a lowercase word': {
        catalog: catalog({ A: entry(404, { title: 'not found' }) }),
        id: 'A',
        field: 'title',
        message: 'title "not found" starts with a lowercase letter',
      },
    },
    passes: {
      'a capitalised title, and one starting with a name like iOS': {
        catalog: catalog({
          A: entry(404, { title: 'Not found' }),
          B: entry(400, { title: 'iOS build missing' }),
        }),
      },
    },
  },
  'text-typo': {
    flags: {
      '"an" before a consonant sound': {
        catalog: catalog({ A: entry(400, { description: 'Only for an non production instance.' }) }),
        id: 'A',
        field: 'description',
        message: 'possible typo: "an non" (a non)',
      },
      'a doubled word': {
        catalog: catalog({ A: entry(400, { message: 'Send the the request again.' }) }),
        id: 'A',
        field: 'message',
        message: 'possible typo: doubled word "the the"',
      },
      '"a" before a vowel sound': {
        catalog: catalog({ A: entry(400, { message: 'This is a error.' }) }),
        id: 'A',
        field: 'message',
        message: 'possible typo: "a error" (an error)',
      },
      'a word used once, one letter away from a frequent one': {
        catalog: catalog({
          A: entry(404, { title: 'Organization not found', message: 'No organization {id}.' }),
          B: entry(403, { title: 'Organization disabled' }),
          C: entry(409, { title: 'organizaton domain already exists' }),
        }),
        id: 'C',
        field: 'title',
        message: 'possible typo: "organizaton" (organization?)',
      },
    },
    passes: {
      '"an hour", "a user", "an SSO", "a one-time", inflections and repeated words apart': {
        catalog: catalog({
          A: entry(429, {
            remediation: 'Wait an hour, then retry. A user may hold an SSO connection, a one-time code.',
          }),
          B: entry(400, {
            description: 'The body includes a field. It included one. It included two. It included three.',
          }),
          C: entry(400, { description: 'The status starts here; status, status, status.' }),
        }),
      },
      'real words one letter away from frequent ones ("header" near "reader", "pending" near "sending")': {
        catalog: catalog({
          A: entry(400, { description: 'The reader failed. Another reader. A third reader.' }),
          B: entry(400, { description: 'Sending failed. Sending again. Stop sending.' }),
          C: entry(400, { description: 'The header is missing while the job is pending.' }),
        }),
      },
    },
  },
  'description-quality': {
    flags: {
      'a description that only repeats the id': {
        catalog: catalog({
          BreaksInstanceInvariant: entry(400, { description: 'BreaksInstanceInvariantCode' }),
        }),
        id: 'BreaksInstanceInvariant',
        field: 'description',
        message:
          'description "BreaksInstanceInvariantCode" only repeats the entry\'s name; say when this error happens',
      },
      'a description starting with a status': {
        catalog: catalog({ QuotaExceeded: entry(403, { description: '403 - quota exceeded' }) }),
        id: 'QuotaExceeded',
        field: 'description',
        message:
          'description starts with a status ("403 - quota"…); the status is a field of its own and the docs show it',
      },
    },
    passes: {
      'a description that says when': {
        catalog: catalog({ A: entry(400, { description: 'The instance settings forbid this change.' }) }),
      },
    },
  },
  'placeholder-undeclared': {
    flags: {
      'an <angle> placeholder': {
        catalog: catalog({ A: entry(404, { message: 'No user was found with id <userID>' }) }),
        id: 'A',
        field: 'message',
        message:
          '<userID> looks like a placeholder but is not a parameter: the caller receives it verbatim; write {name} and declare it',
      },
      'a {{mustache}} placeholder': {
        catalog: catalog({
          A: entry(422, { message: 'Body should contain the {{<requiredVariable>}} variable' }),
        }),
        id: 'A',
        field: 'message',
        message:
          '{{<requiredVariable>}} looks like a placeholder but is not a parameter: the caller receives it verbatim; write {name} and declare it',
      },
      'a dollar-brace placeholder': {
        catalog: catalog({ A: entry(422, { message: `Missing $${'{'}name}` }) }),
        id: 'A',
        field: 'message',
        message: `$${'{'}name} looks like a placeholder but is not a parameter: the caller receives it verbatim; write {name} and declare it`,
      },
      'a {$name} placeholder (MessageFormat 2, Angular, PHP)': {
        catalog: catalog({ A: entry(500, { message: 'Upstream failed: {$originalMessage}' }) }),
        id: 'A',
        field: 'message',
        message:
          '{$originalMessage} looks like a placeholder but is not a parameter: the caller receives it verbatim; write {name} and declare it',
      },
      'a %{name} placeholder (Ruby, i18n-js)': {
        catalog: catalog({ A: entry(422, { message: 'The %{field} is invalid' }) }),
        id: 'A',
        field: 'message',
        message:
          '%{field} looks like a placeholder but is not a parameter: the caller receives it verbatim; write {name} and declare it',
      },
      'a {0} positional placeholder (.NET, Java MessageFormat)': {
        catalog: catalog({ A: entry(400, { message: 'Value {0} is out of range' }) }),
        id: 'A',
        field: 'message',
        message:
          '{0} looks like a placeholder but is not a parameter: the caller receives it verbatim; write {name} and declare it',
      },
      'a {name} missing from params': {
        catalog: catalog({
          A: entry(404, { message: 'No {kind} named {name}', params: { name: 'string' } }),
        }),
        id: 'A',
        field: 'message',
        message: 'placeholder {kind} not declared in params',
      },
    },
    passes: {
      'declared {name} placeholders': {
        catalog: catalog({ A: entry(404, { message: 'No user {id} in {org}' }) }),
      },
      'an upper-case <EXAMPLE>, which is not a placeholder': {
        catalog: catalog({ A: entry(401, { message: "Must be 'Bearer <YOUR_API_KEY>'" }) }),
      },
    },
  },
  'placeholder-printf': {
    flags: {
      '%d in a message': {
        catalog: catalog({ A: entry(403, { message: 'You have reached your limit of %d users.' }) }),
        id: 'A',
        field: 'message',
        message:
          'printf verb %d in the message: errata does not format it, the caller sees it as is; use a named {parameter}',
      },
      '%v at the start of a message': {
        catalog: catalog({ A: entry(400, { message: '%v OAuth is not supported.' }) }),
        id: 'A',
        field: 'message',
        message:
          'printf verb %v in the message: errata does not format it, the caller sees it as is; use a named {parameter}',
      },
      '%q in a title': {
        catalog: catalog({ A: entry(422, { title: '%q data missing' }) }),
        id: 'A',
        field: 'title',
        message:
          'printf verb %q in the title: errata does not format it, the caller sees it as is; use a named {parameter}',
      },
    },
    passes: {
      percentages: {
        catalog: catalog({ A: entry(400, { message: 'Chance must be 0% to 100% done, at 50%.' }) }),
      },
    },
  },
  'param-unused': {
    flags: {
      'a parameter the message does not use': {
        catalog: catalog({ A: entry(400, { message: 'Bad request', params: { field: 'string' } }) }),
        id: 'A',
        field: 'params',
        message: 'parameter field declared but not used in the message',
      },
    },
    passes: {
      'a parameter the message uses': {
        catalog: catalog({ A: entry(400, { message: 'Bad {field}', params: { field: 'string' } }) }),
      },
    },
  },
  'status-auth': {
    flags: {
      'a 401 worded as a missing permission': {
        catalog: catalog({ A: entry(401, { message: 'This feature is not enabled in your instance' }) }),
        id: 'A',
        field: 'status',
        message:
          '401 says "not authenticated" (RFC 9110 15.5.2), but the wording ("not enabled") describes an authenticated caller who may not do this: 403; clients answer a 401 by signing in again',
      },
      'a 403 asking the caller to authenticate again': {
        catalog: catalog({
          A: entry(403, {
            description: 'The session is permanently invalidated — the user must re-authenticate.',
          }),
        }),
        id: 'A',
        field: 'status',
        message:
          '403 says "authenticated but not allowed" (RFC 9110 15.5.4), but the wording ("session is permanently invalidated") asks the caller to authenticate again: 401, which clients and SDKs answer by refreshing credentials',
      },
      "a 401 about a third party's token": {
        catalog: catalog({
          A: entry(401, { description: 'The integration’s OAuth token expired or was revoked.' }),
        }),
        id: 'A',
        field: 'status',
        message:
          '401 tells the caller that its own credentials failed, but the wording ("integration’s OAuth token") is about a third party\'s: clients would sign their user out; use 409, 422 or 424 and say what to reconnect',
      },
    },
    passes: {
      '"not authorized" on a 403, an expired token on a 401, a missing permission on a 403': {
        catalog: catalog({
          A: entry(403, { message: 'You are not authorized to perform this request' }),
          B: entry(401, { description: 'The access token has expired.' }),
          C: entry(403, {
            description: 'Credentials are valid but the caller lacks the required permission.',
          }),
        }),
      },
      '"credentials are insufficient" and "lacks valid authentication credentials" on a 401': {
        catalog: catalog({
          A: entry(401, { description: 'The credentials are insufficient to identify the caller.' }),
          B: entry(401, { description: 'The request lacks valid authentication credentials.' }),
        }),
      },
    },
  },
  'status-wording': {
    flags: {
      '"already exists" on a 400': {
        catalog: catalog({ A: entry(400, { message: 'The identifier already exists.' }) }),
        id: 'A',
        field: 'status',
        message:
          'the wording ("already exists") describes a conflict with existing state: 409 Conflict (RFC 9110 15.5.10) tells clients more than 400',
      },
      'an expired link on a 400': {
        catalog: catalog({ A: entry(400, { description: 'The invitation link has expired.' }) }),
        id: 'A',
        field: 'status',
        message:
          'the wording ("link has expired") describes something that no longer exists: 410 Gone (RFC 9110 15.5.11) tells clients more than 400',
      },
      'a rate limit on a 403': {
        catalog: catalog({ A: entry(403, { description: 'Rate limit exceeded.' }) }),
        id: 'A',
        field: 'status',
        message:
          'the wording ("Rate limit") describes a limit over time, answered with 403: 429 (RFC 6585 section 4) with Retry-After tells clients when to come back',
      },
      'a monthly quota on a 403': {
        catalog: catalog({ A: entry(403, { description: 'The monthly evaluation quota is exceeded.' }) }),
        id: 'A',
        field: 'status',
        message:
          'the wording ("monthly evaluation quota") describes a limit over time, answered with 403: 429 (RFC 6585 section 4) with Retry-After tells clients when to come back',
      },
      '"reached the maximum" on a 400': {
        catalog: catalog({
          A: entry(400, { description: 'Organization has reached the maximum number of services.' }),
        }),
        id: 'A',
        field: 'status',
        message:
          'the wording ("reached the maximum") describes a plan or quota limit, not a malformed request: 403 (or 402 when paying lifts it) tells clients more than 400',
      },
    },
    passes: {
      'each wording on the status it names': {
        catalog: catalog({
          A: entry(409, { message: 'The identifier already exists.' }),
          B: entry(410, { description: 'The invitation link has expired.' }),
          C: entry(429, { description: 'Rate limit exceeded.', retry: { afterMs: 1000 } }),
          D: entry(403, { description: 'Organization has reached the maximum number of services.' }),
          E: entry(402, { description: 'The monthly credit pool is empty.' }),
        }),
      },
      'expired credentials, coupons, sessions and codes on a 400 (not a resource gone for good)': {
        catalog: catalog({
          A: entry(400, { description: 'The provided credentials have expired.' }),
          B: entry(400, { description: 'The coupon has expired and can no longer be applied.' }),
          C: entry(400, { message: 'Your session has expired; sign in again.' }),
          D: entry(400, { description: 'The device code has expired.' }),
          E: entry(400, { description: 'The card has expired.' }),
          F: entry(400, { description: 'The action code of the email link has expired.' }),
        }),
      },
      '"already exists" on a 422 when only 400 is generic': {
        catalog: catalog({ A: entry(422, { message: 'Already exists.' }) }),
        setting: ['warn', { statuses: [400] }],
      },
    },
  },
  'status-unknown': {
    flags: {
      'an unregistered status': {
        catalog: catalog({ A: entry(499) }),
        id: 'A',
        field: 'status',
        message: '499 is not a registered HTTP status; clients treat it as a generic 4xx',
      },
    },
    passes: { 'registered statuses': { catalog: catalog({ A: entry(404), B: entry(425), C: entry(511) }) } },
  },
  'status-multiple': {
    flags: {
      'entries listing several statuses, once for the catalog': {
        catalog: catalog({
          A: entry(400, { status: [400, 409] }),
          B: entry(404),
          C: entry(403, { status: [403, 404, 401] }),
        }),
        id: null,
        field: 'errors',
        message:
          '2 entries list more than one status (A: 400, 409; C: 403, 404, 401): a client cannot tell from the status which condition it met, and a check accepts any of them; keep one status per code where the API allows it',
      },
    },
    passes: {
      'one status per entry, a one-item list included': {
        catalog: catalog({ A: entry(400), B: entry(409, { status: [409] }) }),
      },
    },
  },
  'existence-leak': {
    flags: {
      '"not a member" on a 403': {
        catalog: catalog({ A: entry(403, { message: 'Current user is not a member of the organization.' }) }),
        id: 'A',
        field: 'status',
        message:
          '403 with "not a member" confirms to a caller without access that the resource exists; answer 404 "not found, or you do not have access" instead (RFC 9110 15.5.4 allows it)',
      },
      '"does not own" on a 403': {
        catalog: catalog({ A: entry(403, { description: 'The caller does not own the resource.' }) }),
        id: 'A',
        field: 'status',
        message:
          '403 with "does not own" confirms to a caller without access that the resource exists; answer 404 "not found, or you do not have access" instead (RFC 9110 15.5.4 allows it)',
      },
    },
    passes: {
      'a 404 "not found or no access", and a 403 about a role': {
        catalog: catalog({
          A: entry(404, {
            description: 'The resource does not exist, or the caller does not have visibility into it.',
          }),
          B: entry(403, { description: 'The caller lacks the required role.' }),
        }),
      },
    },
  },
  'retry-429': {
    flags: {
      'a 429 not retryable': {
        catalog: catalog({ A: entry(429, { retry: false }) }),
        id: 'A',
        field: 'retry',
        message:
          '429 is not retryable here: give the window (retry: { afterMs }) so the server sends Retry-After and clients back off instead of giving up',
      },
    },
    passes: {
      'a 429 with a window': { catalog: catalog({ A: entry(429, { retry: { afterMs: 60_000 } }) }) },
      'a 429 that does not say (retry-unstated asks for it)': { catalog: catalog({ A: entry(429) }) },
      'a 429 not retryable with a note saying why': {
        catalog: catalog({
          A: entry(429, {
            retry: {
              retryable: false,
              note: 'The daily quota resets at midnight UTC; retrying sooner fails.',
            },
          }),
        }),
      },
    },
  },
  'retry-4xx': {
    flags: {
      'a retryable 422': {
        catalog: catalog({ A: entry(422, { retry: true }) }),
        id: 'A',
        field: 'retry',
        message:
          '422 is marked retryable, but repeating the same request gets the same 422; clients would retry in vain (the caller must change the request first)',
      },
      'a 400 retried after a fixed delay': {
        catalog: catalog({ A: entry(400, { retry: { delayMs: 10 } }) }),
        id: 'A',
        field: 'retry',
        message:
          '400 is marked retryable, but repeating the same request gets the same 400; clients would retry in vain (the caller must change the request first)',
      },
    },
    passes: {
      'retryable 408, 409 and 425, and a 400 not retryable': {
        catalog: catalog({
          A: entry(408, { retry: true }),
          B: entry(409, { retry: true }),
          C: entry(425, { retry: true }),
          D: entry(400),
        }),
      },
      'a retryable 400 with a note saying why': {
        catalog: catalog({
          A: entry(400, {
            retry: {
              delayMs: 1000,
              note: 'The upload is still being processed; the same request succeeds once it is.',
            },
          }),
        }),
      },
      'a retryable 423 the configuration allows': {
        catalog: catalog({ A: entry(423, { retry: true }) }),
        setting: ['error', { allow: [423] }],
      },
    },
  },
  'retry-5xx': {
    flags: {
      'a 503 not retryable': {
        catalog: catalog({ A: entry(503, { retry: false }) }),
        id: 'A',
        field: 'retry',
        message:
          '503 means temporarily unavailable (RFC 9110 15.6.4) but the entry is not retryable: give it a back-off or a window',
      },
      'a 500 not retryable without a note': {
        catalog: catalog({ A: entry(500, { retry: false }) }),
        id: 'A',
        field: 'retry',
        message:
          '500 is not retryable: if the failure is transient, let clients retry with back-off; if retrying is unsafe, say why in retry.note',
      },
    },
    passes: {
      'a retryable 503, a 501, and a 500 with a note saying why not': {
        catalog: catalog({
          A: entry(503, { retry: true }),
          B: entry(501),
          C: entry(500, { retry: { retryable: false, note: 'not idempotent' } }),
        }),
      },
      'a 500 that does not say (retry-unstated asks for it)': { catalog: catalog({ A: entry(500) }) },
      'a 500 when only 503 is checked': {
        catalog: catalog({ A: entry(500, { retry: false }) }),
        setting: ['warn', { statuses: [503] }],
      },
    },
  },
  'retry-hint-ignored': {
    flags: {
      '"continue polling" on a 400 not retryable': {
        catalog: catalog({
          A: entry(400, {
            description: 'Authorization is still pending. The client should continue polling.',
            retry: false,
          }),
        }),
        id: 'A',
        field: 'retry',
        message:
          'the wording ("continue polling") tells the caller to retry, but the entry is not retryable, so clients will not',
      },
      '"continue polling" on a 400 that does not say': {
        catalog: catalog({
          A: entry(400, {
            description: 'Authorization is still pending. The client should continue polling.',
          }),
        }),
        id: 'A',
        field: 'retry',
        message:
          'the wording ("continue polling") tells the caller to retry, but the entry does not say it may be retried, so clients will not',
      },
    },
    passes: {
      '"try again" after a wrong password, and polling on a retryable entry': {
        catalog: catalog({
          A: entry(422, { message: 'Incorrect password. Please try again.' }),
          B: entry(400, { description: 'Continue polling.', retry: { delayMs: 5000 } }),
        }),
        setting: ['warn', {}],
      },
    },
  },
  'retry-unstated': {
    flags: {
      'a 503 that does not say': {
        catalog: catalog({ A: entry(503) }),
        id: 'A',
        field: 'retry',
        message:
          'the entry does not say whether a 503 may be retried, so clients such as the OpenAI and Stripe SDKs retry it on their own back-off, even where repeating the request is unsafe: state retry (true, a policy such as { afterMs }, or false with a note saying why)',
      },
      'a 429, a 409 and a 408 that do not say': {
        catalog: catalog({ A: entry(429), B: entry(409), C: entry(408) }),
        id: 'A',
        field: 'retry',
        message:
          'the entry does not say whether a 429 may be retried, so clients such as the OpenAI and Stripe SDKs retry it on their own back-off, even where repeating the request is unsafe: state retry (true, a policy such as { afterMs }, or false with a note saying why)',
      },
    },
    passes: {
      'a 400, 404 and 422 that do not say (no client retries them on its own)': {
        catalog: catalog({ A: entry(400), B: entry(404), C: entry(422) }),
      },
      'a 5xx that says yes, and one that says no': {
        catalog: catalog({
          A: entry(503, { retry: true }),
          B: entry(500, { retry: { retryable: false, note: 'Not idempotent.' } }),
        }),
      },
    },
  },
  'deprecated-no-replacement': {
    flags: {
      'a deprecated entry naming no replacement': {
        catalog: catalog({ A: entry(403, { deprecated: true }) }),
        id: 'A',
        field: 'deprecated',
        message:
          'deprecated without a replacement: set deprecated.replacedBy (or say in a note why none exists)',
      },
    },
    passes: {
      'a deprecated entry with replacedBy': {
        catalog: catalog({ A: entry(403, { deprecated: { replacedBy: 'B' } }), B: entry(404) }),
      },
    },
  },
  'deprecated-replacement-missing': {
    flags: {
      'replacedBy naming no entry': {
        catalog: catalog({ A: entry(403, { deprecated: { replacedBy: 'Gone' } }) }),
        id: 'A',
        field: 'deprecated',
        message: 'deprecated.replacedBy names "Gone", which is not an entry of this catalog',
      },
      'replacedBy naming the entry itself': {
        catalog: catalog({ A: entry(403, { deprecated: { replacedBy: 'A' } }) }),
        id: 'A',
        field: 'deprecated',
        message: 'deprecated.replacedBy names the entry itself',
      },
      'replacedBy naming a deprecated entry': {
        catalog: catalog({
          A: entry(403, { deprecated: { replacedBy: 'B' } }),
          B: entry(404, { deprecated: true }),
        }),
        id: 'A',
        field: 'deprecated',
        message: 'deprecated.replacedBy names "B", which is deprecated too; point to the current entry',
      },
      'replacedBy naming a name every object has (toString)': {
        catalog: catalog({ A: entry(403, { deprecated: { replacedBy: 'toString' } }) }),
        id: 'A',
        field: 'deprecated',
        message: 'deprecated.replacedBy names "toString", which is not an entry of this catalog',
      },
    },
    passes: {
      'replacedBy naming a current entry': {
        catalog: catalog({ A: entry(403, { deprecated: { replacedBy: 'B' } }), B: entry(404) }),
      },
    },
  },
  'details-object': {
    flags: {
      'details typed as a string': {
        catalog: catalog({ A: entry(403, { details: { type: 'string' } }) }),
        id: 'A',
        field: 'details',
        message:
          'details is string, not an object: clients must parse it themselves and no field can be added later without breaking them',
      },
    },
    passes: {
      'object details, and no details': {
        catalog: catalog({
          A: entry(403, { details: { type: 'object', properties: { n: { type: 'string' } } } }),
          B: entry(400),
        }),
      },
    },
  },
  'link-relative': {
    flags: {
      'a relative link': {
        catalog: catalog({ A: entry(403, { links: ['/docs/errors'] }) }),
        id: 'A',
        field: 'links',
        message: 'link "/docs/errors" is relative; use an absolute URL',
      },
      'a "See /path" in a remediation': {
        catalog: catalog({
          A: entry(402, { remediation: 'Move up a plan. See /api-reference/billing/checkout.' }),
        }),
        id: 'A',
        field: 'remediation',
        message:
          'remediation points to "/api-reference/billing/checkout", a relative path: it does not resolve in an SDK, a log or a terminal; use an absolute URL',
      },
    },
    passes: {
      'an absolute link, and a path that is not a reference to read': {
        catalog: catalog({
          A: entry(403, { links: ['https://docs.example.com/errors'] }),
          B: entry(410, { description: 'Start a new flow with /v1/cli/device/start.' }),
        }),
      },
    },
  },
  'locale-invalid': {
    flags: {
      'a translation locale that is not BCP 47': {
        catalog: catalog(
          { A: entry(404, { title: 'Not found' }) },
          { translations: { 'fr-': { A: { title: 'Introuvable' } } } },
        ),
        id: null,
        field: 'translations.fr-',
        message:
          '"fr-" is not a valid BCP 47 language tag: no Accept-Language or user language can match it; write a language subtag, then region or script (fr, pt-BR, zh-Hant)',
      },
      "the catalog's own locale": {
        catalog: catalog({ A: entry(404) }, { locale: 'e' }),
        id: null,
        field: 'locale',
        message:
          '"e" is not a valid BCP 47 language tag: no Accept-Language or user language can match it; write a language subtag, then region or script (fr, pt-BR, zh-Hant)',
      },
    },
    passes: {
      'valid tags': {
        catalog: catalog(
          { A: entry(404, { title: 'Not found' }) },
          { locale: 'en-GB', translations: { 'zh-Hant-TW': { A: { title: '找不到' } } } },
        ),
      },
    },
  },
  'locale-canonical': {
    flags: {
      'a region in lower case': {
        catalog: catalog(
          { A: entry(404, { title: 'Not found' }) },
          { translations: { 'pt-br': { A: { title: 'Não encontrado' } } } },
        ),
        id: null,
        field: 'translations.pt-br',
        message:
          '"pt-br" is written "pt-BR" in canonical form (RFC 5646 section 4.5); tools that compare tags as strings will not match it',
      },
      'a deprecated language subtag': {
        catalog: catalog({ A: entry(404) }, { locale: 'iw' }),
        id: null,
        field: 'locale',
        message:
          '"iw" is written "he" in canonical form (RFC 5646 section 4.5); tools that compare tags as strings will not match it',
      },
    },
    passes: {
      'canonical tags': {
        catalog: catalog(
          { A: entry(404, { title: 'Not found' }) },
          { locale: 'en', translations: { 'pt-BR': { A: { title: 'Não encontrado' } } } },
        ),
      },
    },
  },
  'translation-unknown-entry': {
    flags: {
      'a translation of a renamed entry': {
        catalog: catalog(
          { NOT_FOUND: entry(404, { title: 'Not found' }) },
          { translations: { fr: { NOT_FOUNDD: { title: 'Introuvable' } } } },
        ),
        id: null,
        field: 'translations.fr.NOT_FOUNDD',
        message:
          'the fr translation of "NOT_FOUNDD" names no entry of this catalog, so it is never used. Did you mean NOT_FOUND?',
      },
    },
    passes: {
      'translations of existing entries': {
        catalog: catalog({
          A: entry(404, { title: 'Not found', translations: { fr: { title: 'Introuvable' } } }),
        }),
      },
    },
  },
  'translation-syntax': {
    flags: {
      'an unclosed argument': {
        catalog: catalog({
          A: entry(409, {
            message: 'Only {left} left.',
            translations: { fr: { message: 'Plus que {left' } },
          }),
        }),
        id: 'A',
        field: 'translations.fr.message',
        message:
          'the fr message is not ICU MessageFormat (expect argument closing brace at column 10): "Plus que {left"',
      },
      'a plural without other': {
        catalog: catalog({
          A: entry(409, {
            message: 'Only {left:integer} left.',
            translations: { fr: { message: '{left, plural, one {Plus qu’un seul.}}' } },
          }),
        }),
        id: 'A',
        field: 'translations.fr.message',
        message:
          'the fr message is not ICU MessageFormat (missing other clause at column 38): "{left, plural, one {Plus qu’un seul.}}"',
      },
    },
    passes: {
      'plural, select and quoted braces': {
        catalog: catalog({
          A: entry(409, {
            message: 'Only {left:integer} left of {sku}.',
            translations: {
              fr: {
                message: "{left, plural, one {Plus qu''un seul {sku}.} other {Plus que # '{'{sku}'}'.}}",
              },
            },
          }),
        }),
      },
    },
  },
  'translation-params': {
    flags: {
      'a parameter the entry does not have': {
        catalog: catalog({
          A: entry(409, {
            message: 'Only {left} left.',
            translations: { fr: { message: 'Plus que {reste}.' } },
          }),
        }),
        id: 'A',
        field: 'translations.fr.message',
        message: 'the fr message uses {reste}, not a parameter of A (left): callers never pass it',
      },
      'a text parameter counted in a plural branch': {
        catalog: catalog({
          A: entry(409, {
            message: 'No {sku} left.',
            translations: { fr: { message: '{sku, plural, one {Plus de {sku}.} other {Plus de #.}}' } },
          }),
        }),
        id: 'A',
        field: 'translations.fr.message',
        message:
          'the fr message formats {sku} (a string) as a plural, which the source does not: a count or amount needs a number type there ({n:integer} in the message, or in params)',
      },
    },
    passes: {
      'the source parameters, in branches too': {
        catalog: catalog({
          A: entry(409, {
            message: 'Only {left:integer} left of {sku}.',
            translations: {
              fr: { message: '{left, plural, one {Plus qu’un seul {sku}.} other {Plus que # {sku}.}}' },
            },
          }),
        }),
      },
    },
  },
  'translation-param-omitted': {
    flags: {
      'a source parameter left out': {
        catalog: catalog({
          A: entry(409, {
            message: 'Only {left} left of {sku}.',
            translations: { fr: { message: 'Plus que {left}.' } },
          }),
        }),
        id: 'A',
        field: 'translations.fr.message',
        message:
          'the fr message leaves out {sku}, which the source message writes: readers in fr do not see it',
      },
    },
    passes: {
      'every parameter, one of them only as #': {
        catalog: catalog({
          A: entry(409, {
            message: 'Only {left:integer} left of {sku}.',
            translations: { fr: { message: '{left, plural, one {Un seul {sku}.} other {# {sku}.}}' } },
          }),
        }),
      },
    },
  },
  'translation-coverage': {
    flags: {
      'entries and fields without a translation': {
        catalog: catalog(
          {
            A: entry(404, { title: 'Not found', message: 'No {id}.' }),
            B: entry(409, { title: 'Conflict' }),
            C: entry(410, { title: 'Gone' }),
          },
          { translations: { fr: { A: { title: 'Introuvable' }, C: { title: 'Disparu' } } } },
        ),
        id: null,
        field: 'translations.fr',
        message: 'fr: 1 of 3 entries (33%); missing, so shown in en: A (message), B',
      },
    },
    passes: {
      'every field, a region through its language': {
        catalog: catalog(
          { A: entry(404, { title: 'Not found', message: 'No {id}.' }) },
          {
            translations: {
              fr: { A: { title: 'Introuvable', message: 'Aucun {id}.' } },
              'fr-CA': { A: { title: 'Pas trouvé' } },
            },
          },
        ),
      },
    },
  },
};

/** What each built-in rule is about, as the SARIF log and docs/governance.md show it. */
const DESCRIPTIONS = [
  [
    'type-uri',
    'The catalog’s `docs` URL is not absolute, so every RFC 9457 `type` URI is relative (section 3.1.1: clients resolve it against the response’s URL).',
  ],
  [
    'docs-url',
    'The catalog has no `docs` URL (every `type` is about:blank) or an `http:` one (RFC 9457 type URIs should be stable and https).',
  ],
  [
    'server-failure-uncovered',
    'A failure every errata server answers (malformed body, validation, no route, 405, 413, 415, internal error) has no entry in the catalog: it is answered with errata’s generic entry, in the catalog’s casing.',
  ],
  ['code-empty', 'An entry whose wire code is empty: clients have nothing stable to match on.'],
  [
    'code-format',
    'Wire codes must be identifier-like (a letter, then letters and digits in words joined by "_", "-" or "."), optionally namespaced by one separator ("auth/email-already-in-use"); `separator`, `style`, `segments` and `maxLength` (64) are options.',
  ],
  [
    'code-casing',
    'Codes must share one casing (SCREAMING_SNAKE, snake_case, kebab-case, camelCase, PascalCase, dot.case); the catalog’s dominant one unless `style` is set.',
  ],
  [
    'code-suffix',
    'Wire codes with a redundant "_code" after a complete condition ("token_cannot_be_revoked_code"): a constant’s name leaking.',
  ],
  ['code-status-conflict', 'One wire code sent with different HTTP statuses: clients cannot rely on either.'],
  [
    'code-near-duplicate',
    'Two different codes made of the same words (INVALID_ORG_SCOPE, ORG_SCOPE_INVALID): easy to confuse.',
  ],
  [
    'code-overloaded',
    'An entry documented as covering other conditions too ("Also returned when…"): clients cannot tell them apart; give each its own code.',
  ],
  [
    'duplicate-entry',
    'Two entries with the same code, status, wording, retry and details: one error under two ids.',
  ],
  [
    'text-empty',
    'A title, message, description or remediation that is present but empty: callers get a blank.',
  ],
  [
    'text-missing',
    'A title, message, description or remediation that most entries have (share ≥ `consistency`, default 0.5) and this one lacks; `require` lists fields every entry must have.',
  ],
  ['title-case', 'Titles that start with a lowercase word (a title is shown as a heading: "Not found").'],
  [
    'text-typo',
    'Typos: a doubled word, "a"/"an" before the wrong sound, and a word used once, not in the English word list, one letter away from a word the catalog uses often ("organizaton").',
  ],
  [
    'description-quality',
    'Descriptions that only repeat the entry’s id or code ("BreaksInstanceInvariantCode") or start with a status ("403 - …").',
  ],
  [
    'placeholder-undeclared',
    'Message placeholders that are not declared parameters: `{name}` missing from `params`, or `<name>`, `{{name}}`, `$\u{7b}name}`, `{$name}`, `%{name}`, `{0}` styles errata sends verbatim.',
  ],
  [
    'placeholder-printf',
    'printf-style verbs (`%d`, `%v`, `%q`, `%s`) left in a title or message: callers see "%d".',
  ],
  ['param-unused', 'Declared parameters that the message never uses.'],
  [
    'status-auth',
    '401 whose wording is about permission (should be 403) or a third party’s token, or 403 whose wording is about authentication (should be 401).',
  ],
  [
    'status-wording',
    'A generic status (`statuses`, default 400) whose wording names a specific one: "already exists" → 409, "link has expired" → 410, "reached the maximum" → 403/402; a rate or monthly limit not on a 429.',
  ],
  [
    'status-unknown',
    'Statuses with no registered meaning (e.g. 420, 499): proxies and clients treat them generically.',
  ],
  [
    'status-multiple',
    'Entries that list more than one status (`status: [400, 409]`): the status no longer tells clients which condition they met; one finding for the catalog.',
  ],
  [
    'existence-leak',
    'A 401/403 whose wording ("not a member", "does not own") tells a caller without access that the resource exists; answer 404 "not found or no access".',
  ],
  [
    'retry-429',
    'A 429 marked not retryable without a `retry.note` saying why: "too many requests" means "come back later" (RFC 6585 section 4).',
  ],
  [
    'retry-4xx',
    'A 4xx marked retryable other than 408, 409, 425, 429 (`allow`) without a `retry.note` saying why: the same request gets the same answer.',
  ],
  [
    'retry-5xx',
    'A 500, 502, 503 or 504 (`statuses`) marked not retryable without a `retry.note` saying why, though these are usually transient.',
  ],
  [
    'retry-hint-ignored',
    'A 4xx whose wording tells the caller to retry ("continue polling") but is not marked retryable.',
  ],
  [
    'retry-unstated',
    'A 408, 409, 429 or 5xx that does not say whether it may be retried: every client falls back to its own guess.',
  ],
  [
    'deprecated-no-replacement',
    'Deprecated entries that do not say which entry replaces them (`deprecated.replacedBy`).',
  ],
  [
    'deprecated-replacement-missing',
    '`deprecated.replacedBy` names an entry that does not exist, the entry itself, or another deprecated entry.',
  ],
  [
    'details-object',
    'A `details` schema that is not an object (a string, an array): fields cannot be added later without breaking clients.',
  ],
  [
    'link-relative',
    'Relative links (`links`, or "see /api-reference/…" in a remediation or description) that do not resolve outside the docs site.',
  ],
  ...builtinRules
    .slice(builtinRules.findIndex((r) => r.id === 'locale-invalid'))
    .map((r) => [r.id, r.description]),
];

describe('built-in rules', () => {
  it('every built-in rule has a failing and a passing case', () => {
    expect(Object.keys(cases).sort()).toEqual(builtinRules.map((r) => r.id).sort());
  });

  it('every rule has an id, a default severity and a one-line description', () => {
    for (const r of builtinRules) {
      expect(r.id).toMatch(/^[a-z0-9]+(?:-[a-z0-9]+)*$/);
      expect(['warn', 'error']).toContain(r.severity);
      expect(r.description).not.toMatch(/\n/);
    }
  });

  it('describes each rule, in the order findings are listed', () => {
    expect(builtinRules.map((r) => [r.id, r.description])).toEqual(DESCRIPTIONS);
  });

  for (const [ruleId, c] of Object.entries(cases)) {
    describe(ruleId, () => {
      for (const [what, flagged] of Object.entries(c.flags))
        it(`flags ${what}`, () => {
          const [first] = run(ruleId, flagged.catalog, flagged.setting);
          const code = flagged.id === null ? null : flagged.catalog.errors[flagged.id]?.code;
          expect(first).toMatchObject({
            rule: ruleId,
            id: flagged.id,
            code,
            field: flagged.field,
            message: flagged.message,
          });
        });
      for (const [what, passed] of Object.entries(c.passes))
        it(`passes ${what}`, () => {
          expect(run(ruleId, passed.catalog, passed.setting)).toEqual([]);
        });
    });
  }
});
