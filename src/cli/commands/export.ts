import { defineErrataCommand } from '../_command.js';
import { writeOutput } from '../_output.js';

export const exportCommand = defineErrataCommand({
  name: 'export',
  description:
    'Print the catalog’s contract as JSON (errata catalog v1): its entries and the server failures it lacks.',
  args: {
    catalog: { type: 'positional', description: 'Catalog file (.ts, .js, .json, .yaml)', required: true },
    out: { type: 'string', alias: 'o', description: 'Write to this file instead of stdout' },
    'as-written': {
      type: 'boolean',
      description: 'Print the catalog as written, without the server failures (to convert a catalog to JSON)',
    },
  },
  examples: [
    'errata export errors.yaml',
    'errata export src/errors.ts -o errors.json',
    'errata export errors.yaml --as-written',
  ],
  async run(args, io) {
    const [{ exportCatalog, exportContract }, { loadCatalog }] = await Promise.all([
      import('../../catalog/export.js'),
      import('../../catalog/load.js'),
    ]);
    const model = await loadCatalog(args.catalog, { cwd: io.cwd });
    await writeOutput(args['as-written'] ? exportCatalog(model) : exportContract(model), args.out, io);
    return 0;
  },
});
