// The neutral shape both page readers (Markdown, HTML) produce, so one
// recognizer reads every page: headings, lines of prose, tables, example
// bodies, definition lists. Text the format parser left as prose (a page
// saved as text) is split here into its lines, pipe-separated rows and JSON
// bodies.
import { fieldOfHeader } from './columns.js';

export type Block =
  /** A heading the format marks (`##`, `<h2>`), its level 1–6. */
  | { kind: 'heading'; text: string; depth: number; line: number }
  /** One line of prose; `alone` when it is a whole paragraph by itself. */
  | { kind: 'line'; text: string; line: number; alone: boolean; first: boolean }
  /** A table: its rows of cell texts; `header` when the format marks one. */
  | { kind: 'table'; rows: string[][]; header?: string[]; line: number }
  /** A JSON body printed on the page. */
  | { kind: 'example'; body: unknown; line: number }
  /** A definition list (`<dl>`), or a list of `Key: value` items. */
  | { kind: 'terms'; items: Array<{ term: string; definitions: string[] }>; line: number }
  | { kind: 'list'; items: string[]; line: number };

/** The most lines a JSON body printed as prose may span. */
const MAX_EXAMPLE_LINES = 400;

const PIPE_ROW = /\|\s*$/;

/** Cells of a row written with pipes, leading and trailing pipes optional; `\|` stays in its cell. */
export function pipeCells(line: string): string[] {
  const inner = line
    .trim()
    .replace(/^\|/, '')
    .replace(/(?<!\\)\|\s*$/, '');
  return inner.split(/(?<!\\)\|/).map((c) => c.trim().replace(/\\\|/g, '|'));
}

const DELIMITER = /^\|?\s*:?-{2,}:?\s*(\|\s*:?-{2,}:?\s*)*\|?\s*$/;

/**
 * A run of lines ending in a pipe: a row per line when the lines have the
 * same number of cells, or a table printed one cell per line (`| Code |`,
 * `HTTP |`, then the cells of each row in turn) under a header whose cells
 * name columns.
 */
function pipeTable(lines: readonly string[], line: number): Block | undefined {
  const rows = lines.filter((l) => !DELIMITER.test(l)).map(pipeCells);
  if (rows.length === 0) return undefined;
  if (rows.every((r) => r.length === 1)) {
    let width = 0;
    while (width < rows.length && fieldOfHeader(rows[width]?.[0] ?? '') !== undefined) width++;
    if (width >= 2) {
      const cells = rows.map((r) => r[0] as string);
      const out: string[][] = [];
      for (let i = width; i < cells.length; i += width) out.push(cells.slice(i, i + width));
      return { kind: 'table', rows: out, header: cells.slice(0, width), line };
    }
  }
  return { kind: 'table', rows, line };
}

/** A JSON body starting at `lines[at]` (a line opening with `{` or `[`): the value and the lines it spans. */
function jsonAt(lines: readonly string[], at: number): { body: unknown; end: number } | undefined {
  const open = (lines[at] as string).trim()[0];
  const close = open === '{' ? '}' : ']';
  const last = Math.min(lines.length, at + MAX_EXAMPLE_LINES);
  for (let end = at; end < last; end++) {
    if (
      !(lines[end] as string).trimEnd().endsWith(close) &&
      !(lines[end] as string).trimEnd().endsWith(`${close},`)
    )
      continue;
    try {
      return {
        body: JSON.parse(
          lines
            .slice(at, end + 1)
            .join('\n')
            .replace(/,\s*$/, ''),
        ),
        end,
      };
    } catch {
      // Not yet the closing line: go on.
    }
  }
  return undefined;
}

/**
 * Splits prose as written (a paragraph's source text) into blocks: pipe rows
 * become tables, JSON bodies examples, the rest lines. `line` is the number
 * of the text's first line in the file.
 */
export function splitProse(text: string, line: number, out: Block[]): void {
  const lines = text.replace(/\r\n?/g, '\n').split('\n');
  const alone = lines.filter((l) => l.trim() !== '').length === 1;
  let first = true;
  for (let i = 0; i < lines.length; i++) {
    const l = lines[i] as string;
    if (l.trim() === '') continue;
    if (PIPE_ROW.test(l) && (l.trim().startsWith('|') || l.includes(' | ') || l.trim().endsWith(' |'))) {
      let end = i;
      while (end + 1 < lines.length && PIPE_ROW.test(lines[end + 1] as string)) end++;
      const table = pipeTable(lines.slice(i, end + 1), line + i);
      if (table) out.push(table);
      i = end;
      first = false;
      continue;
    }
    if (/^\s*[{[]\s*$/.test(l) || /^\s*\{\s*"/.test(l)) {
      const json = jsonAt(lines, i);
      if (json) {
        out.push({ kind: 'example', body: json.body, line: line + i });
        i = json.end;
        first = false;
        continue;
      }
    }
    out.push({ kind: 'line', text: l.trimEnd(), line: line + i, alone, first });
    first = false;
  }
}

/** A code block's text as an example body, when it is JSON. */
export function exampleOf(code: string, line: number): Block | undefined {
  const t = code.trim();
  if (!t.startsWith('{')) return undefined;
  try {
    return { kind: 'example', body: JSON.parse(t), line };
  } catch {
    return undefined;
  }
}
