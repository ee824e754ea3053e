import { lstat, mkdir, readFile, writeFile } from 'node:fs/promises';
import { join, relative, resolve } from 'node:path';
import { defineErrataCommand } from '../_command.js';
import { colors, EXIT, UsageError } from '../_io.js';

const FORMATS = ['yaml', 'ts'] as const;
/** The frameworks `errata init --adapter` writes a server for. */
export const ADAPTERS = ['express', 'fastify', 'hono', 'fetch'] as const;

export const initCommand = defineErrataCommand({
  name: 'init',
  description:
    'Start a project: a starter catalog that passes errata lint, a lint config and, with --adapter, a server file.',
  args: {
    format: {
      type: 'enum',
      options: [...FORMATS],
      default: 'yaml',
      description: 'Catalog format: yaml (errors.yaml, plus errors.ts generated from it) or ts (errors.ts)',
    },
    adapter: {
      type: 'enum',
      options: [...ADAPTERS],
      description: 'Also write server.ts for this framework: express, fastify, hono or fetch',
    },
    dir: {
      type: 'string',
      description: 'Folder to write into (created if missing; default: the current one)',
    },
  },
  examples: [
    'errata init',
    'errata init --format ts --adapter fastify',
    'errata init --adapter hono --dir my-api',
  ],
  async run(args, io) {
    const [{ starterLintConfig, starterTs, starterYaml }, { adapterPackages, adapterTypes, starterServer }] =
      await Promise.all([import('./_init-catalog.js'), import('./_init-server.js')]);
    const format = args.format as (typeof FORMATS)[number];
    const adapter = args.adapter as (typeof ADAPTERS)[number] | undefined;
    const dir = resolve(io.cwd, args.dir ?? '.');
    const catalog = format === 'yaml' ? 'errors.yaml' : 'errors.ts';

    const files: { name: string; text: string; note?: string }[] = [];
    if (format === 'yaml') {
      const { generateTypes } = await import('../../catalog/codegen.js');
      const { normalizeDocument, parseCatalogText } = await import('../../catalog/load.js');
      files.push({ name: 'errors.yaml', text: starterYaml });
      const model = normalizeDocument(parseCatalogText(starterYaml, 'yaml', 'errors.yaml'), 'errors.yaml');
      files.push({
        name: 'errors.ts',
        text: generateTypes(model, { source: 'errors.yaml' }),
        note: 'generated from errors.yaml by errata types',
      });
    } else files.push({ name: 'errors.ts', text: starterTs });
    files.push({ name: 'errata.lint.yaml', text: starterLintConfig(catalog) });
    if (adapter !== undefined) files.push({ name: 'server.ts', text: starterServer(adapter) });

    // Every file is checked before any is written: init writes all of them or nothing.
    const shownDir = relative(io.cwd, dir);
    const shown = (name: string) => (shownDir === '' ? name : join(shownDir, name));
    const existing: string[] = [];
    for (const f of files) if (await exists(join(dir, f.name), shown(f.name))) existing.push(shown(f.name));
    if (existing.length > 0)
      throw new UsageError(
        `${existing.join(', ')} already ${existing.length === 1 ? 'exists' : 'exist'}: errata init never overwrites a file, and wrote nothing. Move ${existing.length === 1 ? 'it' : 'them'} away, or init another folder with --dir`,
      );
    try {
      await mkdir(dir, { recursive: true });
      // `wx`: fails rather than replaces a file that appeared since the check.
      for (const f of files) await writeFile(join(dir, f.name), f.text, { flag: 'wx', mode: 0o644 });
    } catch (e) {
      const { fsReason } = await import('../../catalog/load.js');
      throw new UsageError(`cannot write in ${shownDir || '.'}: ${fsReason(e)}`);
    }

    const c = colors(io);
    for (const f of files)
      io.stdout(`${c.green('wrote')} ${shown(f.name)}${f.note ? c.dim(` (${f.note})`) : ''}\n`);
    const deps = ['errata', ...(adapter ? adapterPackages[adapter] : [])];
    const devDeps = ['typescript', ...(adapter ? ['tsx', '@types/node', ...adapterTypes[adapter]] : [])];
    const steps = [
      ...(shownDir === '' ? [] : [`cd ${shownDir}`]),
      ...(await moduleStep(dir)),
      `npm install ${deps.join(' ')}`,
      `npm install -D ${devDeps.join(' ')}`,
      `npx errata lint ${catalog} --config errata.lint.yaml`,
      `npx errata docs ${catalog} -o docs/errors.md`,
      ...(format === 'yaml'
        ? ['npx errata types errors.yaml -o errors.ts          # after each change; --check in CI']
        : []),
      ...(adapter
        ? ['npx tsx server.ts                                 # then: curl -i localhost:3000/items/2']
        : []),
    ];
    io.stdout(`\nNext steps:\n${steps.map((s) => `  ${s}`).join('\n')}\n`);
    return EXIT.ok;
  },
});

/**
 * The step that makes the folder an ES module package, when it is not one: the files init writes
 * are ESM (`import`, and top-level `await` in the Fastify, Hono and fetch servers), which tsx and
 * Node run as CommonJS, and fail on, without `"type": "module"`.
 */
async function moduleStep(dir: string): Promise<string[]> {
  let text: string;
  try {
    text = await readFile(join(dir, 'package.json'), 'utf8');
  } catch {
    return ['npm init -y && npm pkg set type=module'];
  }
  try {
    if ((JSON.parse(text) as { type?: unknown }).type === 'module') return [];
  } catch {
    // Not JSON: npm will say so at the step below.
  }
  return ['npm pkg set type=module'];
}

/** Whether anything is at the path: a file, a folder, or a link (even a broken one). */
async function exists(path: string, shown: string): Promise<boolean> {
  try {
    await lstat(path);
    return true;
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return false;
    const { fsReason } = await import('../../catalog/load.js');
    throw new UsageError(`cannot check whether ${shown} exists: ${fsReason(e)}; wrote nothing`);
  }
}
