// Error tables into entries: the header names the columns (or, without one,
// the cells do), a row that spans the table (one cell, or a repeated header
// below one) starts a new category, and a row that lacks cells is read as
// far as it goes, with a problem that says so.
import { type Field, headerFields, inferFields } from './columns.js';
import { retryFromCell, retryFromWording } from './retry.js';
import type { ImportedEntry, ImportProblem } from './types.js';
import { codeOf, statusOf, unquote } from './words.js';

export interface TableContext {
  /** The heading the table sits under, and where that was. */
  readonly category?: { name: string; place: string; how: string };
  /** `file` for places. */
  readonly source: string;
  readonly problems: ImportProblem[];
}

const isDelimiter = (row: readonly string[]) =>
  row.length > 0 && row.every((c) => /^:?-{2,}:?$/.test(c.trim()));
const filled = (row: readonly string[]) => row.filter((c) => c.trim() !== '');

function rowEntry(
  row: readonly string[],
  fields: ReadonlyArray<Field | undefined>,
  category: TableContext['category'],
  place: string,
  problems: ImportProblem[],
): ImportedEntry | undefined {
  const cell = (field: Field) => {
    const i = fields.indexOf(field);
    const value = i < 0 ? undefined : row[i]?.trim();
    return value === '' ? undefined : value;
  };
  if (row.length < fields.length)
    problems.push({
      place,
      message: `the row has ${row.length} cells where the header has ${fields.length}: read as far as it goes`,
    });
  const code = codeOf(cell('code') ?? cell('name') ?? '');
  if (code === undefined) {
    problems.push({
      place,
      message: `no error code in the row (${JSON.stringify(row.join(' | ').slice(0, 80))}): skipped`,
    });
    return undefined;
  }
  const entry: ImportedEntry = { code, provenance: { from: [place], inferred: [] } };
  const name = cell('name');
  if (name !== undefined && cell('code') !== undefined) entry.name = unquote(name);
  const status = cell('status');
  if (status !== undefined) {
    const read = statusOf(status);
    if (read === undefined)
      problems.push({ place, message: `"${status}" is not an HTTP status: the entry has none` });
    else entry.status = read;
  }
  const text: Array<[Field, keyof ImportedEntry]> = [
    ['title', 'title'],
    ['message', 'message'],
    ['description', 'description'],
    ['remediation', 'remediation'],
  ];
  for (const [field, key] of text) {
    const value = cell(field);
    if (value !== undefined) (entry as unknown as Record<string, string>)[key] = value;
  }
  const ownCategory = cell('category');
  if (ownCategory !== undefined) entry.category = ownCategory;
  else if (category) {
    entry.category = category.name;
    entry.provenance.inferred.push(`category from ${category.how} "${category.name}" (${category.place})`);
  }
  const wording = [entry.description, entry.remediation].filter(Boolean).join(' ');
  const retryCell = cell('retry');
  const retry = retryCell !== undefined ? retryFromCell(retryCell, wording) : retryFromWording(wording);
  if (retryCell !== undefined && !retry)
    problems.push({ place, message: `"${retryCell}" says neither yes nor no: retry left out` });
  if (retry) {
    entry.retry = retry.retry;
    if (retryCell === undefined) entry.retryGuessed = true;
    entry.provenance.inferred.push(...retry.inferred);
  }
  return entry;
}

/**
 * The entries of one table. `rows` are the body rows, `header` the row the
 * format marks as the header (a Markdown or `<thead>` row), if any.
 */
export function tableEntries(
  header: readonly string[] | undefined,
  rows: ReadonlyArray<readonly string[]>,
  line: number,
  context: TableContext,
): ImportedEntry[] {
  const entries: ImportedEntry[] = [];
  let fields = header ? headerFields(header) : undefined;
  if (header && !fields) rows = [header, ...rows];
  let category = context.category;
  let headerless: Array<{ row: readonly string[]; place: string }> = [];
  const flushHeaderless = () => {
    if (headerless.length === 0) return;
    const inferred = inferFields(headerless.map((h) => h.row));
    if (!inferred) {
      context.problems.push({
        place: headerless[0]?.place ?? context.source,
        message:
          'a table without a header whose columns could not be told apart (no column of codes): skipped',
      });
    } else {
      for (const { row, place } of headerless) {
        const entry = rowEntry(row, inferred, category, place, context.problems);
        if (entry) {
          entry.provenance.inferred.push(
            `columns told apart by their cells (${inferred.map((f) => f ?? '-').join(', ')})`,
          );
          entries.push(entry);
        }
      }
    }
    headerless = [];
  };
  rows.forEach((row, i) => {
    const place = `${context.source}:${line + (header ? 2 : 0) + i}`;
    if (isDelimiter(row) || filled(row).length === 0) return;
    const named = headerFields(row);
    if (named) {
      flushHeaderless();
      fields = named;
      return;
    }
    if (filled(row).length === 1 && (!fields || fields.length > 1)) {
      // A row with one cell spans the table: a category, unless it reads as an
      // error code with its other cells missing (and no heading row follows).
      const only = (filled(row)[0] as string).trim();
      const next = rows.slice(i + 1).find((r) => !isDelimiter(r) && filled(r).length > 0);
      const codeShaped = /^[A-Z0-9]+(?:[_.][A-Z0-9]+)+$|^[a-z0-9]+(?:[_.][a-z0-9]+)+$/.test(unquote(only));
      if (
        !codeShaped ||
        (next !== undefined && (headerFields(next) !== undefined || filled(next).length === 1))
      ) {
        flushHeaderless();
        category = { name: only, place, how: 'a row spanning the table' };
        return;
      }
    }
    if (!fields) headerless.push({ row, place });
    else {
      const entry = rowEntry(row, fields, category, place, context.problems);
      if (entry) entries.push(entry);
    }
  });
  flushHeaderless();
  return entries;
}
