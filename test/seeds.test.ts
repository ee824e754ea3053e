/**
 * The seed catalogs in `examples/catalogs/` against the raw seed pages. Each
 * page is re-read here with plain regular expressions, independently of
 * `scripts/seeds.ts`, and every entry is compared field by field, in order.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const REPO = fileURLToPath(new URL('..', import.meta.url));
const SEEDS = join(REPO, '..', 'shared', 'seeds');
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

interface Entry {
  code: string;
  status: number;
  category: string;
  title?: string;
  message?: string;
  description?: string;
  remediation?: string;
  params: Record<string, unknown>;
  retry: Record<string, unknown>;
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

function page(prefix: string): string {
  if (!existsSync(SEEDS)) throw new Error(`seed pages not found at ${SEEDS}`);
  const file = readdirSync(SEEDS).find((f) => f.startsWith(prefix) && f.endsWith('.txt'));
  if (!file) throw new Error(`no ${prefix}*.txt in ${SEEDS}`);
  return readFileSync(join(SEEDS, file), 'utf8');
}

function catalogText(name: string): string {
  return readFileSync(join(CATALOGS, `${name}.json`), 'utf8');
}

function catalog(name: string): Catalog {
  return JSON.parse(catalogText(name)) as Catalog;
}

/** The category heading that precedes `offset` in the page. */
function categoryAt(headings: Array<{ name: string; at: number }>, offset: number): string {
  let current = '';
  for (const h of headings) if (h.at < offset) current = h.name;
  return current;
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
  const text = page('000_');
  const headings = [...text.matchAll(/^(.+)\n\| Code \| HTTP \| Description \|$/gm)].map((m) => ({
    name: m[1] as string,
    at: m.index,
  }));
  const rows = [...text.matchAll(/^([A-Z][A-Z0-9_]*) \| (\d{3}) \| (.*) \|$/gm)].map(
    (m): PageRow => ({
      code: m[1] as string,
      status: Number(m[2]),
      category: categoryAt(headings, m.index),
      description: m[3] as string,
    }),
  );
  const guidance = [...text.matchAll(/^([A-Z][A-Z0-9_]*) \| (Yes|No) — (.*) \|$/gm)];

  it('reads the page as expected', () => {
    expect(rows).toHaveLength(13);
    expect(guidance).toHaveLength(13);
  });
  checkAgainstPage(
    'barekey',
    rows,
    headings.map((h) => h.name),
  );

  it('takes the retry policy and its note from the Retry guidance table', () => {
    const cat = catalog('barekey');
    for (const [, code, yes, note] of guidance) {
      const retry = cat.errors[code as string]?.retry;
      if (yes === 'Yes') {
        expect(retry).toEqual({ retryable: true, strategy: 'exponential', baseMs: 500, maxMs: 30000, note });
      } else {
        expect(retry).toEqual({ retryable: false, note });
      }
    }
    expect(cat.errors.UNAUTHORIZED?.retry).toEqual({ retryable: false, note: 'obtain a new token first' });
    expect(cat.errors.EVALUATION_FAILED?.retry.retryable).toBe(true);
  });

  it('keeps the intro and the dialect', () => {
    const cat = catalog('barekey');
    expect(cat.description).toBe(text.split('\n')[0]);
    expect(cat.dialect).toBe('barekey');
  });
});

// ---------------------------------------------------------------------------

describe('clerk (001)', () => {
  const text = page('001_');
  const blocks = [...text.matchAll(/^Status Code: (\d+)\n(\{\n[\s\S]*?\n\})$/gm)].map((m) => ({
    at: m.index,
    end: m.index + m[0].length,
    status: Number(m[1]),
    body: JSON.parse(m[2] as string) as {
      shortMessage: string;
      longMessage?: string;
      code: string;
      meta?: unknown;
    },
  }));
  const statusLines = text.split('\n').filter((l) => l.startsWith('Status Code:'));

  // The text between two blocks: [category] [name heading] [description].
  const gaps = blocks.map((b, n) => {
    const from = n === 0 ? text.indexOf('An index of Clerk Backend API errors.') : (blocks[n - 1]?.end ?? 0);
    const lines = text
      .slice(from, b.at)
      .split('\n')
      .filter((l) => l.trim() !== '');
    if (n === 0) lines.shift();
    return lines;
  });
  const headings: Array<{ name: string; at: number }> = [];
  const named: Array<{ name?: string; description?: string }> = [];
  gaps.forEach((gap, n) => {
    let lines = gap;
    const first = lines[0];
    if (first && /^[A-Z][a-z]+( [A-Z][a-z]+)*$/.test(first) && !lines[1]?.startsWith(`${first} `)) {
      headings.push({ name: first, at: (blocks[n]?.at ?? 0) - 1 });
      lines = lines.slice(1);
    }
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
      category: categoryAt(headings, b.at),
      title: b.body.shortMessage,
      ...(b.body.longMessage !== undefined ? { message: b.body.longMessage } : {}),
      ...(named[n]?.description !== undefined ? { description: named[n].description } : {}),
    }),
  );

  it('reads the page as expected', () => {
    expect(statusLines).toHaveLength(183);
    expect(blocks).toHaveLength(statusLines.length);
    expect(gaps.every((g) => g.length <= 3)).toBe(true);
  });
  checkAgainstPage(
    'clerk',
    rows,
    headings.map((h) => h.name),
  );

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
    expect(cat.errors.Unexpected).toMatchObject({ status: 500, expose: false, retry: { retryable: false } });
    expect(Object.values(cat.errors).filter((e) => e.code === 'resource_not_found')).toHaveLength(
      (text.match(/"code": "resource_not_found"/g) ?? []).length,
    );
    const deprovisioned = Object.values(cat.errors).filter((e) => e.code === 'deprovisioned');
    expect(deprovisioned.map((e) => e.status)).toEqual([401, 400]);
    expect(cat.errors.NotAMemberInOrganization?.deprecated).toMatchObject({
      replacedBy: 'OrganizationNotFoundOrUnauthorized',
    });
    for (const e of Object.values(cat.errors)) expect(e.retry).toEqual({ retryable: false });
  });
});

// ---------------------------------------------------------------------------

describe('sitescore (002)', () => {
  const text = page('002_');
  const matches = [...text.matchAll(/^([A-Z][A-Z0-9_]*) \| (\d{3}) \| (Yes|No) \| (.*?) \| (.*?) \|$/gm)];
  const rows = matches.map(
    (m): PageRow => ({
      code: m[1] as string,
      status: Number(m[2]),
      category: 'Errors',
      description: m[4] as string,
      remediation: m[5] as string,
    }),
  );

  it('reads the page as expected', () => {
    expect(rows).toHaveLength(text.split('\n').filter((l) => l.trim() !== '').length);
    expect(rows).toHaveLength(19);
  });
  checkAgainstPage('sitescore', rows, ['Errors']);

  it('retries what the page marks retryable, after the stated window and at most the stated count when there are', () => {
    const cat = catalog('sitescore');
    for (const m of matches) {
      const retry = cat.errors[m[1] as string]?.retry;
      if (m[3] === 'No') expect(retry).toEqual({ retryable: false });
      else if ((m[5] as string).startsWith('Back off 60 seconds')) {
        expect(retry).toEqual({ retryable: true, strategy: 'after', afterMs: 60_000 });
      } else if ((m[5] as string).startsWith('Wait an hour')) {
        expect(retry).toEqual({ retryable: true, strategy: 'after', afterMs: 3_600_000 });
      } else if ((m[5] as string).startsWith('Retry once.')) {
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
    expect(matches.filter((m) => /\bretry (once|twice)\b/i.test(m[5] as string))).toHaveLength(1);
    expect(cat.dialect).toBe('problem');
  });
});

// ---------------------------------------------------------------------------

describe('flags (003)', () => {
  const text = page('003_');
  const sections = [...text.matchAll(/^(\d{3}) [A-Za-z ]+\n\n([\s\S]*?)\n(\{\n[\s\S]*?\n\})$/gm)].map(
    (m) => ({
      status: Number(m[1]),
      text: m[2] as string,
      body: JSON.parse(m[3] as string) as { code: string; message: string; details: unknown },
    }),
  );
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
});

// ---------------------------------------------------------------------------

describe('authos (004)', () => {
  const text = page('004_');
  const headings = [...text.matchAll(/^(.+)\n\| Error Code \|$/gm)].map((m) => ({
    name: m[1] as string,
    at: m.index,
  }));
  const rows = [...text.matchAll(/^([A-Z][A-Z0-9_]*) \|\n(\d{3}) \|\n(.*) \|$/gm)].map(
    (m): PageRow => ({
      code: m[1] as string,
      status: Number(m[2]),
      category: categoryAt(headings, m.index),
      description: m[3] as string,
    }),
  );

  it('reads the page as expected', () => {
    expect(rows).toHaveLength(23);
    expect(headings).toHaveLength(5);
  });
  checkAgainstPage(
    'authos',
    rows,
    headings.map((h) => h.name),
  );

  it('keeps the intro, the dialect and no retry', () => {
    const cat = catalog('authos');
    expect(cat.description).toBe(text.split('\n')[1]);
    expect(cat.dialect).toBe('authos');
    for (const e of Object.values(cat.errors)) expect(e.retry).toEqual({ retryable: false });
    expect(cat.errors.DUPLICATE_CONSTRAINT?.status).toBe(400);
  });
});

// ---------------------------------------------------------------------------

describe('scripts/seeds.ts', () => {
  const run = (...args: string[]) =>
    spawnSync('npx', ['tsx', 'scripts/seeds.ts', ...args], { cwd: REPO, encoding: 'utf8', timeout: 60_000 });

  it('--check passes on the committed catalogs', () => {
    const result = run('--check');
    expect(result.stderr).not.toMatch(/out of date|seeds:/);
    expect(result.status).toBe(0);
  });

  it('--check fails when a catalog differs or is missing', () => {
    const dir = mkdtempSync(join(tmpdir(), 'errata-seeds-'));
    try {
      cpSync(CATALOGS, dir, { recursive: true });
      writeFileSync(join(dir, 'flags.json'), catalogText('flags').replace('"conflict"', '"conflicts"'));
      rmSync(join(dir, 'authos.json'));
      const result = run('--check', '--out', dir);
      expect(result.status).toBe(1);
      expect(result.stderr).toContain('flags.json');
      expect(result.stderr).toContain('authos.json');
      expect(result.stderr).not.toContain('clerk.json');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('says so when the seed pages are missing', () => {
    const result = run('--check', '--seeds', join(tmpdir(), 'errata-no-such-seeds'));
    expect(result.status).not.toBe(0);
    expect(result.stderr).toContain('seed pages not found');
  });
});
