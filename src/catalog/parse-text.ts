// Catalog text (JSON or YAML) to a plain document: syntax errors and duplicate
// keys with their line and column, and what a catalog never needs refused.
import { CatalogError } from './errors.js';
import type { CatalogIssue } from './model.js';
import { checkJson, findUnsafeNesting, lineColumn, MAX_DEPTH } from './source.js';
import { readYamlFast } from './yaml-fast.js';
import { yamlLib } from './yaml-lib.js';

/** Most uses of YAML aliases a document may make (weighted by the aliases inside what they repeat). */
const MAX_ALIAS_COUNT = 10_000;

/**
 * Parses catalog text (JSON or YAML) into a plain document, reporting syntax
 * errors and duplicate keys with line and column. A byte order mark is dropped;
 * nesting deeper than a catalog needs, alias bombs and multi-document YAML are
 * refused with a plain reason.
 */
export function parseCatalogText(
  text: string,
  format: 'json' | 'yaml',
  file?: string,
  options: { readonly maxDepth?: number } = {},
): unknown {
  const source = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  if (source.trim() === '') throw new CatalogError([{ path: '', message: 'the file is empty' }], file);
  const maxDepth = options.maxDepth ?? MAX_DEPTH;
  return format === 'json' ? parseJson(source, file, maxDepth) : parseYaml(source, file, maxDepth);
}

function parseJson(text: string, file: string | undefined, maxDepth: number): unknown {
  const problems = checkJson(text, maxDepth);
  if (problems.length > 0)
    throw new CatalogError(
      problems.map((p) => {
        const { line, col } = lineColumn(text, p.offset);
        const at = `line ${line}, column ${col}`;
        return {
          path: '',
          message:
            p.kind === 'duplicate'
              ? `duplicate key at ${at}: ${p.message}`
              : p.kind === 'depth'
                ? `nested too deeply at ${at}: ${p.message}`
                : `JSON syntax error: ${p.message} at ${at}`,
        };
      }),
      file,
    );
  try {
    return JSON.parse(text);
  } catch (e) {
    // checkJson accepts exactly what JSON.parse does; this is a safety net.
    throw new CatalogError([{ path: '', message: `JSON syntax error: ${(e as Error).message}` }], file);
  }
}

function parseYaml(text: string, file: string | undefined, maxDepth: number): unknown {
  // js-yaml reads the text; anchors, aliases and every error are yaml's (yaml-fast.ts says why).
  const read = readYamlFast(text);
  return read === undefined ? parseFullYaml(text, file, maxDepth) : checkNesting(read.value, file, maxDepth);
}

function checkNesting(value: unknown, file: string | undefined, maxDepth: number): unknown {
  const unsafe = findUnsafeNesting(value, maxDepth);
  if (unsafe) throw new CatalogError([unsafe], file);
  return value;
}

function parseFullYaml(text: string, file: string | undefined, maxDepth: number): unknown {
  const { LineCounter, parseDocument } = yamlLib();
  const lines = new LineCounter();
  const doc = parseDocument(text, {
    lineCounter: lines,
    uniqueKeys: true,
    prettyErrors: false,
    merge: true,
  });
  const issues: CatalogIssue[] = [];
  for (const err of doc.errors) {
    const pos = lines.linePos(err.pos[0]);
    const what = err.code === 'DUPLICATE_KEY' ? 'duplicate key' : 'YAML syntax error';
    const first = err.message.split('\n')[0] ?? '';
    const reason = /call stack/i.test(first)
      ? `nested too deeply (at most ${maxDepth} levels)`
      : err.code === 'MULTIPLE_DOCS'
        ? 'the file holds more than one YAML document ("---"); a catalog is one document'
        : first.replace(/ at line \d+, column \d+:?$/, '');
    issues.push({ path: '', message: `${what} at line ${pos.line}, column ${pos.col}: ${reason}` });
  }
  if (issues.length > 0) throw new CatalogError(issues, file);
  let value: unknown;
  try {
    value = doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT });
  } catch (e) {
    const message = (e as Error)?.message ?? String(e);
    throw new CatalogError(
      [
        {
          path: '',
          message: /alias count/i.test(message)
            ? 'YAML aliases expand too far (an alias "bomb"): repeat the values instead of nesting aliases'
            : /call stack/i.test(message)
              ? `nested too deeply (at most ${maxDepth} levels)`
              : `cannot read the YAML: ${message}`,
        },
      ],
      file,
    );
  }
  return checkNesting(value, file, maxDepth);
}
