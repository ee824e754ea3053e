import { describe, expect, it } from 'vitest';
import type { CatalogModel } from '../catalog/model.js';
import { normalizeCatalog } from '../catalog/normalize.js';
import { builtinRules } from './builtin-rules/index.js';
import { lint } from './lint.js';
import type { Finding, RuleSetting } from './lint-types.js';

type Entries = Record<string, Record<string, unknown>>;

/** A catalog with an absolute docs URL, so only the rule under test speaks. */
function cat(errors: Entries, top: Record<string, unknown> = {}): CatalogModel {
  return normalizeCatalog({ name: 't', docs: 'https://docs.example.com/errors', ...top, errors }).model;
}

function run(ruleId: string, model: CatalogModel, setting?: RuleSetting): Finding[] {
  const rule = builtinRules.find((r) => r.id === ruleId);
  if (!rule) throw new Error(`no rule ${ruleId}`);
  return lint(model, {
    rules: [rule],
    ...(setting !== undefined && { config: { rules: { [ruleId]: setting } } }),
  });
}

interface Case {
  /** Catalogs the rule must flag, with the entry id (null: the catalog) and field of the first finding. */
  readonly bad: readonly [CatalogModel, string | null, string, RuleSetting?][];
  /** Catalogs the rule must pass. */
  readonly good: readonly [CatalogModel, RuleSetting?][];
}

const e = (status: number, more: Record<string, unknown> = {}) => ({ status, ...more });

const cases: Record<string, Case> = {
  'type-uri': {
    bad: [
      [cat({ A: e(404) }, { docs: '/errors' }), null, 'docs'],
      [cat({ A: e(404) }, { docs: 'docs.example.com/errors' }), null, 'docs'],
    ],
    good: [
      [cat({ A: e(404) })],
      [cat({ A: e(404) }, { docs: 'tag:example.com,2026:errors' })],
      [cat({ A: e(404) }, { docs: undefined })],
    ],
  },
  'docs-url': {
    bad: [
      [cat({ A: e(404) }, { docs: undefined }), null, 'docs'],
      [cat({ A: e(404) }, { docs: 'http://docs.example.com/errors' }), null, 'docs'],
    ],
    good: [[cat({ A: e(404) })]],
  },
  'code-empty': {
    bad: [[cat({ A: e(400), B: e(400, { code: '' }) }), 'B', 'code']],
    good: [[cat({ A: e(400), B: e(400, { code: 'b' }) })]],
  },
  'code-format': {
    bad: [
      [cat({ A: e(400, { code: 'not a code' }) }), 'A', 'code'],
      [cat({ A: e(400, { code: 'trailing_' }) }), 'A', 'code'],
      [cat({ A: e(400, { code: 'LONG_CODE' }) }), 'A', 'code', ['error', { maxLength: 5 }]],
    ],
    good: [[cat({ A: e(400, { code: 'auth.token-expired_2' }), B: e(400, { code: 'X' }) })]],
  },
  'code-casing': {
    bad: [
      [cat({ A: e(400), B: e(400), C: e(400, { code: 'notFound' }) }), 'C', 'code'],
      [cat({ A: e(400, { code: 'a_b' }) }), 'A', 'code', ['warn', { style: 'SCREAMING_SNAKE' }]],
    ],
    good: [
      [cat({ USER_NOT_FOUND: e(404), FORBIDDEN: e(403) })],
      [cat({ A: e(404, { code: 'not_found' }), B: e(403, { code: 'forbidden' }) })],
    ],
  },
  'code-suffix': {
    bad: [[cat({ A: e(400, { code: 'token_cannot_be_revoked_code' }) }), 'A', 'code']],
    good: [
      [cat({ A: e(400, { code: 'unsupported_country_code' }), B: e(422, { code: 'totp_incorrect_code' }) })],
    ],
  },
  'code-status-conflict': {
    bad: [
      [
        cat({ A: e(403, { code: 'feature_not_enabled' }), B: e(401, { code: 'feature_not_enabled' }) }),
        'B',
        'status',
      ],
    ],
    // A code shared at one status is legitimate (Clerk's resource_not_found).
    good: [[cat({ A: e(404, { code: 'not_found' }), B: e(404, { code: 'not_found' }) })]],
  },
  'code-near-duplicate': {
    bad: [[cat({ INVALID_ORG_SCOPE: e(403), ORG_SCOPE_INVALID: e(403) }), 'ORG_SCOPE_INVALID', 'code']],
    good: [[cat({ INVALID_ORG: e(403), ORG_MISSING: e(403), X: e(404, { code: 'INVALID_ORG' }) })]],
  },
  'code-overloaded': {
    bad: [
      [
        cat({
          forbidden: e(403, {
            description: 'Lacks the permission. Also returned when the quota is exceeded.',
          }),
        }),
        'forbidden',
        'code',
      ],
    ],
    good: [[cat({ forbidden: e(403, { description: 'The caller lacks the required permission.' }) })]],
  },
  'duplicate-entry': {
    bad: [
      [
        cat({
          A: e(404, { code: 'nf', category: 'One', title: 'Not found', message: 'No id {id}' }),
          B: e(404, { code: 'nf', category: 'Two', title: 'Not found', message: 'No id {id}' }),
        }),
        'B',
        'code',
      ],
    ],
    good: [
      [
        cat({
          A: e(404, { code: 'nf', title: 'Not found', message: 'No user {id}' }),
          B: e(404, { code: 'nf', title: 'Not found', message: 'No session {id}' }),
        }),
      ],
    ],
  },
  'text-empty': {
    bad: [
      [cat({ A: e(400, { title: '' }) }), 'A', 'title'],
      [cat({ A: e(400, { remediation: '  ' }) }), 'A', 'remediation'],
    ],
    good: [[cat({ A: e(400, { title: 'Bad request' }), B: e(400) })]],
  },
  'text-missing': {
    bad: [
      [cat({ A: e(400, { message: 'a' }), B: e(400, { message: 'b' }), C: e(400) }), 'C', 'message'],
      [cat({ A: e(400) }), 'A', 'remediation', ['warn', { require: ['remediation'] }]],
    ],
    // No entry has a message: that is the catalog's style, not a gap.
    good: [[cat({ A: e(400, { description: 'a' }), B: e(400, { description: 'b' }) })]],
  },
  'title-case': {
    bad: [[cat({ A: e(404, { title: 'not found' }) }), 'A', 'title']],
    good: [[cat({ A: e(404, { title: 'Not found' }), B: e(400, { title: 'iOS build missing' }) })]],
  },
  'text-typo': {
    bad: [
      [cat({ A: e(400, { description: 'Only for an non production instance.' }) }), 'A', 'description'],
      [cat({ A: e(400, { message: 'Send the the request again.' }) }), 'A', 'message'],
      [cat({ A: e(400, { message: 'This is a error.' }) }), 'A', 'message'],
      [
        cat({
          A: e(404, { title: 'Organization not found', message: 'No organization {id}.' }),
          B: e(403, { title: 'Organization disabled' }),
          C: e(409, { title: 'organizaton domain already exists' }),
        }),
        'C',
        'title',
      ],
    ],
    good: [
      [
        cat({
          A: e(429, {
            remediation: 'Wait an hour, then retry. A user may hold an SSO connection, a one-time code.',
          }),
          B: e(400, {
            description: 'The body includes a field. It included one. It included two. It included three.',
          }),
          C: e(400, { description: 'The status starts here; status, status, status.' }),
        }),
      ],
    ],
  },
  'description-quality': {
    bad: [
      [
        cat({ BreaksInstanceInvariant: e(400, { description: 'BreaksInstanceInvariantCode' }) }),
        'BreaksInstanceInvariant',
        'description',
      ],
      [
        cat({ QuotaExceeded: e(403, { description: '403 - quota exceeded' }) }),
        'QuotaExceeded',
        'description',
      ],
    ],
    good: [[cat({ A: e(400, { description: 'The instance settings forbid this change.' }) })]],
  },
  'placeholder-undeclared': {
    bad: [
      [cat({ A: e(404, { message: 'No user was found with id <userID>' }) }), 'A', 'message'],
      [
        cat({ A: e(422, { message: 'Body should contain the {{<requiredVariable>}} variable' }) }),
        'A',
        'message',
      ],
      [cat({ A: e(422, { message: `Missing $${'{'}name}` }) }), 'A', 'message'],
      [cat({ A: e(404, { message: 'No {kind} named {name}', params: { name: 'string' } }) }), 'A', 'message'],
    ],
    good: [
      [cat({ A: e(404, { message: 'No user {id} in {org}' }) })],
      [cat({ A: e(401, { message: "Must be 'Bearer <YOUR_API_KEY>'" }) })],
    ],
  },
  'placeholder-printf': {
    bad: [
      [cat({ A: e(403, { message: 'You have reached your limit of %d users.' }) }), 'A', 'message'],
      [cat({ A: e(400, { message: '%v OAuth is not supported.' }) }), 'A', 'message'],
      [cat({ A: e(422, { title: '%q data missing' }) }), 'A', 'title'],
    ],
    good: [[cat({ A: e(400, { message: 'Chance must be 0% to 100% done, at 50%.' }) })]],
  },
  'param-unused': {
    bad: [[cat({ A: e(400, { message: 'Bad request', params: { field: 'string' } }) }), 'A', 'params']],
    good: [[cat({ A: e(400, { message: 'Bad {field}', params: { field: 'string' } }) })]],
  },
  'status-auth': {
    bad: [
      [cat({ A: e(401, { message: 'This feature is not enabled in your instance' }) }), 'A', 'status'],
      [
        cat({
          A: e(403, {
            description: 'The session is permanently invalidated — the user must re-authenticate.',
          }),
        }),
        'A',
        'status',
      ],
      [
        cat({ A: e(401, { description: 'The integration’s OAuth token expired or was revoked.' }) }),
        'A',
        'status',
      ],
    ],
    good: [
      [
        cat({
          A: e(403, { message: 'You are not authorized to perform this request' }),
          B: e(401, { description: 'The access token has expired.' }),
          C: e(403, { description: 'Credentials are valid but the caller lacks the required permission.' }),
        }),
      ],
    ],
  },
  'status-wording': {
    bad: [
      [cat({ A: e(400, { message: 'The identifier already exists.' }) }), 'A', 'status'],
      [cat({ A: e(400, { description: 'The device code has expired.' }) }), 'A', 'status'],
      [cat({ A: e(403, { description: 'Rate limit exceeded.' }) }), 'A', 'status'],
      [cat({ A: e(403, { description: 'The monthly evaluation quota is exceeded.' }) }), 'A', 'status'],
      [
        cat({ A: e(400, { description: 'Organization has reached the maximum number of services.' }) }),
        'A',
        'status',
      ],
    ],
    good: [
      [
        cat({
          A: e(409, { message: 'The identifier already exists.' }),
          B: e(410, { description: 'The device code has expired.' }),
          C: e(429, { description: 'Rate limit exceeded.', retry: { afterMs: 1000 } }),
          D: e(403, { description: 'Organization has reached the maximum number of services.' }),
          E: e(402, { description: 'The monthly credit pool is empty.' }),
        }),
      ],
      [cat({ A: e(422, { message: 'Already exists.' }) }), ['warn', { statuses: [400] }]],
    ],
  },
  'status-unknown': {
    bad: [[cat({ A: e(499) }), 'A', 'status']],
    good: [[cat({ A: e(404), B: e(425), C: e(511) })]],
  },
  'existence-leak': {
    bad: [
      [cat({ A: e(403, { message: 'Current user is not a member of the organization.' }) }), 'A', 'status'],
      [cat({ A: e(403, { description: 'The caller does not own the resource.' }) }), 'A', 'status'],
    ],
    good: [
      [
        cat({
          A: e(404, {
            description: 'The resource does not exist, or the caller does not have visibility into it.',
          }),
          B: e(403, { description: 'The caller lacks the required role.' }),
        }),
      ],
    ],
  },
  'retry-429': {
    bad: [[cat({ A: e(429) }), 'A', 'retry']],
    good: [[cat({ A: e(429, { retry: { afterMs: 60_000 } }) })]],
  },
  'retry-4xx': {
    bad: [
      [cat({ A: e(422, { retry: true }) }), 'A', 'retry'],
      [cat({ A: e(400, { retry: { delayMs: 10 } }) }), 'A', 'retry'],
    ],
    good: [
      [
        cat({
          A: e(408, { retry: true }),
          B: e(409, { retry: true }),
          C: e(425, { retry: true }),
          D: e(400),
        }),
      ],
      [cat({ A: e(423, { retry: true }) }), ['error', { allow: [423] }]],
    ],
  },
  'retry-5xx': {
    bad: [
      [cat({ A: e(503) }), 'A', 'retry'],
      [cat({ A: e(500) }), 'A', 'retry'],
    ],
    good: [
      [
        cat({
          A: e(503, { retry: true }),
          B: e(501),
          C: e(500, { retry: { retryable: false, note: 'not idempotent' } }),
        }),
      ],
      [cat({ A: e(500) }), ['warn', { statuses: [503] }]],
    ],
  },
  'retry-hint-ignored': {
    bad: [
      [
        cat({
          A: e(400, { description: 'Authorization is still pending. The client should continue polling.' }),
        }),
        'A',
        'retry',
      ],
    ],
    good: [
      [
        cat({
          A: e(422, { message: 'Incorrect password. Please try again.' }),
          B: e(400, { description: 'Continue polling.', retry: { delayMs: 5000 } }),
        }),
        ['warn', {}],
      ],
    ],
  },
  'deprecated-no-replacement': {
    bad: [[cat({ A: e(403, { deprecated: true }) }), 'A', 'deprecated']],
    good: [[cat({ A: e(403, { deprecated: { replacedBy: 'B' } }), B: e(404) })]],
  },
  'deprecated-replacement-missing': {
    bad: [
      [cat({ A: e(403, { deprecated: { replacedBy: 'Gone' } }) }), 'A', 'deprecated'],
      [cat({ A: e(403, { deprecated: { replacedBy: 'A' } }) }), 'A', 'deprecated'],
      [
        cat({ A: e(403, { deprecated: { replacedBy: 'B' } }), B: e(404, { deprecated: true }) }),
        'A',
        'deprecated',
      ],
      [cat({ A: e(403, { deprecated: { replacedBy: 'toString' } }) }), 'A', 'deprecated'],
    ],
    good: [[cat({ A: e(403, { deprecated: { replacedBy: 'B' } }), B: e(404) })]],
  },
  'details-object': {
    bad: [[cat({ A: e(403, { details: { type: 'string' } }) }), 'A', 'details']],
    good: [
      [cat({ A: e(403, { details: { type: 'object', properties: { n: { type: 'string' } } } }), B: e(400) })],
    ],
  },
  'link-relative': {
    bad: [
      [cat({ A: e(403, { links: ['/docs/errors'] }) }), 'A', 'links'],
      [
        cat({ A: e(402, { remediation: 'Move up a plan. See /api-reference/billing/checkout.' }) }),
        'A',
        'remediation',
      ],
    ],
    good: [
      [
        cat({
          A: e(403, { links: ['https://docs.example.com/errors'] }),
          B: e(410, { description: 'Start a new flow with /v1/cli/device/start.' }),
        }),
      ],
    ],
  },
};

describe('built-in rules', () => {
  it('every built-in rule has a failing and a passing case', () => {
    expect(Object.keys(cases).sort()).toEqual(builtinRules.map((r) => r.id).sort());
  });

  it('every rule has an id, a default severity and a one-line description', () => {
    for (const r of builtinRules) {
      expect(r.id).toMatch(/^[a-z0-9]+(?:-[a-z0-9]+)*$/);
      expect(['warn', 'error']).toContain(r.severity);
      expect(r.description.length).toBeGreaterThan(20);
      expect(r.description).not.toMatch(/\n/);
    }
  });

  for (const [id, c] of Object.entries(cases)) {
    describe(id, () => {
      c.bad.forEach(([model, entry, field, setting], i) => {
        it(`flags bad case ${i + 1}`, () => {
          const found = run(id, model, setting);
          expect(found.length).toBeGreaterThan(0);
          expect(found[0]).toMatchObject({ rule: id, id: entry, field });
          expect(found[0]?.code).toBe(entry === null ? null : model.errors[entry]?.code);
          expect(found[0]?.message.length).toBeGreaterThan(10);
        });
      });
      c.good.forEach(([model, setting], i) => {
        it(`passes good case ${i + 1}`, () => {
          expect(run(id, model, setting)).toEqual([]);
        });
      });
    });
  }
});
