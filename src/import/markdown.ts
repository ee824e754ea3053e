// A Markdown page (a docs-site source file, or a page saved as text) into
// blocks, with mdast and GFM's table extension. Prose keeps its source text, line
// by line, so descriptions stay as the page wrote them.
import type { Nodes, Root, RootContent } from 'mdast';
import { type Block, exampleOf, splitProse } from './blocks.js';

/** The text of a node without its marks (`**`, backticks, links' targets). */
export function plain(node: Nodes): string {
  if ('value' in node && typeof node.value === 'string')
    return node.type === 'html' ? node.value : node.value;
  if ('children' in node) return (node.children as Nodes[]).map(plain).join('');
  return '';
}

export async function markdownBlocks(text: string): Promise<Block[]> {
  // GFM's table extension alone: the recognizer reads nothing else of GFM
  // (autolinks, strikethrough, footnotes and task lists only cost parse time).
  const [{ fromMarkdown }, { gfmTableFromMarkdown }, { gfmTable }] = await Promise.all([
    import('mdast-util-from-markdown'),
    import('mdast-util-gfm-table'),
    import('micromark-extension-gfm-table'),
  ]);
  const tree: Root = fromMarkdown(text, {
    extensions: [gfmTable()],
    mdastExtensions: [gfmTableFromMarkdown()],
  });
  const out: Block[] = [];
  const source = (node: RootContent) =>
    text.slice(node.position?.start.offset ?? 0, node.position?.end.offset ?? 0);
  const walk = (nodes: readonly RootContent[]) => {
    for (const node of nodes) {
      const line = node.position?.start.line ?? 1;
      switch (node.type) {
        case 'heading':
          out.push({ kind: 'heading', text: plain(node).trim(), depth: node.depth, line });
          break;
        case 'paragraph':
          splitProse(source(node), line, out);
          break;
        case 'table': {
          const rows = node.children.map((row) => row.children.map((cell) => plain(cell).trim()));
          const [header, ...body] = rows;
          out.push({ kind: 'table', rows: body, ...(header ? { header } : {}), line });
          break;
        }
        case 'code': {
          const example = exampleOf(node.value, line + 1);
          if (example) out.push(example);
          break;
        }
        case 'list':
          out.push({
            kind: 'list',
            items: node.children.map((item) =>
              source(item)
                .replace(/^\s*(?:[-*+]|\d+[.)])\s+/, '')
                .trim(),
            ),
            line,
          });
          break;
        case 'blockquote':
          walk(node.children);
          break;
        default:
          break;
      }
    }
  };
  walk(tree.children);
  return out;
}
