import { dirname, join, relative, resolve } from 'node:path';
import { CatalogError } from '../../catalog/errors.js';
import { defineErrataCommand } from '../_command.js';
import { EXIT, UsageError } from '../_io.js';
import { writeFileSafely } from '../_output.js';

export const lockCommand = defineErrataCommand({
  name: 'lock',
  description: 'Write errata.lock.json (the normalized catalog), or with --check fail when it is stale.',
  args: {
    catalog: { type: 'positional', description: 'Catalog file (.ts, .js, .json, .yaml)', required: true },
    lock: { type: 'string', description: 'Lock file (default: errata.lock.json beside the catalog)' },
    check: { type: 'boolean', description: 'Do not write: exit 1 with the diff when the lock is stale' },
  },
  examples: [
    'errata lock errors.yaml',
    'errata lock --check errors.yaml',
    'errata lock src/errors.ts --lock errata.lock.json',
  ],
  async run(args, io) {
    const [
      { loadCatalog, normalizeDocument, parseCatalogText, readSourceFile },
      { formatChanges },
      { checkLock, lockText },
    ] = await Promise.all([
      import('../../catalog/load.js'),
      import('../../govern/diff/format.js'),
      import('../../govern/lock.js'),
    ]);
    const catalogPath = resolve(io.cwd, args.catalog);
    const lockPath = args.lock ? resolve(io.cwd, args.lock) : join(dirname(catalogPath), 'errata.lock.json');
    const shown = relative(io.cwd, lockPath) || lockPath;
    const model = await loadCatalog(args.catalog, { cwd: io.cwd });
    if (!args.check) {
      await writeFileSafely(lockPath, lockText(model), shown);
      io.stdout(`wrote ${shown} (${Object.keys(model.errors).length} entries)\n`);
      return EXIT.ok;
    }
    let text: string;
    try {
      text = await readSourceFile(lockPath, shown);
    } catch (e) {
      const code = (e as { cause?: NodeJS.ErrnoException }).cause?.code;
      if (!(e instanceof CatalogError)) throw e;
      throw new UsageError(
        code === 'ENOENT'
          ? `no lock file at ${shown}: run "errata lock ${args.catalog}" and commit it`
          : `cannot read ${shown}: ${e.issues[0]?.message ?? 'error'}`,
      );
    }
    let locked: ReturnType<typeof normalizeDocument>;
    try {
      locked = normalizeDocument(parseCatalogText(text, 'json', shown), shown);
    } catch (e) {
      if (e instanceof CatalogError)
        throw new UsageError(
          `${shown} is not a valid lock (${e.issues[0]?.message ?? 'invalid'}): regenerate it with "errata lock ${args.catalog}"`,
        );
      throw e;
    }
    const result = checkLock(model, locked, text);
    if (result.upToDate) {
      io.stdout(`${shown} is up to date\n`);
      return EXIT.ok;
    }
    io.stdout(`${shown} is out of date: the catalog changed and the lock did not.\n`);
    io.stdout(
      result.changes.length > 0
        ? formatChanges(result.changes, 'text')
        : 'no change to the catalog itself (layout or order only)\n',
    );
    io.stdout(`Review the changes, then run "errata lock ${args.catalog}" and commit ${shown}.\n`);
    return EXIT.findings;
  },
});
