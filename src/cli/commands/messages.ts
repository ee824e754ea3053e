import { defineErrataCommand } from '../_command.js';
import { colors, UsageError } from '../_io.js';
import { writeFileSafely, writeOutput } from '../_output.js';

const FORMATS = ['table', 'xliff', 'po', 'icu-json', 'i18next'] as const;
type Format = (typeof FORMATS)[number];

/** A `--locale` that is no BCP 47 tag is a usage error, before any file is read. */
function checkTag(tag: string | undefined): void {
  if (tag === undefined) return;
  try {
    Intl.getCanonicalLocales(tag);
  } catch {
    throw new UsageError(`--locale "${tag.slice(0, 40)}" is not a language tag (BCP 47: fr, pt-BR)`);
  }
}

export const messagesCommand = defineErrataCommand({
  name: 'messages',
  description:
    'A language’s message table for the client, or files for translators (XLIFF, PO, ICU JSON, i18next) and back.',
  args: {
    input: {
      type: 'positional',
      description: 'Catalog file; or `import`, then the translators’ file to read back',
      required: true,
    },
    file: {
      type: 'positional',
      description: 'With `import`: the translators’ file (.xlf, .po, .json)',
      required: false,
    },
    locale: {
      type: 'string',
      description: 'The language (BCP 47: fr, pt-BR); import: default the one the file names',
    },
    format: {
      type: 'enum',
      options: [...FORMATS],
      description:
        'table (default): the client’s JSON; or a translators’ format. Import: default from the file',
    },
    out: {
      type: 'string',
      alias: 'o',
      description: 'Write to this file (default: stdout; import: the language’s file beside the catalog)',
    },
    catalog: { type: 'string', description: 'With `import`: the catalog the file translates' },
  },
  examples: [
    'errata messages errors.yaml --locale fr -o public/messages.fr.json',
    'errata messages errors.yaml --locale fr --format xliff -o fr.xlf',
    'errata messages import fr.xlf --catalog errors.yaml',
  ],
  async run(args, io) {
    const format = args.format as Format | undefined;
    checkTag(args.locale);
    if (args.input === 'import') {
      if (args.file === undefined)
        throw new UsageError('name the translators’ file: errata messages import FILE --catalog CATALOG');
      if (args.catalog === undefined)
        throw new UsageError('name the catalog the file translates with --catalog');
      if (format === 'table')
        throw new UsageError(
          '--format table is what the client reads: import a translators’ format (xliff, po, icu-json, i18next)',
        );
      const { importTranslations } = await import('../../messages/import-file.js');
      const outcome = await importTranslations({
        file: args.file,
        catalog: args.catalog,
        cwd: io.cwd,
        ...(args.locale !== undefined && { locale: args.locale }),
        ...(format !== undefined && { format }),
        ...(args.out !== undefined && args.out !== '-' && { out: args.out }),
      });
      const paint = colors(io);
      for (const c of outcome.conflicts) io.stderr(`${paint.yellow('conflict')}: ${c}\n`);
      if (args.out === '-') io.stdout(outcome.text);
      else await writeFileSafely(outcome.path, outcome.text, outcome.shown);
      io.stderr(
        `${args.out === '-' ? 'read' : `wrote ${outcome.shown}:`} ${outcome.locale}, ${outcome.added} added, ${outcome.changed} changed, ${outcome.unchanged} unchanged${outcome.conflicts.length > 0 ? `, ${outcome.conflicts.length} not written (conflicts)` : ''}\n`,
      );
      return outcome.conflicts.length > 0 ? 1 : 0;
    }
    if (args.file !== undefined) throw new UsageError('too many arguments (expected input)');
    if (args.catalog !== undefined) throw new UsageError('--catalog goes with `errata messages import`');
    if (args.locale === undefined) throw new UsageError('name the language with --locale (fr, pt-BR)');
    const locale = args.locale;
    const [{ loadCatalog }, { catalogLocales, sameTag }] = await Promise.all([
      import('../../catalog/load.js'),
      import('../../catalog/locales.js'),
    ]);
    const model = await loadCatalog(args.input, { cwd: io.cwd });
    if (format === undefined || format === 'table') {
      const [{ buildMessageTable }, { tableProblems }, { fallbackChain }] = await Promise.all([
        import('../../messages/table.js'),
        import('../../messages/check-icu.js'),
        import('../../catalog/locales.js'),
      ]);
      const table = buildMessageTable(model, locale);
      const problems = tableProblems(table);
      if (problems.length > 0) {
        io.stderr(`${colors(io).red('error')}: ${args.input}: messages the client cannot render\n`);
        for (const p of problems) io.stderr(`  ${p}\n`);
        return 2;
      }
      const known = catalogLocales(model);
      if (!fallbackChain(locale).some((tag) => known.some((l) => sameTag(l, tag))))
        io.stderr(
          `note: catalog ${model.name} has no ${locale} translations (it has ${known.join(', ')}): the table holds its own text\n`,
        );
      await writeOutput(`${JSON.stringify(table, null, 2)}\n`, args.out, io);
      return 0;
    }
    const [{ stringsToTranslate }, { writeStrings }] = await Promise.all([
      import('../../messages/strings.js'),
      import('../../messages/translators.js'),
    ]);
    const written = writeStrings(stringsToTranslate(model, locale), format);
    for (const n of written.notes) io.stderr(`note: ${n}\n`);
    await writeOutput(written.text, args.out, io);
    return 0;
  },
});
