import { createHash } from 'node:crypto';
import { entryStatuses } from '../catalog/fields/status.js';
import type { CatalogModel, JsonSchema } from '../catalog/model.js';
import { changesNavItem, changesSectionHtml, changesStyle } from './_html-changes.js';
import { addedSection, entryHtml, exampleHtml, summaryLine } from './_html-entry.js';
import { PAGE_SCRIPT } from './_page-script.js';
import { PAGE_STYLE } from './_page-style.js';
import { schemaFields } from './_schema.js';
import { escapeHtml as h, jsonForScript } from './escape.js';
import { inlineHtml } from './inline.js';
import { httpExample } from './markdown.js';
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

const codeOf = (e: DocEntry) => (e.entry.code === '' ? e.id : e.entry.code);
const plural = (n: number, one: string) => `${n} ${one}${n === 1 ? '' : 's'}`;

/** The sidebar: the page's sections and each category with its count (kept up to date by the filters). */
function sidebar(ref: DocReference, added: readonly DocEntry[]): string {
  // `count`: what the script counts (`all`, or a category's index) and the count with no filter.
  const link = (href: string, section: string, label: string, count?: readonly [string, number]) =>
    `<li><a class="nav" href="#${h(href)}" data-section="${h(section)}"><span>${label}</span>${
      count === undefined ? '' : `<span class="count" data-count="${count[0]}">${count[1]}</span>`
    }</a></li>`;
  const out = [
    `<aside class="sidebar" id="errata:nav" aria-label="Sections"><a class="title" href="#errata:top">${h(ref.title)}</a><nav aria-label="Contents"><ul>`,
    link('errata:index', 'errata:index', 'All errors', ['all', ref.entries.length]),
    link('errata:format', 'errata:format-section', 'Error format'),
    '</ul><p class="heading">Categories</p><ul>',
  ];
  ref.categories.forEach((c, i) => {
    const own = c.entries.filter((e) => !e.added).length;
    if (own > 0) out.push(link(`errata:cat-${i}`, `errata:sec-${i}`, h(c.name), [String(i), own]));
  });
  out.push('</ul><ul>');
  if (added.length > 0) out.push(link('errata:added', 'errata:added-section', 'Errors the server adds'));
  out.push(
    link('errata:retry-guidance', 'errata:retry-section', 'Retry guidance'),
    changesNavItem(ref),
    '</ul></nav><div class="theme"><button type="button" id="errata:theme">Theme: auto</button></div></aside>',
  );
  return out.join('');
}

/** The index at the top: one compact row per code, linking to its entry, filtered with the entries. */
function indexTable(ref: DocReference): string {
  const rows = ref.entries
    .map((e) => {
      const retry = e.retryable === undefined ? 'Not stated' : e.retryable ? 'Yes' : 'No';
      return `<tr id="idx:${h(e.anchor)}"><td><a href="#${h(e.anchor)}"><code>${h(codeOf(e))}</code></a></td><td>${entryStatuses(
        e.entry,
      ).join(', ')}</td><td>${h(summaryLine(e))}</td><td>${retry}</td></tr>`;
    })
    .join('');
  return `<section id="errata:index" aria-labelledby="errata:index-h"><h2 id="errata:index-h">All errors</h2><div class="scroll"><table class="index"><thead><tr><th scope="col" class="c-code">Code</th><th scope="col" class="c-http">HTTP</th><th scope="col" class="c-title">Title</th><th scope="col" class="c-retry">Retryable</th></tr></thead><tbody>${rows}</tbody></table></div></section>`;
}

/**
 * The error reference as one self-contained HTML page: inline style and
 * script, no network at view time; a sidebar of categories (a drawer on
 * phones), an index of every code, search and filters (category, status
 * class, retryable) kept in the address, an anchor per entry equal to its id
 * (the fragment of its RFC 9457 `type`), details with every schema fact,
 * collapsed copyable examples, light and dark themes, print styles. All
 * catalog text is escaped.
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
    `<style>${PAGE_STYLE}${changesStyle(ref)}</style>`,
    '</head>',
    '<body>',
    '<a class="skip" href="#errata:main">Skip to the errors</a>',
    '<div class="layout">',
    sidebar(ref, added),
    '<div class="scrim" id="errata:scrim"></div>',
    '<div class="content">',
    '<header id="errata:top">',
    '<button type="button" class="menu" id="errata:menu" aria-controls="errata:nav" aria-expanded="false">Menu</button>',
    `<h1>${h(ref.title)}</h1>`,
  );
  const about = [
    model.description ? `<span class="text">${inlineHtml(model.description)}</span>` : '',
    `<span class="meta">Catalog <code>${h(model.name)}</code> · version ${h(model.version)} · ${plural(own.length, 'error')}${
      added.length > 0 ? `, and ${added.length} the server adds` : ''
    } · examples in the <code>${h(ref.dialect.name)}</code> format</span>`,
  ];
  out.push(`<p class="about">${about.filter(Boolean).join(' ')}</p>`);
  if (ref.dialectNote) out.push(`<p class="note">${h(ref.dialectNote)}</p>`);
  out.push('</header>');

  const catOptions = ref.categories.map((c, i) => `<option value="${i}">${h(c.name)}</option>`).join('');
  out.push(
    '<nav class="controls" aria-label="Search and filters" role="search">',
    '<label class="grow" for="errata:q">Search (press /)<input id="errata:q" type="search" placeholder="Code, status, message, description…" autocomplete="off" spellcheck="false"></label>',
    `<label for="errata:category">Category<select id="errata:category"><option value="">All categories</option>${catOptions}</select></label>`,
    '<label for="errata:class">Status<select id="errata:class"><option value="">All statuses</option><option value="4">4xx client errors</option><option value="5">5xx server errors</option></select></label>',
    '<label for="errata:retry">Retryable<select id="errata:retry"><option value="">Either</option><option value="yes">Retryable</option><option value="no">Not retryable</option><option value="unstated">Not stated</option></select></label>',
    `<output id="errata:count" aria-live="polite">${ref.entries.length} of ${plural(ref.entries.length, 'error')}</output>`,
    '</nav>',
  );

  out.push('<main id="errata:main" tabindex="-1">');
  out.push(indexTable(ref));
  out.push('<p id="errata:empty" hidden>No error matches the search and filters.</p>');
  out.push(
    '<section id="errata:format-section" aria-labelledby="errata:format"><h2 id="errata:format">Error format</h2>',
  );
  out.push(
    `<p>Every error is answered with a 4xx or 5xx status and a body of type <code>${h(ref.dialect.contentType)}</code> in the <code>${h(
      ref.dialect.name,
    )}</code> format.</p>`,
  );
  const first = ref.entries[0];
  if (first)
    out.push(exampleHtml('envelope', 'Example', httpExample(first.example, first.exampleText), true));
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
      `<section id="errata:sec-${i}" data-category="${i}" aria-labelledby="errata:cat-${i}"><h2 id="errata:cat-${i}">${h(category.name)}</h2>`,
    );
    for (const e of entries) out.push(entryHtml(ref, e, i));
    out.push('</section>');
  });
  const firstAdded = added[0];
  if (firstAdded !== undefined) out.push(addedSection(added, catIndex.get(firstAdded.entry.category) ?? 0));

  out.push(
    '<section id="errata:retry-section" aria-labelledby="errata:retry-guidance"><h2 id="errata:retry-guidance">Retry guidance</h2>',
    '<div class="scroll"><table><thead><tr><th scope="col">Code</th><th scope="col">HTTP</th><th scope="col">Retry?</th></tr></thead><tbody>',
  );
  for (const e of own) {
    out.push(
      `<tr id="retry:${h(e.anchor)}"><td><a href="#${h(e.anchor)}"><code>${h(codeOf(e))}</code></a></td><td>${
        e.entry.status
      }</td><td>${h(e.retryText)}</td></tr>`,
    );
  }
  out.push('</tbody></table></div></section>', ...changesSectionHtml(ref), '</main>');
  out.push(
    '<footer>Generated by errata from the catalog. Each entry’s anchor is its id, the fragment of its RFC 9457 <code>type</code>.</footer>',
    '</div>',
    '</div>',
  );
  out.push(`<script type="application/json" id="errata:data">${jsonForScript({ entries: rows })}</script>`);
  out.push(`<script>${PAGE_SCRIPT}</script>`, '</body>', '</html>', '');
  return out.join('\n');
}
