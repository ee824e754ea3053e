// Which catalog field a table column holds, from its header (`Error code`,
// `HTTP status`, `How to fix`…) or, for a table without a header, from what
// its cells look like.
import { codeOf, statusOf, yesNo } from './words.js';

export type Field =
  | 'code'
  | 'name'
  | 'status'
  | 'title'
  | 'message'
  | 'description'
  | 'remediation'
  | 'retry'
  | 'category';

const HEADERS: ReadonlyArray<readonly [Field, RegExp]> = [
  ['code', /^(?:error )?(?:code|codes|error|error[_ ]?code|error[_ ]?type|type|reason|key|identifier|id)$/],
  ['name', /^(?:name|error name|exception|constant)$/],
  [
    'status',
    /^(?:http|status|http status|http code|status code|http status code|response code|http response)$/,
  ],
  ['title', /^(?:title|summary|short message|label)$/],
  ['message', /^(?:message|error message|example message|text)$/],
  ['description', /^(?:description|meaning|details|explanation|cause|when|what it means|notes?)$/],
  [
    'remediation',
    /^(?:resolution|remediation|how to fix|fix|solution|action|what to do|handling|suggested action)$/,
  ],
  ['retry', /^(?:retryable|retriable|retry|retry\?|retries|retryable\?|can retry|safe to retry)$/],
  ['category', /^(?:category|group|area|kind)$/],
];

const normal = (header: string) => header.toLowerCase().replace(/[`*_]/g, ' ').replace(/\s+/g, ' ').trim();

/** The field a header names, or undefined. */
export function fieldOfHeader(header: string): Field | undefined {
  const h = normal(header);
  return HEADERS.find(([, re]) => re.test(h))?.[0];
}

/** A row that is a header: every non-empty cell names a field, and one of them a code or a status. */
export function headerFields(cells: readonly string[]): Array<Field | undefined> | undefined {
  const fields = cells.map(fieldOfHeader);
  const named = cells.filter((c) => c.trim() !== '');
  if (named.length === 0 || fields.filter((f) => f !== undefined).length < named.length) return undefined;
  return fields.includes('code') || fields.includes('name') || fields.includes('status') ? fields : undefined;
}

/**
 * The fields of a table without a header, from its rows: the column whose
 * cells all read as codes is the code, as statuses the status, as yes/no the
 * retry; the text columns left are description then remediation.
 */
export function inferFields(rows: ReadonlyArray<readonly string[]>): Array<Field | undefined> | undefined {
  const width = Math.max(0, ...rows.map((r) => r.length));
  const column = (i: number) => rows.map((r) => r[i] ?? '');
  const all = (i: number, test: (cell: string) => boolean) => column(i).every(test);
  const fields: Array<Field | undefined> = [];
  for (let i = 0; i < width; i++) {
    if (
      !fields.includes('code') &&
      all(i, (c) => codeOf(c) !== undefined && !/^\d{3}$/.test(c.trim()) && !yesNo(c))
    )
      fields.push('code');
    else if (!fields.includes('status') && all(i, (c) => statusOf(c) !== undefined)) fields.push('status');
    else if (!fields.includes('retry') && all(i, (c) => yesNo(c) !== undefined)) fields.push('retry');
    else if (!fields.includes('description')) fields.push('description');
    else if (!fields.includes('remediation')) fields.push('remediation');
    else fields.push(undefined);
  }
  return fields.includes('code') ? fields : undefined;
}
