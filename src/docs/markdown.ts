import { entryStatuses } from '../catalog/fields/status.js';
import type { CatalogModel, EntryModel, JsonSchema } from '../catalog/model.js';
import { statusText } from '../catalog/status.js';
import type { WireError } from '../dialects/types.js';
import { tableCell } from '../utils/markdown-table.js';
import { CHROME_EN } from './_chrome-en.js';
import { schemaFields } from './_schema.js';
import { rootFacts, type SchemaFact, schemaFieldRows } from './_schema-facts.js';
import { type ChangeBadge, type Changelog, changelogIntro, changeSite, releaseMeta } from './changelog.js';
import { type ChromeStrings, fillChrome, pluralChrome } from './chrome.js';
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
export function wireFacts(
  entry: EntryModel,
  chrome: ChromeStrings = CHROME_EN,
): { label: string; value: string; url?: true }[] {
  const out: { label: string; value: string; url?: true }[] = [];
  const { google, stripe } = entry.wire ?? {};
  if (google) out.push({ label: chrome.googleStatus, value: google.status });
  if (stripe?.type) out.push({ label: chrome.stripeType, value: stripe.type });
  if (stripe?.docUrl) out.push({ label: chrome.stripeDocUrl, value: stripe.docUrl, url: true });
  return out;
}

/** A chrome string in Markdown: its own words escaped, the values (already Markdown) filled in. */
const md = (template: string, values: Readonly<Record<string, string | number>> = {}) =>
  fillChrome(template, values, escapeMarkdown);

/** A label in bold with its colon: `**Code:**`, `**Code :**` in French. */
const boldLabel = (c: ChromeStrings, text: string) => `**${md(text)}${md(c.colon)}**`;

/** `12 errors` in the page's language. */
export function errorCount(ref: DocReference, n: number): string {
  return fillChrome(pluralChrome(ref.locale, n, ref.chrome.errorsOne, ref.chrome.errorsOther), { n });
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
  const c = ref.chrome;
  const since = deprecation.since
    ? md(c.deprecatedSince, { version: escapeMarkdown(deprecation.since) })
    : '';
  const parts = [`**${md(c.deprecated)}**${since}${md(c.fullStop)}`];
  if (deprecation.replacedBy) {
    const target = Object.hasOwn(ref.model.errors, deprecation.replacedBy);
    parts.push(
      md(c.useInstead, {
        code: target
          ? `[${inlineCode(deprecation.replacedBy)}](#${deprecation.replacedBy})`
          : inlineCode(deprecation.replacedBy),
      }),
    );
  }
  if (deprecation.note) parts.push(richLine(deprecation.note));
  return parts.join(' ');
}

/** A table's header row and its rule, in the page's words. */
const head = (...labels: string[]) => [
  `| ${labels.map(escapeCell).join(' | ')} |`,
  `|${labels.map(() => '---').join('|')}|`,
];

function fieldsTable(schema: JsonSchema, c: ChromeStrings): string {
  const rows = schemaFields(schema).map(
    (f) => `| ${cellCode(f.path)} | ${escapeCell(f.type)} | ${f.required ? c.yesCell : c.noCell} |`,
  );
  return [...head(c.field, c.type, c.required), ...rows].join('\n');
}

const factText = (f: SchemaFact) => `${f.label}${f.values ? ` ${f.values.map(inlineCode).join(', ')}` : ''}`;

/** A details schema: its type and facts, and a table of its fields with their descriptions and constraints. */
function detailsSection(schema: JsonSchema, c: ChromeStrings, locale: string): string[] {
  const words = { chrome: c, locale };
  const root = rootFacts(schema, words);
  const rows = schemaFieldRows(schema, '', 0, words);
  const about = [root.description ? oneLine(root.description) : '', ...root.facts.map(factText)].filter(
    Boolean,
  );
  const out = [
    `${boldLabel(c, c.details)} ${escapeMarkdown(root.type)}${about.length > 0 ? `. ${about.join('; ')}` : ''}`,
    '',
  ];
  if (rows.length === 0) return out;
  out.push(...head(c.field, c.type, c.required, c.about));
  for (const f of rows) {
    const cell = [
      f.description ? escapeCell(f.description) : '',
      ...f.facts.map((x) => tableCell(factText(x))),
    ];
    out.push(
      `| ${cellCode(f.path)} | ${escapeCell(f.type)} | ${f.required ? c.yesCell : c.noCell} | ${cell.filter(Boolean).join('; ')} |`,
    );
  }
  out.push('');
  return out;
}

function entrySection(ref: DocReference, e: DocEntry): string {
  const entry = e.entry;
  const c = ref.chrome;
  const label = (text: string) => boldLabel(c, text);
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
    `- ${label(c.code)} ${entry.code === '' ? md(c.empty) : inlineCode(entry.code)}`,
    `- ${label(c.http)} ${entryStatuses(entry)
      .map((s) => `${s} ${statusText(s)}`)
      .join(', ')}${entry.statuses ? ` ${md(c.firstByDefault)}` : ''}`,
    `- ${label(c.retryable)} ${oneLine(e.retryText)}`,
  ];
  if (entry.title) facts.push(`- ${label(c.title)} ${oneLine(entry.title)}`);
  if (e.type) facts.push(`- ${label(c.type)} <${e.type}>`);
  const wire = wireFacts(entry, c);
  if (wire.length > 0)
    facts.push(
      `- ${label(c.wire)} ${wire.map((f) => `${md(f.label)} ${f.url ? `<${f.value.replace(/[<>\s]/g, encodeURIComponent)}>` : inlineCode(f.value)}`).join(', ')}`,
    );
  out.push(...facts, '');
  if (entry.description) out.push(richProse(entry.description), '');
  if (entry.remediation) out.push(`${label(c.whatToDo)} ${richProse(entry.remediation)}`, '');
  if (entry.message) out.push(`${label(c.message)} ${inlineCode(entry.message)}`, '');
  if (e.params.length > 0) {
    out.push(`**${md(c.parameters)}**`, '', ...head(c.name, c.type, c.description));
    for (const p of e.params)
      out.push(`| ${cellCode(p.name)} | ${p.type} | ${p.description ? escapeCell(p.description) : ''} |`);
    out.push('');
  }
  if (entry.details !== undefined) out.push(...detailsSection(entry.details, c, ref.locale));
  out.push(`**${md(c.exampleResponse)}**`, '', codeFence(httpExample(e.example, e.exampleText), 'http'), '');
  if (entry.links && entry.links.length > 0) {
    out.push(
      label(c.seeAlso),
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
  const c = ref.chrome;
  const parts: string[] = [];
  if (badges.added) parts.push(md(c.addedIn, { release: badgeLink(badges.added) }));
  if (badges.changed)
    parts.push(
      `${md(c.changedIn, { release: badgeLink(badges.changed) })}${badges.changed.breaking ? ` ${md(c.breaking)}` : ''}`,
    );
  if (badges.deprecated) parts.push(md(c.deprecatedIn, { release: badgeLink(badges.deprecated) }));
  return `${boldLabel(c, c.history)} ${parts.join(' · ')}`;
}

/** The Changes section: a heading per release (anchored), its breaking changes, then the others. */
function changesSection(ref: DocReference, log: Changelog): string[] {
  const c = ref.chrome;
  const out = [
    '<a id="changes"></a>',
    '',
    `## ${md(c.changes)}`,
    '',
    escapeMarkdown(changelogIntro(log)),
    '',
  ];
  if (log.releases.length === 0) out.push(md(c.noHistoryChange), '');
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
    if (r.changes.length === 0) out.push(md(c.noContractChange), '');
    if (r.breaking.length > 0) out.push(`**${md(c.breakingChanges)}**`, '', ...r.breaking.map(item), '');
    if (r.other.length > 0)
      out.push(`**${md(r.breaking.length > 0 ? c.otherChanges : c.changes)}**`, '', ...r.other.map(item), '');
  }
  return out;
}

/** What the pages say above the table of the entries the contract adds. */
export const ADDED_INTRO: string = CHROME_EN.addedIntro;

/** The table of the entries the contract adds: one row each, anchored by its id, in place of a section. */
function addedTable(added: readonly DocEntry[], c: ChromeStrings): string[] {
  const out = [`## ${md(c.addedTitle)}`, '', md(c.addedIntro), ''];
  out.push(...head(c.code, c.http, c.retryable, c.title, c.addedWhen));
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
  const c = ref.chrome;
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
    md(c.catalogIntro, {
      name: inlineCode(model.name),
      version: escapeMarkdown(model.version),
      count: md(errorCount(ref, own.length)),
      added: added.length > 0 ? md(c.andServerAdds, { n: added.length }) : '',
    }),
    '',
  );
  if (ref.dialectNote) out.push(`> ${boldLabel(c, c.note)} ${escapeMarkdown(ref.dialectNote)}`, '');

  out.push(`## ${md(c.errorFormat)}`, '');
  const first = ref.entries[0];
  out.push(
    `${md(c.formatIntro, { type: inlineCode(ref.dialect.contentType), dialect: inlineCode(ref.dialect.name) })}${
      first ? ` ${md(c.forExample)}` : ''
    }`,
    '',
  );
  if (first) out.push(codeFence(httpExample(first.example, first.exampleText), 'http'), '');
  if (envelopeFields(ref).length > 0) out.push(fieldsTable(ref.schema, c), '');
  if (ref.codePath) out.push(md(c.codeFieldNote, { path: inlineCode(formatPath(ref.codePath)) }), '');

  out.push(`## ${md(c.codeReference)}`, '');
  for (const category of categories) {
    out.push(`### ${oneLine(category.name)}`, '');
    out.push(...head(c.code, c.http, c.retryable, c.description, c.remediation));
    for (const e of category.entries) {
      const entry = e.entry;
      const code = `[${cellCode(entry.code === '' ? e.id : entry.code)}](#${e.anchor})`;
      const deprecation = entry.deprecated
        ? `**${md(c.deprecated)}**${entry.deprecated.replacedBy ? `: ${md(c.useShort, { code: cellCode(entry.deprecated.replacedBy) })}` : ''}. `
        : '';
      out.push(
        `| ${code} | ${entryStatuses(entry).join(', ')} | ${md(e.retryable === undefined ? c.notStated : e.retryable ? c.yes : c.no)} | ${deprecation}${richCell(summaryOf(e))} | ${richCell(entry.remediation ?? '')} |`,
      );
    }
    out.push('');
  }

  for (const category of categories) {
    out.push(`## ${oneLine(category.name)}`, '');
    for (const e of category.entries) out.push(entrySection(ref, e));
  }
  if (added.length > 0) out.push(...addedTable(added, c));

  out.push(`## ${md(c.retryGuidance)}`, '');
  out.push(...head(c.code, c.http, c.retryQuestion));
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
