import { generateTypes, isExportName } from '../../catalog/codegen.js';
import { loadCatalog } from '../../catalog/load.js';
import { defineErrataCommand } from '../_command.js';
import { UsageError } from '../_io.js';
import { writeOutput } from '../_output.js';

export const typesCommand = defineErrataCommand({
  name: 'types',
  description: 'Write TypeScript for a JSON or YAML catalog, with the inference DSL users get.',
  args: {
    catalog: { type: 'positional', description: 'Catalog file (.json, .yaml, .ts, .js)', required: true },
    out: { type: 'string', alias: 'o', description: 'Write to this file instead of stdout' },
    'import-from': { type: 'string', description: 'Module to import defineCatalog from', default: 'errata' },
    name: { type: 'string', description: 'Name of the exported catalog constant', default: 'api' },
  },
  examples: ['errata types errors.yaml -o src/errors.ts', 'errata types errors.json --name errors'],
  async run(args, io) {
    if (!isExportName(args.name))
      throw new UsageError(
        `--name must be a JavaScript identifier that is not a reserved word (got ${JSON.stringify(args.name)})`,
      );
    const model = await loadCatalog(args.catalog, { cwd: io.cwd });
    const text = generateTypes(model, {
      importFrom: args['import-from'],
      exportName: args.name,
      source: args.catalog,
    });
    await writeOutput(text, args.out, io);
    return 0;
  },
});
