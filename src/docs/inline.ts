// The inline subset catalog prose may use: code spans, links (http, https or
// relative) and emphasis (`*em*`, `**strong**`). The text is parsed as
// CommonMark (mdast-util-from-markdown); those nodes are rendered, everything
// else stays the text it was written as: escaped in HTML, escaped in Markdown,
// so raw HTML, images, script links and block syntax remain inert text.

import type { Nodes, Parent } from 'mdast';
import { fromMarkdown } from 'mdast-util-from-markdown';
import { escapeHtml, escapeMarkdown } from './escape.js';

/** Characters without which a text holds none of the subset: most texts skip the parser. */
const MAYBE = /[`*_[<]/;

type Kept = Extract<Nodes, { type: 'inlineCode' | 'emphasis' | 'strong' | 'link' }>;

const KEPT = new Set(['inlineCode', 'emphasis', 'strong', 'link']);

/**
 * Whether a link target may be rendered: `http:`/`https:` URLs and relative
 * references (`/path`, `page.html#x`, `#id`); never another scheme
 * (`javascript:`, `data:`) nor a scheme-relative `//host`.
 */
export function isSafeHref(url: string): boolean {
  const u = url.trim();
  if (/^https?:\/\/[^\s]/i.test(u)) return true;
  if (u.startsWith('//') || /[\s\\]/.test(u) || [...u].some((c) => c.charCodeAt(0) < 0x20)) return false;
  // A scheme is letters, digits, `+`, `-` or `.` before the first `:`, and a relative reference has none.
  const colon = u.indexOf(':');
  return colon === -1 || /[/?#]/.test(u.slice(0, colon));
}

/** The kept nodes under `node`, outermost first, in source order (not descending into a kept node). */
function keptNodes(node: Nodes, out: Kept[] = []): Kept[] {
  for (const child of (node as Parent).children ?? []) {
    if (KEPT.has(child.type) && child.position) out.push(child as Kept);
    else keptNodes(child, out);
  }
  return out;
}

interface Target {
  text(source: string): string;
  node(n: Kept, inner: () => string, source: string): string;
}

function render(source: string, node: Nodes, start: number, end: number, target: Target): string {
  let out = '';
  let at = start;
  for (const n of keptNodes(node)) {
    const from = n.position?.start.offset ?? at;
    const to = n.position?.end.offset ?? at;
    if (from < at || to > end) continue;
    out += target.text(source.slice(at, from));
    const children = (n as Parent).children ?? [];
    const first = children[0]?.position?.start.offset ?? from;
    const last = children.at(-1)?.position?.end.offset ?? from;
    out += target.node(n, () => render(source, n, first, last, target), source.slice(from, to));
    at = to;
  }
  return out + target.text(source.slice(at, end));
}

const HTML: Target = {
  text: escapeHtml,
  node(n, inner, source) {
    switch (n.type) {
      case 'inlineCode':
        return `<code>${escapeHtml(n.value)}</code>`;
      case 'emphasis':
        return `<em>${inner()}</em>`;
      case 'strong':
        return `<strong>${inner()}</strong>`;
      case 'link':
        return isSafeHref(n.url)
          ? `<a href="${escapeHtml(n.url.trim())}" rel="noopener noreferrer">${inner()}</a>`
          : escapeHtml(source);
    }
  },
};

const MARKDOWN: Target = {
  text: escapeMarkdown,
  node(n, inner, source) {
    const children = (n as Parent).children ?? [];
    const from = n.position?.start.offset ?? 0;
    // The delimiters as written (`*`, `__`, `[` … `](url)`), around the children rendered again.
    const open = source.slice(0, (children[0]?.position?.start.offset ?? from) - from);
    const close = source.slice((children.at(-1)?.position?.end.offset ?? from) - from);
    switch (n.type) {
      case 'inlineCode':
        return source;
      case 'emphasis':
      case 'strong':
        return children.length > 0 ? `${open}${inner()}${close}` : escapeMarkdown(source);
      case 'link':
        return isSafeHref(n.url) && children.length > 0
          ? `${open}${inner()}${close}`
          : escapeMarkdown(source);
    }
  },
};

function parse(text: string): Nodes | undefined {
  if (!MAYBE.test(text)) return undefined;
  try {
    return fromMarkdown(text);
  } catch {
    return undefined;
  }
}

/** Catalog prose as HTML: the inline subset rendered, everything else escaped. */
export function inlineHtml(text: string): string {
  const tree = parse(text);
  return tree === undefined ? escapeHtml(text) : render(text, tree, 0, text.length, HTML);
}

/** Catalog prose as Markdown: the inline subset kept as written, everything else escaped. */
export function inlineMarkdown(text: string): string {
  const tree = parse(text);
  return tree === undefined ? escapeMarkdown(text) : render(text, tree, 0, text.length, MARKDOWN);
}
