// The error reference for coding agents and support bots, after the llms.txt
// conventions (https://llmstxt.org): an H1 title, a one-paragraph summary in a
// blockquote, the envelope once, then one line per code under a heading per
// category: code, status, retryability, what it means and the fix. Plain text:
// catalog prose is kept on one line and never turned into markup.

import { entryStatuses } from '../catalog/fields/status.js';
import type { CatalogModel } from '../catalog/model.js';
import { statusText } from '../catalog/status.js';
import { schemaFields } from './_schema.js';
import { codeFence, inlineCode } from './escape.js';
import {
  buildReference,
  type DocEntry,
  type DocReference,
  type DocsOptions,
  formatPath,
} from './reference.js';

const line = (text: string) => text.replace(/\s+/g, ' ').trim();

/** `retryable`, `not retryable`, `retry not stated`, with the policy's timing when it gives one. */
function retryWords(e: DocEntry): string {
  if (e.retryable === undefined) return 'retry not stated';
  if (!e.retryable) return 'not retryable';
  const how = e.retryText.replace(/^Yes — /, '').replace(/^Yes$/, '');
  return how ? `retryable (${line(how)})` : 'retryable';
}

/** One code on one line: `` - `CODE` (404 Not Found, not retryable): what it means. Fix: what to do. `` */
export function llmsLine(e: DocEntry): string {
  const entry = e.entry;
  const code = inlineCode(entry.code === '' ? e.id : entry.code);
  const id = entry.code !== e.id && entry.code !== '' ? ` [id ${e.id}]` : '';
  const what = line(entry.description ?? entry.title ?? entry.message ?? '');
  const statuses = entryStatuses(entry)
    .map((status) => `${status} ${statusText(status)}`)
    .join(' or ');
  const head = `- ${code}${id} (${statuses}, ${retryWords(e)})`;
  const said: string[] = [];
  if (what) said.push(what);
  if (entry.remediation) said.push(`Fix: ${line(entry.remediation)}`);
  if (entry.deprecated)
    said.push(
      `Deprecated${entry.deprecated.replacedBy ? `, use ${inlineCode(entry.deprecated.replacedBy)}` : ''}.`,
    );
  if (e.type) said.push(`<${e.type}>`);
  const text = said.length > 0 ? `: ${said.join(' ')}` : '';
  return head + text;
}

/**
 * The reference as an llms.txt-style text: the envelope once (an example body,
 * its fields, where the code is), then every code on one line.
 */
export function generateLlms(model: CatalogModel, options: DocsOptions = {}): string {
  return renderLlms(buildReference(model, options));
}

/** Renders an already built reference as llms.txt-style text. */
export function renderLlms(ref: DocReference): string {
  const { model } = ref;
  const own = ref.entries.filter((e) => !e.added);
  const added = ref.entries.filter((e) => e.added);
  const out: string[] = [`# ${line(ref.title)}`, ''];
  const summary = [
    model.description ? line(model.description) : '',
    `Catalog ${inlineCode(model.name)} version ${line(model.version)}: ${own.length} error code${own.length === 1 ? '' : 's'}${
      added.length > 0 ? ` and ${added.length} the server adds` : ''
    }, each answered with a 4xx or 5xx status and a ${inlineCode(ref.dialect.contentType)} body in the ${inlineCode(
      ref.dialect.name,
    )} format.`,
  ].filter(Boolean);
  out.push(`> ${summary.join(' ')}`, '');
  if (ref.codePath)
    out.push(
      `Match on ${inlineCode(formatPath(ref.codePath))}: it is stable. The message is for people and may change; do not parse it. Retry only the codes marked retryable, honouring Retry-After when it is sent.`,
      '',
    );
  out.push('## Error format', '');
  const first = ref.entries[0];
  if (first) out.push(codeFence(first.exampleText, 'json'), '');
  const fields = schemaFields(ref.schema);
  if (fields.length > 0) {
    out.push('Fields (required within the member holding them):', '');
    for (const f of fields)
      out.push(`- ${inlineCode(f.path)}: ${f.type}, ${f.required ? 'required' : 'optional'}`);
    out.push('');
  }
  for (const category of ref.categories) {
    const entries = category.entries.filter((e) => !e.added);
    if (entries.length === 0) continue;
    out.push(`## ${line(category.name)}`, '', ...entries.map(llmsLine), '');
  }
  if (added.length > 0)
    out.push(
      '## Errors the server adds',
      '',
      'Answered by the server for failures the catalog has no entry for, in the same format.',
      '',
      ...added.map(llmsLine),
      '',
    );
  return out.join('\n');
}
