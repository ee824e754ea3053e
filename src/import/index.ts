// `errata import`'s engine: each source read by its importer (pages through
// one recognizer, OpenAPI specs, recorded traffic), merged, and built into a
// catalog v1 draft. Node-only (it reads files); the CLI loads it lazily.
import { open, readFile, stat } from 'node:fs/promises';
import { extname, resolve } from 'node:path';
import { unreadableReason } from '../check/inputs/index.js';
import { buildDraft, type Draft, type DraftOptions } from './draft.js';
import { htmlBlocks } from './html.js';
import { markdownBlocks } from './markdown.js';
import { type Conflict, mergeSources } from './merge.js';
import { readOpenApi } from './openapi.js';
import { readPage } from './page.js';
import { readTraffic } from './traffic.js';
import { ImportError, type ImportProblem, type SourceImport, type SourceKind } from './types.js';

export { buildDraft, type Draft } from './draft.js';
export { type Conflict, conflictText, type MergeReport, mergeIntoCatalog } from './merge.js';
export {
  ImportError,
  type ImportedEntry,
  type ImportProblem,
  SOURCE_KINDS,
  type SourceImport,
  type SourceKind,
} from './types.js';

/** Pages and specs larger than this are refused (traffic is streamed, whatever its size). */
export const MAX_DOCUMENT_BYTES = 20 * 1024 * 1024;

/** The kind of a source from its name, then its first bytes. */
export function detectKind(name: string, head: string): SourceKind {
  const ext = extname(name).toLowerCase();
  if (['.md', '.markdown', '.mdx', '.txt'].includes(ext)) return 'markdown';
  if (['.html', '.htm', '.xhtml'].includes(ext)) return 'html';
  if (ext === '.har') return 'har';
  if (['.ndjson', '.jsonl', '.log'].includes(ext)) return 'ndjson';
  const start = head.trimStart();
  if (/^\{\s*"log"/.test(start)) return 'har';
  if (
    /^\{[\s\S]*"(?:openapi|swagger)"\s*:/.test(start.slice(0, 2000)) ||
    /^(?:openapi|swagger)\s*:/m.test(start.slice(0, 2000))
  )
    return 'openapi';
  if (['.json', '.yaml', '.yml'].includes(ext)) return 'openapi';
  if (/^\{/.test(start)) return 'ndjson';
  if (/^</.test(start)) return 'html';
  return 'markdown';
}

/** A page or a spec as text; an ImportError when it cannot be read or is too large. */
async function readDocument(name: string, cwd: string): Promise<string> {
  const path = resolve(cwd, name);
  try {
    const info = await stat(path);
    if (info.isDirectory()) throw new ImportError(`cannot read ${name}: it is a directory`);
    if (info.size > MAX_DOCUMENT_BYTES)
      throw new ImportError(
        `${name} is ${(info.size / 1024 / 1024).toFixed(1)} MB: pages and specs above ${MAX_DOCUMENT_BYTES / 1024 / 1024} MB are not read (split it, or import traffic, which is streamed)`,
      );
    return await readFile(path, 'utf8');
  } catch (e) {
    if (e instanceof ImportError) throw e;
    throw new ImportError(`cannot read ${name}: ${unreadableReason(e)}`);
  }
}

/** A file's first bytes, to tell its kind ('' when it cannot be read: the importer says why). */
async function head(name: string, cwd: string): Promise<string> {
  try {
    const file = await open(resolve(cwd, name), 'r');
    try {
      const buffer = Buffer.alloc(4096);
      const { bytesRead } = await file.read(buffer, 0, buffer.length, 0);
      return buffer.subarray(0, bytesRead).toString('utf8');
    } finally {
      await file.close();
    }
  } catch {
    return '';
  }
}

/** One source by its kind. */
export async function importSource(name: string, kind: SourceKind, cwd: string): Promise<SourceImport> {
  if (kind === 'har' || kind === 'ndjson') return readTraffic(name, { cwd, format: kind });
  const text = (await readDocument(name, cwd)).replace(/^\uFEFF/, '');
  if (kind === 'openapi') return readOpenApi(text, name, cwd);
  const blocks = kind === 'html' ? await htmlBlocks(text) : await markdownBlocks(text);
  return readPage(blocks, name, kind);
}

export interface ImportOptions extends DraftOptions {
  readonly cwd: string;
  /** The kind of every source, instead of telling it from each name and first bytes. */
  readonly from?: SourceKind;
}

export interface ImportResult {
  readonly sources: SourceImport[];
  /** Sources that could not be read at all, with why. */
  readonly failed: ImportProblem[];
  readonly conflicts: Conflict[];
  /** The draft, or undefined when no source gave an entry. */
  readonly draft: Draft | undefined;
}

/** Reads every source (one that fails does not stop the others) and builds the draft of their merged entries. */
export async function importSources(names: readonly string[], options: ImportOptions): Promise<ImportResult> {
  const sources: SourceImport[] = [];
  const failed: ImportProblem[] = [];
  for (const name of names) {
    const kind = options.from ?? detectKind(name, await head(name, options.cwd));
    try {
      sources.push(await importSource(name, kind, options.cwd));
    } catch (e) {
      if (!(e instanceof ImportError)) throw e;
      failed.push({ place: name, message: e.message });
    }
  }
  const { entries, conflicts } = mergeSources(sources);
  const draft = entries.length > 0 ? buildDraft(entries, sources, options) : undefined;
  return { sources, failed, conflicts, draft };
}
