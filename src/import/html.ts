// An HTML page (saved from a browser, or a docs site's output) into blocks,
// with parse5: headings, paragraphs, tables (a cell spanning the row is a
// category), `<pre>` bodies, definition lists and lists.
import type { DefaultTreeAdapterMap } from 'parse5';
import { type Block, exampleOf, splitProse } from './blocks.js';

type Node = DefaultTreeAdapterMap['node'];
type Element = DefaultTreeAdapterMap['element'];

const SKIP = new Set(['head', 'script', 'style', 'nav', 'noscript', 'template', 'svg', 'header', 'footer']);

const isElement = (node: Node): node is Element => 'tagName' in node;
const childrenOf = (node: Node): Node[] => ('childNodes' in node ? (node.childNodes as Node[]) : []);
const elements = (node: Node, tag?: string): Element[] =>
  childrenOf(node).filter((c): c is Element => isElement(c) && (tag === undefined || c.tagName === tag));

/** The text of a node as a browser shows it on one line: whitespace collapsed. */
function textOf(node: Node): string {
  return rawText(node).replace(/\s+/g, ' ').trim();
}

function rawText(node: Node): string {
  if (node.nodeName === '#text') return (node as DefaultTreeAdapterMap['textNode']).value;
  if (isElement(node) && node.tagName === 'br') return '\n';
  if (isElement(node) && SKIP.has(node.tagName)) return '';
  return childrenOf(node).map(rawText).join('');
}

const lineOf = (node: Node) => (isElement(node) ? (node.sourceCodeLocation?.startLine ?? 1) : 1);

function tableBlock(table: Element): Block {
  const sections = elements(table).filter((e) => ['thead', 'tbody', 'tfoot'].includes(e.tagName));
  const rowsOf = (parent: Element) => elements(parent, 'tr');
  const head = sections.find((s) => s.tagName === 'thead');
  const all = [...rowsOf(table), ...sections.flatMap(rowsOf)];
  const cells = (tr: Element) =>
    elements(tr)
      .filter((c) => c.tagName === 'td' || c.tagName === 'th')
      .map(textOf);
  let header: string[] | undefined;
  let body = all;
  if (head && rowsOf(head).length > 0) {
    header = cells(rowsOf(head)[0] as Element);
    body = all.filter((r) => !rowsOf(head).includes(r));
  } else if (all[0] && elements(all[0]).every((c) => c.tagName === 'th')) {
    header = cells(all[0]);
    body = all.slice(1);
  }
  return { kind: 'table', rows: body.map(cells), ...(header ? { header } : {}), line: lineOf(table) };
}

function termsBlock(dl: Element): Block {
  const items: Array<{ term: string; definitions: string[] }> = [];
  for (const child of elements(dl).flatMap((c) => (c.tagName === 'div' ? elements(c) : [c]))) {
    if (child.tagName === 'dt') items.push({ term: textOf(child), definitions: [] });
    else if (child.tagName === 'dd' && items.length > 0) {
      const parts = elements(child).filter((e) => e.tagName === 'p' || e.tagName === 'li');
      const texts = parts.length > 0 ? parts.map(textOf) : [textOf(child)];
      items.at(-1)?.definitions.push(...texts.filter((t) => t !== ''));
    }
  }
  return { kind: 'terms', items, line: lineOf(dl) };
}

function walk(node: Node, out: Block[]): void {
  for (const child of childrenOf(node)) {
    if (!isElement(child)) {
      if (child.nodeName === '#text') {
        const text = textOf(child);
        if (text !== '') splitProse(text, lineOf(node), out);
      }
      continue;
    }
    const tag = child.tagName;
    if (SKIP.has(tag)) continue;
    const heading = /^h([1-6])$/.exec(tag);
    if (heading)
      out.push({ kind: 'heading', text: textOf(child), depth: Number(heading[1]), line: lineOf(child) });
    else if (tag === 'p') {
      const text = rawText(child)
        .split('\n')
        .map((l) => l.replace(/\s+/g, ' ').trim())
        .join('\n')
        .trim();
      if (text !== '') splitProse(text, lineOf(child), out);
    } else if (tag === 'table') out.push(tableBlock(child));
    else if (tag === 'pre') {
      const example = exampleOf(rawText(child), lineOf(child));
      if (example) out.push(example);
    } else if (tag === 'dl') out.push(termsBlock(child));
    else if (tag === 'ul' || tag === 'ol')
      out.push({ kind: 'list', items: elements(child, 'li').map(textOf), line: lineOf(child) });
    else walk(child, out);
  }
}

export async function htmlBlocks(text: string): Promise<Block[]> {
  const { parse } = await import('parse5');
  const document = parse(text, { sourceCodeLocationInfo: true });
  const out: Block[] = [];
  walk(document, out);
  return out;
}
