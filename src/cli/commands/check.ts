import { defineErrataCommand } from '../_command.js';
import { UsageError } from '../_io.js';

export const checkCommand = defineErrataCommand({
  name: 'check',
  description:
    'Check recorded traffic (HAR, NDJSON logs, OTLP JSON) or live responses (--proxy) against the catalog; exit 1 on an error finding.',
  args: {
    catalog: { type: 'positional', description: 'Catalog file (.ts, .js, .json, .yaml)', required: false },
    files: {
      type: 'positional',
      description: 'HAR, NDJSON or OTLP JSON files (- reads NDJSON from stdin); with --merge, JSON reports',
      required: false,
      variadic: true,
    },
    format: {
      type: 'enum',
      options: ['text', 'json', 'sarif', 'md'],
      default: 'text',
      description: 'Output format: text, json (findings and coverage; mergeable), sarif (SARIF 2.1.0) or md',
    },
    config: {
      type: 'string',
      alias: 'c',
      description:
        'Check config (JSON or YAML): { "checks": { "name": "off" | "warn" | "error" }, "fields": { "status": "res.statusCode" } }',
    },
    coverage: {
      type: 'boolean',
      description:
        'Print the coverage in full; an entry (or a route’s declared entry) never seen is an error',
    },
    routes: {
      type: 'string',
      description: 'JSON or YAML routes: [{method, path, errors: [ids]}] or {"GET /path": [ids]}',
    },
    merge: { type: 'boolean', description: 'Merge the --format json reports given as files into one report' },
    proxy: {
      type: 'boolean',
      description: 'Run a recording reverse proxy to --target and check every error response',
    },
    target: { type: 'string', description: 'The API the proxy forwards to (http://127.0.0.1:3000)' },
    port: { type: 'string', description: 'The port the proxy listens on (default: a free one)' },
    host: {
      type: 'string',
      description: 'The address the proxy listens on (default: 127.0.0.1, this machine only)',
    },
    out: { type: 'string', alias: 'o', description: 'Write to this file instead of stdout' },
  },
  examples: [
    'errata check errors.yaml traffic.har',
    'errata check errors.yaml logs/*.ndjson --routes routes.json --coverage --format md',
    'errata check errors.yaml - < app.ndjson',
    'errata check --merge shard-1.json shard-2.json --coverage',
    'errata check errors.yaml --proxy --target http://127.0.0.1:3000 --port 8080',
  ],
  async run(args, io) {
    const positionals = (args._ as string[] | undefined) ?? [];
    const shared = {
      format: args.format as 'text' | 'json' | 'sarif' | 'md',
      coverage: args.coverage === true,
      ...(args.out !== undefined && { out: args.out }),
    };
    if (args.merge === true) {
      if (args.proxy === true) throw new UsageError('--merge and --proxy do not go together');
      if (positionals.length === 0)
        throw new UsageError('--merge needs the JSON reports to merge: errata check --merge a.json b.json');
      for (const name of ['config', 'routes', 'target', 'port', 'host'] as const)
        if (args[name] !== undefined)
          throw new UsageError(`--${name} does not apply to --merge (the reports were checked already)`);
      const { runMerge } = await import('./_check-merge.js');
      return runMerge(positionals, shared, io);
    }
    const [catalog, ...files] = positionals;
    if (catalog === undefined) throw new UsageError('missing argument CATALOG (the catalog file)');
    const common = {
      ...shared,
      catalog,
      ...(args.config !== undefined && { config: args.config }),
      ...(args.routes !== undefined && { routes: args.routes }),
    };
    if (args.proxy === true) {
      if (files.length > 0)
        throw new UsageError('--proxy reads no files: errata check <catalog> --proxy --target URL');
      if (args.target === undefined)
        throw new UsageError('--proxy needs --target URL (the API to forward to)');
      let port = 0;
      if (args.port !== undefined) {
        port = Number(args.port);
        if (!/^\d+$/.test(String(args.port)) || port > 65535)
          throw new UsageError(`--port must be a port number, 0 to 65535 (got "${args.port}")`);
      }
      const { runProxy } = await import('./_check-proxy.js');
      return runProxy(
        { ...common, target: args.target, port, ...(args.host !== undefined && { host: args.host }) },
        io,
      );
    }
    for (const name of ['target', 'port', 'host'] as const)
      if (args[name] !== undefined) throw new UsageError(`--${name} goes with --proxy`);
    if (files.length === 0)
      throw new UsageError(
        'missing FILES: the HAR, NDJSON or OTLP JSON files to check (- for stdin), or --proxy',
      );
    const { runCheckFiles } = await import('./_check-files.js');
    return runCheckFiles({ ...common, files }, io);
  },
});
