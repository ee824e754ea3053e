// `errata docs --locale`: the reference page in one of the catalog's languages, or with
// `--locale all` a page per language in a folder (`index.html` in the catalog's own language,
// `index.fr.html`…), each HTML page linking to the others from its language menu.

import { join, resolve } from 'node:path';
import { catalogLocales, sameTag, sourceLocale } from '../../catalog/locales.js';
import type { CatalogModel } from '../../catalog/model.js';
import type { ChangelogInput } from '../../docs/changelog.js';
import { CHROME_LOCALES, chromeFor } from '../../docs/chrome.js';
import type { LocaleAlternate } from '../../docs/reference.js';
import { type CliIO, colors, UsageError } from '../_io.js';
import { writeFileSafely } from '../_output.js';
import { type DocsFormat, renderDocs } from './_render-docs.js';

/** Misuse of `--locale` that shows before the catalog is read. */
export function checkLocaleArgs(
  locale: string | undefined,
  format: DocsFormat,
  out: string | undefined,
): void {
  if (locale === undefined) return;
  if (format !== 'md' && format !== 'html')
    throw new UsageError(`--locale writes the reference page in --format md or html (got "${format}")`);
  if (locale === 'all' && (out === undefined || out === '-'))
    throw new UsageError('--locale all writes a page per language: name their folder with -o');
  if (locale === 'all' && out !== undefined && out.toLowerCase().endsWith(`.${format}`))
    throw new UsageError(
      `--locale all writes a page per language into a folder: -o names the folder, not a file (got "${out}")`,
    );
}

/** The catalog's language `wanted` names, as the catalog writes it; any other is a usage error listing them. */
export function catalogLocale(model: CatalogModel, wanted: string): string {
  const locales = catalogLocales(model);
  const found = locales.find((l) => sameTag(l, wanted));
  if (found === undefined)
    throw new UsageError(
      `--locale: the catalog has no language "${wanted}"; its languages are ${locales.join(', ')} (or all)`,
    );
  return found;
}

/** The file of a language's page in the `--locale all` folder: `index.md` for the catalog's own, `index.fr.md` else. */
export function localePageFile(model: CatalogModel, locale: string, format: DocsFormat): string {
  return sameTag(locale, sourceLocale(model)) ? `index.${format}` : `index.${locale}.${format}`;
}

export interface LocalePagesInput {
  readonly model: CatalogModel;
  readonly format: DocsFormat;
  readonly locale: string;
  readonly dialect: string | undefined;
  readonly out: string | undefined;
  readonly history: ChangelogInput | undefined;
  readonly step: (phase: string) => void;
}

/**
 * Renders and writes the page(s) of `--locale`: one page in that language (to `-o` or stdout),
 * or with `all` a page per language in the `-o` folder. Notes a language errata has no page
 * words for (its headings and labels are then English) on stderr.
 */
export async function writeLocalePages(input: LocalePagesInput, io: CliIO): Promise<void> {
  const { model, format, out } = input;
  const c = colors(io);
  const locales = input.locale === 'all' ? catalogLocales(model) : [catalogLocale(model, input.locale)];
  const missing = locales.filter((l) => chromeFor(l).locale === undefined);
  if (missing.length > 0)
    io.stderr(
      `${c.yellow('note')}: errata has no page words in ${missing.join(', ')}: ${
        missing.length === 1 ? 'its page shows' : 'their pages show'
      } the entries translated, the headings and labels in English (errata has ${CHROME_LOCALES.join(', ')})\n`,
    );
  const alternates: LocaleAlternate[] | undefined =
    input.locale === 'all' && format === 'html'
      ? locales.map((locale) => ({ locale, href: localePageFile(model, locale, format) }))
      : undefined;
  let noted = false;
  for (const locale of locales) {
    const { text, note } = renderDocs(model, format, input.dialect, input.step, input.history, {
      locale,
      ...(alternates !== undefined && { alternates }),
    });
    if (note && !noted) io.stderr(`${c.yellow('note')}: ${note}\n`);
    noted = true;
    if (input.locale !== 'all') {
      if (out === undefined || out === '-') io.stdout(text);
      else await writeFileSafely(resolve(io.cwd, out), text, out);
      continue;
    }
    const file = join(out as string, localePageFile(model, locale, format));
    await writeFileSafely(resolve(io.cwd, file), text, file);
    input.step(`wrote ${file}`);
  }
}
