// One entry of the HTML reference: its summary first (code, status, retry,
// one line), then its text, parameters, details with every schema fact, and
// its example response collapsed. All catalog text is escaped or goes through
// the inline subset renderer.

import type { JsonSchema } from '../catalog/model.js';
import { statusText } from '../catalog/status.js';
import { placeholders } from '../catalog/template.js';
import { CHROME_EN } from './_chrome-en.js';
import { historyBadgesHtml } from './_html-changes.js';
import { chromeHtml } from './_html-locale.js';
import { rootFacts, type SchemaFact, schemaFieldRows } from './_schema-facts.js';
import type { ChromeStrings } from './chrome.js';
import { escapeText, escapeHtml as h } from './escape.js';
import { inlineHtml } from './inline.js';
import { wireFacts } from './markdown.js';
import type { DocEntry, DocReference } from './reference.js';

/** Catalog prose in HTML: its inline subset (code, links, emphasis) rendered, the rest escaped. */
export const proseHtml = inlineHtml;

const factHtml = (f: SchemaFact) =>
  `<li>${h(f.label)}${f.values ? ` ${f.values.map((v) => `<code>${h(v)}</code>`).join(', ')}` : ''}</li>`;

function factsHtml(description: string | undefined, facts: readonly SchemaFact[]): string {
  const text = description ? proseHtml(description) : '';
  const list = facts.length > 0 ? `<ul class="facts">${facts.map(factHtml).join('')}</ul>` : '';
  return text + list;
}

/** A details schema as a table: field, type, required, and its description with every constraint. */
export function detailsHtml(schema: JsonSchema, c: ChromeStrings = CHROME_EN, locale = 'en'): string {
  const words = { chrome: c, locale };
  const rows = schemaFieldRows(schema, '', 0, words);
  const root = rootFacts(schema, words);
  const about = factsHtml(root.description, root.facts);
  if (rows.length === 0)
    return `<div class="details"><p><b>${h(c.details + c.colon)}</b> ${h(root.type)}</p>${about}</div>`;
  const body = rows
    .map(
      (f) =>
        `<tr><td><code>${h(f.path)}</code></td><td>${h(f.type)}</td><td>${h(f.required ? c.yesCell : c.noCell)}</td><td>${factsHtml(
          f.description,
          f.facts,
        )}</td></tr>`,
    )
    .join('');
  return `<div class="details"><p><b>${h(c.details)}</b> (${h(root.type)})</p>${about}<div class="scroll"><table><thead><tr><th scope="col">${h(c.field)}</th><th scope="col">${h(c.type)}</th><th scope="col">${h(c.required)}</th><th scope="col">${h(c.about)}</th></tr></thead><tbody>${body}</tbody></table></div></div>`;
}

/** An example response, collapsed unless `open`, with a copy button that works either way. */
export function exampleHtml(
  id: string,
  label: string,
  text: string,
  open = false,
  c: ChromeStrings = CHROME_EN,
): string {
  return `<div class="example"><details${open ? ' open' : ''}><summary>${h(label)}</summary><pre id="ex:${h(id)}"><code>${escapeText(
    text,
  )}</code></pre></details><button type="button" class="copy" data-copy="ex:${h(id)}" aria-label="${h(c.copyExample)}">${h(c.copy)}</button></div>`;
}

/**
 * Whether a message template writes each parameter and its type (`{n:integer}`,
 * or `{name}` for a string), and no other: its Parameters line would say nothing more.
 */
function templateShowsParams(message: string | undefined, params: DocEntry['params']): boolean {
  const written = new Map<string, string>();
  for (const p of placeholders(message ?? ''))
    if (!written.has(p.name)) written.set(p.name, p.type ?? 'string');
  return written.size === params.length && params.every((p) => written.get(p.name) === p.type);
}

/** The one line that names an entry: its title, else its message, else its description. */
export function summaryLine(e: DocEntry): string {
  const entry = e.entry;
  return entry.title || entry.message || (entry.description ?? '').replace(/\s+/g, ' ').trim();
}

/** The status and retry badges of an entry. */
export function badgesHtml(e: DocEntry, c: ChromeStrings = CHROME_EN): string {
  const status = e.entry.status;
  const badges = [
    `<span class="badge ${status >= 500 ? 's5' : 's4'}">${status} ${h(statusText(status))}</span>`,
    e.retryable === undefined
      ? `<span class="badge">${h(c.retryNotStated)}</span>`
      : `<span class="badge ${e.retryable ? 'yes' : 'no'}">${h(e.retryable ? c.retryable : c.notRetryable)}</span>`,
  ];
  if (e.entry.deprecated) badges.push(`<span class="badge dep">${h(c.deprecated)}</span>`);
  return badges.join('');
}

/**
 * An entry's card: kept short, as a page may hold thousands. Its example
 * response is not in the markup: the page script adds it from the packed
 * examples of the data block (see _html-examples.ts).
 */
export function entryHtml(ref: DocReference, e: DocEntry): string {
  const entry = e.entry;
  const c = ref.chrome;
  const label = (text: string) => `<b>${h(text + c.colon)}</b>`;
  const parts: string[] = [];
  parts.push(`<article class="entry" id="${h(e.anchor)}">`);
  // The code links to the entry itself.
  parts.push(
    `<h3><a href="#${h(e.anchor)}">${h(entry.code === '' ? c.emptyCode : entry.code)}</a>${
      entry.code !== e.id ? `<span class="id">${h(e.id)}</span>` : ''
    }</h3>`,
  );
  // The summary: badges and the title (else the message); an entry with neither leads with its description.
  const line = entry.title || entry.message;
  const lead = line
    ? `<p class="line"><strong>${h(line)}</strong></p>`
    : entry.description
      ? `<p class="line text">${proseHtml(entry.description)}</p>`
      : '';
  parts.push(`<div class="summary">${badgesHtml(e, c)}${historyBadgesHtml(ref, e)}${lead}</div>`);
  if (entry.deprecated) {
    const deprecation = entry.deprecated;
    let text = `${h(c.deprecated)}${deprecation.since ? chromeHtml(c.deprecatedSince, { version: h(deprecation.since) }) : ''}${h(c.fullStop)}`;
    if (deprecation.replacedBy) {
      text += ` ${chromeHtml(c.useInstead, {
        code: Object.hasOwn(ref.model.errors, deprecation.replacedBy)
          ? `<a href="#${h(deprecation.replacedBy)}"><code>${h(deprecation.replacedBy)}</code></a>`
          : `<code>${h(deprecation.replacedBy)}</code>`,
      })}`;
    }
    if (deprecation.note) text += ` ${proseHtml(deprecation.note)}`;
    parts.push(`<p class="deprecated">${text}</p>`);
  }
  if (entry.description && line) parts.push(`<p class="text">${proseHtml(entry.description)}</p>`);
  if (entry.remediation)
    parts.push(`<p class="text">${label(c.whatToDo)} ${proseHtml(entry.remediation)}</p>`);
  // The badge says yes, no or not stated; the line says how, when the catalog says more.
  if (![c.yes, c.no, c.notStated].includes(e.retryText))
    parts.push(`<p class="text">${label(c.retry)} ${h(e.retryText)}</p>`);
  if (entry.message && entry.message !== line)
    parts.push(`<p>${label(c.message)} <code>${h(entry.message)}</code></p>`);
  if (e.params.length > 0 && e.params.some((p) => p.description)) {
    const rows = e.params
      .map(
        (p) =>
          `<tr><td><code>${h(p.name)}</code></td><td>${h(p.type)}</td><td>${p.description ? proseHtml(p.description) : ''}</td></tr>`,
      )
      .join('');
    parts.push(
      `<div class="scroll"><table><caption class="offscreen">${h(c.parameters)}</caption><thead><tr><th scope="col">${h(c.parameter)}</th><th scope="col">${h(c.type)}</th><th scope="col">${h(c.description)}</th></tr></thead><tbody>${rows}</tbody></table></div>`,
    );
  } else if (e.params.length > 0 && !templateShowsParams(entry.message, e.params))
    // Without descriptions, one line: each parameter and its type (unless the message, shown above, writes them all).
    parts.push(
      `<p>${label(c.parameters)} ${e.params.map((p) => `<code>${h(p.name)}</code> ${h(p.type)}`).join(', ')}</p>`,
    );
  if (entry.details !== undefined) parts.push(detailsHtml(entry.details, c, ref.locale));
  // The type line is written by the page script: the type is the page's base and the id.
  const wire = wireFacts(entry, c);
  if (wire.length > 0)
    parts.push(
      `<p class="meta">${h(c.wire + c.colon)} ${wire.map((f) => `${h(f.label)} <code>${h(f.value)}</code>`).join(', ')}</p>`,
    );
  if (entry.links && entry.links.length > 0) {
    const links = entry.links
      .filter((l) => /^https?:\/\//i.test(l))
      .map((l) => `<li><a href="${h(l)}" rel="noopener noreferrer">${h(l)}</a></li>`);
    if (links.length > 0) parts.push(`<ul>${links.join('')}</ul>`);
  }
  parts.push('</article>');
  return parts.join('');
}

/** The entries the contract adds, one row each (anchored by its id, found by search and filters) in place of a card. */
export function addedSection(
  added: readonly DocEntry[],
  category: number,
  c: ChromeStrings = CHROME_EN,
): string {
  const rows = added
    .map(
      (e) =>
        `<tr class="added" id="${h(e.anchor)}" tabindex="-1"><td><a class="anchor" href="#${h(e.anchor)}" aria-label="${chromeHtml(c.linkTo, { id: h(e.id) })}">#</a> <code>${h(e.entry.code === '' ? e.id : e.entry.code)}</code></td><td>${e.entry.status}</td><td>${h(
          e.retryText,
        )}</td><td>${h(e.entry.title ?? '')}</td><td>${proseHtml(e.entry.description ?? '')}</td></tr>`,
    )
    .join('');
  return `<section id="errata:added-section" data-category="${category}" aria-labelledby="errata:added"><h2 id="errata:added">${h(c.addedTitle)}</h2><p>${h(
    c.addedIntro,
  )}</p><div class="scroll"><table><thead><tr><th scope="col">${h(c.code)}</th><th scope="col">${h(c.http)}</th><th scope="col">${h(c.retryable)}</th><th scope="col">${h(c.title)}</th><th scope="col">${h(c.addedWhen)}</th></tr></thead><tbody>${rows}</tbody></table></div></section>`;
}
