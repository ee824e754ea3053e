// Node only: a catalog as it was at a git ref, for `errata diff --against git:REF`.
import { execFile } from 'node:child_process';
import { unlink, writeFile } from 'node:fs/promises';
import { basename, dirname, extname, join, resolve } from 'node:path';
import { CatalogError } from '../catalog/errors.js';
import { catalogFromText, loadCatalog } from '../catalog/load.js';
import { type LocaleText, localeFilesAmong, withLocaleTexts } from '../catalog/locale-files.js';
import type { CatalogModel } from '../catalog/model.js';
import { SourceFileError } from '../catalog/read-file.js';
import { decodeSource } from '../catalog/source.js';

function git(args: readonly string[], cwd: string): Promise<Buffer> {
  return new Promise((ok, fail) => {
    // execFile, not a shell: the ref and path are arguments, never command text.
    // Bytes, not text: the file is checked as UTF-8 like a file on disk.
    execFile(
      'git',
      [...args],
      { cwd, encoding: 'buffer', maxBuffer: 64 * 1024 * 1024 },
      (err, stdout, stderr) => {
        if (err) fail(new Error(firstLine(stderr.toString('utf8')) || err.message));
        else ok(stdout);
      },
    );
  });
}

function firstLine(s: string): string {
  return (s.trim().split('\n')[0] ?? '').replace(/^fatal:\s*/, '');
}

/**
 * Loads the catalog at `file` as it was at a git ref (`git show REF:./file`).
 * JSON and YAML are parsed from the text; a `.ts`/`.js` catalog is written to a
 * temporary file beside the original, so relative imports resolve, and removed after loading.
 * Resolves to `undefined` when the file does not exist at that ref (a new catalog).
 */
export async function loadCatalogAtRef(
  ref: string,
  file: string,
  cwd: string,
): Promise<CatalogModel | undefined> {
  if (ref === '' || ref.startsWith('-') || /[\s:]/.test(ref))
    throw new CatalogError([{ path: '', message: `invalid git ref ${JSON.stringify(ref)}` }], `git:${ref}`);
  const abs = resolve(cwd, file);
  const dir = dirname(abs);
  const label = `${file} at ${ref}`;
  let bytes: Buffer;
  try {
    bytes = await git(['show', `${ref}:./${basename(abs)}`], dir);
  } catch (e) {
    const reason = (e as Error).message;
    if (/exists on disk, but not in|does not exist in/.test(reason)) return undefined;
    // An unknown ref is not an invalid catalog: it is said as a file that cannot be read.
    throw new SourceFileError(`${file} at git:${ref}`, new Error(reason));
  }
  const ext = extname(abs).toLowerCase();
  const model = await loadAtRef(bytes, ext, abs, label);
  return withLocaleTexts(model, await localeTextsAtRef(ref, file, abs, model));
}

/**
 * The per-locale files beside the catalog as they were at the ref (`errors.fr.yaml`): the
 * folder's files at the ref (`git ls-tree`), then each one's text (`git show`).
 */
async function localeTextsAtRef(
  ref: string,
  file: string,
  abs: string,
  model: CatalogModel,
): Promise<LocaleText[]> {
  const dir = dirname(abs);
  const listing = await git(['ls-tree', '--name-only', '-z', ref, './'], dir);
  const names = listing
    .toString('utf8')
    .split('\0')
    .filter((n) => n !== '');
  const out: LocaleText[] = [];
  for (const found of localeFilesAmong(names, basename(abs, extname(abs)), model)) {
    const name = `${join(dirname(file), found.path)} at ${ref}`;
    const bytes = await git(['show', `${ref}:./${found.path}`], dir).catch((e: unknown) => {
      throw new SourceFileError(name, e as Error);
    });
    const decoded = decodeSource(bytes);
    if (!decoded.ok) throw new CatalogError([{ path: '', message: decoded.message }], name);
    out.push({ locale: found.locale, name, text: decoded.text });
  }
  return out;
}

/** The catalog's own file at the ref: JSON and YAML parsed, a module loaded from a temporary copy. */
async function loadAtRef(bytes: Buffer, ext: string, abs: string, label: string): Promise<CatalogModel> {
  const dir = dirname(abs);
  if (ext === '.json' || ext === '.yaml' || ext === '.yml') {
    const decoded = decodeSource(bytes);
    if (!decoded.ok) throw new CatalogError([{ path: '', message: decoded.message }], label);
    return catalogFromText(decoded.text, ext === '.json' ? 'json' : 'yaml', label);
  }
  const tmp = join(dir, `.errata-at-ref-${process.pid}-${Date.now()}${ext}`);
  await writeFile(tmp, bytes);
  try {
    // The per-locale files are those at the ref, added by the caller, not those on disk.
    return await loadCatalog(tmp, { localeFiles: false }).catch((e: unknown) => {
      if (!(e instanceof CatalogError)) throw e;
      // A place in the temporary copy is a place in the file at the ref.
      const issues = e.issues.map((i) => ({
        ...i,
        message: i.message.split(basename(tmp)).join(basename(abs)),
      }));
      throw new CatalogError(issues, label);
    });
  } finally {
    await unlink(tmp).catch(() => {});
  }
}
