// The four table pages: barekey (000), sitescore (002), flags (003) and
// AuthOS (004). Each layout has its own small parser that throws on any line
// it does not understand rather than guess.
import type { RetryPolicy } from '../src/catalog/model.js';
import {
  type CatalogInput,
  cells,
  type EntryInput,
  EXPONENTIAL,
  lines,
  NO_RETRY,
  SeedError,
  schemaOf,
  statedAttempts,
  statedWindow,
  status,
} from './_seed-common.js';

// ---------------------------------------------------------------------------
// 000 barekey: a `Code | HTTP | Description` table per category, then a
// `Code | Retry?` table whose cells read `Yes — note` / `No — note`.

export function parseBarekey(text: string): CatalogInput {
  const src = lines(text);
  const where = (i: number) => `barekey line ${i + 1}`;
  const start = src.indexOf('Error code reference');
  const handling = src.indexOf('Handling errors in code');
  const guidance = src.indexOf('Retry guidance');
  if (start < 0 || handling < start || guidance < handling)
    throw new SeedError('barekey: page layout not recognised');

  const intro = src.slice(0, start).filter((l) => l.trim() !== '');
  const categories: string[] = [];
  const rows: Array<{ code: string; status: number; category: string; description: string }> = [];
  for (let i = start + 1; i < handling; i++) {
    const line = src[i] as string;
    if (line.trim() === '' || line === '|---|---|---|') continue;
    if (src[i + 1] === '| Code | HTTP | Description |') {
      categories.push(line);
      i++;
      continue;
    }
    const category = categories.at(-1);
    if (!category) throw new SeedError(`${where(i)}: row before any category`);
    const [code, http, description] = cells(line, 3, where(i)) as [string, string, string];
    rows.push({ code, status: status(http, where(i)), category, description });
  }

  const retries = new Map<string, RetryPolicy>();
  for (let i = guidance + 1; i < src.length; i++) {
    const line = src[i] as string;
    if (line.trim() === '' || line === '| Code | Retry? |' || line === '|---|---|') continue;
    const [code, advice] = cells(line, 2, where(i)) as [string, string];
    const m = /^(Yes|No) — (.+)$/.exec(advice);
    if (!m) throw new SeedError(`${where(i)}: unrecognised retry advice ${JSON.stringify(advice)}`);
    const note = m[2] as string;
    retries.set(
      code,
      m[1] === 'Yes' ? { retryable: true, ...EXPONENTIAL, note } : { retryable: false, note },
    );
  }

  return {
    name: 'barekey',
    title: 'Barekey error code reference',
    ...(intro.length > 0 ? { description: intro.join('\n') } : {}),
    docs: 'https://docs.example.com/barekey/errors',
    dialect: 'barekey',
    categories,
    entries: rows.map((r) => {
      const retry = retries.get(r.code);
      if (!retry) throw new SeedError(`barekey: no retry guidance for ${r.code}`);
      retries.delete(r.code);
      return [
        r.code,
        { code: r.code, status: r.status, category: r.category, description: r.description, retry },
      ];
    }),
  };
}

// ---------------------------------------------------------------------------
// 002 sitescore: headerless rows `CODE | HTTP | Yes/No | Description | Remediation |`;
// the remediation may state the window (`Back off 60 seconds`) and the count (`Retry once`).

export function parseSitescore(text: string): CatalogInput {
  const category = 'Errors';
  const entries = lines(text).flatMap((line, i): Array<[string, EntryInput]> => {
    if (line.trim() === '') return [];
    const where = `sitescore line ${i + 1}`;
    const [code, http, retryable, description, remediation] = cells(line, 5, where) as [
      string,
      string,
      string,
      string,
      string,
    ];
    if (retryable !== 'Yes' && retryable !== 'No') throw new SeedError(`${where}: retryable is ${retryable}`);
    const window = statedWindow(remediation);
    const attempts = statedAttempts(remediation);
    const retry: RetryPolicy =
      retryable === 'No'
        ? NO_RETRY
        : {
            retryable: true,
            ...(window !== undefined ? { strategy: 'after', afterMs: window } : EXPONENTIAL),
            ...(attempts !== undefined ? { maxAttempts: attempts } : {}),
          };
    return [[code, { code, status: status(http, where), category, description, remediation, retry }]];
  });
  return {
    name: 'sitescore',
    title: 'Sitescore API errors',
    docs: 'https://docs.example.com/sitescore/errors',
    dialect: 'problem',
    categories: [category],
    entries,
  };
}

// ---------------------------------------------------------------------------
// 003 flags: one section per HTTP status (`400 Bad Request`), its text, then an
// example body `{code, message, details}`. Nothing on the page says whether a
// request may be repeated: no entry states retry.

export function parseFlags(text: string): CatalogInput {
  const src = lines(text);
  const category = 'HTTP status codes';
  const start = src.indexOf(category);
  if (start < 0) throw new SeedError(`flags: section "${category}" not found`);
  const entries: Array<[string, EntryInput]> = [];
  let section: { status: number; text: string[] } | undefined;
  for (let i = start + 1; i < src.length; i++) {
    const line = src[i] as string;
    const where = `flags line ${i + 1}`;
    const heading = /^(\d{3}) [A-Z][A-Za-z ]+$/.exec(line);
    if (heading) {
      if (section) throw new SeedError(`${where}: section without an example body`);
      section = { status: status(heading[1] as string, where), text: [] };
    } else if (line === '{') {
      if (!section) throw new SeedError(`${where}: example body outside a section`);
      const end = src.indexOf('}', i + 1);
      if (end < 0) throw new SeedError(`${where}: unterminated example body`);
      const body = JSON.parse(src.slice(i, end + 1).join('\n')) as {
        code?: unknown;
        message?: unknown;
        details?: unknown;
      };
      if (typeof body.code !== 'string' || typeof body.message !== 'string') {
        throw new SeedError(`${where}: example body lacks code or message`);
      }
      entries.push([
        body.code,
        {
          code: body.code,
          status: section.status,
          category,
          message: body.message,
          description: section.text.join('\n'),
          ...(body.details !== null && body.details !== undefined ? { details: schemaOf(body.details) } : {}),
        },
      ]);
      section = undefined;
      i = end;
    } else if (section && line.trim() !== '') {
      section.text.push(line);
    }
  }
  if (section) throw new SeedError('flags: last section has no example body');
  return {
    name: 'flags',
    title: 'Flags API errors',
    docs: 'https://docs.example.com/flags/errors',
    dialect: 'simple',
    categories: [category],
    entries,
  };
}

// ---------------------------------------------------------------------------
// 004 AuthOS: a table per category whose cells each sit on their own line,
// `| Error Code |`, `HTTP |`, `Description |`, then `CODE |`, `401 |`, `text |`.
// No row says whether its request may be repeated (a 429 "Rate limit exceeded"
// gives no window; DEVICE_CODE_PENDING's "continue polling" is the device flow
// of RFC 8628, polled at the server's interval, not a retry), so no entry
// states retry.

export function parseAuthos(text: string): CatalogInput {
  const src = lines(text).filter((l) => l.trim() !== '');
  const header = src.indexOf('Error Codes Reference');
  if (header < 0) throw new SeedError('authos: page title "Error Codes Reference" not found');
  const description = src[header + 1] as string;
  const categories: string[] = [];
  const entries: Array<[string, EntryInput]> = [];
  const cell = (n: number) => {
    const line = src[n];
    if (line === undefined || !line.endsWith(' |'))
      throw new SeedError(`authos: expected a table cell, got ${line}`);
    return line.slice(0, -2);
  };
  for (let i = header + 2; i < src.length; i++) {
    if (src[i + 1] !== '| Error Code |') continue;
    const category = src[i] as string;
    categories.push(category);
    if (src[i + 2] !== 'HTTP |' || src[i + 3] !== 'Description |') {
      throw new SeedError(`authos: unexpected table header under ${category}`);
    }
    i += 4;
    while (i + 2 < src.length && /^[A-Z][A-Z0-9_]* \|$/.test(src[i] as string)) {
      const code = cell(i);
      entries.push([
        code,
        {
          code,
          status: status(cell(i + 1), `authos ${code}`),
          category,
          description: cell(i + 2),
        },
      ]);
      i += 3;
    }
    i--;
  }
  return {
    name: 'authos',
    title: 'AuthOS error codes reference',
    description,
    docs: 'https://docs.example.com/authos/errors',
    dialect: 'authos',
    categories,
    entries,
  };
}
