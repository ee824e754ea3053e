import { tableCell } from '../utils/markdown-table.js';

/** Escapes text for HTML element content and for quoted attribute values. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => HTML_ENTITIES[c] as string);
}
const HTML_ENTITIES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

/** Escapes text for HTML element content only (`&`, `<`, `>`): shorter than {@link escapeHtml} where quotes are safe. */
export function escapeText(text: string): string {
  return text.replace(/[&<>]/g, (c) => HTML_ENTITIES[c] as string);
}

/**
 * JSON for a `<script type="application/json">` block: `<` becomes `\u003c`,
 * so no `</script>` or `<!--` inside the data can end or alter the block.
 */
export function jsonForScript(value: unknown): string {
  return JSON.stringify(value)
    .replace(/</g, '\\u003c')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');
}

const MD_SPECIAL = /[\\`*[\]_&<>]/;
const MD_BLOCK = /^\s*(?:[#+=-]|\d+\.)(?:\s|$)/m;

/**
 * Escapes catalog text for Markdown prose: the characters that would start
 * emphasis, code, links, HTML or an entity are backslash-escaped or written as
 * entities, so a catalog's text is shown as the text it is in every renderer.
 */
export function escapeMarkdown(text: string): string {
  if (!MD_SPECIAL.test(text) && !MD_BLOCK.test(text)) return text;
  return (
    text
      .replace(/[\\`*[\]]/g, '\\$&')
      // An underscore inside a word is never emphasis in CommonMark; only escape the others.
      .replace(/(^|[^A-Za-z0-9])_|_(?=$|[^A-Za-z0-9])/g, (m) => m.replace('_', '\\_'))
      .replace(/&/g, '&amp;')
      .replace(/</g, '&lt;')
      .replace(/>/g, '&gt;')
      // A line that starts with `#`, `>`, `-`, `+`, `=` or `1.` would become a block.
      .replace(/^(\s*)([#+=-]|\d+\.)(?=\s|$)/gm, (_m, sp: string, mark: string) =>
        mark.endsWith('.') ? `${sp}${mark.slice(0, -1)}\\.` : `${sp}\\${mark}`,
      )
  );
}

/** Escapes catalog text for one GitHub-flavoured Markdown table cell: prose escapes, `|`, and line breaks as `<br>`. */
export function escapeCell(text: string): string {
  return tableCell(escapeMarkdown(text.trim()));
}

/** A fenced code block whose fence is longer than any backtick run inside the code. */
export function codeFence(code: string, lang = ''): string {
  let longest = 2;
  for (const m of code.matchAll(/`+/g)) longest = Math.max(longest, m[0].length);
  const fence = '`'.repeat(longest + 1);
  return `${fence}${lang}\n${code}\n${fence}`;
}

/** Inline code span that survives backticks in its content. */
export function inlineCode(text: string): string {
  let longest = 0;
  for (const m of text.matchAll(/`+/g)) longest = Math.max(longest, m[0].length);
  const tick = '`'.repeat(longest + 1);
  const pad = text.startsWith('`') || text.endsWith('`') ? ' ' : '';
  return `${tick}${pad}${text.replace(/\r?\n/g, ' ')}${pad}${tick}`;
}
