// Node only: the per-locale files beside a catalog (`errors.fr.yaml`, `errors.pt-BR.json` beside
// `errors.yaml` or `errors.ts`), each mapping entry id to translated fields, merged into its model.
import { readdir } from 'node:fs/promises';
import { basename, dirname, extname, join, relative } from 'node:path';
import { CatalogError } from './errors.js';
import { readLocaleEntries, TranslationSet } from './fields/translations.js';
import { pathKey } from './issue-path.js';
import { deepFreeze } from './json-copy.js';
import { sameTag } from './locales.js';
import type { CatalogIssue, CatalogModel } from './model.js';
import { parseCatalogText } from './parse-text.js';
import { placeIssues } from './place.js';
import { readSourceFile } from './read-file.js';

/** `<base>.<tag>.<ext>`: a language subtag of 2 or 3 letters, then subtags of up to 8. */
const LOCALE_FILE = /^(.+)\.([A-Za-z]{2,3}(?:-[A-Za-z0-9]{1,8}){0,4})\.(ya?ml|json)$/i;

let names: Intl.DisplayNames | undefined;

/** Whether `tag`'s language is one ICU knows (so `errors.old.yaml` is not read as a language). */
function knownLanguage(tag: string): boolean {
  try {
    names ??= new Intl.DisplayNames(['en'], { type: 'language', fallback: 'none' });
    return names.of(tag.split('-')[0] as string) !== undefined;
  } catch {
    return false;
  }
}

/** A per-locale file found beside a catalog. */
export interface LocaleFile {
  readonly locale: string;
  readonly path: string;
}

/**
 * The per-locale files among `names`, the files of the folder of a catalog whose base name is
 * `base`: the same base name, a language tag, and `.yaml`, `.yml` or `.json`; a tag whose language
 * ICU does not know is read as a locale only when the catalog already has translations in it.
 * Sorted by tag; each `path` is the name as given.
 */
export function localeFilesAmong(
  names: Iterable<string>,
  base: string,
  model: Pick<CatalogModel, 'translations'>,
): LocaleFile[] {
  const stated = new Set(Object.keys(model.translations ?? {}).map((l) => l.toLowerCase()));
  const out: LocaleFile[] = [];
  for (const name of names) {
    const m = LOCALE_FILE.exec(name);
    if (m === null || m[1] !== base) continue;
    const locale = m[2] as string;
    if (!knownLanguage(locale) && !stated.has(locale.toLowerCase())) continue;
    out.push({ locale, path: name });
  }
  return out.sort((a, b) => (a.locale < b.locale ? -1 : a.locale > b.locale ? 1 : 0));
}

/** The per-locale files beside the catalog at `path` (see {@link localeFilesAmong}). */
export async function findLocaleFiles(
  path: string,
  model: Pick<CatalogModel, 'translations'>,
): Promise<LocaleFile[]> {
  let entries: string[];
  try {
    entries = await readdir(dirname(path));
  } catch {
    return [];
  }
  return localeFilesAmong(entries, basename(path, extname(path)), model).map((f) => ({
    locale: f.locale,
    path: join(dirname(path), f.path),
  }));
}

/** A per-locale file's text, however it was read (from disk, or from git at a ref). */
export interface LocaleText {
  readonly locale: string;
  /** The file as messages name it. */
  readonly name: string;
  readonly text: string;
}

/**
 * The model with the translations of per-locale files added. A problem in a file (its syntax,
 * a field that is not text, a field the catalog translates already) throws a `CatalogError`
 * naming that file, placed at its line and column.
 */
export function withLocaleTexts(model: CatalogModel, files: readonly LocaleText[]): CatalogModel {
  if (files.length === 0) return model;
  const set = new TranslationSet();
  const ignore = () => {};
  for (const [locale, entries] of Object.entries(model.translations ?? {}))
    readLocaleEntries(entries, locale, pathKey('translations', locale), set, ignore);
  for (const { name, text, locale: tag } of files) {
    const doc = parseCatalogText(text, extname(name).toLowerCase() === '.json' ? 'json' : 'yaml', name);
    const issues: CatalogIssue[] = [];
    const locale = Object.keys(model.translations ?? {}).find((l) => sameTag(l, tag)) ?? tag;
    readLocaleEntries(doc, locale, '', set, (p, message) => issues.push({ path: p, message }));
    if (issues.length > 0) throw new CatalogError(placeIssues(issues, text), name);
  }
  return deepFreeze({ ...model, translations: set.toModel() });
}

/** The model with the translations of its per-locale files beside `path` added (`shown` names it). */
export async function withLocaleFiles(
  model: CatalogModel,
  path: string,
  shown: string,
): Promise<CatalogModel> {
  const files = await findLocaleFiles(path, model);
  const texts: LocaleText[] = [];
  for (const file of files) {
    const name = join(dirname(shown), relative(dirname(path), file.path));
    texts.push({ locale: file.locale, name, text: await readSourceFile(file.path, name) });
  }
  return withLocaleTexts(model, texts);
}
