/**
 * The package as npm publishes it. A copy of the published files is built and
 * packed (never the repository's own dist/, which bin/errata.js would then
 * prefer over the sources); the tarball is checked by publint and
 * arethetypeswrong, then installed into a scratch app that type-checks under
 * the node16, bundler and node10 module resolutions, runs an Express server
 * with the client against it, and runs the installed `errata` bin.
 */
import { execFile } from 'node:child_process';
import {
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, posix } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { publint } from 'publint';
import { formatMessage } from 'publint/utils';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bundleCli } from '../scripts/bundle-cli.js';

const exec = promisify(execFile);
const REPO = fileURLToPath(new URL('..', import.meta.url));
const MODULES = join(REPO, 'node_modules');
const TSC = join(MODULES, 'typescript', 'bin', 'tsc');
const pkg = JSON.parse(readFileSync(join(REPO, 'package.json'), 'utf8')) as {
  name: string;
  files: string[];
  exports: Record<string, string | { types: string; default: string }>;
};
const codeExports = Object.entries(pkg.exports).filter(
  (e): e is [string, { types: string; default: string }] => typeof e[1] === 'object',
);

/** Runs a command; on failure the error carries its stdout and stderr, which vitest shows. */
async function run(file: string, args: string[], cwd: string, timeout = 120_000) {
  try {
    return await exec(file, args, { cwd, timeout, maxBuffer: 64 << 20 });
  } catch (error) {
    const e = error as Error & { stdout?: string; stderr?: string };
    e.message += `\n--- stdout\n${e.stdout ?? ''}\n--- stderr\n${e.stderr ?? ''}`;
    throw e;
  }
}

let root = '';
let tarball = '';
/** The tarball's files, unpacked (`package/…` stripped). */
let unpacked = '';
/** Paths in the tarball, as `npm pack --json` lists them. */
let packed: string[] = [];

beforeAll(async () => {
  root = mkdtempSync(join(tmpdir(), 'errata-packed-'));
  const stage = join(root, 'stage');
  mkdirSync(stage);
  for (const entry of ['package.json', 'README.md', 'LICENSE', 'bin', 'schema', 'src', 'tsconfig.json']) {
    cpSync(join(REPO, entry), join(stage, entry), { recursive: true });
  }
  cpSync(join(REPO, 'tsconfig.build.json'), join(stage, 'tsconfig.build.json'));
  symlinkSync(MODULES, join(stage, 'node_modules'));
  // What `prepack` does, run here so that npm pack needs no scripts.
  await run(process.execPath, [TSC, '-p', 'tsconfig.build.json'], stage);
  await bundleCli(stage);
  const { stdout } = await run(
    'npm',
    ['pack', '--ignore-scripts', '--json', '--pack-destination', root],
    stage,
  );
  const [info] = JSON.parse(stdout) as Array<{ filename: string; files: Array<{ path: string }> }>;
  if (!info) throw new Error(`npm pack printed no result: ${stdout}`);
  tarball = join(root, info.filename);
  packed = info.files.map((f) => f.path);
  unpacked = join(root, 'unpacked');
  mkdirSync(unpacked);
  await run('tar', ['-xzf', tarball, '-C', unpacked, '--strip-components=1'], root);
}, 240_000);

afterAll(() => {
  if (root) rmSync(root, { recursive: true, force: true });
});

describe('the packed tarball', () => {
  it('holds every export, the bin, the schema, and no tests', () => {
    for (const [, target] of codeExports) {
      expect(packed).toContain(posix.normalize(target.default));
      expect(packed).toContain(posix.normalize(target.types));
    }
    expect(packed).toContain('bin/errata.js');
    expect(packed).toContain('schema/catalog.v1.json');
    expect(packed.filter((f) => /\.test(-d)?\.ts$|^test\/|^scripts\/|^bench\//.test(f))).toEqual([]);
  });

  it('ships the source every source map and declaration map points to', () => {
    const maps = packed.filter((f) => f.endsWith('.map'));
    const js = packed.filter((f) => f.endsWith('.js') && f.startsWith('dist/'));
    // Emitted declarations; a hand-written one under src/ (the types of a package that ships
    // none, src/messages/xliff-module.d.ts) is source, not emitted, and has no map.
    const dts = packed.filter((f) => f.endsWith('.d.ts') && f.startsWith('dist/'));
    expect(js.length).toBeGreaterThan(20);
    // One map per emitted file, each named by a sourceMappingURL comment of its file.
    expect(maps.length).toBe(js.length + dts.length);
    for (const file of [...js, ...dts]) {
      const url = /\/\/# sourceMappingURL=(\S+)\s*$/.exec(readFileSync(join(unpacked, file), 'utf8'))?.[1];
      expect(url, file).toBe(`${posix.basename(file)}.map`);
      expect(packed, file).toContain(posix.join(posix.dirname(file), url as string));
    }
    for (const map of maps) {
      const { sources } = JSON.parse(readFileSync(join(unpacked, map), 'utf8')) as { sources: string[] };
      expect(sources.length, map).toBeGreaterThan(0);
      for (const source of sources)
        expect(packed, `${map} → ${source}`).toContain(posix.join(posix.dirname(map), source));
    }
  });

  it('passes publint', async () => {
    const { messages, pkg: manifest } = await publint({ pkgDir: unpacked, pack: false, level: 'suggestion' });
    expect(messages.map((m) => `${m.type}: ${formatMessage(m, manifest) ?? m.code}`)).toEqual([]);
  });

  it('passes arethetypeswrong in every resolution mode, node10 included (CommonJS require aside: the package is ESM-only)', async () => {
    const attw = join(MODULES, '@arethetypeswrong', 'cli', 'dist', 'index.js');
    // --no-definitely-typed: the package has its own types; nothing is fetched.
    const args = [
      attw,
      tarball,
      '--format',
      'json',
      '--no-definitely-typed',
      '--ignore-rules',
      'cjs-resolves-to-esm',
    ];
    const { stdout } = await run(process.execPath, args, root);
    const { analysis } = JSON.parse(stdout) as {
      analysis: {
        problems: Array<{ kind: string; resolutionKind?: string }>;
        entrypoints: Record<string, { resolutions: Record<string, { resolution?: { fileName: string } }> }>;
      };
    };
    // The one problem ignored: a require() from CommonJS resolving to ESM, and nothing else.
    for (const p of analysis.problems)
      expect(p).toMatchObject({ kind: 'CJSResolvesToESM', resolutionKind: 'node16-cjs' });
    for (const [subpath, target] of codeExports) {
      const types = `/node_modules/${pkg.name}/${posix.normalize(target.types)}`;
      const modes = analysis.entrypoints[subpath]?.resolutions ?? {};
      for (const mode of ['node10', 'node16-esm', 'bundler']) {
        expect(modes[mode]?.resolution?.fileName, `${subpath} under ${mode}`).toBe(types);
      }
    }
  });
});

// ---------------------------------------------------------------------------
// A scratch app with the tarball installed.

const APP = `import type { AddressInfo } from 'node:net';
import express from 'express';
import { defineCatalog, jsonDetails } from 'errata';
import { createClient } from 'errata/client';
import { errata } from 'errata/express';

const api = defineCatalog({
  name: 'orders',
  docs: 'https://docs.example.com/orders/errors',
  errors: {
    ORDER_NOT_FOUND: {
      status: 404,
      message: 'No order {id} exists.',
      details: jsonDetails<{ orderId: string }>({
        type: 'object',
        properties: { orderId: { type: 'string' } },
      }),
    },
  },
});

const app = express();
const errors = errata({ catalog: api });
app.get('/orders/:id', (req) => {
  throw api.error('ORDER_NOT_FOUND', { id: req.params.id }, { details: { orderId: req.params.id } });
});
app.use(errors.handler);

const server = app.listen(0, '127.0.0.1');
await new Promise((resolve) => server.once('listening', resolve));
const { port } = server.address() as AddressInfo;
const client = createClient<typeof api>({ retries: 0 });
try {
  await client.fetch(\`http://127.0.0.1:\${port}/orders/42\`);
  console.log(JSON.stringify({ unexpected: 'no error' }));
} catch (error) {
  // @ts-expect-error: not a code of this catalog (proves the client is typed by it).
  client.is(error, 'ORDER_NOT_FOUN');
  if (client.is(error, 'ORDER_NOT_FOUND')) {
    const orderId: string = error.details.orderId;
    console.log(JSON.stringify({ code: error.code, status: error.status, message: error.message, orderId }));
  } else {
    console.log(JSON.stringify({ unexpected: String(error) }));
  }
} finally {
  server.close();
}
`;

const CATALOG = `name: orders
title: Orders API errors
version: 1.0.0
docs: https://docs.example.com/orders/errors
errors:
  ORDER_NOT_FOUND:
    status: 404
    category: Orders
    message: No order {id} exists.
    description: The order does not exist, or the caller cannot see it.
    remediation: Check the order id.
`;

/** Compiler options of each module resolution the app is checked under. */
const RESOLUTIONS: Record<string, Record<string, unknown>> = {
  node16: { module: 'node16', moduleResolution: 'node16', outDir: 'out' },
  bundler: { module: 'esnext', moduleResolution: 'bundler', noEmit: true },
  node10: { module: 'esnext', moduleResolution: 'node10', noEmit: true },
};

describe('installed into a scratch app', () => {
  let app = '';
  beforeAll(async () => {
    app = join(root, 'app');
    mkdirSync(app);
    writeFileSync(
      join(app, 'package.json'),
      JSON.stringify({
        name: 'scratch',
        private: true,
        type: 'module',
        dependencies: { [pkg.name]: `file:${tarball}` },
      }),
    );
    // Its dependencies come from the npm cache; the registry only when the cache lacks their metadata.
    const install = (mode: string) =>
      run('npm', ['install', mode, '--no-audit', '--no-fund', '--ignore-scripts'], app, 180_000);
    await install('--offline').catch(() => install('--prefer-offline'));
    // The optional peers and the type packages the app uses, from the repository.
    for (const dep of ['express', '@types/express', '@types/node']) {
      const link = join(app, 'node_modules', dep);
      if (existsSync(link)) continue;
      mkdirSync(dirname(link), { recursive: true });
      symlinkSync(join(MODULES, dep), link);
    }
    writeFileSync(join(app, 'app.ts'), APP);
    writeFileSync(join(app, 'orders.yaml'), CATALOG);
    for (const [name, options] of Object.entries(RESOLUTIONS)) {
      const compilerOptions = {
        target: 'ES2022',
        lib: ['ES2022'],
        types: ['node'],
        strict: true,
        esModuleInterop: true,
        skipLibCheck: false,
        ...options,
      };
      writeFileSync(
        join(app, `tsconfig.${name}.json`),
        JSON.stringify({ compilerOptions, files: ['app.ts'] }),
      );
    }
  }, 240_000);

  for (const name of Object.keys(RESOLUTIONS)) {
    it(`type-checks an app using the catalog, an adapter and the client under moduleResolution ${name}`, async () => {
      await run(process.execPath, [TSC, '-p', `tsconfig.${name}.json`], app);
      if (name === 'node16') expect(existsSync(join(app, 'out', 'app.js'))).toBe(true);
    }, 120_000);
  }

  it('runs it: the Express adapter answers on 127.0.0.1, the client throws the typed error', async () => {
    if (!existsSync(join(app, 'out', 'app.js')))
      await run(process.execPath, [TSC, '-p', 'tsconfig.node16.json'], app);
    const { stdout } = await run(process.execPath, ['out/app.js'], app, 30_000);
    expect(JSON.parse(stdout)).toEqual({
      code: 'ORDER_NOT_FOUND',
      status: 404,
      message: 'No order 42 exists.',
      orderId: '42',
    });
  }, 120_000);

  it('runs the installed errata bin: lint passes a clean catalog and fails a flawed one', async () => {
    // A one-entry catalog: no error, and the one warning that it leaves the server's failures to errata.
    const clean = await run('npx', ['--no-install', 'errata', 'lint', 'orders.yaml'], app);
    expect(clean.stdout).toContain('1 problem (0 errors, 1 warning)');
    expect(clean.stdout).toContain('server-failure-uncovered');
    writeFileSync(
      join(app, 'flawed.yaml'),
      CATALOG.replace('    category: Orders\n', '    category: Orders\n    retry: {strategy: exponential}\n'),
    );
    const flawed = await exec('npx', ['--no-install', 'errata', 'lint', 'flawed.yaml'], { cwd: app }).catch(
      (e: { code?: number; stdout?: string }) => e,
    );
    expect(flawed).toMatchObject({ code: 1, stdout: expect.stringContaining('retry-4xx') });
    // export prints a catalog in its normalized form: the seed catalog is written in it.
    const flags = readFileSync(join(REPO, 'examples', 'catalogs', 'flags.json'), 'utf8');
    writeFileSync(join(app, 'flags.json'), flags);
    const exported = await run(
      'npx',
      ['--no-install', 'errata', 'export', 'flags.json', '--as-written'],
      app,
    );
    expect(exported.stdout).toBe(flags);
  }, 120_000);
});
