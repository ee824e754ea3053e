// One entry of the HTML reference: its summary first (code, status, retry,
// one line), then its text, parameters, details with every schema fact, and
// its example response collapsed. All catalog text is escaped or goes through
// the inline subset renderer.

import type { JsonSchema } from '../catalog/model.js';
import { statusText } from '../catalog/status.js';
import { historyBadgesHtml } from './_html-changes.js';
import { rootFacts, type SchemaFact, schemaFieldRows } from './_schema-facts.js';
import { escapeText, escapeHtml as h } from './escape.js';
import { inlineHtml } from './inline.js';
import { ADDED_INTRO, httpExample, wireFacts } from './markdown.js';
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
export function detailsHtml(schema: JsonSchema): string {
  const rows = schemaFieldRows(schema);
  const root = rootFacts(schema);
  const about = factsHtml(root.description, root.facts);
  if (rows.length === 0)
    return `<div class="details"><p><strong>Details:</strong> ${h(root.type)}</p>${about}</div>`;
  const body = rows
    .map(
      (f) =>
        `<tr><td><code>${h(f.path)}</code></td><td>${h(f.type)}</td><td>${f.required ? 'yes' : 'no'}</td><td>${factsHtml(
          f.description,
          f.facts,
        )}</td></tr>`,
    )
    .join('');
  return `<div class="details"><p><strong>Details</strong> (${h(root.type)})</p>${about}<div class="scroll"><table><thead><tr><th scope="col">Field</th><th scope="col">Type</th><th scope="col">Required</th><th scope="col">About</th></tr></thead><tbody>${body}</tbody></table></div></div>`;
}

/** An example response, collapsed unless `open`, with a copy button that works either way. */
export function exampleHtml(id: string, label: string, text: string, open = false): string {
  return `<div class="example"><details${open ? ' open' : ''}><summary>${h(label)}</summary><pre id="ex:${h(id)}"><code>${escapeText(
    text,
  )}</code></pre></details><button type="button" class="copy" data-copy="ex:${h(id)}" aria-label="Copy the example">Copy</button></div>`;
}

/** The one line that names an entry: its title, else its message, else its description. */
export function summaryLine(e: DocEntry): string {
  const entry = e.entry;
  return entry.title || entry.message || (entry.description ?? '').replace(/\s+/g, ' ').trim();
}

/** The status and retry badges of an entry. */
export function badgesHtml(e: DocEntry): string {
  const status = e.entry.status;
  const badges = [
    `<span class="badge ${status >= 500 ? 's5' : 's4'}">${status} ${h(statusText(status))}</span>`,
    e.retryable === undefined
      ? '<span class="badge">Retry not stated</span>'
      : `<span class="badge ${e.retryable ? 'yes' : 'no'}">${e.retryable ? 'Retryable' : 'Not retryable'}</span>`,
  ];
  if (e.entry.deprecated) badges.push('<span class="badge dep">Deprecated</span>');
  return badges.join('');
}

export function entryHtml(ref: DocReference, e: DocEntry, category: number): string {
  const entry = e.entry;
  const parts: string[] = [];
  parts.push(
    `<article class="entry" id="${h(e.anchor)}" tabindex="-1" data-category="${category}" aria-labelledby="h:${h(e.anchor)}">`,
  );
  parts.push(
    `<h3 id="h:${h(e.anchor)}"><a class="anchor" href="#${h(e.anchor)}" aria-label="Link to ${h(e.id)}">#</a><code>${h(
      entry.code === '' ? '(empty code)' : entry.code,
    )}</code>${entry.code !== e.id ? `<span class="id">${h(e.id)}</span>` : ''}</h3>`,
  );
  // The summary: badges and the title (else the message); an entry with neither leads with its description.
  const line = entry.title || entry.message;
  const lead = line ? `<strong>${h(line)}</strong>` : entry.description ? proseHtml(entry.description) : '';
  parts.push(
    `<div class="summary">${badgesHtml(e)}${historyBadgesHtml(ref, e)}${lead ? `<p class="line text">${lead}</p>` : ''}</div>`,
  );
  if (entry.deprecated) {
    const deprecation = entry.deprecated;
    let text = `Deprecated${deprecation.since ? ` since ${h(deprecation.since)}` : ''}.`;
    if (deprecation.replacedBy) {
      text += Object.hasOwn(ref.model.errors, deprecation.replacedBy)
        ? ` Use <a href="#${h(deprecation.replacedBy)}"><code>${h(deprecation.replacedBy)}</code></a> instead.`
        : ` Use <code>${h(deprecation.replacedBy)}</code> instead.`;
    }
    if (deprecation.note) text += ` ${proseHtml(deprecation.note)}`;
    parts.push(`<p class="deprecated">${text}</p>`);
  }
  if (entry.description && line) parts.push(`<p class="text">${proseHtml(entry.description)}</p>`);
  if (entry.remediation)
    parts.push(`<p class="text"><strong>What to do:</strong> ${proseHtml(entry.remediation)}</p>`);
  // The badge says yes, no or not stated; the line says how, when the catalog says more.
  if (!['Yes', 'No', 'Not stated'].includes(e.retryText))
    parts.push(`<p class="text"><strong>Retry:</strong> ${h(e.retryText)}</p>`);
  if (entry.message && entry.message !== line)
    parts.push(`<p><strong>Message:</strong> <code>${h(entry.message)}</code></p>`);
  if (e.params.length > 0 && e.params.some((p) => p.description)) {
    const rows = e.params
      .map(
        (p) =>
          `<tr><td><code>${h(p.name)}</code></td><td>${h(p.type)}</td><td>${p.description ? proseHtml(p.description) : ''}</td></tr>`,
      )
      .join('');
    parts.push(
      `<div class="scroll"><table><caption class="offscreen">Parameters</caption><thead><tr><th scope="col">Parameter</th><th scope="col">Type</th><th scope="col">Description</th></tr></thead><tbody>${rows}</tbody></table></div>`,
    );
  } else if (e.params.length > 0)
    // Without descriptions, one line: each parameter and its type.
    parts.push(
      `<p class="params"><strong>Parameters:</strong> ${e.params.map((p) => `<code>${h(p.name)}</code> ${h(p.type)}`).join(', ')}</p>`,
    );
  if (entry.details !== undefined) parts.push(detailsHtml(entry.details));
  parts.push(
    exampleHtml(e.anchor, `Example response (${ref.dialect.name})`, httpExample(e.example, e.exampleText)),
  );
  if (e.type) parts.push(`<p class="meta">Type: <code>${h(e.type)}</code></p>`);
  const wire = wireFacts(entry);
  if (wire.length > 0)
    parts.push(
      `<p class="meta">Wire: ${wire.map((f) => `${h(f.label)} <code>${h(f.value)}</code>`).join(', ')}</p>`,
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
export function addedSection(added: readonly DocEntry[], category: number): string {
  const rows = added
    .map(
      (e) =>
        `<tr class="added" id="${h(e.anchor)}" tabindex="-1"><td><a class="anchor" href="#${h(e.anchor)}" aria-label="Link to ${h(
          e.id,
        )}">#</a> <code>${h(e.entry.code === '' ? e.id : e.entry.code)}</code></td><td>${e.entry.status}</td><td>${h(
          e.retryText,
        )}</td><td>${h(e.entry.title ?? '')}</td><td>${proseHtml(e.entry.description ?? '')}</td></tr>`,
    )
    .join('');
  return `<section id="errata:added-section" data-category="${category}" aria-labelledby="errata:added"><h2 id="errata:added">Errors the server adds</h2><p>${h(
    ADDED_INTRO,
  )}</p><div class="scroll"><table><thead><tr><th scope="col">Code</th><th scope="col">HTTP</th><th scope="col">Retryable</th><th scope="col">Title</th><th scope="col">When it is sent</th></tr></thead><tbody>${rows}</tbody></table></div></section>`;
}
