import { createHash } from 'node:crypto';
import type { CatalogModel, JsonSchema } from '../catalog/model.js';
import { statusText } from '../catalog/status.js';
import { PAGE_SCRIPT, PAGE_STYLE } from './_page.js';
import { schemaFields, typeLabel } from './_schema.js';
import { escapeHtml as h, jsonForScript } from './escape.js';
import { ADDED_INTRO, httpExample, wireFacts } from './markdown.js';
import {
  buildReference,
  type DocEntry,
  type DocReference,
  type DocsOptions,
  formatPath,
} from './reference.js';

const SCRIPT_HASH = createHash('sha256').update(PAGE_SCRIPT).digest('base64');

/**
 * The Content-Security-Policy of the page: nothing may load from anywhere, and
 * the only script that runs is the page's own (allowed by its hash), so even a
 * catalog that slipped markup past the escaping could not run code.
 */
export const HTML_CSP = `default-src 'none'; img-src data:; style-src 'unsafe-inline'; script-src 'sha256-${SCRIPT_HASH}'; base-uri 'none'; form-action 'none'`;

function fieldsTable(schema: JsonSchema): string {
  const rows = schemaFields(schema)
    .map(
      (f) =>
        `<tr><td><code>${h(f.path)}</code></td><td>${h(f.type)}</td><td>${f.required ? 'yes' : 'no'}</td></tr>`,
    )
    .join('');
  return `<div class="scroll"><table><thead><tr><th scope="col">Field</th><th scope="col">Type</th><th scope="col">Required</th></tr></thead><tbody>${rows}</tbody></table></div>`;
}

function example(id: string, label: string, text: string): string {
  return `<div class="example"><div class="example-head"><span>${h(label)}</span><button type="button" class="copy" data-copy="ex:${h(
    id,
  )}" aria-label="Copy ${h(label.toLowerCase())}">Copy</button></div><pre id="ex:${h(id)}"><code>${h(text)}</code></pre></div>`;
}

function entryHtml(ref: DocReference, e: DocEntry, category: number): string {
  const entry = e.entry;
  const statusClass = entry.status >= 500 ? 's5' : 's4';
  const parts: string[] = [];
  parts.push(
    `<article class="entry" id="${h(e.anchor)}" tabindex="-1" data-category="${category}" aria-labelledby="h:${h(e.anchor)}">`,
  );
  parts.push(
    `<h3 id="h:${h(e.anchor)}"><a class="anchor" href="#${h(e.anchor)}" aria-label="Link to ${h(e.id)}">#</a><code>${h(
      entry.code === '' ? '(empty code)' : entry.code,
    )}</code>${entry.code !== e.id ? `<span class="id">${h(e.id)}</span>` : ''}</h3>`,
  );
  const badges = [
    `<span class="badge ${statusClass}">${entry.status} ${h(statusText(entry.status))}</span>`,
    e.retryable === undefined
      ? '<span class="badge">Retry not stated</span>'
      : `<span class="badge ${e.retryable ? 'yes' : 'no'}">${e.retryable ? 'Retryable' : 'Not retryable'}</span>`,
  ];
  if (entry.deprecated) badges.push('<span class="badge dep">Deprecated</span>');
  parts.push(`<div class="badges">${badges.join('')}</div>`);
  if (entry.deprecated) {
    const deprecation = entry.deprecated;
    let text = `Deprecated${deprecation.since ? ` since ${h(deprecation.since)}` : ''}.`;
    if (deprecation.replacedBy) {
      text += Object.hasOwn(ref.model.errors, deprecation.replacedBy)
        ? ` Use <a href="#${h(deprecation.replacedBy)}"><code>${h(deprecation.replacedBy)}</code></a> instead.`
        : ` Use <code>${h(deprecation.replacedBy)}</code> instead.`;
    }
    if (deprecation.note) text += ` ${h(deprecation.note)}`;
    parts.push(`<p class="deprecated">${text}</p>`);
  }
  if (entry.title) parts.push(`<p class="text"><strong>${h(entry.title)}</strong></p>`);
  if (entry.description) parts.push(`<p class="text">${h(entry.description)}</p>`);
  if (entry.remediation)
    parts.push(`<p class="text"><strong>What to do:</strong> ${h(entry.remediation)}</p>`);
  parts.push(`<p class="text"><strong>Retry:</strong> ${h(e.retryText)}</p>`);
  if (entry.message) parts.push(`<p><strong>Message:</strong> <code>${h(entry.message)}</code></p>`);
  if (e.params.length > 0) {
    const rows = e.params
      .map(
        (p) =>
          `<tr><td><code>${h(p.name)}</code></td><td>${h(p.type)}</td><td>${h(p.description ?? '')}</td></tr>`,
      )
      .join('');
    parts.push(
      `<div class="scroll"><table><caption class="offscreen">Parameters</caption><thead><tr><th scope="col">Parameter</th><th scope="col">Type</th><th scope="col">Description</th></tr></thead><tbody>${rows}</tbody></table></div>`,
    );
  }
  if (entry.details !== undefined && schemaFields(entry.details).length > 0)
    parts.push(`<p><strong>Details</strong></p>${fieldsTable(entry.details)}`);
  else if (entry.details !== undefined)
    parts.push(`<p><strong>Details:</strong> ${h(typeLabel(entry.details))}</p>`);
  parts.push(example(e.anchor, 'Example response', httpExample(e.example, e.exampleText)));
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
function addedSection(added: readonly DocEntry[], category: number): string {
  const rows = added
    .map(
      (e) =>
        `<tr class="added" id="${h(e.anchor)}" tabindex="-1"><td><a class="anchor" href="#${h(e.anchor)}" aria-label="Link to ${h(
          e.id,
        )}">#</a> <code>${h(e.entry.code === '' ? e.id : e.entry.code)}</code></td><td>${e.entry.status}</td><td>${h(
          e.retryText,
        )}</td><td>${h(e.entry.title ?? '')}</td><td>${h(e.entry.description ?? '')}</td></tr>`,
    )
    .join('');
  return `<section data-category="${category}" aria-labelledby="errata:added"><h2 id="errata:added">Errors the server adds</h2><p>${h(
    ADDED_INTRO,
  )}</p><div class="scroll"><table><thead><tr><th scope="col">Code</th><th scope="col">HTTP</th><th scope="col">Retryable</th><th scope="col">Title</th><th scope="col">When it is sent</th></tr></thead><tbody>${rows}</tbody></table></div></section>`;
}

/**
 * The error reference as one self-contained HTML page: inline style and
 * script, no network at view time, search and filters (category, status class,
 * retryable), an anchor per entry equal to its id (the fragment of its RFC 9457
 * `type`), copyable examples, light and dark themes. All catalog text is escaped.
 */
export function generateHtml(model: CatalogModel, options: DocsOptions = {}): string {
  return renderHtml(buildReference(model, options));
}

/** Renders an already built reference as the HTML page. */
export function renderHtml(ref: DocReference): string {
  const { model } = ref;
  const catIndex = new Map(ref.categories.map((c, i) => [c.name, i]));
  const own = ref.entries.filter((e) => !e.added);
  const added = ref.entries.filter((e) => e.added);
  const rows = ref.entries.map((e) => {
    const entry = e.entry;
    const text = [
      e.id,
      entry.code,
      String(entry.status),
      entry.title,
      entry.message,
      entry.description,
      entry.remediation,
      entry.category,
    ]
      .filter(Boolean)
      .join(' ')
      .toLowerCase();
    return [
      e.id,
      text,
      catIndex.get(entry.category) ?? 0,
      Math.floor(entry.status / 100),
      // 0 no, 1 yes, 2 not stated: the retry filter's values, in the page script.
      e.retryable === undefined ? 2 : e.retryable ? 1 : 0,
    ];
  });
  const out: string[] = [];
  out.push(
    '<!doctype html>',
    '<html lang="en">',
    '<head>',
    '<meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<meta http-equiv="Content-Security-Policy" content="${h(HTML_CSP)}">`,
    '<meta name="color-scheme" content="light dark">',
    '<meta name="generator" content="errata">',
    `<title>${h(ref.title)}</title>`,
    '<link rel="icon" href="data:,">',
    `<style>${PAGE_STYLE}</style>`,
    '</head>',
    '<body>',
    '<a class="skip" href="#errata:main">Skip to the errors</a>',
    '<header><div class="wrap">',
    `<h1>${h(ref.title)}</h1>`,
  );
  if (model.description) out.push(`<p class="text">${h(model.description)}</p>`);
  out.push(
    `<p class="meta">Catalog <code>${h(model.name)}</code> · version ${h(model.version)} · ${own.length} error${
      own.length === 1 ? '' : 's'
    }${added.length > 0 ? `, and ${added.length} the server adds` : ''} · examples in the <code>${h(ref.dialect.name)}</code> format</p>`,
  );
  if (ref.dialectNote) out.push(`<p class="note">${h(ref.dialectNote)}</p>`);
  out.push('<button type="button" id="errata:theme">Theme: auto</button>', '</div></header>');

  const catOptions = ref.categories.map((c, i) => `<option value="${i}">${h(c.name)}</option>`).join('');
  out.push(
    '<nav class="controls" aria-label="Search and filters"><div class="wrap" role="search">',
    '<label class="grow" for="errata:q">Search (press /)<input id="errata:q" type="search" placeholder="Code, status, message, description…" autocomplete="off" spellcheck="false"></label>',
    `<label for="errata:category">Category<select id="errata:category"><option value="">All categories</option>${catOptions}</select></label>`,
    '<label for="errata:class">Status<select id="errata:class"><option value="">All statuses</option><option value="4">4xx client errors</option><option value="5">5xx server errors</option></select></label>',
    '<label for="errata:retry">Retryable<select id="errata:retry"><option value="">Either</option><option value="yes">Retryable</option><option value="no">Not retryable</option><option value="unstated">Not stated</option></select></label>',
    `<output id="errata:count" aria-live="polite">${ref.entries.length} of ${ref.entries.length} errors</output>`,
    '</div></nav>',
  );

  out.push('<main id="errata:main" class="wrap" tabindex="-1">');
  out.push('<section aria-labelledby="errata:format"><h2 id="errata:format">Error format</h2>');
  out.push(
    `<p>Every error is answered with a 4xx or 5xx status and a body of type <code>${h(ref.dialect.contentType)}</code> in the <code>${h(
      ref.dialect.name,
    )}</code> format.</p>`,
  );
  const first = ref.entries[0];
  if (first) out.push(example('envelope', 'Example', httpExample(first.example, first.exampleText)));
  if (schemaFields(ref.schema).length > 0) out.push(fieldsTable(ref.schema));
  if (ref.codePath)
    out.push(
      `<p>The <code>${h(formatPath(ref.codePath))}</code> field is stable and machine-readable: match on it. The message is for people and may change between releases; don’t parse it.</p>`,
    );
  out.push('</section>');

  ref.categories.forEach((category, i) => {
    const entries = category.entries.filter((e) => !e.added);
    if (entries.length === 0) return;
    out.push(
      `<section data-category="${i}" aria-labelledby="errata:cat-${i}"><h2 id="errata:cat-${i}">${h(category.name)}</h2>`,
    );
    for (const e of entries) out.push(entryHtml(ref, e, i));
    out.push('</section>');
  });
  const firstAdded = added[0];
  if (firstAdded !== undefined) out.push(addedSection(added, catIndex.get(firstAdded.entry.category) ?? 0));
  out.push('<p id="errata:empty" hidden>No error matches the search and filters.</p>');

  out.push(
    '<section aria-labelledby="errata:retry-guidance"><h2 id="errata:retry-guidance">Retry guidance</h2>',
    '<div class="scroll"><table><thead><tr><th scope="col">Code</th><th scope="col">HTTP</th><th scope="col">Retry?</th></tr></thead><tbody>',
  );
  for (const e of own) {
    out.push(
      `<tr id="retry:${h(e.anchor)}"><td><a href="#${h(e.anchor)}"><code>${h(
        e.entry.code === '' ? e.id : e.entry.code,
      )}</code></a></td><td>${e.entry.status}</td><td>${h(e.retryText)}</td></tr>`,
    );
  }
  out.push('</tbody></table></div></section>', '</main>');
  out.push(
    '<footer><div class="wrap">Generated by errata from the catalog. Each entry’s anchor is its id, the fragment of its RFC 9457 <code>type</code>.</div></footer>',
  );
  out.push(`<script type="application/json" id="errata:data">${jsonForScript({ entries: rows })}</script>`);
  out.push(`<script>${PAGE_SCRIPT}</script>`, '</body>', '</html>', '');
  return out.join('\n');
}
