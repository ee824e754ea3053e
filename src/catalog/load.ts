import { readFile, stat } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { basename, extname, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { Ajv2020, type ErrorObject } from 'ajv/dist/2020.js';
import { LineCounter, parseDocument } from 'yaml';
import type { Catalog } from './define.js';
import type { CatalogIssue, CatalogModel } from './model.js';
import { CatalogError, normalizeCatalog, pathKey } from './normalize.js';
import { checkJson, decodeSource, findUnsafeNesting, lineColumn, MAX_DEPTH, short } from './source.js';

const require = createRequire(import.meta.url);

/** The JSON Schema of the catalog document, as shipped in `schema/catalog.v1.json`. */
export const catalogJsonSchema: Record<string, unknown> = require('../../schema/catalog.v1.json');

let validator: ReturnType<Ajv2020['compile']> | undefined;

/** Validates a parsed catalog document against the published JSON Schema. */
export function validateCatalogDocument(doc: unknown): CatalogIssue[] {
  validator ??= new Ajv2020({ allErrors: true, strict: false }).compile(catalogJsonSchema);
  if (validator(doc)) return [];
  return summarize(validator.errors ?? []);
}

// Ajv reports each failed branch of a oneOf; keep the deepest message per path.
function summarize(errors: readonly ErrorObject[]): CatalogIssue[] {
  const byPath = new Map<string, string>();
  for (const e of errors) {
    const segs = e.instancePath
      .split('/')
      .slice(1)
      .map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'));
    if (e.keyword === 'additionalProperties') segs.push(String(e.params.additionalProperty));
    if (e.keyword === 'required') segs.push(String(e.params.missingProperty));
    if (e.keyword === 'propertyNames' && e.params.propertyName !== undefined)
      segs.push(String(e.params.propertyName));
    let path = '';
    for (const s of segs) path = /^\d+$/.test(s) ? `${path}[${s}]` : pathKey(path, s);
    if (e.propertyName !== undefined && e.keyword !== 'propertyNames') continue;
    const message =
      e.keyword === 'propertyNames'
        ? 'is not a valid id'
        : e.keyword === 'additionalProperties'
          ? 'unknown field'
          : e.keyword === 'required'
            ? 'is required'
            : `${e.message ?? 'is invalid'}`;
    if (!byPath.has(path) || e.keyword !== 'oneOf') byPath.set(path, message);
  }
  return [...byPath].map(([path, message]) => ({ path, message }));
}

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
  const unsafe = findUnsafeNesting(value, maxDepth);
  if (unsafe) throw new CatalogError([unsafe], file);
  return value;
}

/** Reads a catalog or config file as UTF-8 text; a `CatalogError` says why it cannot be read. */
export async function readSourceFile(path: string, file: string): Promise<string> {
  let bytes: Uint8Array;
  try {
    bytes = await readFile(path);
  } catch (e) {
    // The cause keeps the errno code for callers that word a missing file their own way.
    throw Object.assign(new CatalogError([{ path: '', message: `cannot read file: ${fsReason(e)}` }], file), {
      cause: e,
    });
  }
  const decoded = decodeSource(bytes);
  if (!decoded.ok) throw new CatalogError([{ path: '', message: decoded.message }], file);
  return decoded.text;
}

/** A file system error by its code, in words too: `ENOENT (no such file)`. */
export function fsReason(e: unknown): string {
  const code = (e as NodeJS.ErrnoException | undefined)?.code;
  const words: Record<string, string> = {
    ENOENT: 'no such file',
    EISDIR: 'it is a directory, not a file',
    ENOTDIR: 'a part of the path is not a directory',
    EACCES: 'permission denied',
    EPERM: 'operation not permitted',
    EEXIST: 'a file is in the way',
    EROFS: 'read-only file system',
    ENOSPC: 'no space left on the device',
    ENAMETOOLONG: 'the name is too long',
    ELOOP: 'too many symbolic links',
    EMFILE: 'too many open files',
  };
  if (code !== undefined && Object.hasOwn(words, code)) return `${code} (${words[code]})`;
  if (code !== undefined) return code;
  return (e as Error | undefined)?.message ?? String(e);
}

function isCatalog(value: unknown): value is Catalog {
  return (
    typeof value === 'object' &&
    value !== null &&
    'model' in value &&
    typeof (value as Catalog).error === 'function' &&
    typeof (value as Catalog).model === 'object'
  );
}

/**
 * Validates a parsed document with both the model's own checks and the
 * published JSON Schema, and returns the normalized model.
 */
export function normalizeDocument(doc: unknown, file?: string): CatalogModel {
  try {
    const { model } = normalizeCatalog(doc, file);
    const extra = validateCatalogDocument(doc);
    if (extra.length > 0) throw new CatalogError(extra, file);
    return model;
  } catch (e) {
    if (!(e instanceof CatalogError)) throw e;
    // The schema's view of a part the model's checks already reported adds only noise (oneOf branches).
    const seen = new Set(e.issues.map((i) => scope(i.path)));
    const more = validateCatalogDocument(doc).filter((i) => !seen.has(scope(i.path)));
    throw more.length > 0 || e.file !== file ? new CatalogError([...e.issues, ...more], file) : e;
  }
}

/** The entry (`errors.X`) or top-level field a path lies in. */
function scope(path: string): string {
  const m = /^errors(?:\.[^.[]+|\["(?:[^"\\]|\\.)*"\])?|^[^.[]*/.exec(path);
  return m ? m[0] : path;
}

/**
 * Loads a catalog file: `.json`, `.yaml`/`.yml`, or a `.ts`/`.js`/`.mjs`/`.mts`
 * module whose default export (or `catalog`/`api` export) is a catalog from
 * `defineCatalog` or a plain catalog object. Throws a `CatalogError` naming the
 * file and every problem in it.
 */
export async function loadCatalog(
  file: string,
  options: { readonly cwd?: string } = {},
): Promise<CatalogModel> {
  const path = resolve(options.cwd ?? process.cwd(), file);
  const ext = extname(path).toLowerCase();
  if (ext === '.json' || ext === '.yaml' || ext === '.yml') {
    const text = await readSourceFile(path, file);
    return normalizeDocument(parseCatalogText(text, ext === '.json' ? 'json' : 'yaml', file), file);
  }
  if (['.ts', '.mts', '.cts', '.js', '.mjs', '.cjs'].includes(ext)) return loadModuleCatalog(path, file);
  if (
    await stat(path).then(
      (s) => s.isDirectory(),
      () => false,
    )
  )
    throw new CatalogError(
      [{ path: '', message: 'cannot read file: EISDIR (it is a directory, not a file)' }],
      file,
    );
  throw new CatalogError(
    [{ path: '', message: `unsupported file type "${ext || '(none)'}": use .ts, .js, .json, .yaml or .yml` }],
    file,
  );
}

/** Thrown in place of `process.exit` while a catalog module loads. */
class ModuleExitError extends Error {
  constructor(readonly code: unknown) {
    super('process.exit');
  }
}

async function loadModuleCatalog(path: string, file: string): Promise<CatalogModel> {
  // A missing file or a folder is said plainly, before a module loader words it.
  try {
    if ((await stat(path)).isDirectory())
      throw new CatalogError(
        [{ path: '', message: 'cannot read file: EISDIR (it is a directory, not a file)' }],
        file,
      );
  } catch (e) {
    if (e instanceof CatalogError) throw e;
    throw new CatalogError([{ path: '', message: `cannot read file: ${fsReason(e)}` }], file);
  }
  let mod: Record<string, unknown>;
  const exit = process.exit;
  try {
    const { createJiti } = await import('jiti');
    const jiti = createJiti(pathToFileURL(path).href, { moduleCache: false, fsCache: false });
    // A catalog module that calls process.exit would end the CLI with nothing said.
    process.exit = ((code?: unknown) => {
      throw new ModuleExitError(code);
    }) as typeof process.exit;
    mod = (await jiti.import(path)) as Record<string, unknown>;
  } catch (e) {
    if (e instanceof CatalogError) throw new CatalogError(e.issues, file);
    throw new CatalogError([{ path: '', message: moduleFailure(e, path) }], file);
  } finally {
    process.exit = exit;
  }
  try {
    return await catalogOfModule(mod, file);
  } catch (e) {
    if (e instanceof CatalogError) throw e.file === file ? e : new CatalogError(e.issues, file);
    throw new CatalogError(
      [{ path: '', message: `cannot read the exported catalog: ${thrownText(e)}` }],
      file,
    );
  }
}

async function catalogOfModule(mod: Record<string, unknown>, file: string): Promise<CatalogModel> {
  // jiti gives a module without a default export a `default` of its own (the namespace): only a real one counts.
  const keys = typeof mod === 'object' && mod !== null ? Object.keys(mod) : [];
  const named = async (key: string): Promise<unknown> => {
    if (!keys.includes(key)) return undefined;
    const v = mod[key];
    // `export default loadErrors()`, an async function's promise of a catalog.
    return typeof (v as PromiseLike<unknown> | undefined)?.then === 'function' ? await v : v;
  };
  const main = [await named('default'), await named('catalog'), await named('api')];
  for (const c of [...main, ...keys.map((k) => mod[k])]) if (isCatalog(c)) return c.model;
  const plain = main.find((c) => typeof c === 'object' && c !== null);
  if (plain !== undefined) return normalizeDocument(plain, file);
  const exported =
    keys.length === 0
      ? 'exports nothing'
      : `exports no catalog (it exports ${keys
          .slice(0, 5)
          .map((k) => `\`${k}\``)
          .join(', ')}${keys.length > 5 ? ', …' : ''})`;
  throw new CatalogError(
    [
      {
        path: '',
        message: `the module ${exported}: export default defineCatalog({...}), or export \`catalog\``,
      },
    ],
    file,
  );
}

/** Why a catalog module failed to load, in one line, with where when it is known. */
function moduleFailure(e: unknown, path: string): string {
  if (e instanceof ModuleExitError)
    return `the module called process.exit(${thrownText(e.code)}) while loading`;
  if (!(e instanceof Error)) return `the module threw ${thrownText(e)}`;
  const err = e as Error;
  const lines = String(err.message).split('\n');
  let text = (lines[0] ?? '').trim();
  if (err.name && err.name !== 'Error' && !text.startsWith(err.name)) text = `${err.name}: ${text}`;
  // Parse errors name the place on a line of their own; thrown errors in the stack.
  const parsedAt = lines
    .slice(1)
    .find((l) => /:\d+:\d+\s*$/.test(l))
    ?.trim();
  // A stack frame's column is one of the transpiled code: only its line is the source's.
  const thrownAt = String(err.stack ?? '')
    .split('\n')
    .find((l) => l.includes(path))
    ?.match(/([^\s(]+):(\d+):\d+\)?\s*$/);
  const place = parsedAt ?? (thrownAt ? `${thrownAt[1]}, line ${thrownAt[2]}` : undefined);
  const where = place ? ` (at ${place.replace(path, basename(path))})` : '';
  return `cannot load module: ${short(text, 300)}${where}`;
}

/** Any thrown value as short text: an Error's message, or the value itself. */
export function thrownText(e: unknown): string {
  if (e instanceof Error) return short(String(e.message), 300);
  if (typeof e === 'string') return JSON.stringify(short(e, 300));
  try {
    return short(String(e), 300);
  } catch {
    return 'a value that cannot be shown';
  }
}
