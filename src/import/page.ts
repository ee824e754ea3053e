// One recognizer for every page, over the blocks its reader produced:
// tables of errors, a section per error or per status (a heading, its
// `Key: value` lines, its text and its example body), definition lists,
// and, on a page saved as text, example bodies preceded by the lines that
// name them ([category] [name] [description]).

import type { Block } from './blocks.js';
import { fieldOfHeader } from './columns.js';
import { readExample, schemaOf } from './example.js';
import { retryFromCell, retryFromWording } from './retry.js';
import { tableEntries } from './tables.js';
import type { ImportedEntry, SourceImport, SourceKind } from './types.js';
import { codeOf, headingLike, NAME, statusHeading, statusOf, TITLE_WORDS, unquote } from './words.js';

type Category = { name: string; place: string; how: string };

interface Section {
  heading: string;
  place: string;
  status?: number;
  /** A code or name the heading gives. */
  token?: string;
  text: string[];
  values: Map<string, string>;
  used: boolean;
}

const STATUS_LINE = /^\s*(?:status(?: code)?|http(?: status)?(?: code)?)\s*[:=]?\s*(\d{3})\b/i;

/** `Status: 404`, `**Retryable:** yes`: a key the columns know, and its value. */
function keyValue(text: string): [string, string] | undefined {
  const m =
    /^\s*(?:[-*]\s+)?(?:\*\*|__)?([A-Za-z][A-Za-z ?]{0,30}?)(?::(?:\*\*|__)|(?:\*\*|__):|:)\s*(.+)$/.exec(
      text,
    );
  if (!m) return undefined;
  const field = fieldOfHeader(m[1] as string);
  return field ? [field, (m[2] as string).trim()] : undefined;
}

/** A name heading that opens a sentence: `AccountlessApplicationNotFound signifies …`. */
const CAMEL = /^[A-Z][a-z0-9]+[A-Z][A-Za-z0-9]*$/;

/**
 * The lines before an example on a text page, read from the end:
 * [category] [name] [description…]; what comes before is not the entry's.
 */
function gapParts(lines: readonly string[]): { category?: string; name?: string; description: string[] } {
  const parse = (from: number) => {
    let k = from;
    let category: string | undefined;
    let name: string | undefined;
    const at = (n: number) => lines[n] as string;
    if (k < lines.length) {
      const l = at(k).trim();
      const next = lines[k + 1];
      const titled = TITLE_WORDS.test(l) || (headingLike(l) && !NAME.test(l));
      if (
        titled &&
        !next?.startsWith(`${l} `) &&
        (k + 1 < lines.length || !NAME.test(l) || TITLE_WORDS.test(l))
      ) {
        category = l;
        k++;
      }
    }
    if (k < lines.length && NAME.test(at(k).trim())) name = at(k++).trim();
    const description = lines.slice(k);
    if (description.length === 1 && TITLE_WORDS.test((description[0] as string).trim())) return undefined;
    if (description.some((d) => headingLike(d)) && description.length > 1) return undefined;
    return { category, name, description };
  };
  for (let from = 0; from <= lines.length; from++) {
    const parts = parse(from);
    if (parts) {
      const out: { category?: string; name?: string; description: string[] } = {
        description: parts.description,
      };
      if (parts.category !== undefined) out.category = parts.category;
      if (parts.name !== undefined) out.name = parts.name;
      return out;
    }
  }
  return { description: [] };
}

export function readPage(blocks: readonly Block[], source: string, kind: SourceKind): SourceImport {
  const result: SourceImport = { source, kind, entries: [], problems: [], examples: [] };
  const at = (line: number) => `${source}:${line}`;
  let category: Category | undefined;
  let section: Section | undefined;
  let gap: Array<{ text: string; line: number }> = [];
  let status: number | undefined;
  /** Reading the page's introduction: its first paragraph of prose, before any entry. */
  let prose: 'before' | 'in' | 'done' = 'before';

  const add = (entry: ImportedEntry) => {
    if (entry.category === undefined && category) {
      entry.category = category.name;
      entry.provenance.inferred.push(`category from ${category.how} "${category.name}" (${category.place})`);
    }
    // A row without a status for a code already read (a retry-guidance table) adds to that entry.
    const known =
      entry.status === undefined
        ? result.entries.find((e) => e.code === entry.code && e.name === entry.name)
        : undefined;
    if (known) {
      // A Retryable column says more than wording: it replaces a retry guessed from a description.
      if (entry.retry !== undefined && !entry.retryGuessed && known.retryGuessed) {
        delete known.retry;
        delete known.retryGuessed;
        known.provenance.inferred = known.provenance.inferred.filter((i) => !i.startsWith('retry'));
      }
      for (const [key, value] of Object.entries(entry))
        if (
          key !== 'provenance' &&
          key !== 'category' &&
          (known as unknown as Record<string, unknown>)[key] === undefined
        )
          (known as unknown as Record<string, unknown>)[key] = value;
      known.provenance.from.push(...entry.provenance.from);
      known.provenance.inferred.push(...entry.provenance.inferred.filter((i) => !i.startsWith('category')));
      return;
    }
    result.entries.push(entry);
  };

  const fromValues = (entry: ImportedEntry, values: Map<string, string>, text: string[]) => {
    const get = (k: string) => values.get(k);
    if (entry.status === undefined && get('status') !== undefined) {
      const s = statusOf(get('status') as string);
      if (s !== undefined) entry.status = s;
    }
    for (const key of ['title', 'message', 'remediation'] as const) {
      const v = get(key);
      if (v !== undefined && entry[key] === undefined) entry[key] = v;
    }
    const description = get('description') ?? (text.length > 0 ? text.join('\n') : undefined);
    if (description !== undefined && entry.description === undefined) entry.description = description;
    if (get('category') !== undefined) entry.category = get('category') as string;
    const wording = [entry.description, entry.remediation].filter(Boolean).join(' ');
    const retry =
      get('retry') !== undefined ? retryFromCell(get('retry') as string, wording) : retryFromWording(wording);
    if (retry) {
      entry.retry = retry.retry;
      if (get('retry') === undefined) entry.retryGuessed = true;
      entry.provenance.inferred.push(...retry.inferred);
    }
  };

  const closeSection = () => {
    const s = section;
    section = undefined;
    if (!s || s.used) return;
    const code = s.values.get('code') ?? s.values.get('name') ?? s.token;
    let entry: ImportedEntry | undefined;
    if (code !== undefined && codeOf(code) !== undefined) {
      entry = { code: codeOf(code) as string, provenance: { from: [s.place], inferred: [] } };
      if (s.token !== undefined && s.token !== entry.code && NAME.test(s.token)) entry.name = s.token;
    } else if (s.status !== undefined) {
      const reason = s.heading.replace(/^\D*\d{3}\s*[-–—:]?\s*/, '').trim();
      if (reason === '') {
        result.problems.push({
          place: s.place,
          message: `the section "${s.heading}" gives no error code: skipped`,
        });
        return;
      }
      entry = {
        code: reason
          .toUpperCase()
          .replace(/[^A-Z0-9]+/g, '_')
          .replace(/^_|_$/g, ''),
        provenance: { from: [s.place], inferred: [`code from the status heading "${s.heading}"`] },
      };
    } else return;
    if (s.status !== undefined) entry.status = s.status;
    fromValues(entry, s.values, s.text);
    add(entry);
  };

  for (const block of blocks) {
    switch (block.kind) {
      case 'heading': {
        closeSection();
        gap = [];
        status = undefined;
        const text = block.text;
        if (block.depth === 1 && result.title === undefined && result.entries.length === 0) {
          result.title = text;
          break;
        }
        const s = statusHeading(text);
        const token = codeOf(text);
        if (s !== undefined)
          section = {
            heading: text,
            place: at(block.line),
            status: s,
            text: [],
            values: new Map(),
            used: false,
          };
        else if (token !== undefined && !text.includes(' ') && !TITLE_WORDS.test(unquote(text)))
          section = { heading: text, place: at(block.line), token, text: [], values: new Map(), used: false };
        else if (token !== undefined && !text.includes(' ') && block.depth >= 3)
          section = { heading: text, place: at(block.line), token, text: [], values: new Map(), used: false };
        else category = { name: text, place: at(block.line), how: 'heading' };
        break;
      }
      case 'line': {
        const text = block.text;
        const statusLine = STATUS_LINE.exec(text);
        const pair = keyValue(text);
        if (section && pair) {
          section.values.set(pair[0], pair[1]);
          break;
        }
        if (statusLine && !section) {
          status = Number(statusLine[1]);
          break;
        }
        if (block.alone && statusHeading(text, true) !== undefined) {
          closeSection();
          const last = gap.at(-1);
          if (last && headingLike(last.text))
            category = {
              name: last.text.trim(),
              place: at(last.line),
              how: 'the line above the status sections',
            };
          gap = [];
          section = {
            heading: text.trim(),
            place: at(block.line),
            status: statusHeading(text) as number,
            text: [],
            values: new Map(),
            used: false,
          };
          break;
        }
        if (section) {
          if (block.first && section.text.length > 0) section.text.push('');
          section.text.push(text);
        } else {
          if (prose === 'before' && result.entries.length === 0 && !headingLike(text)) {
            prose = block.first ? 'in' : 'done';
            if (/[.!]$/.test(text.trim()) && text.split(/\s+/).length >= 5) result.description = text.trim();
            else prose = 'done';
          } else if (prose === 'in' && !block.first && !headingLike(text) && result.description !== undefined)
            result.description += `\n${text.trim()}`;
          else if (prose === 'in') prose = 'done';
          gap.push({ text, line: block.line });
        }
        break;
      }
      case 'list': {
        for (const item of block.items) {
          const pair = keyValue(item);
          if (section && pair) section.values.set(pair[0], pair[1]);
          else if (section) section.text.push(`- ${item}`);
        }
        break;
      }
      case 'terms': {
        closeSection();
        for (const item of block.items) {
          section = {
            heading: item.term,
            place: at(block.line),
            token: unquote(item.term),
            text: [],
            values: new Map(),
            used: false,
          };
          const s = statusHeading(item.term);
          if (s !== undefined) {
            section.status = s;
            delete section.token;
          }
          for (const d of item.definitions) {
            const pair = keyValue(d);
            if (pair) section.values.set(pair[0], pair[1]);
            else section.text.push(d);
          }
          closeSection();
        }
        break;
      }
      case 'table': {
        let tableCategory = category;
        const last = gap.at(-1);
        if (last && headingLike(last.text)) {
          tableCategory = { name: last.text.trim(), place: at(last.line), how: 'the line above the table' };
          category = tableCategory;
        }
        const entries = tableEntries(block.header, block.rows, block.line, {
          ...(tableCategory ? { category: tableCategory } : {}),
          source,
          problems: result.problems,
        });
        for (const e of entries) add(e);
        gap = [];
        break;
      }
      case 'example': {
        const statusHere = status ?? section?.status ?? statusOf(section?.values.get('status') ?? '');
        status = undefined;
        result.examples.push({ body: block.body, status: statusHere ?? 400, place: at(block.line) });
        const read = readExample(block.body, statusHere ?? 400);
        if (statusHere === undefined || read.code === undefined) {
          if (section && read.code === undefined)
            result.problems.push({ place: at(block.line), message: 'the example body names no error code' });
          gap = [];
          break;
        }
        const entry: ImportedEntry = {
          code: read.code,
          status: statusHere,
          provenance: { from: [at(block.line)], inferred: [] },
        };
        if (read.title !== undefined) entry.title = read.title;
        if (read.message !== undefined) entry.message = read.message;
        if (read.details !== undefined) {
          entry.details = schemaOf(read.details);
          entry.provenance.inferred.push('details schema from the example body');
        }
        if (section) {
          if (section.token !== undefined && section.token !== read.code && NAME.test(section.token))
            entry.name = section.token;
          fromValues(entry, section.values, section.text);
          section.used = true;
          section.text = [];
        } else {
          const parts = gapParts(gap.map((g) => g.text));
          if (parts.category !== undefined) {
            const line = gap.find((g) => g.text.trim() === parts.category)?.line ?? block.line;
            category = { name: parts.category, place: at(line), how: 'the line above' };
          }
          let name = parts.name;
          if (name === undefined && parts.description.length > 0) {
            const word = (parts.description[0] as string).split(' ')[0] as string;
            if (CAMEL.test(word)) {
              name = word;
              entry.provenance.inferred.push(`name from the description's first word "${word}"`);
            }
          }
          if (name !== undefined) entry.name = name;
          if (parts.description.length > 0) entry.description = parts.description.join('\n');
          const deprecated = /\bDeprecated: (.+)$/.exec(entry.description ?? '');
          if (deprecated) entry.deprecated = { note: deprecated[1] as string };
        }
        add(entry);
        gap = [];
        break;
      }
    }
  }
  closeSection();
  if (result.entries.length === 0)
    result.problems.push({
      place: source,
      message:
        'no errors found: no table with a code column, no section per error or status, no example body with a code',
    });
  return result;
}
