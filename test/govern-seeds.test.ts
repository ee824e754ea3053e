/**
 * The linter on the five real seed catalogs: it must find the defects they are
 * known to have, stay quiet on the entries that are right, and the output kept
 * in examples/lint/ must be what the linter prints today.
 */
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse as parseMessage } from '@formatjs/icu-messageformat-parser';
import { describe, expect, it } from 'vitest';
import { loadCatalog } from '../src/catalog/load.js';
import { type Finding, lint } from '../src/govern/index.js';

const REPO = fileURLToPath(new URL('..', import.meta.url));
const seeds = ['authos', 'barekey', 'clerk', 'flags', 'sitescore'] as const;
const findings = Object.fromEntries(
  await Promise.all(
    seeds.map(
      async (s) =>
        [
          s,
          lint(await loadCatalog(join(REPO, 'examples', 'catalogs', `${s}.json`)), { parseMessage }),
        ] as const,
    ),
  ),
) as Record<(typeof seeds)[number], Finding[]>;

const has = (seed: (typeof seeds)[number], rule: string, id: string | null) =>
  findings[seed].some((f) => f.rule === rule && f.id === id);
const ids = (seed: (typeof seeds)[number], rule: string) =>
  findings[seed].filter((f) => f.rule === rule).map((f) => f.id);

describe('lint on the seed catalogs', () => {
  it('finds Clerk’s wire-code defects', () => {
    expect(ids('clerk', 'code-empty')).toEqual(['IdentificationExists']);
    expect(ids('clerk', 'code-status-conflict').sort()).toEqual([
      'RedirectUrlsDeprovisioned2',
      'RedirectUrlsFeatureNotEnabled',
      'RequestWithoutImage',
    ]);
    expect(ids('clerk', 'duplicate-entry')).toEqual(['ApplicationsResourceNotFound']);
    expect(ids('clerk', 'code-suffix')).toHaveLength(3);
    // Shared codes are legitimate: resource_not_found is answered by 17 entries, all 404.
    expect(
      findings.clerk.some((f) => f.rule === 'code-status-conflict' && f.code === 'resource_not_found'),
    ).toBe(false);
  });

  it('finds Clerk’s text defects: empty titles, missing messages, printf verbs, undeclared placeholders', () => {
    expect(ids('clerk', 'text-empty')).toHaveLength(22);
    expect(ids('clerk', 'text-missing')).toHaveLength(15);
    expect(ids('clerk', 'placeholder-printf').sort()).toEqual(
      [
        'BreaksInstanceInvariant',
        'FormDataMissing',
        'FormParamValueTooLarge',
        'FormParameterMaxLengthExceeded',
        'FormParameterMinLengthExceeded',
        'MachineTokenFormParamValueInvalid',
        'OrganizationDomainQuotaExceeded',
        'SignUpModeRestrictedInvalidValue',
        'UnsupportedOauthProvider',
        'UserQuotaExceeded',
      ].sort(),
    );
    expect(has('clerk', 'placeholder-undeclared', 'RequiredVariableMissing')).toBe(true);
    expect(has('clerk', 'placeholder-undeclared', 'UserNotFound')).toBe(true);
    // 'Bearer <YOUR_API_KEY>' is an example in the text, not a placeholder.
    expect(has('clerk', 'placeholder-undeclared', 'InvalidAuthorizationHeaderFormat')).toBe(false);
    expect(has('clerk', 'description-quality', 'BreaksInstanceInvariant')).toBe(true);
    expect(has('clerk', 'description-quality', 'QuotaExceeded')).toBe(true);
    expect(has('clerk', 'details-object', 'UnsupportedCountryCode')).toBe(true);
    expect(ids('clerk', 'title-case')).toHaveLength(79);
    expect(ids('clerk', 'text-typo').sort()).toEqual([
      'DomainUpdateForbidden',
      'OrganizationDomainAlreadyExists',
    ]);
  });

  it('finds the status and retry defects, and leaves the right entries alone', () => {
    expect(has('clerk', 'status-auth', 'RedirectUrlsFeatureNotEnabled')).toBe(true);
    expect(has('clerk', 'status-auth', 'InvalidAuthorization')).toBe(false);
    expect(has('barekey', 'status-auth', 'ORG_SCOPE_INVALID')).toBe(true);
    expect(has('barekey', 'status-auth', 'INVALID_ORG_SCOPE')).toBe(false);
    expect(has('barekey', 'code-near-duplicate', 'ORG_SCOPE_INVALID')).toBe(true);
    expect(ids('sitescore', 'retry-4xx').sort()).toEqual(['EMPTY_CRAWL', 'SIGNAL_VALIDATION_FAILED']);
    expect(ids('sitescore', 'retry-429')).toEqual([]);
    expect(has('authos', 'status-wording', 'DUPLICATE_CONSTRAINT')).toBe(true);
    // An expired device code is OAuth's `expired_token`, a 400 by RFC 8628 section 3.5, not a
    // resource gone for good: only the invitation link is a 410.
    expect(has('authos', 'status-wording', 'DEVICE_CODE_EXPIRED')).toBe(false);
    expect(has('authos', 'retry-hint-ignored', 'DEVICE_CODE_PENDING')).toBe(true);
    expect(ids('authos', 'status-wording').sort()).toEqual([
      'DUPLICATE_CONSTRAINT',
      'INVITATION_EXPIRED',
      'SERVICE_LIMIT_EXCEEDED',
      'TEAM_LIMIT_EXCEEDED',
    ]);
    expect(has('sitescore', 'status-auth', 'INTEGRATION_DISCONNECT')).toBe(true);
    expect(has('sitescore', 'status-auth', 'AUTH_REQUIRED')).toBe(false);
    expect(has('flags', 'code-overloaded', 'forbidden')).toBe(true);
    expect(has('flags', 'status-wording', 'forbidden')).toBe(true);
    // Sitescore's monthly credit pool is a 402 with a reset: not a rate limit.
    expect(has('sitescore', 'status-wording', 'CREDIT_EXHAUSTED')).toBe(false);
    // barekey's DEVICE_CODE_EXPIRED is already a 410.
    expect(findings.barekey.some((f) => f.id === 'DEVICE_CODE_EXPIRED')).toBe(false);
  });

  it('asks the pages that say nothing of retrying to say it where clients retry on their own', () => {
    // Clerk, flags and AuthOS never say whether a request may be repeated, so
    // their entries state no retry: the rule names those at 408, 409, 429 and
    // 5xx, where the SDKs' own defaults decide, and no other.
    expect(ids('clerk', 'retry-unstated')).toEqual(['Unexpected', 'MaintenanceMode']);
    expect(ids('flags', 'retry-unstated')).toEqual(['conflict', 'internal_error']);
    expect(ids('authos', 'retry-unstated')).toEqual([
      'TOO_MANY_REQUESTS',
      'INTERNAL_SERVER_ERROR',
      'DATABASE_ERROR',
      'OAUTH_ERROR',
      'STRIPE_ERROR',
      'BILLING_ERROR',
      'AUDIT_ERROR',
      'IO_ERROR',
      'GENERIC_ERROR',
    ]);
    expect(findings.flags.find((f) => f.id === 'conflict' && f.rule === 'retry-unstated')).toMatchObject({
      severity: 'warn',
      field: 'retry',
      message: expect.stringMatching(/^the entry does not say whether a 409 may be retried/),
    });
    // Barekey and sitescore state a retry column for every row: nothing to ask.
    expect(ids('barekey', 'retry-unstated')).toEqual([]);
    expect(ids('sitescore', 'retry-unstated')).toEqual([]);
    // What is not stated is not judged as stated: no "not retryable" 429 or 5xx.
    for (const seed of ['clerk', 'flags', 'authos'] as const) {
      expect(ids(seed, 'retry-429')).toEqual([]);
      expect(ids(seed, 'retry-5xx')).toEqual([]);
    }
  });

  it('finds existence leaks without flagging "not found, or no visibility"', () => {
    expect(ids('clerk', 'existence-leak')).toEqual(['NotAMemberInOrganization']);
    expect(ids('sitescore', 'existence-leak')).toEqual(['FORBIDDEN']);
    expect(ids('flags', 'existence-leak')).toEqual([]);
    expect(ids('authos', 'existence-leak')).toEqual([]);
  });

  it('finds relative documentation links in remediations, not API routes in descriptions', () => {
    expect(ids('sitescore', 'link-relative').sort()).toEqual([
      'CREDIT_EXHAUSTED',
      'FORBIDDEN',
      'PLAN_LIMIT_REACHED',
    ]);
    expect(ids('barekey', 'link-relative')).toEqual([]);
  });

  it('tells each seed once which server failures it has no entry for, in its casing', () => {
    for (const seed of seeds)
      expect(findings[seed].filter((f) => f.rule === 'server-failure-uncovered').length).toBeLessThanOrEqual(
        1,
      );
    const generic = (seed: (typeof seeds)[number]) =>
      findings[seed]
        .filter((f) => f.rule === 'server-failure-uncovered')
        .flatMap((f) => [...f.message.matchAll(/\(\d{3}(?: or \d{3})*: (\w+)\)/g)].map((m) => m[1]));
    const sent = ['METHOD_NOT_ALLOWED', 'PAYLOAD_TOO_LARGE', 'UNSUPPORTED_MEDIA_TYPE'];
    expect(generic('authos')).toEqual(['MALFORMED_BODY', ...sent]);
    expect(generic('barekey')).toEqual(['NOT_FOUND', ...sent]);
    // Clerk has a 415 entry (its codes are snake_case, its ids PascalCase).
    expect(generic('clerk')).toEqual(['malformed_body', 'method_not_allowed', 'payload_too_large']);
    expect(generic('flags')).toEqual(['malformed_body', ...sent.map((c) => c.toLowerCase())]);
    expect(generic('sitescore')).toEqual(['MALFORMED_BODY', 'VALIDATION_FAILED', 'NOT_FOUND', ...sent]);
  });

  it('examples/lint holds what the linter prints today', () => {
    const r = spawnSync(
      process.execPath,
      ['--import', 'tsx', join(REPO, 'scripts', 'lint-examples.ts'), '--check'],
      {
        cwd: REPO,
        encoding: 'utf8',
      },
    );
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
  });
});

describe('the seed with a second language', () => {
  it('sitescore.fr.yaml translates every field of every entry, and lint has nothing to say about it', async () => {
    const model = await loadCatalog(join(REPO, 'examples', 'catalogs', 'sitescore.json'));
    const fr = model.translations?.fr ?? {};
    const fields = ['title', 'message', 'description', 'remediation'] as const;
    for (const [id, entry] of Object.entries(model.errors))
      for (const field of fields)
        if (entry[field] !== undefined)
          expect([id, field, fr[id]?.[field]]).toEqual([id, field, expect.any(String)]);
    expect(Object.keys(fr)).toEqual(Object.keys(model.errors));
    expect(findings.sitescore.filter((f) => /^(?:locale|translation)-/.test(f.rule))).toEqual([]);
    // The coverage rule speaks below 100% only: a French file with one remediation less is 18 of 19.
    const partial = structuredClone(model) as {
      translations: Record<string, Record<string, Record<string, string>>>;
    };
    delete partial.translations.fr?.NETWORK_ERROR?.remediation;
    expect(
      lint(partial as unknown as typeof model, { parseMessage }).filter(
        (f) => f.rule === 'translation-coverage',
      ),
    ).toMatchObject([
      {
        field: 'translations.fr',
        message: 'fr: 18 of 19 entries (94%); missing, so shown in en: NETWORK_ERROR (remediation)',
      },
    ]);
  });
});

describe('docs/governance.md', () => {
  it('lists every built-in rule with its default severity and description', async () => {
    const { readFileSync } = await import('node:fs');
    const { builtinRules } = await import('../src/govern/index.js');
    const readme = readFileSync(join(REPO, 'docs', 'governance.md'), 'utf8');
    const section = readme.slice(readme.indexOf('<!-- section:govern -->'));
    const rows = [...section.matchAll(/^\| `([a-z0-9-]+)` \| (warn|error) \| (.+) \|$/gm)].map((m) => [
      m[1],
      m[2],
      m[3],
    ]);
    expect(rows).toEqual(builtinRules.map((r) => [r.id, r.severity, r.description.replace(/\|/g, '\\|')]));
  });

  it('shows lint output that examples/lint/sitescore.txt really holds', async () => {
    const { readFileSync } = await import('node:fs');
    const readme = readFileSync(join(REPO, 'docs', 'governance.md'), 'utf8');
    const kept = readFileSync(join(REPO, 'examples', 'lint', 'sitescore.txt'), 'utf8').split('\n');
    const shown = readme.split('\n').filter((l) => /^ {2}(warn |error) {2}/.test(l));
    expect(shown.length).toBeGreaterThan(2);
    for (const line of shown) expect(kept).toContain(line);
    const summary = /^\d+ problems \(.+\)$/m.exec(
      readme.slice(readme.indexOf('<!-- section:govern -->')),
    )?.[0];
    expect(summary).toBe(kept.filter(Boolean).at(-1));
  });
});
