import type { DiffFormat } from '../../govern/diff/format.js';
import { defineErrataCommand } from '../_command.js';
import { EXIT, UsageError } from '../_io.js';
import { writeOutput } from '../_output.js';

export const diffCommand = defineErrataCommand({
  name: 'diff',
  description: 'Classify every change between two versions of a catalog; exit 1 on breaking changes.',
  args: {
    old: {
      type: 'positional',
      description: 'The previous catalog (or, with --against, the catalog)',
      required: false,
    },
    new: { type: 'positional', description: 'The new catalog', required: false },
    against: {
      type: 'string',
      description: 'Compare the catalog with this version of it: git:REF (e.g. git:origin/main) or a file',
    },
    format: {
      type: 'enum',
      options: ['text', 'json', 'md'],
      default: 'text',
      description: 'Output format: text, json or md (a pull-request comment)',
    },
    'allow-breaking': { type: 'boolean', description: 'Exit 0 even when there are breaking changes' },
    out: { type: 'string', alias: 'o', description: 'Write to this file instead of stdout' },
  },
  examples: [
    'errata diff --against git:origin/main errors.yaml',
    'errata diff old.json errors.yaml --format md -o diff.md',
    'errata diff --against git:v1.4.0 src/errors.ts --allow-breaking',
  ],
  async run(args, io) {
    const [{ loadCatalog }, { loadCatalogAtRef }, { diffCatalogs }, { formatChanges }] = await Promise.all([
      import('../../catalog/load.js'),
      import('../../govern/catalog-at-ref.js'),
      import('../../govern/diff/catalogs.js'),
      import('../../govern/diff/format.js'),
    ]);
    const positional = [args.old, args.new].filter((x): x is string => typeof x === 'string' && x !== '');
    let before: Awaited<ReturnType<typeof loadCatalog>>;
    let after: Awaited<ReturnType<typeof loadCatalog>>;
    let labels: { before: string; after: string };
    if (args.against !== undefined) {
      if (positional.length !== 1)
        throw new UsageError(
          'with --against, give exactly one catalog: errata diff --against git:REF <catalog>',
        );
      const file = positional[0] as string;
      const against = String(args.against);
      after = await loadCatalog(file, { cwd: io.cwd });
      if (against.startsWith('git:')) {
        const ref = against.slice(4);
        const atRef = await loadCatalogAtRef(ref, file, io.cwd);
        if (atRef === undefined)
          io.stderr(`errata diff: ${file} does not exist at ${ref}; comparing with an empty catalog\n`);
        // A catalog new at this ref breaks nobody: every entry is an addition.
        before = atRef ?? { ...after, errors: {}, categories: [] };
        labels = { before: `${file}@${ref}`, after: file };
      } else {
        before = await loadCatalog(against, { cwd: io.cwd });
        labels = { before: against, after: file };
      }
    } else {
      if (positional.length !== 2)
        throw new UsageError(
          'give the old and the new catalog (errata diff <old> <new>), or --against git:REF <catalog>',
        );
      before = await loadCatalog(positional[0] as string, { cwd: io.cwd });
      after = await loadCatalog(positional[1] as string, { cwd: io.cwd });
      labels = { before: positional[0] as string, after: positional[1] as string };
    }
    const changes = diffCatalogs(before, after);
    await writeOutput(formatChanges(changes, args.format as DiffFormat, labels), args.out, io);
    const breaking = changes.some((c) => c.breaking);
    return breaking && !args['allow-breaking'] ? EXIT.findings : EXIT.ok;
  },
});
