/**
 * The seed catalogs in `examples/catalogs/` against what the seed pages say,
 * as kept in `test/fixtures/seeds/`. The fixtures are the pages read with plain
 * regular expressions, independently of the parsers that build the catalogs
 * (both written by `scripts/seeds.ts`, whose `--check` compares them with the
 * pages); every entry is compared field by field, in order.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { seedFixture } from './fixtures/seeds.js';

const REPO = fileURLToPath(new URL('..', import.meta.url));
const CATALOGS = join(REPO, 'examples', 'catalogs');

const ENTRY_KEYS = [
  'code',
  'status',
  'category',
  'title',
  'message',
  'description',
  'remediation',
  'params',
  'retry',
  'details',
  'deprecated',
  'links',
  'expose',
];
const TOP_KEYS = [
  'errata',
  'name',
  'title',
  'version',
  'description',
  'docs',
  'dialect',
  'categories',
  'errors',
];
const ID = /^[A-Za-z][A-Za-z0-9_.-]*$/;
/** What a page would say if it said something about repeating a request. */
const RETRY_WORDS = /\bretr(?:y|ies|ied|ying)\b|\btry again\b|\bback ?off\b/i;

interface Entry {
  code: string;
  status: number;
  category: string;
  title?: string;
  message?: string;
  description?: string;
  remediation?: string;
  params: Record<string, unknown>;
  retry?: Record<string, unknown>;
  details?: { type?: string; properties?: Record<string, unknown>; examples?: unknown[] };
  deprecated?: Record<string, unknown>;
  expose: boolean;
}

interface Catalog {
  errata: number;
  name: string;
  title: string;
  version: string;
  description?: string;
  docs: string;
  dialect: string;
  categories: string[];
  errors: Record<string, Entry>;
}

/** What the page says about one entry, in page order. */
interface PageRow {
  code: string;
  status: number;
  category: string;
  title?: string;
  message?: string;
  description?: string;
  remediation?: string;
}

function catalogText(name: string): string {
  return readFileSync(join(CATALOGS, `${name}.json`), 'utf8');
}

function catalog(name: string): Catalog {
  return JSON.parse(catalogText(name)) as Catalog;
}

function multiset(values: string[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const v of values) counts.set(v, (counts.get(v) ?? 0) + 1);
  return new Map([...counts].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}

/** Checks shared by every seed: shape, normalized form, counts, pairs, text, categories. */
function checkAgainstPage(name: string, rows: PageRow[], categories: string[]) {
  const text = catalogText(name);
  const cat = catalog(name);
  const entries = Object.entries(cat.errors);

  it('is written in the normalized form and key order', () => {
    expect(text).toBe(`${JSON.stringify(cat, null, 2)}\n`);
    expect(Object.keys(cat)).toEqual(TOP_KEYS.filter((k) => k in cat));
    expect(cat).toMatchObject({ errata: 1, name, version: '1.0.0' });
    expect(cat.docs).toMatch(/^https:\/\//);
    for (const [, e] of entries) {
      expect(Object.keys(e)).toEqual(ENTRY_KEYS.filter((k) => k in e));
      expect(typeof e.code).toBe('string');
      expect(e.params).toEqual({});
      expect(e.expose).toBe(e.status < 500);
    }
  });

  it('has as many entries as the page, with unique valid ids', () => {
    expect(entries).toHaveLength(rows.length);
    // JSON.parse keeps the last of duplicate keys: count the keys in the text itself.
    const keys = [...text.matchAll(/^ {4}"([^"]*)": \{$/gm)].map((m) => m[1] as string);
    expect(keys).toHaveLength(rows.length);
    expect(new Set(keys).size).toBe(keys.length);
    for (const id of keys) expect(id).toMatch(ID);
  });

  it('has every (code, status) pair of the page, as often as the page', () => {
    const pairs = (list: Array<{ code: string; status: number }>) =>
      multiset(list.map((r) => `${r.status} ${JSON.stringify(r.code)}`));
    expect(pairs(entries.map(([, e]) => e))).toEqual(pairs(rows));
  });

  it('copies every entry verbatim, in page order', () => {
    rows.forEach((row, n) => {
      const [, e] = entries[n] as [string, Entry];
      const got: PageRow = { code: e.code, status: e.status, category: e.category };
      for (const k of ['title', 'message', 'description', 'remediation'] as const) {
        if (e[k] !== undefined) got[k] = e[k];
      }
      expect(got, `entry ${n + 1}`).toEqual(row);
    });
  });

  it('lists the categories in page order, and every entry category is listed', () => {
    expect(cat.categories).toEqual(categories);
    for (const [, e] of entries) expect(cat.categories).toContain(e.category);
  });
}

// ---------------------------------------------------------------------------

describe('barekey (000)', () => {
  const page = seedFixture('barekey');
  const rows = page.rows.map(
    ({ code, status, category, description }): PageRow => ({
      code,
      status,
      category,
      description,
    }),
  );
  const guidance = page.retryGuidance;

  it('reads the page as expected', () => {
    expect(rows).toHaveLength(13);
    expect(guidance).toHaveLength(13);
  });
  checkAgainstPage('barekey', rows, page.categories);

  it('takes the retry policy and its note from the Retry guidance table', () => {
    const cat = catalog('barekey');
    for (const { code, retry: yes, note } of guidance) {
      const retry = cat.errors[code]?.retry;
      if (yes === 'Yes') {
        expect(retry).toEqual({ retryable: true, strategy: 'exponential', baseMs: 500, maxMs: 30000, note });
      } else {
        expect(retry).toEqual({ retryable: false, note });
      }
    }
    expect(cat.errors.UNAUTHORIZED?.retry).toEqual({ retryable: false, note: 'obtain a new token first' });
    expect(cat.errors.EVALUATION_FAILED?.retry?.retryable).toBe(true);
  });

  it('keeps the intro and the dialect', () => {
    const cat = catalog('barekey');
    expect(cat.description).toBe(page.intro);
    expect(cat.dialect).toBe('barekey');
  });
});

// ---------------------------------------------------------------------------

describe('clerk (001)', () => {
  const page = seedFixture('clerk');
  const blocks = page.blocks.map((b) => ({
    status: b.status,
    body: JSON.parse(b.json) as {
      shortMessage: string;
      longMessage?: string;
      code: string;
      meta?: unknown;
    },
  }));

  // The text before each block: [category] [name heading] [description].
  const gaps = page.blocks.map((b) => b.before);
  const headings: string[] = [];
  const categoryOf: string[] = [];
  const named: Array<{ name?: string; description?: string }> = [];
  gaps.forEach((gap) => {
    let lines = gap;
    const first = lines[0];
    if (first && /^[A-Z][a-z]+( [A-Z][a-z]+)*$/.test(first) && !lines[1]?.startsWith(`${first} `)) {
      headings.push(first);
      lines = lines.slice(1);
    }
    categoryOf.push(headings.at(-1) ?? '');
    if (lines.length === 2) named.push({ name: lines[0], description: lines[1] });
    else if (lines.length === 1 && /\s/.test(lines[0] as string)) {
      named.push({ name: (lines[0] as string).split(' ')[0], description: lines[0] });
    } else if (lines.length === 1) named.push({ name: lines[0] });
    else named.push({});
  });

  const rows = blocks.map(
    (b, n): PageRow => ({
      code: b.body.code,
      status: b.status,
      category: categoryOf[n] as string,
      title: b.body.shortMessage,
      ...(b.body.longMessage !== undefined ? { message: b.body.longMessage } : {}),
      ...(named[n]?.description !== undefined ? { description: named[n].description } : {}),
    }),
  );

  it('reads the page as expected', () => {
    expect(page.statusCodeLines).toBe(183);
    expect(blocks).toHaveLength(page.statusCodeLines);
    expect(gaps.every((g) => g.length <= 3)).toBe(true);
  });
  checkAgainstPage('clerk', rows, headings);

  it('has the category headings the page has', () => {
    expect(catalog('clerk').categories).toEqual([
      'Actor Tokens',
      'Applications',
      'Clients',
      'Domains',
      'Forms',
      'Home Url',
      'Instances',
      'Invitations',
      'Jwt Templates',
      'Machine Token',
      'Redirect Urls',
      'Sign In',
      'Signing Keys',
    ]);
  });

  it('names entries after their heading, or the first word of their description', () => {
    const ids = Object.keys(catalog('clerk').errors);
    named.forEach((h, n) => {
      if (h.name !== undefined) expect(ids[n], `entry ${n + 1}`).toBe(h.name);
    });
    expect(ids).toContain('ActorTokenCannotBeRevoked');
    expect(ids).toContain('InvalidCookie'); // description line only
    expect(ids).toContain('FormInvalidWeb3WalletAddress'); // heading wins over "FormInvalidWeb3Wallet signifies"
    expect(ids).toContain('Unexpected');
    expect(named.filter((h) => h.name !== undefined)).toHaveLength(86);
    expect(named.filter((h) => h.description !== undefined)).toHaveLength(85);
  });

  it('gives headless entries readable ids built from the code', () => {
    const cat = catalog('clerk');
    const ids = Object.keys(cat.errors);
    const pascal = (s: string) =>
      s
        .split('_')
        .map((w) => w.charAt(0).toUpperCase() + w.slice(1))
        .join('');
    named.forEach((h, n) => {
      if (h.name !== undefined) return;
      const id = ids[n] as string;
      const code = cat.errors[id]?.code ?? '';
      expect(id).toMatch(new RegExp(`${pascal(code)}\\d*$`));
    });
    expect(ids).toContain('ActorTokensResourceNotFound');
    expect(ids).toContain('CouldNotAuthenticateRequest');
    expect(ids).toContain('FormsFormParamFormatInvalid1');
  });

  it('keeps meta as a details schema with the meta as its example', () => {
    const entries = Object.values(catalog('clerk').errors);
    blocks.forEach((b, n) => {
      const details = entries[n]?.details;
      if (b.body.meta === undefined) {
        expect(details).toBeUndefined();
      } else if (typeof b.body.meta === 'string') {
        expect(details).toEqual({ type: 'string', examples: [b.body.meta] });
      } else {
        const meta = b.body.meta as Record<string, string>;
        expect(details).toEqual({
          type: 'object',
          properties: Object.fromEntries(Object.keys(meta).map((k) => [k, { type: 'string' }])),
          examples: [meta],
        });
      }
    });
    expect(blocks.filter((b) => b.body.meta !== undefined)).toHaveLength(68);
  });

  it('keeps the page defects', () => {
    const cat = catalog('clerk');
    expect(cat.errors.IdentificationExists?.code).toBe('');
    expect(cat.errors.Unexpected).toMatchObject({ status: 500, expose: false });
    expect(Object.values(cat.errors).filter((e) => e.code === 'resource_not_found')).toHaveLength(
      page.blocks.filter((b) => b.json.includes('"code": "resource_not_found"')).length,
    );
    const deprovisioned = Object.values(cat.errors).filter((e) => e.code === 'deprovisioned');
    expect(deprovisioned.map((e) => e.status)).toEqual([401, 400]);
    expect(cat.errors.NotAMemberInOrganization?.deprecated).toMatchObject({
      replacedBy: 'OrganizationNotFoundOrUnauthorized',
    });
  });

  it('states no retry: the page says nothing of repeating a request', () => {
    const cat = catalog('clerk');
    expect(Object.values(cat.errors).filter((e) => 'retry' in e)).toEqual([]);
    // Its only "try again"s ask for another password or another request.
    const said = page.blocks.filter((b) => RETRY_WORDS.test([...b.before, b.json].join('\n')));
    expect(said.map((b) => (JSON.parse(b.json) as { code: string }).code)).toEqual([
      'operation_not_allowed_on_primary_domain',
      'form_password_validation_failed',
    ]);
  });
});

// ---------------------------------------------------------------------------

describe('sitescore (002)', () => {
  const page = seedFixture('sitescore');
  const rows = page.rows.map(
    (r): PageRow => ({
      code: r.code,
      status: r.status,
      category: 'Errors',
      description: r.description,
      remediation: r.remediation,
    }),
  );

  it('reads the page as expected', () => {
    expect(rows).toHaveLength(page.lines);
    expect(rows).toHaveLength(19);
  });
  checkAgainstPage('sitescore', rows, ['Errors']);

  it('retries what the page marks retryable, after the stated window and at most the stated count when there are', () => {
    const cat = catalog('sitescore');
    for (const r of page.rows) {
      const retry = cat.errors[r.code]?.retry;
      if (r.retryable === 'No') expect(retry).toEqual({ retryable: false });
      else if (r.remediation.startsWith('Back off 60 seconds')) {
        expect(retry).toEqual({ retryable: true, strategy: 'after', afterMs: 60_000 });
      } else if (r.remediation.startsWith('Wait an hour')) {
        expect(retry).toEqual({ retryable: true, strategy: 'after', afterMs: 3_600_000 });
      } else if (r.remediation.startsWith('Retry once.')) {
        // One retry: two attempts, the first included.
        expect(retry).toEqual({
          retryable: true,
          strategy: 'exponential',
          baseMs: 500,
          maxMs: 30000,
          maxAttempts: 2,
        });
      } else {
        expect(retry).toEqual({ retryable: true, strategy: 'exponential', baseMs: 500, maxMs: 30000 });
      }
    }
    expect(cat.errors.SCORING_RATE_LIMITED?.retry).toMatchObject({ strategy: 'after', afterMs: 60_000 });
    expect(cat.errors.INTERNAL_ERROR?.retry).toMatchObject({ maxAttempts: 2 });
    expect(page.rows.filter((r) => /\bretry (once|twice)\b/i.test(r.remediation))).toHaveLength(1);
    expect(cat.dialect).toBe('problem');
  });
});

// ---------------------------------------------------------------------------

describe('flags (003)', () => {
  const sections = seedFixture('flags').sections.map((s) => ({
    status: s.status,
    text: s.text,
    body: JSON.parse(s.json) as { code: string; message: string; details: unknown },
  }));
  const rows = sections.map(
    (s): PageRow => ({
      code: s.body.code,
      status: s.status,
      category: 'HTTP status codes',
      message: s.body.message,
      description: s.text,
    }),
  );

  it('reads the page as expected', () => {
    expect(sections.map((s) => s.body.code)).toEqual([
      'validation_error',
      'unauthorized',
      'forbidden',
      'not_found',
      'conflict',
      'internal_error',
    ]);
  });
  checkAgainstPage('flags', rows, ['HTTP status codes']);

  it('turns example details into a details schema', () => {
    const cat = catalog('flags');
    for (const s of sections) {
      const details = cat.errors[s.body.code]?.details;
      if (s.body.details === null) expect(details).toBeUndefined();
      else
        expect(details).toEqual({
          type: 'object',
          properties: { field: { type: 'string' } },
          examples: [s.body.details],
        });
    }
    expect(cat.errors.validation_error?.details?.examples).toEqual([{ field: 'name' }]);
    expect(cat.errors.conflict?.description).toContain(
      '\n  • Attempting to delete the last organization in your account\n',
    );
    expect(cat.dialect).toBe('simple');
  });

  it('states no retry, as the page says nothing of repeating a request', () => {
    const cat = catalog('flags');
    expect(Object.values(cat.errors).filter((e) => 'retry' in e)).toEqual([]);
    expect(sections.filter((s) => RETRY_WORDS.test(s.text))).toEqual([]);
  });
});

// ---------------------------------------------------------------------------

describe('authos (004)', () => {
  const page = seedFixture('authos');
  const rows = page.rows.map(
    ({ code, status, category, description }): PageRow => ({
      code,
      status,
      category,
      description,
    }),
  );

  it('reads the page as expected', () => {
    expect(rows).toHaveLength(23);
    expect(page.categories).toHaveLength(5);
  });
  checkAgainstPage('authos', rows, page.categories);

  it('keeps the intro, the dialect and states no retry, as no row says whether to repeat a request', () => {
    const cat = catalog('authos');
    expect(cat.description).toBe(page.intro);
    expect(cat.dialect).toBe('authos');
    expect(Object.values(cat.errors).filter((e) => 'retry' in e)).toEqual([]);
    expect(page.rows.filter((r) => RETRY_WORDS.test(r.description))).toEqual([]);
    expect(cat.errors.TOO_MANY_REQUESTS).toMatchObject({ status: 429 });
    expect(cat.errors.DUPLICATE_CONSTRAINT?.status).toBe(400);
  });
});
