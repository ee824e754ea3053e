import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { extname, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { Ajv2020, type ErrorObject } from 'ajv/dist/2020.js';
import { LineCounter, parseDocument } from 'yaml';
import type { Catalog } from './define.js';
import type { CatalogIssue, CatalogModel } from './model.js';
import { CatalogError, normalizeCatalog, pathKey } from './normalize.js';

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

/** Parses catalog text (JSON or YAML) into a plain document, reporting syntax errors with line and column. */
export function parseCatalogText(text: string, format: 'json' | 'yaml', file?: string): unknown {
  const lines = new LineCounter();
  // JSON is parsed by the YAML 1.2 parser too, only to catch duplicate keys, which JSON.parse drops silently.
  const doc = parseDocument(text, { lineCounter: lines, uniqueKeys: true, prettyErrors: false });
  const issues: CatalogIssue[] = [];
  if (format === 'json') {
    try {
      JSON.parse(text);
    } catch (e) {
      issues.push({ path: '', message: `JSON syntax error: ${(e as Error).message}` });
    }
  }
  for (const err of doc.errors) {
    if (format === 'json' && issues.length > 0 && err.code !== 'DUPLICATE_KEY') continue;
    const pos = lines.linePos(err.pos[0]);
    const what = err.code === 'DUPLICATE_KEY' ? 'duplicate key' : 'YAML syntax error';
    const reason = err.message.split('\n')[0]?.replace(/ at line \d+, column \d+:?$/, '');
    issues.push({ path: '', message: `${what} at line ${pos.line}, column ${pos.col}: ${reason}` });
  }
  if (issues.length > 0) throw new CatalogError(issues, file);
  return format === 'json' ? JSON.parse(text) : doc.toJS({ maxAliasCount: 100 });
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
    let text: string;
    try {
      text = await readFile(path, 'utf8');
    } catch (e) {
      throw new CatalogError(
        [
          {
            path: '',
            message: `cannot read file: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`,
          },
        ],
        file,
      );
    }
    return normalizeDocument(parseCatalogText(text, ext === '.json' ? 'json' : 'yaml', file), file);
  }
  if (['.ts', '.mts', '.cts', '.js', '.mjs', '.cjs'].includes(ext)) {
    let mod: Record<string, unknown>;
    try {
      const { createJiti } = await import('jiti');
      const jiti = createJiti(pathToFileURL(path).href, { moduleCache: false, fsCache: false });
      mod = (await jiti.import(path)) as Record<string, unknown>;
    } catch (e) {
      if (e instanceof CatalogError) throw new CatalogError(e.issues, file);
      const err = e as NodeJS.ErrnoException;
      const reason =
        err.code === 'ERR_MODULE_NOT_FOUND' || err.code === 'ENOENT'
          ? 'cannot read file'
          : 'cannot load module';
      throw new CatalogError([{ path: '', message: `${reason}: ${firstLine(err.message)}` }], file);
    }
    const candidates = [mod.default, mod.catalog, mod.api, ...Object.values(mod)];
    for (const c of candidates) if (isCatalog(c)) return c.model;
    const plain = [mod.default, mod.catalog, mod.api].find((c) => typeof c === 'object' && c !== null);
    if (plain !== undefined) return normalizeDocument(plain, file);
    throw new CatalogError(
      [
        {
          path: '',
          message: 'the module exports no catalog (export default defineCatalog({...}), or export `catalog`)',
        },
      ],
      file,
    );
  }
  throw new CatalogError(
    [{ path: '', message: `unsupported file type "${ext || '(none)'}": use .ts, .js, .json, .yaml or .yml` }],
    file,
  );
}

function firstLine(text: string): string {
  return text.split('\n')[0] ?? text;
}
