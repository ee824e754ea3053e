// A Markdown page (a docs-site source file, or a page saved as text) into
// blocks, with marked's lexer (GFM tables included). Prose keeps its source
// text, line by line, so descriptions stay as the page wrote them.
import type { Token, Tokens } from 'marked';
import { type Block, exampleOf, pipeCells, splitProse } from './blocks.js';

/**
 * The text of inline tokens without their marks (`**`, backticks, links'
 * targets), character references in text decoded (`&amp;` is `&`) as
 * CommonMark reads them; code spans and inline HTML stay as written.
 */
export function plain(tokens: readonly Token[], decode: (text: string) => string): string {
  let text = '';
  for (const token of tokens) {
    if (token.type === 'image' || token.type === 'br') continue;
    if ('tokens' in token && token.tokens) text += plain(token.tokens, decode);
    else if (token.type === 'text') text += token.text.includes('&') ? decode(token.text) : token.text;
    else if ('text' in token && typeof token.text === 'string') text += token.text;
  }
  return text;
}

const lineCount = (raw: string) => raw.split('\n').length - 1;

export async function markdownBlocks(text: string): Promise<Block[]> {
  // micromark's own decoder of character references (mdast-util-from-markdown's).
  const [{ lexer }, { decodeString }] = await Promise.all([
    import('marked'),
    import('micromark-util-decode-string'),
  ]);
  const source = text.replace(/\r\n?/g, '\n');
  const lines = source.split('\n');
  const out: Block[] = [];
  // `first` is the token's first line (1-based) in the page; `quoted` when
  // inside a blockquote, where prose is taken from the page's own lines.
  const walk = (tokens: readonly Token[], start: number, quoted: boolean) => {
    let line = start;
    for (const token of tokens) {
      const leading = /^\n*/.exec(token.raw)?.[0].length ?? 0;
      const first = line + (token.type === 'space' ? 0 : leading);
      switch (token.type) {
        case 'heading':
          out.push({
            kind: 'heading',
            text: plain((token as Tokens.Heading).tokens, decodeString).trim(),
            depth: (token as Tokens.Heading).depth,
            line: first,
          });
          break;
        case 'paragraph': {
          const raw = token.raw.replace(/^\n+/, '').replace(/\n+$/, '');
          if (!quoted) splitProse(raw.replace(/^[ \t]+/, ''), first, out);
          else {
            const span = lines.slice(first - 1, first - 1 + lineCount(raw) + 1);
            span[0] = (span[0] as string).replace(/^(?:[ \t]*>[ \t]?)*[ \t]*/, '');
            splitProse(span.join('\n'), first, out);
          }
          break;
        }
        case 'table': {
          const table = token as Tokens.Table;
          const header = table.header.map((cell) => plain(cell.tokens, decodeString).trim());
          // marked pads a short row with empty cells; the page's row has only its own.
          const written = table.raw.split('\n').slice(2);
          const rows = table.rows.map((row, i) =>
            row
              .slice(0, pipeCells(written[i] ?? '').length)
              .map((cell) => plain(cell.tokens, decodeString).trim()),
          );
          out.push({ kind: 'table', rows, header, line: first });
          break;
        }
        case 'code': {
          const example = exampleOf((token as Tokens.Code).text, first + 1);
          if (example) out.push(example);
          break;
        }
        case 'list':
          out.push({
            kind: 'list',
            items: (token as Tokens.List).items.map((item) =>
              item.raw.replace(/^\s*(?:[-*+]|\d+[.)])\s+/, '').trim(),
            ),
            line: first,
          });
          break;
        case 'blockquote':
          walk((token as Tokens.Blockquote).tokens, first, true);
          break;
        default:
          break;
      }
      line += lineCount(token.raw);
    }
  };
  walk(lexer(source, { gfm: true }), 1, false);
  return out;
}
