import { extname } from 'node:path';
import { defineErrataCommand } from '../_command.js';
import { colors, UsageError } from '../_io.js';
import { writeOutput } from '../_output.js';

const FORMATS = ['yaml', 'json', 'ts'] as const;
type Format = (typeof FORMATS)[number];

/** The format given, else the one the -o or --merge file's extension names, else YAML. */
function formatOf(given: string | undefined, out: string | undefined, merge: string | undefined): Format {
  if (given !== undefined) return given as Format;
  const ext = extname(out ?? merge ?? '').toLowerCase();
  return ext === '.json' ? 'json' : ext === '.ts' ? 'ts' : 'yaml';
}

export const importCommand = defineErrataCommand({
  name: 'import',
  description:
    'Draft a catalog from an API’s error reference page (Markdown, HTML), its OpenAPI spec or its traffic (HAR, NDJSON).',
  args: {
    sources: {
      type: 'positional',
      description:
        'Pages, specs or recordings to read; several are merged (kind told from the name and first bytes)',
      required: false,
      variadic: true,
    },
    from: {
      type: 'enum',
      options: ['markdown', 'html', 'openapi', 'har', 'ndjson'],
      description: 'Read every source as this kind',
    },
    out: { type: 'string', alias: 'o', description: 'Write to this file instead of stdout' },
    format: {
      type: 'enum',
      options: [...FORMATS],
      description: 'Output format (default: from the -o or --merge file’s extension, else yaml)',
    },
    merge: {
      type: 'string',
      description: 'Add to this catalog (.json or .yaml) without changing a field it has; conflicts exit 1',
    },
  },
  examples: [
    'errata import docs/errors.md -o errors.yaml',
    'errata import openapi.yaml errors.html traffic.har --format json',
    'errata import openapi.yaml --merge errors.yaml -o errors.yaml',
  ],
  async run(args, io) {
    const names = [...new Set((args._ as string[] | undefined) ?? [])];
    if (names.length === 0)
      throw new UsageError(
        'name at least one source: a Markdown or HTML page, an OpenAPI spec, a HAR or NDJSON file',
      );
    const format = formatOf(args.format, args.out, args.merge);
    const [{ importSources }, { readWritten, serialize }, { importSummary }] = await Promise.all([
      import('../../import/index.js'),
      import('../../import/serialize.js'),
      import('../../import/summary.js'),
    ]);
    const written = args.merge !== undefined ? await readWritten(args.merge, io.cwd) : undefined;
    const result = await importSources(names, {
      cwd: io.cwd,
      ...(args.from !== undefined ? { from: args.from as 'markdown' } : {}),
    });
    const outcome = importSummary(
      result,
      written && { catalog: written, file: args.merge as string },
      colors(io),
    );
    io.stderr(outcome.summary);
    if (outcome.catalog === undefined) return 2;
    await writeOutput(await serialize(outcome.catalog, format), args.out, io);
    return outcome.conflicts > 0 ? 1 : 0;
  },
});
