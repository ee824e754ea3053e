// A draft written as YAML, JSON or TypeScript, and the catalog `--merge`
// adds to, read as written (JSON or YAML, not normalized, so that what a
// person wrote comes back unchanged).
import { readFile } from 'node:fs/promises';
import { extname, resolve } from 'node:path';
import { isRecord } from '../utils/record.js';
import { ImportError } from './types.js';

export async function serialize(
  catalog: Record<string, unknown>,
  format: 'yaml' | 'json' | 'ts',
): Promise<string> {
  if (format === 'json') return `${JSON.stringify(catalog, null, 2)}\n`;
  if (format === 'ts')
    return `import { defineCatalog } from 'errata';\n\nexport default defineCatalog(${JSON.stringify(catalog, null, 2)});\n`;
  const { stringify } = await import('yaml');
  return stringify(catalog, { lineWidth: 0, aliasDuplicateObjects: false });
}

/** The catalog `--merge` names, as written. */
export async function readWritten(file: string, cwd: string): Promise<Record<string, unknown>> {
  const ext = extname(file).toLowerCase();
  if (!['.json', '.yaml', '.yml'].includes(ext))
    throw new ImportError(
      `--merge reads a .json or .yaml catalog (got ${file}): export a TypeScript catalog with errata export --as-written first`,
    );
  let text: string;
  try {
    text = await readFile(resolve(cwd, file), 'utf8');
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    throw new ImportError(
      `cannot read ${file}: ${code === 'ENOENT' ? 'no such file' : (e as Error).message}`,
    );
  }
  let doc: unknown;
  if (ext === '.json') {
    try {
      doc = JSON.parse(text);
    } catch (e) {
      throw new ImportError(`${file}: not valid JSON: ${(e as Error).message}`);
    }
  } else {
    const { parseDocument } = await import('yaml');
    const parsed = parseDocument(text);
    const error = parsed.errors[0];
    if (error) {
      const at = error.linePos?.[0];
      throw new ImportError(
        `${file}${at ? `:${at.line}:${at.col}` : ''}: not valid YAML: ${error.message.split('\n')[0]}`,
      );
    }
    doc = parsed.toJS();
  }
  if (!isRecord(doc) || !isRecord(doc.errors))
    throw new ImportError(`${file}: not a catalog (no "errors" object)`);
  return doc;
}
