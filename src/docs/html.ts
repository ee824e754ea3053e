import { createHash } from 'node:crypto';
import { entryStatuses } from '../catalog/fields/status.js';
import type { CatalogModel, JsonSchema } from '../catalog/model.js';
import { changesNavItem, changesSectionHtml, changesStyle } from './_html-changes.js';
import { addedSection, entryHtml, exampleHtml, summaryLine } from './_html-entry.js';
import { packExamples } from './_html-examples.js';
import {
  chromeHtml as ch,
  errorsHtml,
  localeHeadHtml,
  localeMenuHtml,
  localeStyle,
  scriptChrome,
  shownHtml,
} from './_html-locale.js';
import { PAGE_SCRIPT } from './_page-script.js';
import { PAGE_STYLE } from './_page-style.js';
import { schemaFields } from './_schema.js';
import type { ChromeStrings } from './chrome.js';
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

function fieldsTable(schema: JsonSchema, c: ChromeStrings): string {
  const rows = schemaFields(schema)
    .map(
      (f) =>
        `<tr><td><code>${h(f.path)}</code></td><td>${h(f.type)}</td><td>${h(f.required ? c.yesCell : c.noCell)}</td></tr>`,
    )
    .join('');
  return `<div class="scroll"><table><thead><tr><th scope="col">${h(c.field)}</th><th scope="col">${h(c.type)}</th><th scope="col">${h(c.required)}</th></tr></thead><tbody>${rows}</tbody></table></div>`;
}

/** What each entry's `type` starts with (its id follows), or `null` when the entries have none. */
function typeBase(ref: DocReference): string | null {
  const first = ref.entries.find((e) => e.type !== undefined);
  return first?.type === undefined ? null : first.type.slice(0, first.type.length - first.anchor.length);
}

/** Entries and rows per group that the browser lays out, or skips while off screen, as one. */
const CHUNK = 25;

const codeOf = (e: DocEntry) => (e.entry.code === '' ? e.id : e.entry.code);

/** The sidebar: the page's sections and each category with its count (kept up to date by the filters). */
function sidebar(ref: DocReference, added: readonly DocEntry[]): string {
  const c = ref.chrome;
  // `count`: what the script counts (`all`, or a category's index) and the count with no filter.
  const link = (href: string, section: string, label: string, count?: readonly [string, number]) =>
    `<li><a class="nav" href="#${h(href)}" data-section="${h(section)}"><span>${label}</span>${
      count === undefined ? '' : `<span class="count" data-count="${count[0]}">${count[1]}</span>`
    }</a></li>`;
  const out = [
    `<aside class="sidebar" id="errata:nav" aria-label="${h(c.sections)}"><a class="title" href="#errata:top">${h(ref.title)}</a><nav aria-label="${h(c.contents)}"><ul>`,
    link('errata:index', 'errata:index', h(c.allErrors), ['all', ref.entries.length]),
    link('errata:format', 'errata:format-section', h(c.errorFormat)),
    `</ul><p class="heading">${h(c.categories)}</p><ul>`,
  ];
  ref.categories.forEach((c, i) => {
    const own = c.entries.filter((e) => !e.added).length;
    if (own > 0) out.push(link(`errata:cat-${i}`, `errata:sec-${i}`, h(c.name), [String(i), own]));
  });
  out.push('</ul><ul>');
  if (added.length > 0) out.push(link('errata:added', 'errata:added-section', h(c.addedTitle)));
  out.push(
    link('errata:retry-guidance', 'errata:retry-section', h(c.retryGuidance)),
    changesNavItem(ref),
    `</ul></nav><div class="theme"><button type="button" id="errata:theme">${ch(c.theme, { name: h(c.themeAuto) })}</button></div></aside>`,
  );
  return out.join('');
}

/**
 * Rows in groups of {@link CHUNK}, each group a `tbody` that the browser skips
 * while it is off screen; `--n`, its number of rows shown, sizes it meanwhile.
 * A row of these long tables leaves out the end tags of its cells and itself
 * (HTML does not need them), a tenth of the table's size.
 */
function chunkedRows(rows: readonly string[]): string {
  const out: string[] = [];
  for (let i = 0; i < rows.length; i += CHUNK) {
    const n = Math.min(CHUNK, rows.length - i);
    out.push(`<tbody${n === CHUNK ? '' : ` style="--n:${n}"`}>`, ...rows.slice(i, i + CHUNK), '</tbody>');
  }
  return out.join('');
}

/** The index at the top: one compact row per code, linking to its entry, filtered with the entries. */
function indexTable(ref: DocReference): string {
  const c = ref.chrome;
  const rows = ref.entries.map((e) => {
    const retry = h(e.retryable === undefined ? c.notStated : e.retryable ? c.yes : c.no);
    return `<tr id="idx:${h(e.anchor)}"><td><a href="#${h(e.anchor)}">${h(codeOf(e))}</a><td>${entryStatuses(
      e.entry,
    ).join(', ')}<td>${h(summaryLine(e))}<td>${retry}`;
  });
  return `<section id="errata:index" aria-labelledby="errata:index-h"><h2 id="errata:index-h">${h(c.allErrors)}</h2><table class="index rows"><thead><tr><th scope="col">${h(c.code)}</th><th scope="col">${h(c.http)}</th><th scope="col">${h(c.title)}</th><th scope="col">${h(c.retryable)}</th></tr></thead>${chunkedRows(
    rows,
  )}</table></section>`;
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
export function generateHtml(model: CatalogModel, options: HtmlOptions = {}): string {
  const more = (options.exampleDialects ?? []).map((d) => buildReference(model, { ...options, dialect: d }));
  return renderHtml(buildReference(model, options), more);
}

/** The HTML page's options: those of every page, and more dialects to show the examples in. */
export interface HtmlOptions extends DocsOptions {
  /**
   * Dialects to show each example in besides `dialect`, one tab each (the
   * reader's choice is kept across entries and visits). @default []
   */
  readonly exampleDialects?: readonly (DocsOptions['dialect'] & {})[];
}

/**
 * Renders an already built reference as the HTML page; `more`, the same
 * catalog's references in other dialects, adds their examples as tabs.
 */
export function renderHtml(ref: DocReference, more: readonly DocReference[] = []): string {
  const { model } = ref;
  const c = ref.chrome;
  const catIndex = new Map(ref.categories.map((c, i) => [c.name, i]));
  const own = ref.entries.filter((e) => !e.added);
  const added = ref.entries.filter((e) => e.added);
  // What the page script needs of each entry, in the order of the index: its id, category,
  // status class and retry (0 no, 1 yes, 2 not stated: the retry filter's values). It
  // searches the text the entry shows, read from the page.
  // For the retry guidance table, the script builds from the data: each entry's status, its
  // retry advice (an index into `retry`, as few differ) and its code when it is not its id.
  const retryTexts: string[] = [];
  const retryIndex = (text: string) => {
    const i = retryTexts.indexOf(text);
    return i === -1 ? retryTexts.push(text) - 1 : i;
  };
  const rows = ref.entries.map((e) => {
    const row: (string | number)[] = [
      e.id,
      catIndex.get(e.entry.category) ?? 0,
      Math.floor(e.entry.status / 100),
      e.retryable === undefined ? 2 : e.retryable ? 1 : 0,
    ];
    if (!e.added) row.push(e.entry.status, retryIndex(e.retryText));
    if (!e.added && codeOf(e) !== e.id) row.push(codeOf(e));
    return row;
  });
  // The examples of the entries that have a card, packed; the script puts each in its card.
  // Every dialect's examples packed together (they share lines too), then split per dialect.
  const refs = [ref, ...more];
  const ownOf = (r: DocReference) => new Map(r.entries.filter((e) => !e.added).map((e) => [e.id, e]));
  const perDialect = refs.map((r) => {
    const byId = ownOf(r);
    return own.map((e) => byId.get(e.id) ?? e);
  });
  const packed = packExamples(
    perDialect.flatMap((list) => list.map((e) => httpExample(e.example, e.exampleText))),
    perDialect.flatMap((list) => list.map((e) => e.id)),
  );
  const data = {
    chrome: scriptChrome(ref),
    entries: rows,
    dialects: refs.map((r) => r.dialect.name),
    retry: retryTexts,
    chunk: CHUNK,
    // Each card's type line is this and its id (the script writes it; the format section says so).
    type: typeBase(ref),
    mark: packed.mark,
    shared: packed.shared,
    // Per dialect, each entry's packed example (`null` for the entries the contract adds).
    examples: refs.map((_, d) => {
      let nth = d * own.length;
      return ref.entries.map((e) => (e.added ? null : packed.examples[nth++]));
    }),
  };
  const out: string[] = [];
  out.push(
    '<!doctype html>',
    `<html lang="${h(ref.locale)}" dir="${ref.dir}">`,
    '<head>',
    '<meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<meta http-equiv="Content-Security-Policy" content="${h(HTML_CSP)}">`,
    '<meta name="color-scheme" content="light dark">',
    '<meta name="generator" content="errata">',
    `<title>${h(ref.title)}</title>`,
    '<link rel="icon" href="data:,">',
    localeHeadHtml(ref),
    `<style>${PAGE_STYLE}${changesStyle(ref)}${localeStyle(ref)}</style>`,
    '</head>',
    '<body>',
    `<a class="skip" href="#errata:main">${h(c.skipLink)}</a>`,
    '<div class="layout">',
    sidebar(ref, added),
    '<div class="scrim" id="errata:scrim"></div>',
    '<div class="content">',
    '<header id="errata:top">',
    `<button type="button" class="menu" id="errata:menu" aria-controls="errata:nav" aria-expanded="false">${h(c.menu)}</button>`,
    localeMenuHtml(ref),
    `<h1>${h(ref.title)}</h1>`,
  );
  const about = [
    model.description ? `<span class="text">${inlineHtml(model.description)}</span>` : '',
    `<span class="meta">${ch(c.catalogMeta, {
      name: `<code>${h(model.name)}</code>`,
      version: h(model.version),
      count: errorsHtml(ref, own.length),
      added: added.length > 0 ? ch(c.andServerAdds, { n: added.length }) : '',
      // Each dialect of the examples' tabs, the first shown first.
      dialect: refs.map((r) => `<code>${h(r.dialect.name)}</code>`).join(' / '),
    })}</span>`,
  ];
  out.push(`<p class="about">${about.filter(Boolean).join(' ')}</p>`);
  if (ref.dialectNote) out.push(`<p class="note">${h(ref.dialectNote)}</p>`);
  out.push('</header>');

  const catOptions = ref.categories.map((c, i) => `<option value="${i}">${h(c.name)}</option>`).join('');
  out.push(
    `<nav class="controls" aria-label="${h(c.searchAndFilters)}" role="search">`,
    `<label class="grow" for="errata:q">${h(c.searchLabel)}<input id="errata:q" type="search" placeholder="${h(c.searchPlaceholder)}" autocomplete="off" spellcheck="false"></label>`,
    `<label for="errata:category">${h(c.category)}<select id="errata:category"><option value="">${h(c.allCategories)}</option>${catOptions}</select></label>`,
    `<label for="errata:class">${h(c.status)}<select id="errata:class"><option value="">${h(c.allStatuses)}</option><option value="4">${h(c.clientErrors)}</option><option value="5">${h(c.serverErrors)}</option></select></label>`,
    `<label for="errata:retry">${h(c.retryable)}<select id="errata:retry"><option value="">${h(c.either)}</option><option value="yes">${h(c.retryable)}</option><option value="no">${h(c.notRetryable)}</option><option value="unstated">${h(c.notStated)}</option></select></label>`,
    `<output id="errata:count" aria-live="polite">${shownHtml(ref, ref.entries.length, ref.entries.length)}</output>`,
    '</nav>',
  );

  out.push('<main id="errata:main" tabindex="-1">');
  out.push(indexTable(ref));
  out.push(`<p id="errata:empty" hidden>${h(c.noMatch)}</p>`);
  out.push(
    `<section id="errata:format-section" aria-labelledby="errata:format"><h2 id="errata:format">${h(c.errorFormat)}</h2>`,
  );
  out.push(
    `<p>${ch(c.formatIntro, {
      type: `<code>${h(ref.dialect.contentType)}</code>`,
      dialect: `<code>${h(ref.dialect.name)}</code>`,
    })}</p>`,
  );
  const first = ref.entries[0];
  if (first)
    out.push(exampleHtml('envelope', c.example, httpExample(first.example, first.exampleText), true, c));
  // Without the page script, the cards show no example of their own: this one stands for them.
  out.push(`<noscript><p class="note">${h(c.noscriptExamples)}</p></noscript>`);
  if (schemaFields(ref.schema).length > 0) out.push(fieldsTable(ref.schema, c));
  const base = typeBase(ref);
  if (base !== null && first)
    out.push(
      `<p>${ch(c.typeNote, {
        type: '<code>type</code>',
        base: `<code>${h(base)}</code>`,
        example: `<code>${h(base + first.id)}</code>`,
      })}</p>`,
    );
  if (ref.codePath)
    out.push(`<p>${ch(c.codeFieldNote, { path: `<code>${h(formatPath(ref.codePath))}</code>` })}</p>`);
  out.push('</section>');

  ref.categories.forEach((category, i) => {
    const entries = category.entries.filter((e) => !e.added);
    if (entries.length === 0) return;
    out.push(
      `<section id="errata:sec-${i}" data-category="${i}" aria-labelledby="errata:cat-${i}"><h2 id="errata:cat-${i}">${h(category.name)}</h2>`,
    );
    // Cards in groups the browser skips while off screen (`--n`: the cards shown, which size a group meanwhile).
    for (let c = 0; c < entries.length; c += CHUNK) {
      const n = Math.min(CHUNK, entries.length - c);
      out.push(`<div class="chunk"${n === CHUNK ? '' : ` style="--n:${n}"`}>`);
      for (const e of entries.slice(c, c + CHUNK)) out.push(entryHtml(ref, e));
      out.push('</div>');
    }
    out.push('</section>');
  });
  const firstAdded = added[0];
  if (firstAdded !== undefined)
    out.push(addedSection(added, catIndex.get(firstAdded.entry.category) ?? 0, c));

  out.push(
    `<section id="errata:retry-section" aria-labelledby="errata:retry-guidance"><h2 id="errata:retry-guidance">${h(c.retryGuidance)}</h2>`,
    // Its rows are built by the page script from the data block: each card says the same.
    `<noscript><p>${h(c.noscriptRetry)}</p></noscript>`,
    `<table class="guide rows"><thead><tr><th scope="col">${h(c.code)}</th><th scope="col">${h(c.http)}</th><th scope="col">${h(c.retryQuestion)}</th></tr></thead>`,
  );
  out.push('</table></section>', ...changesSectionHtml(ref), '</main>');
  out.push(`<footer>${ch(c.footer, { type: '<code>type</code>' })}</footer>`, '</div>', '</div>');
  out.push(`<script type="application/json" id="errata:data">${jsonForScript(data)}</script>`);
  out.push(`<script>${PAGE_SCRIPT}</script>`, '</body>', '</html>', '');
  return out.join('\n');
}
