// What the tests need from each seed page, extracted into
// `test/fixtures/seeds/<name>.json` so that `npm test` never reads the pages.
//
// This is a second, deliberately independent reading of the pages: plain
// regular expressions over the text, sharing no code with the parsers that
// build the catalogs. The tests compare the catalogs against these fixtures,
// so a parser bug shows up as a disagreement between the two readings. Every
// string is kept verbatim (example bodies as the page prints them).
import { SeedError } from './_seed-common.js';

/** A table row as the page shows it. */
export interface PageRow {
  code: string;
  status: number;
  category: string;
  description: string;
}

export interface BarekeyFixture {
  source: string;
  /** The page's first line, its introduction. */
  intro: string;
  /** The category headings above the `Code | HTTP | Description` tables, in page order. */
  categories: string[];
  rows: PageRow[];
  /** The `Code | Retry?` table: `Yes — note` / `No — note`. */
  retryGuidance: Array<{ code: string; retry: 'Yes' | 'No'; note: string }>;
  /** The non-empty lines of the "Handling errors in code" section. */
  handling: string[];
}

export interface ClerkFixture {
  source: string;
  /** The line under the page title. */
  intro: string;
  /** How many lines of the page start with `Status Code:` (every one should open a block). */
  statusCodeLines: number;
  /**
   * Every `Status Code: N` + JSON block, in page order: the JSON as printed,
   * and the non-empty lines between the previous block (or the intro) and
   * this one (category heading, name heading, description).
   */
  blocks: Array<{ status: number; json: string; before: string[] }>;
}

export interface SitescoreFixture {
  source: string;
  /** The page's non-empty lines (every one should be a row). */
  lines: number;
  rows: Array<{
    code: string;
    status: number;
    retryable: 'Yes' | 'No';
    description: string;
    remediation: string;
  }>;
}

export interface FlagsFixture {
  source: string;
  /** One section per status: its heading, its text, its example body as printed. */
  sections: Array<{ status: number; heading: string; text: string; json: string }>;
}

export interface AuthosFixture {
  source: string;
  /** The line under the page title. */
  intro: string;
  /** The example body the page prints, as printed. */
  example: string;
  categories: string[];
  rows: PageRow[];
}

export interface SeedFixtures {
  barekey: BarekeyFixture;
  clerk: ClerkFixture;
  sitescore: SitescoreFixture;
  flags: FlagsFixture;
  authos: AuthosFixture;
}

const CODE = '([A-Z][A-Z0-9_]*)';

function normalized(text: string): string {
  return text.replace(/\r\n?/g, '\n');
}

function nonEmpty(text: string): string[] {
  return text.split('\n').filter((l) => l.trim() !== '');
}

function some<T>(name: string, what: string, list: T[]): T[] {
  if (list.length === 0) throw new SeedError(`${name} fixture: no ${what} found on the page`);
  return list;
}

/** The last heading placed before `offset`. */
function headingAt(headings: ReadonlyArray<{ name: string; at: number }>, offset: number): string {
  let current = '';
  for (const h of headings) if (h.at < offset) current = h.name;
  return current;
}

export function extractBarekey(page: string, source: string): BarekeyFixture {
  const text = normalized(page);
  const headings = [...text.matchAll(/^(.+)\n\| Code \| HTTP \| Description \|$/gm)].map((m) => ({
    name: m[1] as string,
    at: m.index,
  }));
  const rows = [...text.matchAll(new RegExp(`^${CODE} \\| (\\d{3}) \\| (.*) \\|$`, 'gm'))].map(
    (m): PageRow => ({
      code: m[1] as string,
      status: Number(m[2]),
      category: headingAt(headings, m.index),
      description: m[3] as string,
    }),
  );
  const retryGuidance = [...text.matchAll(new RegExp(`^${CODE} \\| (Yes|No) — (.*) \\|$`, 'gm'))].map(
    (m) => ({ code: m[1] as string, retry: m[2] as 'Yes' | 'No', note: m[3] as string }),
  );
  const handling = /^Handling errors in code\n([\s\S]*?)\n(?=Retry guidance$)/m.exec(text)?.[1];
  if (handling === undefined) throw new SeedError('barekey fixture: no "Handling errors in code" section');
  return {
    source,
    intro: text.split('\n')[0] as string,
    categories: some('barekey', 'category tables', headings).map((h) => h.name),
    rows: some('barekey', 'rows', rows),
    retryGuidance: some('barekey', 'retry guidance', retryGuidance),
    handling: nonEmpty(handling),
  };
}

export function extractClerk(page: string, source: string): ClerkFixture {
  const text = normalized(page);
  const intro = 'An index of Clerk Backend API errors.';
  const start = text.indexOf(intro);
  if (start < 0) throw new SeedError(`clerk fixture: intro ${JSON.stringify(intro)} not found`);
  const matches = some('clerk', 'blocks', [...text.matchAll(/^Status Code: (\d+)\n(\{\n[\s\S]*?\n\})$/gm)]);
  const blocks = matches.map((m, n) => {
    const previous = matches[n - 1];
    const from = previous === undefined ? start + intro.length : previous.index + previous[0].length;
    return { status: Number(m[1]), json: m[2] as string, before: nonEmpty(text.slice(from, m.index)) };
  });
  return {
    source,
    intro,
    statusCodeLines: text.split('\n').filter((l) => l.startsWith('Status Code:')).length,
    blocks,
  };
}

export function extractSitescore(page: string, source: string): SitescoreFixture {
  const text = normalized(page);
  const rows = [
    ...text.matchAll(new RegExp(`^${CODE} \\| (\\d{3}) \\| (Yes|No) \\| (.*?) \\| (.*?) \\|$`, 'gm')),
  ].map((m) => ({
    code: m[1] as string,
    status: Number(m[2]),
    retryable: m[3] as 'Yes' | 'No',
    description: m[4] as string,
    remediation: m[5] as string,
  }));
  return { source, lines: nonEmpty(text).length, rows: some('sitescore', 'rows', rows) };
}

export function extractFlags(page: string, source: string): FlagsFixture {
  const text = normalized(page);
  const sections = [...text.matchAll(/^((\d{3}) [A-Za-z ]+)\n\n([\s\S]*?)\n(\{\n[\s\S]*?\n\})$/gm)].map(
    (m) => ({ status: Number(m[2]), heading: m[1] as string, text: m[3] as string, json: m[4] as string }),
  );
  return { source, sections: some('flags', 'sections', sections) };
}

export function extractAuthos(page: string, source: string): AuthosFixture {
  const text = normalized(page);
  const example = /(\{\n"error"[\s\S]*?\n\})/.exec(text)?.[1];
  if (example === undefined) throw new SeedError('authos fixture: no example body found');
  const headings = [...text.matchAll(/^(.+)\n\| Error Code \|$/gm)].map((m) => ({
    name: m[1] as string,
    at: m.index,
  }));
  const rows = [...text.matchAll(new RegExp(`^${CODE} \\|\\n(\\d{3}) \\|\\n(.*) \\|$`, 'gm'))].map(
    (m): PageRow => ({
      code: m[1] as string,
      status: Number(m[2]),
      category: headingAt(headings, m.index),
      description: m[3] as string,
    }),
  );
  return {
    source,
    intro: text.split('\n')[1] as string,
    example,
    categories: some('authos', 'category tables', headings).map((h) => h.name),
    rows: some('authos', 'rows', rows),
  };
}
