/**
 * `errata docs` and `errata openapi` as a user runs them: in-process through
 * `main()` for exit codes and messages, and as a spawned process for colour,
 * `--verbose` and `--watch`.
 */
import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli } from './_cli.js';

const REPO = fileURLToPath(new URL('..', import.meta.url));
const BIN = join(REPO, 'bin', 'errata.js');
const dir = mkdtempSync(join(tmpdir(), 'errata-docs-'));
copyFileSync(join(REPO, 'examples/catalogs/sitescore.json'), join(dir, 'sitescore.json'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const run = (argv: string[], color = false) => runCli(argv, dir, color);

// biome-ignore lint/suspicious/noControlCharactersInRegex: matching ANSI escapes
const ANSI = /\u001b\[/;

describe('errata docs', () => {
  it('prints Markdown by default and writes each format with --out', async () => {
    const md = await run(['docs', 'sitescore.json']);
    expect(md.code).toBe(0);
    expect(md.stdout).toContain('# Sitescore API errors');
    expect(md.stdout).toContain('<a id="SCORING_RATE_LIMITED"></a>');

    for (const format of ['md', 'html', 'openapi', 'json', 'llms', 'json-schema']) {
      const r = await run(['docs', 'sitescore.json', '--format', format, '-o', `out/ref.${format}`]);
      expect({ format, code: r.code, stderr: r.stderr }).toEqual({ format, code: 0, stderr: '' });
    }
    expect(readFileSync(join(dir, 'out/ref.html'), 'utf8')).toMatch(/^<!doctype html>/);
    expect(JSON.parse(readFileSync(join(dir, 'out/ref.openapi'), 'utf8')).openapi).toBe('3.1.0');
    const llms = readFileSync(join(dir, 'out/ref.llms'), 'utf8');
    expect(llms).toMatch(/^# Sitescore API errors\n\n> /);
    expect(llms).toContain('- `SCORING_RATE_LIMITED` (429 Too Many Requests, retryable');
    const schema = JSON.parse(readFileSync(join(dir, 'out/ref.json-schema'), 'utf8'));
    expect(schema.$schema).toBe('https://json-schema.org/draft/2020-12/schema');
    expect(schema['x-errata'].codes).toContain('SCORING_RATE_LIMITED');
    // --format json is the export: the catalog v1 interchange document.
    const exported = await run(['export', 'sitescore.json']);
    expect(readFileSync(join(dir, 'out/ref.json'), 'utf8')).toBe(exported.stdout);
  });

  it('--dialect a,b: the HTML page shows each example in both, a tab each; other formats take one', async () => {
    const r = await run([
      'docs',
      'sitescore.json',
      '--format',
      'html',
      '--dialect',
      'problem,google',
      '-o',
      'tabs.html',
    ]);
    expect({ code: r.code, stderr: r.stderr }).toEqual({ code: 0, stderr: '' });
    const html = readFileSync(join(dir, 'tabs.html'), 'utf8');
    const data = JSON.parse(/id="errata:data">([\s\S]*?)<\/script>/.exec(html)?.[1] ?? '{}');
    expect(data.dialects).toEqual(['problem', 'google']);
    expect(data.examples).toHaveLength(2);
    const md = await run(['docs', 'sitescore.json', '--dialect', 'problem,google']);
    expect(md.code).toBe(2);
    expect(md.stderr).toContain('--dialect: several dialects (problem,google) are for --format html');
    const bad = await run(['docs', 'sitescore.json', '--format', 'html', '--dialect', 'problem,nope']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('unknown dialect "nope"');
  });

  it('exits 2 on bad usage or bad input, naming the file and the path inside it', async () => {
    const fmt = await run(['docs', 'sitescore.json', '--format', 'pdf']);
    expect(fmt.code).toBe(2);
    expect(fmt.stderr).toContain('--format must be one of md, html, openapi, json, llms, json-schema');

    const dialect = await run(['docs', 'sitescore.json', '--dialect', 'nope']);
    expect(dialect.code).toBe(2);
    expect(dialect.stderr).toContain('unknown dialect "nope"');

    const missing = await run(['docs', 'missing.yaml']);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('missing.yaml');

    writeFileSync(join(dir, 'bad.json'), JSON.stringify({ name: 'bad', errors: { X: { status: 99 } } }));
    const bad = await run(['docs', 'bad.json']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('bad.json: invalid catalog');
    expect(bad.stderr).toContain('errors.X.status');
    expect(bad.stderr).not.toContain('    at ');
  });

  it('colours only when asked to (a TTY without NO_COLOR), never in plain output', async () => {
    const plain = await run(['docs', 'missing.yaml']);
    expect(plain.stderr).not.toMatch(ANSI);
    const coloured = await run(['docs', 'missing.yaml'], true);
    expect(coloured.stderr).toMatch(ANSI);
    // A real process writing to a pipe is not a TTY: no colour, with or without NO_COLOR.
    for (const env of [{}, { NO_COLOR: '1' }]) {
      const r = spawnSync(process.execPath, [BIN, 'docs', 'missing.yaml'], {
        cwd: dir,
        env: { ...process.env, ...env, FORCE_COLOR: undefined },
        encoding: 'utf8',
        timeout: 30_000,
      });
      expect(r.status).toBe(2);
      expect(r.stderr).toContain('missing.yaml');
      expect(r.stderr).not.toMatch(ANSI);
    }
  });

  it('prints a line per phase with --verbose', async () => {
    const r = await run(['docs', 'sitescore.json', '--format', 'html', '-o', 'v.html', '--verbose']);
    expect(r.code).toBe(0);
    const lines = r.stderr.trim().split('\n');
    expect(lines.map((l) => l.replace(/ \(\d+ ms\)$/, ''))).toEqual([
      '[errata] loaded sitescore.json (19 entries)',
      // Its 19 entries and the 26 server failures it has no entry for.
      '[errata] built 45 examples in the problem format',
      '[errata] rendered html',
      '[errata] wrote v.html',
    ]);
  });

  it('--watch regenerates when the catalog changes', async () => {
    const catalog = join(dir, 'watched.json');
    const out = join(dir, 'watched.md');
    const doc = JSON.parse(readFileSync(join(REPO, 'examples/catalogs/sitescore.json'), 'utf8'));
    writeFileSync(catalog, JSON.stringify(doc));
    const { waitFor, stderr, stop, exited } = watchDocs(dir, ['watched.json', '-o', 'watched.md']);
    try {
      await waitFor(() => stderr().includes('watching watched.json'), 'the watcher to start');
      expect(readFileSync(out, 'utf8')).toContain('SCORING_FAILED');
      const before = statSync(out).mtimeMs;

      doc.errors.SCORING_FAILED.description = 'Rewritten while watching.';
      writeFileSync(catalog, JSON.stringify(doc));
      await waitFor(() => readFileSync(out, 'utf8').includes('Rewritten while watching.'), 'regeneration');
      expect(statSync(out).mtimeMs).toBeGreaterThanOrEqual(before);

      // A broken save is reported and the watcher keeps going.
      writeFileSync(catalog, '{ "errors": ');
      await waitFor(() => stderr().includes('invalid catalog'), 'the error report');
      doc.errors.SCORING_FAILED.description = 'Fixed again.';
      writeFileSync(catalog, JSON.stringify(doc));
      await waitFor(() => readFileSync(out, 'utf8').includes('Fixed again.'), 'recovery');
    } finally {
      stop();
    }
    expect(await exited).toBe(0);
  });

  it('--watch regenerates when a per-locale file beside the catalog changes', async () => {
    const doc = JSON.parse(readFileSync(join(REPO, 'examples/catalogs/sitescore.json'), 'utf8'));
    writeFileSync(join(dir, 'watched-l10n.json'), JSON.stringify(doc));
    writeFileSync(join(dir, 'watched-l10n.fr.yaml'), 'SCORING_FAILED:\n  description: Première version.\n');
    const { waitFor, stderr, stop, exited } = watchDocs(dir, [
      'watched-l10n.json',
      '--locale',
      'fr',
      '-o',
      'watched-l10n.md',
    ]);
    const out = join(dir, 'watched-l10n.md');
    try {
      await waitFor(() => stderr().includes('watching watched-l10n.json'), 'the watcher to start');
      expect(readFileSync(out, 'utf8')).toContain('Première version.');
      writeFileSync(join(dir, 'watched-l10n.fr.yaml'), 'SCORING_FAILED:\n  description: Seconde version.\n');
      await waitFor(() => readFileSync(out, 'utf8').includes('Seconde version.'), 'regeneration');
    } finally {
      stop();
    }
    expect(await exited).toBe(0);
  });
});

describe('errata openapi', () => {
  const spec = {
    openapi: '3.1.0',
    info: { title: 'SiteScore', version: '1' },
    paths: {
      '/score': {
        post: {
          'x-errata-errors': ['SCORING_RATE_LIMITED', 'SCORING_FAILED'],
          responses: { '200': { description: 'ok' } },
        },
      },
      '/crawl': { get: { responses: { '200': { description: 'ok' } } } },
    },
  };

  it('merges error responses into a YAML or JSON spec', async () => {
    writeFileSync(join(dir, 'spec.json'), JSON.stringify(spec));
    writeFileSync(
      join(dir, 'routes.json'),
      JSON.stringify([{ method: 'GET', path: '/crawl', errors: ['CRAWL_FAILED'] }]),
    );
    const r = await run([
      'openapi',
      'merge',
      'spec.json',
      'sitescore.json',
      '--routes',
      'routes.json',
      '-o',
      'merged.yaml',
    ]);
    expect(r).toMatchObject({ code: 0, stderr: '' });
    const yaml = readFileSync(join(dir, 'merged.yaml'), 'utf8');
    expect(yaml).toContain('openapi: 3.1.0');
    expect(yaml).toContain('$ref: "#/components/examples/SCORING_RATE_LIMITED"');
    expect(yaml).toContain('$ref: "#/components/examples/CRAWL_FAILED"');

    const json = await run(['openapi', 'merge', 'spec.json', 'sitescore.json']);
    expect(json.code).toBe(0);
    const doc = JSON.parse(json.stdout);
    const r429 = doc.paths['/score'].post.responses['429'];
    // Sitescore has two 429 entries; this operation lists one, so its response shows only that one.
    expect(Object.keys(r429.content['application/problem+json'].examples)).toEqual(['SCORING_RATE_LIMITED']);
    expect(doc.paths['/crawl'].get.responses).not.toHaveProperty('502');
  });

  it("--routes adds each route's ids to its operation's x-errata-errors, as its help says", async () => {
    writeFileSync(join(dir, 'spec-ids.json'), JSON.stringify(spec));
    writeFileSync(
      join(dir, 'routes-ids.json'),
      JSON.stringify([
        { method: 'GET', path: '/crawl', errors: ['CRAWL_FAILED'] },
        { method: 'POST', path: '/score', errors: ['SCORING_FAILED', 'CREDIT_EXHAUSTED'] },
      ]),
    );
    const args = ['openapi', 'merge', 'spec-ids.json', 'sitescore.json', '--routes', 'routes-ids.json'];
    const r = await run([...args, '-o', 'merged-ids.json']);
    expect(r).toMatchObject({ code: 0, stderr: '' });
    const doc = JSON.parse(readFileSync(join(dir, 'merged-ids.json'), 'utf8'));
    expect(doc.paths['/crawl'].get['x-errata-errors']).toEqual(['CRAWL_FAILED']);
    expect(doc.paths['/score'].post['x-errata-errors']).toEqual([
      'SCORING_RATE_LIMITED',
      'SCORING_FAILED',
      'CREDIT_EXHAUSTED',
    ]);
    // Merging the result again with the same routes changes nothing.
    const again = await run([
      'openapi',
      'merge',
      'merged-ids.json',
      'sitescore.json',
      '--routes',
      'routes-ids.json',
    ]);
    expect(JSON.parse(again.stdout)).toEqual(doc);
  });

  it('prints the components of a catalog', async () => {
    const r = await run(['openapi', 'sitescore.json']);
    expect(r.code).toBe(0);
    const examples = Object.keys(JSON.parse(r.stdout).components.examples);
    // Its 19 entries, then the server failures it has no entry for, in its casing.
    expect(examples).toHaveLength(19 + 26);
    expect(examples.slice(19, 22)).toEqual(['MALFORMED_BODY', 'VALIDATION_FAILED', 'NOT_FOUND']);
  });

  it('names the file and the path of every problem, and exits 1 for a route with no operation', async () => {
    const bad = structuredClone(spec);
    bad.paths['/score'].post['x-errata-errors'] = ['SCORING_RATE_LIMITED', 'NOPE'];
    writeFileSync(join(dir, 'bad-spec.json'), JSON.stringify(bad));
    const r = await run(['openapi', 'merge', 'bad-spec.json', 'sitescore.json']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(
      'bad-spec.json: paths["/score"].post.x-errata-errors[1]: unknown error id "NOPE"',
    );

    writeFileSync(join(dir, 'broken.yaml'), 'openapi: 3.1.0\npaths: [\n');
    const syntax = await run(['openapi', 'merge', 'broken.yaml', 'sitescore.json']);
    expect(syntax.code).toBe(2);
    expect(syntax.stderr).toMatch(/broken\.yaml: syntax error at line \d+, column \d+/);

    writeFileSync(
      join(dir, 'routes-bad.json'),
      JSON.stringify([{ method: 'GET', path: 'crawl', errors: 'x' }]),
    );
    const routes = await run([
      'openapi',
      'merge',
      'spec.json',
      'sitescore.json',
      '--routes',
      'routes-bad.json',
    ]);
    expect(routes.code).toBe(2);
    expect(routes.stderr).toContain('routes-bad.json: invalid routes');
    expect(routes.stderr).toContain('[0].path: must be a string starting with /');

    writeFileSync(
      join(dir, 'routes-x.json'),
      JSON.stringify([{ method: 'GET', path: '/nowhere', errors: [] }]),
    );
    const unmatched = await run([
      'openapi',
      'merge',
      'spec.json',
      'sitescore.json',
      '--routes',
      'routes-x.json',
    ]);
    expect(unmatched.code).toBe(1);
    expect(unmatched.stderr).toContain('warning: route GET /nowhere has no operation in the document');

    const usage = await run(['openapi', 'merge', 'spec.json']);
    expect(usage.code).toBe(2);
    expect(usage.stderr).toContain('merge needs a spec and a catalog');
  });
});

/** `errata docs … --watch` in `cwd`: what it printed to stderr, a wait for a condition (20 s at most), and a way to stop it. */
function watchDocs(cwd: string, args: readonly string[]) {
  const child: ChildProcess = spawn(process.execPath, [BIN, 'docs', ...args, '--watch'], {
    cwd,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stderr = '';
  child.stderr?.on('data', (d) => {
    stderr += d;
  });
  return {
    /** Its exit code, once stopped. */
    exited: new Promise<number | null>((r) => child.on('exit', (code) => r(code))),
    stderr: () => stderr,
    async waitFor(what: () => boolean, label: string): Promise<void> {
      const deadline = Date.now() + 20_000;
      while (!what()) {
        if (Date.now() > deadline) throw new Error(`timed out waiting for ${label}; stderr: ${stderr}`);
        await new Promise((r) => setTimeout(r, 50));
      }
    },
    stop(): void {
      child.kill('SIGTERM');
    },
  };
}
