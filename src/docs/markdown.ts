import { entryStatuses } from '../catalog/fields/status.js';
import type { CatalogModel, EntryModel, JsonSchema } from '../catalog/model.js';
import { statusText } from '../catalog/status.js';
import type { WireError } from '../dialects/types.js';
import { tableCell } from '../utils/markdown-table.js';
import { schemaFields } from './_schema.js';
import { rootFacts, type SchemaFact, schemaFieldRows } from './_schema-facts.js';
import { type ChangeBadge, type Changelog, changelogIntro, changeSite, releaseMeta } from './changelog.js';
import { codeFence, escapeCell, escapeMarkdown, inlineCode } from './escape.js';
import { inlineMarkdown } from './inline.js';
import {
  buildReference,
  type DocEntry,
  type DocReference,
  type DocsOptions,
  envelopeFields,
  formatPath,
} from './reference.js';

/** An HTTP response as text: status line, headers, blank line, body. */
export function httpExample(wire: WireError, body: string): string {
  const head = [`HTTP/1.1 ${wire.status} ${statusText(wire.status)}`];
  for (const [k, v] of Object.entries(wire.headers)) head.push(`${k}: ${v}`);
  return `${head.join('\n')}\n\n${body}`;
}

const cellCode = (text: string) => tableCell(inlineCode(text));

/** The wire facts an entry states, for the pages: `Google status ALREADY_EXISTS`, `Stripe type card_error`. */
export function wireFacts(entry: EntryModel): { label: string; value: string; url?: true }[] {
  const out: { label: string; value: string; url?: true }[] = [];
  const { google, stripe } = entry.wire ?? {};
  if (google) out.push({ label: 'Google status', value: google.status });
  if (stripe?.type) out.push({ label: 'Stripe type', value: stripe.type });
  if (stripe?.docUrl) out.push({ label: 'Stripe doc_url', value: stripe.docUrl, url: true });
  return out;
}

/** Catalog text on one line, escaped. */
const oneLine = (text: string) => escapeMarkdown(text.trim()).replace(/\s*\r?\n\s*/g, ' ');
/** Catalog prose that may use the inline subset (code spans, links, emphasis): kept as written, the rest escaped. */
const richLine = (text: string) => inlineMarkdown(text.trim()).replace(/\s*\r?\n\s*/g, ' ');
/** The same as a paragraph, its line breaks kept (a backslash before a newline is a hard break). */
const richProse = (text: string) => inlineMarkdown(text.trim()).replace(/\r?\n/g, '\\\n');
const richCell = (text: string) => tableCell(inlineMarkdown(text.trim()));

/** The description shown in a summary row: description, else title, else message. */
export function summaryOf(e: DocEntry): string {
  const entry = e.entry;
  return entry.description ?? (entry.title || undefined) ?? entry.message ?? '';
}

function deprecationLine(ref: DocReference, e: DocEntry): string | undefined {
  const deprecation = e.entry.deprecated;
  if (!deprecation) return undefined;
  const parts = [`**Deprecated**${deprecation.since ? ` since ${escapeMarkdown(deprecation.since)}` : ''}.`];
  if (deprecation.replacedBy) {
    const target = Object.hasOwn(ref.model.errors, deprecation.replacedBy);
    parts.push(
      target
        ? `Use [${inlineCode(deprecation.replacedBy)}](#${deprecation.replacedBy}) instead.`
        : `Use ${inlineCode(deprecation.replacedBy)} instead.`,
    );
  }
  if (deprecation.note) parts.push(richLine(deprecation.note));
  return parts.join(' ');
}

function fieldsTable(schema: JsonSchema): string {
  const rows = schemaFields(schema).map(
    (f) => `| ${cellCode(f.path)} | ${escapeCell(f.type)} | ${f.required ? 'yes' : 'no'} |`,
  );
  return ['| Field | Type | Required |', '|---|---|---|', ...rows].join('\n');
}

const factText = (f: SchemaFact) => `${f.label}${f.values ? ` ${f.values.map(inlineCode).join(', ')}` : ''}`;

/** A details schema: its type and facts, and a table of its fields with their descriptions and constraints. */
function detailsSection(schema: JsonSchema): string[] {
  const root = rootFacts(schema);
  const rows = schemaFieldRows(schema);
  const about = [root.description ? oneLine(root.description) : '', ...root.facts.map(factText)].filter(
    Boolean,
  );
  const out = [
    `**Details:** ${escapeMarkdown(root.type)}${about.length > 0 ? `. ${about.join('; ')}` : ''}`,
    '',
  ];
  if (rows.length === 0) return out;
  out.push('| Field | Type | Required | About |', '|---|---|---|---|');
  for (const f of rows) {
    const cell = [
      f.description ? escapeCell(f.description) : '',
      ...f.facts.map((x) => tableCell(factText(x))),
    ];
    out.push(
      `| ${cellCode(f.path)} | ${escapeCell(f.type)} | ${f.required ? 'yes' : 'no'} | ${cell.filter(Boolean).join('; ')} |`,
    );
  }
  out.push('');
  return out;
}

function entrySection(ref: DocReference, e: DocEntry): string {
  const entry = e.entry;
  const out: string[] = [];
  out.push(`<a id="${e.anchor}"></a>`);
  out.push('');
  out.push(`### ${escapeMarkdown(e.id)}${entry.code !== e.id ? ` (${inlineCode(entry.code)})` : ''}`);
  out.push('');
  const deprecation = deprecationLine(ref, e);
  if (deprecation) out.push(`> ${deprecation}`, '');
  const history = historyLine(ref, e);
  if (history) out.push(history, '');
  const facts = [
    `- **Code:** ${entry.code === '' ? '(empty)' : inlineCode(entry.code)}`,
    `- **HTTP:** ${entryStatuses(entry)
      .map((s) => `${s} ${statusText(s)}`)
      .join(', ')}${entry.statuses ? ' (the first by default)' : ''}`,
    `- **Retryable:** ${oneLine(e.retryText)}`,
  ];
  if (entry.title) facts.push(`- **Title:** ${oneLine(entry.title)}`);
  if (e.type) facts.push(`- **Type:** <${e.type}>`);
  const wire = wireFacts(entry);
  if (wire.length > 0)
    facts.push(
      `- **Wire:** ${wire.map((f) => `${f.label} ${f.url ? `<${f.value.replace(/[<>\s]/g, encodeURIComponent)}>` : inlineCode(f.value)}`).join(', ')}`,
    );
  out.push(...facts, '');
  if (entry.description) out.push(richProse(entry.description), '');
  if (entry.remediation) out.push(`**What to do:** ${richProse(entry.remediation)}`, '');
  if (entry.message) out.push(`**Message:** ${inlineCode(entry.message)}`, '');
  if (e.params.length > 0) {
    out.push('**Parameters**', '', '| Name | Type | Description |', '|---|---|---|');
    for (const p of e.params)
      out.push(`| ${cellCode(p.name)} | ${p.type} | ${p.description ? escapeCell(p.description) : ''} |`);
    out.push('');
  }
  if (entry.details !== undefined) out.push(...detailsSection(entry.details));
  out.push('**Example response**', '', codeFence(httpExample(e.example, e.exampleText), 'http'), '');
  if (entry.links && entry.links.length > 0) {
    out.push(
      '**See also:**',
      '',
      ...entry.links.map((l) => `- <${l.replace(/[<>\s]/g, encodeURIComponent)}>`),
      '',
    );
  }
  return out.join('\n');
}

/** A badge as a link to its release in the Changes section (plain text for a `since` no release has). */
const badgeLink = (b: ChangeBadge) =>
  b.anchor === undefined ? escapeMarkdown(b.label) : `[${escapeMarkdown(b.label)}](#${b.anchor})`;

/** The entry's history in one line: `**History:** added in 1.1.0 · changed in 1.2.0 (breaking) · deprecated in 1.3.0`. */
function historyLine(ref: DocReference, e: DocEntry): string | undefined {
  const badges = ref.changelog?.badges.get(e.id);
  if (badges === undefined) return undefined;
  const parts: string[] = [];
  if (badges.added) parts.push(`added in ${badgeLink(badges.added)}`);
  if (badges.changed)
    parts.push(`changed in ${badgeLink(badges.changed)}${badges.changed.breaking ? ' (breaking)' : ''}`);
  if (badges.deprecated) parts.push(`deprecated in ${badgeLink(badges.deprecated)}`);
  return `**History:** ${parts.join(' · ')}`;
}

/** The Changes section: a heading per release (anchored), its breaking changes, then the others. */
function changesSection(ref: DocReference, log: Changelog): string[] {
  const out = ['<a id="changes"></a>', '', '## Changes', '', escapeMarkdown(changelogIntro(log)), ''];
  if (log.releases.length === 0) out.push('No change to the catalog was found in its history.', '');
  const item = (c: Changelog['releases'][number]['changes'][number]) => {
    const site = changeSite(c);
    const where =
      c.id !== null && Object.hasOwn(ref.model.errors, c.id)
        ? `[${inlineCode(site)}](#${c.id})`
        : inlineCode(site);
    return `- ${where}: ${oneLine(c.message)} — ${oneLine(c.reason)}`;
  };
  for (const r of log.releases) {
    out.push(`<a id="${r.anchor}"></a>`, '', `### ${oneLine(r.label)}`, '');
    const meta = releaseMeta(r);
    if (meta) out.push(oneLine(meta), '');
    if (r.changes.length === 0) out.push('No change to the error contract.', '');
    if (r.breaking.length > 0) out.push('**Breaking changes**', '', ...r.breaking.map(item), '');
    if (r.other.length > 0)
      out.push(`**${r.breaking.length > 0 ? 'Other changes' : 'Changes'}**`, '', ...r.other.map(item), '');
  }
  return out;
}

/** What the pages say above the table of the entries the contract adds. */
export const ADDED_INTRO =
  'An errata server answers these for this catalog, which has no entry of its own for them: a request it cannot route or read, an unexpected exception, a framework’s own client error. Each is sent in the format above; add an entry to the catalog to word one yourself.';

/** The table of the entries the contract adds: one row each, anchored by its id, in place of a section. */
function addedTable(added: readonly DocEntry[]): string[] {
  const out = ['## Errors the server adds', '', ADDED_INTRO, ''];
  out.push('| Code | HTTP | Retryable | Title | When it is sent |', '|---|---|---|---|---|');
  for (const e of added)
    out.push(
      `| <a id="${e.anchor}"></a>${cellCode(e.entry.code === '' ? e.id : e.entry.code)} | ${e.entry.status} | ${escapeCell(
        e.retryText,
      )} | ${escapeCell(e.entry.title ?? '')} | ${escapeCell(e.entry.description ?? '')} |`,
    );
  out.push('');
  return out;
}

/**
 * The error reference page as GitHub-flavoured Markdown, in the layout of the
 * seed pages: the envelope with an example, a table per category, a section per
 * entry (anchor = id) with its example response, and a retry-guidance table.
 */
export function generateMarkdown(model: CatalogModel, options: DocsOptions = {}): string {
  return renderMarkdown(buildReference(model, options));
}

/** Renders an already built reference (lets one reference feed several generators). */
export function renderMarkdown(ref: DocReference): string {
  const { model } = ref;
  // The catalog's own entries get a section each; the server failures it adds, one table.
  const own = ref.entries.filter((e) => !e.added);
  const added = ref.entries.filter((e) => e.added);
  const categories = ref.categories
    .map((c) => ({ name: c.name, entries: c.entries.filter((e) => !e.added) }))
    .filter((c) => c.entries.length > 0);
  const out: string[] = [];
  out.push(`# ${oneLine(ref.title)}`, '');
  if (model.description) out.push(richProse(model.description), '');
  out.push(
    `Catalog ${inlineCode(model.name)}, version ${escapeMarkdown(model.version)}: ${own.length} error${
      own.length === 1 ? '' : 's'
    }${added.length > 0 ? `, and ${added.length} the server adds` : ''}. Generated by errata from the catalog; edit the catalog, not this page.`,
    '',
  );
  if (ref.dialectNote) out.push(`> **Note:** ${escapeMarkdown(ref.dialectNote)}`, '');

  out.push('## Error format', '');
  const first = ref.entries[0];
  out.push(
    `Every error is answered with a 4xx or 5xx status and a body of type ${inlineCode(ref.dialect.contentType)} in the ${inlineCode(
      ref.dialect.name,
    )} format.${first ? ' For example:' : ''}`,
    '',
  );
  if (first) out.push(codeFence(httpExample(first.example, first.exampleText), 'http'), '');
  if (envelopeFields(ref).length > 0) out.push(fieldsTable(ref.schema), '');
  if (ref.codePath) {
    out.push(
      `The ${inlineCode(formatPath(ref.codePath))} field is stable and machine-readable: match on it. The message is for people and may change between releases; don’t parse it.`,
      '',
    );
  }

  out.push('## Error code reference', '');
  for (const category of categories) {
    out.push(`### ${oneLine(category.name)}`, '');
    out.push('| Code | HTTP | Retryable | Description | Remediation |', '|---|---|---|---|---|');
    for (const e of category.entries) {
      const entry = e.entry;
      const code = `[${cellCode(entry.code === '' ? e.id : entry.code)}](#${e.anchor})`;
      const deprecation = entry.deprecated
        ? `**Deprecated**${entry.deprecated.replacedBy ? `: use ${cellCode(entry.deprecated.replacedBy)}` : ''}. `
        : '';
      out.push(
        `| ${code} | ${entryStatuses(entry).join(', ')} | ${e.retryable === undefined ? 'Not stated' : e.retryable ? 'Yes' : 'No'} | ${deprecation}${richCell(summaryOf(e))} | ${richCell(entry.remediation ?? '')} |`,
      );
    }
    out.push('');
  }

  for (const category of categories) {
    out.push(`## ${oneLine(category.name)}`, '');
    for (const e of category.entries) out.push(entrySection(ref, e));
  }
  if (added.length > 0) out.push(...addedTable(added));

  out.push('## Retry guidance', '');
  out.push('| Code | HTTP | Retry? |', '|---|---|---|');
  for (const e of own) {
    out.push(
      `| [${cellCode(e.entry.code === '' ? e.id : e.entry.code)}](#${e.anchor}) | ${e.entry.status} | ${escapeCell(
        e.retryText,
      )} |`,
    );
  }
  out.push('');
  if (ref.changelog) out.push(...changesSection(ref, ref.changelog));
  return out.join('\n');
}
