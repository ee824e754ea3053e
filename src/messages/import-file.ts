// Node only (loaded by `errata messages import`): a translators' file read back into the language's
// file beside the catalog (`errors.fr.yaml`), merged with what that file holds.
import { access } from 'node:fs/promises';
import { basename, dirname, extname, join, relative, resolve } from 'node:path';
import { stringify } from 'yaml';
import { loadCatalog } from '../catalog/load.js';
import { findLocaleFiles } from '../catalog/locale-files.js';
import { sameTag } from '../catalog/locales.js';
import { parseCatalogText } from '../catalog/parse-text.js';
import { readSourceFile } from '../catalog/read-file.js';
import { isRecord } from '../utils/record.js';
import { MessagesError } from './errors.js';
import { checkTargets, type MergeResult, mergeTranslations } from './merge.js';
import { ownTranslations, stringsToTranslate } from './strings.js';
import { formatOfFile, readStrings, type TranslatorFormat } from './translators.js';

export interface ImportOptions {
  /** The translators' file, as given (relative to `cwd`). */
  readonly file: string;
  /** The catalog, as given. */
  readonly catalog: string;
  readonly cwd: string;
  readonly locale?: string;
  readonly format?: TranslatorFormat;
  /** Where to write; default: the language's file beside the catalog. */
  readonly out?: string;
}

export interface ImportOutcome extends MergeResult {
  readonly locale: string;
  readonly format: TranslatorFormat;
  /** The file to write, resolved, and as shown to the user. */
  readonly path: string;
  readonly shown: string;
  readonly text: string;
}

const TAG = /^[A-Za-z]{2,3}(?:[-_][A-Za-z0-9]{1,8})*$/;

/** The language a file's name gives (`fr.po`, `errors.pt-BR.xlf`), if any. */
function localeOfName(file: string): string | undefined {
  const stem = basename(file, extname(file));
  const last = stem.slice(stem.lastIndexOf('.') + 1);
  return TAG.test(last) ? last.replace(/_/g, '-') : undefined;
}

const exists = (path: string) =>
  access(path).then(
    () => true,
    () => false,
  );

/** The language's file as written, `{}` when there is none yet. */
async function readExisting(path: string, shown: string): Promise<Record<string, unknown>> {
  if (!(await exists(path))) return {};
  const text = await readSourceFile(path, shown);
  if (text.trim() === '') return {};
  const doc = parseCatalogText(text, extname(path).toLowerCase() === '.json' ? 'json' : 'yaml', shown);
  if (doc === null) return {};
  if (!isRecord(doc)) throw new MessagesError(`${shown}: a language's file maps entry ids to their fields`);
  return doc;
}

/** Reads a translators' file against a catalog and merges it into the language's file (not yet written). */
export async function importTranslations(options: ImportOptions): Promise<ImportOutcome> {
  const { file, cwd } = options;
  const text = await readSourceFile(resolve(cwd, file), file);
  const format = options.format ?? formatOfFile(file, text);
  if (format === undefined)
    throw new MessagesError(
      `cannot tell the format of ${file} from its name: give --format (xliff, po, icu-json, i18next)`,
    );
  const read = readStrings(text, file, format);
  const model = await loadCatalog(options.catalog, { cwd });
  if (read.catalog !== undefined && read.catalog !== model.name)
    throw new MessagesError(
      `${file} is for catalog ${read.catalog.slice(0, 80)}, not ${model.name} (${options.catalog})`,
    );
  const locale = options.locale ?? read.locale ?? localeOfName(file);
  if (locale === undefined)
    throw new MessagesError(`${file} does not say which language it is in: give --locale`);
  if (options.locale !== undefined && read.locale !== undefined && !sameTag(options.locale, read.locale))
    throw new MessagesError(
      `${file} is in ${read.locale.slice(0, 40)}, not ${options.locale}: leave --locale out or give ${read.locale.slice(0, 40)}`,
    );
  const set = stringsToTranslate(model, locale);
  const targets = read.targets(set);
  checkTargets(model, targets, file);

  const catalogPath = resolve(cwd, options.catalog);
  const found = (await findLocaleFiles(catalogPath, model)).find((f) => sameTag(f.locale, locale));
  const path =
    options.out !== undefined
      ? resolve(cwd, options.out)
      : (found?.path ??
        join(dirname(catalogPath), `${basename(catalogPath, extname(catalogPath))}.${locale}.yaml`));
  const shown = options.out ?? (relative(cwd, path) || path);
  const existing = await readExisting(path, shown);
  // What the catalog translates itself (an entry's or its own `translations`), not in a file.
  const written = await loadCatalog(options.catalog, { cwd, localeFiles: false });
  const inline = ownTranslations(written, locale);
  const result = mergeTranslations(model, set, targets, existing, inline);
  const out =
    extname(path).toLowerCase() === '.json'
      ? `${JSON.stringify(result.file, null, 2)}\n`
      : stringify(result.file, { lineWidth: 0 });
  return { ...result, locale, format, path, shown, text: out };
}
