/**
 * Markdown made fit for one cell of a GitHub-flavoured Markdown table: a bare
 * `|` would end the cell and a line break the row, so `|` is escaped and
 * every line break (CR LF, LF or a lone CR, as CommonMark counts them) is
 * written as `<br>`. The text is otherwise taken as Markdown already: escape
 * prose first (the docs' `escapeMarkdown`, a diff's backslashes).
 */
export const tableCell = (markdown: string): string =>
  markdown.replace(/\|/g, '\\|').replace(/\r\n?|\n/g, '<br>');
