import { extname, resolve } from 'node:path';
import { CatalogError } from '../../catalog/errors.js';
import type { RouteErrors } from '../../docs/openapi.js';
import { isRecord } from '../../utils/record.js';
import { defineErrataCommand } from '../_command.js';
import { colors, UsageError } from '../_io.js';
import { writeOutput } from '../_output.js';
import { progress, wantsProgress } from '../progress.js';

/** Reads a JSON or YAML file; a syntax error names the file, line and column. */
async function readDocument(file: string, cwd: string): Promise<unknown> {
  const { parseCatalogText, readSourceFile } = await import('../../catalog/load.js');
  try {
    const text = await readSourceFile(resolve(cwd, file), file);
    // OpenAPI documents nest deeper than catalogs (schemas in schemas).
    return parseCatalogText(text, extname(file).toLowerCase() === '.json' ? 'json' : 'yaml', file, {
      maxDepth: 1000,
    });
  } catch (e) {
    if (!(e instanceof CatalogError)) throw e;
    throw new UsageError(
      e.issues
        .map(
          (i) =>
            `${file}: ${i.path ? `${i.path}: ` : ''}${i.message.replace(/^(?:YAML|JSON) syntax error/, 'syntax error')}`,
        )
        .join('\n  '),
    );
  }
}

function checkRoutes(value: unknown, file: string): RouteErrors[] {
  const problems: string[] = [];
  if (!Array.isArray(value)) throw new UsageError(`${file}: must be an array of {method, path, errors}`);
  value.forEach((route: unknown, i) => {
    const at = `[${i}]`;
    if (!isRecord(route)) {
      problems.push(`${at}: must be an object {method, path, errors}`);
      return;
    }
    if (typeof route.method !== 'string' || route.method === '')
      problems.push(`${at}.method: must be a string`);
    if (typeof route.path !== 'string' || !route.path.startsWith('/'))
      problems.push(`${at}.path: must be a string starting with /`);
    if (!Array.isArray(route.errors) || route.errors.some((id) => typeof id !== 'string'))
      problems.push(`${at}.errors: must be an array of error ids`);
  });
  if (problems.length > 0) throw new UsageError(`${file}: invalid routes\n  ${problems.join('\n  ')}`);
  return value as RouteErrors[];
}

export const openapiCommand = defineErrataCommand({
  name: 'openapi',
  description:
    'OpenAPI 3.1 for the catalog: print its error components, or merge error responses into an existing spec.',
  args: {
    action: {
      type: 'positional',
      description: '`merge` to add error responses to SPEC; or a catalog file to print its components',
      required: true,
    },
    spec: {
      type: 'positional',
      description: 'OpenAPI 3 document to merge into (.json, .yaml)',
      required: false,
    },
    catalog: { type: 'positional', description: 'Catalog file (.ts, .js, .json, .yaml)', required: false },
    routes: {
      type: 'string',
      description: 'JSON file of [{method, path, errors: [ids]}], added to each operation’s x-errata-errors',
    },
    dialect: {
      type: 'string',
      alias: 'd',
      description: "Wire format of the schema and examples (default: the catalog's, else problem)",
    },
    out: { type: 'string', alias: 'o', description: 'Write to this file instead of stdout' },
    verbose: { type: 'boolean', description: 'Print a line per phase on stderr' },
  },
  examples: [
    'errata openapi merge openapi.yaml errors.yaml -o openapi.errors.yaml',
    'errata openapi merge openapi.json src/errors.ts --routes routes.json -o openapi.json',
    'errata openapi errors.yaml -o errors.openapi.json',
  ],
  async run(args, io) {
    const [{ loadCatalog }, { renderDocs }, { mergeOpenApi, OpenApiMergeError }, { UnknownDialectError }] =
      await Promise.all([
        import('../../catalog/load.js'),
        import('./_render-docs.js'),
        import('../../docs/openapi.js'),
        import('../../docs/reference.js'),
      ]);
    const paint = colors(io);
    const step = progress(io, wantsProgress(args.verbose));
    if (args.action !== 'merge') {
      if (args.spec !== undefined)
        throw new UsageError(
          `unknown action "${args.action}" (expected: merge <spec> <catalog>, or <catalog>)`,
        );
      if (args.routes !== undefined)
        throw new UsageError(
          '--routes applies to merge only: errata openapi merge <spec> <catalog> --routes FILE',
        );
      const model = await loadCatalog(args.action, { cwd: io.cwd });
      step(`loaded ${args.action}`);
      const { text, note } = renderDocs(model, 'openapi', args.dialect, step);
      if (note) io.stderr(`${paint.yellow('note')}: ${note}\n`);
      await writeOutput(text, args.out, io);
      return 0;
    }
    if (args.spec === undefined || args.catalog === undefined)
      throw new UsageError('merge needs a spec and a catalog: errata openapi merge <spec> <catalog>');
    const spec = await readDocument(args.spec, io.cwd);
    step(`read ${args.spec}`);
    const model = await loadCatalog(args.catalog, { cwd: io.cwd });
    step(`loaded ${args.catalog}`);
    const routes =
      args.routes === undefined ? [] : checkRoutes(await readDocument(args.routes, io.cwd), args.routes);
    let result: ReturnType<typeof mergeOpenApi>;
    try {
      result = mergeOpenApi(spec, model, {
        routes,
        ...(args.dialect !== undefined && { dialect: args.dialect }),
      });
    } catch (e) {
      if (e instanceof UnknownDialectError) throw new UsageError(`--dialect: ${e.message}`);
      if (e instanceof OpenApiMergeError) {
        const lines = e.issues.map((i) =>
          i.path.startsWith('routes')
            ? `${args.routes}: ${i.path.slice('routes'.length)}: ${i.message}`
            : `${args.spec}: ${i.path}: ${i.message}`,
        );
        throw new UsageError(lines.join('\n  '));
      }
      throw e;
    }
    step(`merged ${result.added} error responses`);
    const target = args.out && args.out !== '-' ? args.out : args.spec;
    const asJson = extname(target).toLowerCase() === '.json';
    const text = asJson
      ? `${JSON.stringify(result.document, null, 2)}\n`
      : (await import('yaml')).stringify(result.document, { aliasDuplicateObjects: false, lineWidth: 0 });
    await writeOutput(text, args.out, io);
    for (const warning of result.warnings)
      io.stderr(
        `${warning.kind === 'unmatched' ? paint.yellow('warning') : paint.dim('note')}: ${warning.message}\n`,
      );
    return result.warnings.some((warning) => warning.kind === 'unmatched') ? 1 : 0;
  },
});
