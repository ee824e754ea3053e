import type { EntryModel } from '../../catalog/model.js';
import { checkJson, lineColumn, short } from '../../catalog/source.js';
import { nearMatches } from '../../catalog/suggest.js';
import type { Dialect } from '../../dialects/types.js';
import { isRecord } from '../../utils/record.js';
import { defineErrataCommand } from '../_command.js';
import { UsageError } from '../_io.js';

/**
 * The dialects' names, for the help: written out so that `errata --help` does not load
 * every dialect (src/cli/commands/render.test.ts checks them against the registry).
 */
export const DIALECT_NAMES =
  'problem, barekey, clerk, simple, authos, openai, stripe, google, jsonapi, connect, kubernetes, azure, oci, supabase';

function parseJson(flag: string, text: string): unknown {
  // The catalog's own JSON checker: the column of a syntax error, duplicate keys, nesting depth.
  const [problem] = checkJson(text);
  if (problem !== undefined) {
    const { line, col } = lineColumn(text, problem.offset);
    const at = line === 1 ? `column ${col}` : `line ${line}, column ${col}`;
    throw new UsageError(
      problem.kind === 'duplicate'
        ? `--${flag} has a duplicate key at ${at}: ${problem.message}`
        : problem.kind === 'depth'
          ? `--${flag} is nested too deeply at ${at} (${problem.message})`
          : `--${flag} is not valid JSON (${problem.message} at ${at})`,
    );
  }
  return JSON.parse(text);
}

export const renderCommand = defineErrataCommand({
  name: 'render',
  description: 'Print what one error looks like on the wire: status, headers and body, in a dialect.',
  args: {
    catalog: { type: 'positional', description: 'Catalog file (.ts, .js, .json, .yaml)', required: true },
    id: { type: 'positional', description: 'Entry id', required: true },
    dialect: {
      type: 'string',
      alias: 'd',
      description: `Wire dialect (${DIALECT_NAMES}); default: the catalog's`,
    },
    params: { type: 'string', description: 'Message parameters as a JSON object' },
    details: { type: 'string', description: 'Details as JSON' },
    'request-id': { type: 'string', description: 'Request id to send (default: none)' },
    now: { type: 'string', description: 'Clock for dialects with a timestamp, ISO 8601 (default: now)' },
  },
  examples: [
    'errata render errors.json VARIABLE_NOT_FOUND --params \'{"name":"API_URL","stage":"prod"}\'',
    'errata render errors.yaml RATE_LIMITED --dialect openai --request-id req_123',
    'errata render errors.json INVALID_REQUEST --dialect google --details \'{"field":"name"}\'',
    'errata render errors.json TOKEN_EXPIRED --dialect authos --now 2025-01-15T10:30:00Z',
  ],
  async run(args, io) {
    const params = args.params === undefined ? undefined : parseJson('params', args.params);
    if (params !== undefined && !isRecord(params))
      throw new UsageError('--params must be a JSON object, like \'{"name":"API_URL"}\'');
    const details = args.details === undefined ? undefined : parseJson('details', args.details);
    let now: Date | undefined;
    if (args.now !== undefined) {
      now = new Date(args.now);
      if (!/^\d{4}-\d\d-\d\d/.test(args.now) || Number.isNaN(now.getTime()))
        throw new UsageError(
          `--now must be an ISO 8601 date-time, like 2025-01-15T10:30:00Z (got "${args.now}")`,
        );
    }
    const { loadCatalog } = await import('../../catalog/load.js');
    const [{ createCatalog }, { dialects, getDialect }, { serverContract }] = await Promise.all([
      import('../../catalog/define.js'),
      import('../../dialects/index.js'),
      import('../../catalog/server-contract.js'),
    ]);
    // The effective contract: a server failure the catalog has no entry for (METHOD_NOT_ALLOWED) renders too.
    const model = serverContract(await loadCatalog(args.catalog, { cwd: io.cwd })).model;
    const catalog = createCatalog(model);
    const id = args.id;
    if (!catalog.has(id)) {
      // A wire code is not an id, but it names the entries that send it.
      const byCode = catalog.ids.filter((x) => model.errors[x]?.code === id);
      const near = nearMatches(id, catalog.ids);
      const shown = JSON.stringify(short(id));
      throw new UsageError(
        `no entry ${shown} in catalog "${model.name}"${
          byCode.length > 0
            ? `. ${shown} is the wire code of ${byCode.slice(0, 10).join(', ')}${byCode.length > 10 ? ', …' : ''}: give an entry id`
            : near.length > 0
              ? `. Did you mean: ${near.join(', ')}?`
              : ''
        }`,
      );
    }
    const name = args.dialect ?? model.dialect;
    let dialect: Dialect;
    try {
      dialect = getDialect(name);
    } catch {
      throw new UsageError(`unknown dialect "${name}". Dialects: ${Object.keys(dialects).join(', ')}`);
    }
    // The occurrence is checked as development would: its parameters by the message, its details by the schema.
    const { occurrenceProblems } = await import('./_render-check.js');
    const problems = occurrenceProblems(model.errors[id] as EntryModel, params, details);
    if (problems.length > 0) throw new UsageError(`${id}: ${problems.join('; ')}`);
    const error = catalog.error(id, params as Record<string, never> | undefined, {
      ...(details !== undefined && { details }),
    });
    const requestId = args['request-id'];
    const wire = dialect.serialize(error, {
      ...(requestId !== undefined && { requestId }),
      ...(now !== undefined && { now: () => now as Date }),
    });
    let body: unknown;
    try {
      body = JSON.parse(wire.body);
    } catch {
      body = wire.body;
    }
    io.stdout(`${JSON.stringify({ status: wire.status, headers: wire.headers, body }, null, 2)}\n`);
    return 0;
  },
});
