// Where in a JSON or YAML catalog's text each problem lies. The yaml parser
// reads JSON too (JSON is YAML's flow style), so one tree of nodes with their
// source ranges serves both; it is built only when a catalog is rejected (so yaml is loaded only then).
import type { Node, parseDocument, YAMLMap } from 'yaml';
import type { CatalogIssue } from './model.js';
import { yamlLib } from './yaml-lib.js';

/** A problem's path (`errors.A.status`, `errors["a b"]`, `categories[1]`) as keys and indexes, or undefined. */
export function pathSegments(path: string): (string | number)[] | undefined {
  const segments: (string | number)[] = [];
  const token = /^(?:\.?([A-Za-z_$][A-Za-z0-9_$-]*)|\[(\d+)\]|\[("(?:[^"\\]|\\.)*")\]|("(?:[^"\\]|\\.)*"))/;
  for (let rest = path; rest !== ''; ) {
    const m = token.exec(rest);
    if (!m) return undefined;
    const [all, name, index, bracketed, quoted] = m;
    // A plain name follows a dot, except the first.
    if (name !== undefined && all.startsWith('.') === (segments.length === 0)) return undefined;
    segments.push(
      name ?? (index !== undefined ? Number(index) : (JSON.parse(bracketed ?? quoted ?? '""') as string)),
    );
    rest = rest.slice(all.length);
  }
  return segments;
}

/**
 * The same issues, each with the line and column of the node its path names:
 * the key of the field (`status:` of `errors.A.status`), the item of a list,
 * or, for a field that is missing, the key of the object that lacks it.
 * Aliases and merge keys are followed to the text that holds the value. An
 * issue without a path (a syntax error, which says its place itself) is kept as it is.
 */
export function placeIssues(issues: readonly CatalogIssue[], text: string): CatalogIssue[] {
  const { LineCounter, parseDocument } = yamlLib();
  const lines = new LineCounter();
  const source = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const doc = parseDocument(source, { lineCounter: lines, merge: true, uniqueKeys: false });
  return issues.map((issue) => {
    const segments = issue.path === '' ? undefined : pathSegments(issue.path);
    const offset = segments && locate(doc.contents, segments, doc);
    if (offset === undefined) return issue;
    const { line, col } = lines.linePos(offset);
    return { ...issue, line, column: col };
  });
}

type Doc = ReturnType<typeof parseDocument>;

/** Offset of the deepest node on the path: a pair's key, a list's item, or the document itself. */
function locate(root: unknown, segments: readonly (string | number)[], doc: Doc): number | undefined {
  const { isMap, isSeq } = yamlLib();
  let node = root as Node | null | undefined;
  let at = node?.range?.[0];
  for (const seg of segments) {
    const here = resolve(node, doc);
    if (isMap(here)) {
      const pair = findPair(here, String(seg), doc, 0);
      const start = (pair?.key as Node | undefined)?.range?.[0];
      if (!pair || start === undefined) break;
      at = start;
      node = pair.value as Node | null;
    } else if (isSeq(here) && typeof seg === 'number') {
      const item = here.items[seg] as Node | undefined;
      if (!item?.range) break;
      at = item.range[0];
      node = item;
    } else break;
  }
  return at;
}

/** The node an alias stands for; any other node as it is. */
function resolve(node: Node | null | undefined, doc: Doc): Node | null | undefined {
  return yamlLib().isAlias(node) ? (node.resolve(doc) as Node | undefined) : node;
}

/** The pair of `key` in a map, or in the maps it merges (`<<: *base`), as YAML merges them: its own keys first. */
function findPair(map: YAMLMap, key: string, doc: Doc, depth: number): YAMLMap['items'][number] | undefined {
  const { isMap, isScalar, isSeq } = yamlLib();
  const own = map.items.find(
    (p) => isScalar(p.key) && typeof p.key.value !== 'symbol' && String(p.key.value) === key,
  );
  if (own || depth > 20) return own;
  for (const p of map.items) {
    if (!isScalar(p.key) || typeof p.key.value !== 'symbol') continue;
    const merged = resolve(p.value as Node, doc);
    for (const source of isSeq(merged) ? merged.items : [merged]) {
      const m = resolve(source as Node, doc);
      const found = isMap(m) ? findPair(m, key, doc, depth + 1) : undefined;
      if (found) return found;
    }
  }
  return undefined;
}
