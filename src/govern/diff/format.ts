import { tableCell } from '../../utils/markdown-table.js';
import { escapeControls } from '../escape-controls.js';
import type { Change } from './changes.js';

/** Output formats of `errata diff`. */
export type DiffFormat = 'text' | 'json' | 'md';

const plural = (count: number, word: string) => `${count} ${word}${count === 1 ? '' : 's'}`;
const where = (c: Change) => (c.id === null ? (c.code !== null ? `code ${c.code}` : '(catalog)') : c.id);

/** Renders changes as text, JSON (`{ breaking, changes }`) or Markdown for a pull-request comment. */
export function formatChanges(
  changes: readonly Change[],
  format: DiffFormat,
  labels: { readonly before?: string; readonly after?: string } = {},
): string {
  const breaking = changes.filter((c) => c.breaking);
  if (format === 'json')
    return `${JSON.stringify({ before: labels.before, after: labels.after, breaking: breaking.length, changes }, null, 2)}\n`;
  if (format === 'md') return markdown(changes, labels);
  if (changes.length === 0) return 'no changes\n';
  const lines = changes.map(
    (c) => `  ${c.breaking ? 'BREAKING' : 'ok      '}  ${where(c)}: ${c.message}  — ${c.reason}  (${c.kind})`,
  );
  const summary = `${plural(breaking.length, 'breaking change')}, ${plural(changes.length - breaking.length, 'other change')}`;
  return escapeControls(`${lines.join('\n')}\n\n${summary}\n`);
}

/** A message in a table cell, shown as written: its backslashes escaped, then made fit for the cell. */
const cell = (s: string) => tableCell(s.replace(/\\/g, '\\\\'));
const code = (s: string) => `\`${s.replace(/`/g, 'ˋ')}\``;

/** A pull-request comment: the breaking changes in a table, the others folded under it. */
function markdown(changes: readonly Change[], labels: { readonly before?: string; readonly after?: string }) {
  const breaking = changes.filter((c) => c.breaking);
  const other = changes.filter((c) => !c.breaking);
  const span = labels.before && labels.after ? ` (${code(labels.before)} → ${code(labels.after)})` : '';
  const headline =
    breaking.length > 0 ? `⚠️ ${plural(breaking.length, 'breaking change')}` : 'no breaking changes';
  let md = `### errata: ${headline} in the error catalog${span}\n\n`;
  if (changes.length === 0) return `${md}No changes.\n`;
  const row = (c: Change) => `| ${code(where(c))} | ${cell(c.message)} | ${cell(c.reason)} |\n`;
  if (breaking.length > 0) {
    md += '| entry | change | why it breaks clients |\n|---|---|---|\n';
    for (const c of breaking) md += row(c);
    md += '\n';
  }
  if (other.length > 0) {
    md += `<details><summary>${plural(other.length, 'non-breaking change')}</summary>\n\n| entry | change | why it is safe |\n|---|---|---|\n`;
    for (const c of other) md += row(c);
    md += '\n</details>\n';
  }
  return escapeControls(md);
}
