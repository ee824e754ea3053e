import { type FSWatcher, watch } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { basename, dirname, extname, resolve } from 'node:path';
import { CatalogError } from '../../catalog/errors.js';
import { issueText } from '../../catalog/issue-text.js';
import type { CatalogModel } from '../../catalog/model.js';
import { SourceFileError } from '../../catalog/read-file.js';
import { defineErrataCommand } from '../_command.js';
import { type CliIO, colors, UsageError } from '../_io.js';
import { writeOutput } from '../_output.js';
import { progress, wantsProgress } from '../progress.js';
import type { DocsFormat } from './_render-docs.js';

const FORMATS: readonly string[] = ['md', 'html', 'openapi', 'json', 'llms', 'json-schema'];

export const docsCommand = defineErrataCommand({
  name: 'docs',
  description:
    'Generate the error reference: Markdown, an offline HTML page, OpenAPI 3.1, JSON, llms.txt or a JSON Schema.',
  args: {
    catalog: { type: 'positional', description: 'Catalog file (.ts, .js, .json, .yaml)', required: true },
    format: {
      type: 'string',
      alias: 'f',
      default: 'md',
      valueHint: 'md|html|openapi|json|llms|json-schema',
      description:
        'Output format (json: the catalog v1 export; llms: a line per code; json-schema: the body)',
    },
    dialect: {
      type: 'string',
      alias: 'd',
      description:
        "Wire format of the examples (default: the catalog's, else problem); html takes a list, a tab each: problem,google",
    },
    out: { type: 'string', alias: 'o', description: 'Write to this file instead of stdout' },
    watch: {
      type: 'boolean',
      alias: 'w',
      description: 'Regenerate whenever the catalog or a per-locale file beside it changes (Ctrl-C to stop)',
    },
    changelog: {
      type: 'boolean',
      description: "Add a Changes section built from the catalog's git history (md and html)",
    },
    'changelog-limit': {
      type: 'string',
      valueHint: 'N',
      description: 'Read at most the last N commits of the catalog with --changelog (default: 100)',
    },
    locale: {
      type: 'string',
      valueHint: 'tag|all',
      description:
        "Write the page (md, html) in one of the catalog's languages; all: a page per language in the -o folder",
    },
    verbose: { type: 'boolean', description: 'Print a line per phase on stderr' },
  },
  examples: [
    'errata docs errors.yaml -o docs/errors.md',
    'errata docs errors.yaml --format html -o public/errors/index.html',
    'errata docs src/errors.ts --format openapi --dialect problem -o errors.openapi.json',
    'errata docs errors.yaml --format html -o errors.html --watch',
    'errata docs errors.yaml --format html --dialect problem,google -o public/errors/index.html',
    'errata docs errors.yaml --format llms -o public/llms.txt',
    'errata docs errors.yaml --format html --changelog -o public/errors/index.html',
    'errata docs errors.yaml --format json-schema --dialect problem -o error.schema.json',
    'errata docs errors.yaml --format html --locale fr -o public/errors/index.fr.html',
    'errata docs errors.yaml --format html --locale all -o public/errors/',
  ],
  async run(args, io) {
    const format = args.format as DocsFormat;
    if (!FORMATS.includes(format))
      throw new UsageError(`--format must be one of ${FORMATS.join(', ')} (got "${String(args.format)}")`);
    const limit = changelogLimit(args.changelog === true, format, args['changelog-limit']);
    const c = colors(io);
    const locales = args.locale === undefined ? undefined : await import('./_docs-locale.js');
    locales?.checkLocaleArgs(args.locale, format, args.out);
    const [{ fsReason, loadCatalog }, { renderDocs }] = await Promise.all([
      import('../../catalog/load.js'),
      import('./_render-docs.js'),
    ]);
    const once = async (): Promise<string> => {
      const step = progress(io, wantsProgress(args.verbose));
      const model = await loadCatalog(args.catalog, { cwd: io.cwd });
      step(`loaded ${args.catalog} (${Object.keys(model.errors).length} entries)`);
      let history: Awaited<ReturnType<typeof readHistory>> | undefined;
      if (limit !== undefined) {
        history = await readHistory(args.catalog, io, model, limit);
        step(`read ${history.releases.length} releases from the git history`);
      }
      if (locales !== undefined && args.locale !== undefined) {
        const page = { model, format, locale: args.locale, dialect: args.dialect, out: args.out };
        await locales.writeLocalePages({ ...page, history, step }, io);
        return '';
      }
      const { text, note } = renderDocs(model, format, args.dialect, step, history);
      if (note) io.stderr(`${c.yellow('note')}: ${note}\n`);
      await writeOutput(text, args.out, io);
      step(args.out && args.out !== '-' ? `wrote ${args.out}` : 'wrote stdout');
      return text;
    };
    if (!args.watch) {
      await once();
      return 0;
    }
    return watchCatalog(resolve(io.cwd, args.catalog), io, once, fsReason);
  },
});

/** The most commits `--changelog` reads, or `undefined` without it; misuse is a usage error. */
function changelogLimit(
  changelog: boolean,
  format: DocsFormat,
  limit: string | undefined,
): number | undefined {
  if (!changelog) {
    if (limit !== undefined) throw new UsageError('--changelog-limit needs --changelog');
    return undefined;
  }
  if (format !== 'md' && format !== 'html')
    throw new UsageError(`--changelog adds a Changes section to --format md or html (got "${format}")`);
  if (limit === undefined) return 100;
  if (!/^[1-9]\d{0,5}$/.test(limit))
    throw new UsageError(
      `--changelog-limit must be a whole number of commits from 1 to 999999 (got "${limit}")`,
    );
  return Number(limit);
}

/** The catalog's git history, its warnings on stderr; a file outside git is a usage error. */
async function readHistory(file: string, io: CliIO, current: CatalogModel, limit: number) {
  const { CatalogHistoryError, readCatalogHistory } = await import('../../govern/catalog-history.js');
  const c = colors(io);
  try {
    const history = await readCatalogHistory(file, io.cwd, { limit, current });
    for (const w of history.warnings) io.stderr(`${c.yellow('warning')}: --changelog: ${w}\n`);
    return history;
  } catch (e) {
    if (e instanceof CatalogHistoryError) throw new UsageError(`--changelog: ${e.message}`);
    throw e;
  }
}

/**
 * Runs `build` now and again after each change of the file, until SIGINT or
 * SIGTERM. The folder is watched rather than the file, because editors often
 * save by replacing the file, which ends a watch on the file itself.
 */
async function watchCatalog(
  path: string,
  io: CliIO,
  build: () => Promise<string>,
  fsReason: (e: unknown) => string,
): Promise<number> {
  const c = colors(io);
  const report = (e: unknown) => {
    if (e instanceof SourceFileError) io.stderr(`${c.red('error')}: ${e.message}\n`);
    else if (e instanceof CatalogError) {
      io.stderr(`${c.red('error')}: ${e.file ?? 'catalog'}: invalid catalog\n`);
      for (const i of e.issues) io.stderr(`  ${issueText(i, e.file, c.bold)}\n`);
    } else if (e instanceof UsageError) throw e;
    else io.stderr(`${c.red('error')}: ${(e as Error)?.message ?? String(e)}\n`);
  };
  // The per-locale files beside the catalog (errors.fr.yaml) are part of what is watched.
  const { findLocaleFiles, localeFilesAmong } = await import('../../catalog/locale-files.js');
  const base = basename(path, extname(path));
  let last: string | undefined;
  const snapshot = async () => {
    try {
      const parts = [await readFile(path, 'utf8')];
      for (const file of await findLocaleFiles(path, {}))
        parts.push(file.path, await readFile(file.path, 'utf8').catch(() => ''));
      return parts.join('\u0000');
    } catch {
      return undefined;
    }
  };
  try {
    await build();
  } catch (e) {
    report(e);
  }
  last = await snapshot();
  const name = basename(path);
  let timer: NodeJS.Timeout | undefined;
  let running = Promise.resolve();
  let watcher: FSWatcher;
  return new Promise<number>((done, fail) => {
    try {
      watcher = watch(dirname(path), onChange);
    } catch (e) {
      fail(new UsageError(`cannot watch ${path}: ${fsReason(e)}`));
      return;
    }
    io.stderr(`${c.dim(`watching ${basename(path)} (Ctrl-C to stop)`)}\n`);
    // The folder can go away while it is watched.
    watcher.on('error', (e) => {
      io.stderr(`${c.red('error')}: stopped watching ${path}: ${fsReason(e)}\n`);
      end(2);
    });
    function onChange(_event: string, file: string | null) {
      if (file !== null && file !== name && localeFilesAmong([file], base, {}).length === 0) return;
      clearTimeout(timer);
      // Editors write in several steps; wait for the writes to settle.
      timer = setTimeout(() => {
        running = running.then(async () => {
          const now = await snapshot();
          if (now === undefined || now === last) return;
          last = now;
          const t0 = performance.now();
          try {
            await build();
            io.stderr(`${c.green('regenerated')} in ${Math.round(performance.now() - t0)} ms\n`);
          } catch (e) {
            report(e);
          }
        });
      }, 40);
    }
    const stop = () => end(0);
    function end(code: number) {
      watcher.close();
      clearTimeout(timer);
      process.off('SIGINT', stop);
      process.off('SIGTERM', stop);
      done(code);
    }
    process.on('SIGINT', stop);
    process.on('SIGTERM', stop);
  });
}
