/**
 * `errata docs --changelog` on real git repositories made in a temporary folder:
 * a YAML catalog committed at several versions (an entry added, a status changed,
 * entries deprecated, the version bumped, a commit that does not load), the
 * Changes section and the badges in Markdown and HTML, grouping per commit when
 * the version never changes, the limit, and the usage errors.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from './_cli.js';

const root = mkdtempSync(join(tmpdir(), 'errata-changelog-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

/** A new git repository in `root/name`, with a function that writes the catalog and commits it. */
function repo(name: string) {
  const dir = join(root, name);
  mkdirSync(dir);
  let day = 1;
  const git = (...args: string[]) =>
    execFileSync('git', ['-c', 'user.name=t', '-c', 'user.email=t@example.com', ...args], {
      cwd: dir,
      stdio: 'pipe',
      encoding: 'utf8',
      env: {
        ...process.env,
        GIT_AUTHOR_DATE: `2026-03-0${day}T10:00:00Z`,
        GIT_COMMITTER_DATE: `2026-03-0${day}T10:00:00Z`,
      },
    }).trim();
  git('init', '-q', '-b', 'main');
  return {
    dir,
    write: (text: string, file = 'errors.yaml') => writeFileSync(join(dir, file), text),
    /** Writes and commits the catalog; resolves to the commit's abbreviated hash. */
    commit(text: string, message: string, file = 'errors.yaml') {
      writeFileSync(join(dir, file), text);
      git('add', file);
      git('commit', '-q', '-m', message);
      day++;
      return git('rev-parse', '--short', 'HEAD');
    },
  };
}

const catalog = (version: string, errors: string) => `name: shop\nversion: ${version}\nerrors:\n${errors}`;
const V1 = catalog(
  '1.0.0',
  `  NOT_FOUND: { status: 404, title: Not found }
  BUSY: { status: 503, title: Busy }
  LEGACY: { status: 400, title: Legacy }
`,
);
const V1_1 = catalog(
  '1.1.0',
  `  NOT_FOUND: { status: 404, title: Not found }
  BUSY: { status: 503, title: Busy }
  LEGACY: { status: 400, title: Legacy }
  GONE: { status: 410, title: Gone }
`,
);
const V2 = catalog(
  '2.0.0',
  `  NOT_FOUND: { status: 410, title: Not found }
  BUSY: { status: 503, title: Busy, deprecated: { replacedBy: GONE } }
  LEGACY: { status: 400, title: Legacy, deprecated: { since: 1.1.0 } }
  GONE: { status: 410, title: Gone }
`,
);
const WORKING = V2.replace('errors:\n', 'errors:\n  NEW_ONE: { status: 409, title: New one }\n');

const shas: Record<string, string> = {};
let versioned: ReturnType<typeof repo>;
beforeAll(() => {
  versioned = repo('versioned');
  shas.v1 = versioned.commit(V1, 'first catalog');
  shas.v11 = versioned.commit(V1_1, 'add GONE');
  shas.broken = versioned.commit('name: shop\nversion: [oops\n', 'a broken edit');
  shas.v2 = versioned.commit(V2, 'version 2');
  versioned.write(WORKING);
});

/** The Markdown between a release heading and the next one. */
const release = (md: string, label: string) => {
  const start = md.indexOf(`### ${label}\n`);
  expect(start, `release ${label}`).toBeGreaterThan(-1);
  const next = md.indexOf('\n### ', start + 4);
  return md.slice(start, next === -1 ? undefined : next);
};

describe('errata docs --changelog', () => {
  it('adds a Changes section per version to the Markdown, classified as errata diff classifies', async () => {
    const r = await runCli(['docs', 'errors.yaml', '--changelog'], versioned.dir);
    expect(r.code).toBe(0);
    const md = r.stdout;
    const changes = md.slice(md.indexOf('## Changes'));
    expect(md.indexOf('## Changes')).toBeGreaterThan(md.indexOf('## Retry guidance'));
    expect(changes).toContain('one section per catalog version, newest first');
    // Newest first, the working tree's changes as Unreleased.
    expect([...changes.matchAll(/^### (.+)$/gm)].map((m) => m[1])).toEqual([
      'Unreleased',
      '2.0.0',
      '1.1.0',
      '1.0.0',
    ]);
    expect(changes).toContain('<a id="changes:2.0.0"></a>');
    const v2 = release(changes, '2.0.0');
    expect(v2).toContain(`2026-03-04 · commit ${shas.v2}: version 2`);
    expect(v2).toMatch(
      /\*\*Breaking changes\*\*\n\n- \[`NOT_FOUND`\]\(#NOT_FOUND\): status 404 → 410 — clients, SDKs, proxies and retry logic branch on the status\n/,
    );
    expect(v2).toContain('**Other changes**');
    expect(v2).toContain('- [`BUSY`](#BUSY): deprecated, replaced by GONE —');
    // The broken commit is skipped: 1.1.0 holds the commit that added GONE alone.
    const v11 = release(changes, '1.1.0');
    expect(v11).toContain(`commit ${shas.v11}: add GONE`);
    expect(v11).not.toContain(shas.broken);
    expect(v11).toContain('- [`GONE`](#GONE): entry GONE added ("GONE", 410)');
    expect(v11).not.toContain('Breaking');
    const v1 = release(changes, '1.0.0');
    for (const id of ['NOT_FOUND', 'BUSY', 'LEGACY']) expect(v1).toContain(`entry ${id} added`);
    expect(release(changes, 'Unreleased')).toContain('entry NEW_ONE added');

    // Badges: added, changed (breaking), deprecated from the history, deprecated from `since`.
    const section = (id: string) =>
      md.slice(
        md.indexOf(`<a id="${id}"></a>`),
        md.indexOf('**Example response**', md.indexOf(`<a id="${id}"></a>`)),
      );
    expect(section('NOT_FOUND')).toContain(
      '**History:** added in [1.0.0](#changes:1.0.0) · changed in [2.0.0](#changes:2.0.0) (breaking)',
    );
    expect(section('BUSY')).toContain(
      '**History:** added in [1.0.0](#changes:1.0.0) · deprecated in [2.0.0](#changes:2.0.0)',
    );
    expect(section('LEGACY')).toContain(
      '**History:** added in [1.0.0](#changes:1.0.0) · deprecated in [1.1.0](#changes:1.1.0)',
    );
    expect(section('GONE')).toContain('**History:** added in [1.1.0](#changes:1.1.0)\n');
    expect(section('NEW_ONE')).toContain('**History:** added in [Unreleased](#changes:unreleased)');

    // The commit whose catalog does not load: a warning naming it, no stack trace.
    expect(r.stderr).toContain(
      `warning: --changelog: skipped commit ${shas.broken} (a broken edit): invalid catalog (1 problem): YAML syntax error`,
    );
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).not.toMatch(/\n\s+at /);
  });

  it('puts the same section and badges in the HTML page, linked from the sidebar', async () => {
    const r = await runCli(
      ['docs', 'errors.yaml', '--changelog', '-f', 'html', '-o', 'out/ref.html'],
      versioned.dir,
    );
    expect(r.code).toBe(0);
    const html = readFileSync(join(versioned.dir, 'out/ref.html'), 'utf8');
    expect(html).toContain(
      '<li><a class="nav" href="#errata:changes" data-section="errata:changes-section"><span>Changes</span></a></li>',
    );
    expect(html).toContain(
      '<section id="errata:changes-section" aria-labelledby="errata:changes"><h2 id="errata:changes">Changes</h2>',
    );
    const v2 = html.slice(
      html.indexOf('<div class="release" id="changes:2.0.0"'),
      html.indexOf('<div class="release" id="changes:1.1.0"'),
    );
    expect(v2).toContain('<h3>2.0.0</h3>');
    expect(v2).toContain(
      '<p class="kind">Breaking changes</p><ul class="changes breaking"><li><a href="#NOT_FOUND"><code>NOT_FOUND</code></a>: status 404 → 410',
    );
    const entry = (id: string) =>
      html.slice(
        html.indexOf(`<article class="entry" id="${id}"`),
        html.indexOf('</article>', html.indexOf(`<article class="entry" id="${id}"`)),
      );
    expect(entry('NOT_FOUND')).toContain(
      '<a class="badge hist added" href="#changes:1.0.0">Added in 1.0.0</a><a class="badge hist changed breaking" href="#changes:2.0.0">Changed in 2.0.0 (breaking)</a>',
    );
    expect(entry('LEGACY')).toContain(
      '<a class="badge hist dep" href="#changes:1.1.0">Deprecated in 1.1.0</a>',
    );
    expect(entry('GONE')).toContain('<a class="badge hist added" href="#changes:1.1.0">Added in 1.1.0</a>');
    expect(entry('GONE')).not.toContain('Changed in');
    // Without --changelog, none of it.
    const plain = await runCli(['docs', 'errors.yaml', '-f', 'html'], versioned.dir);
    expect(plain.stdout).not.toContain('errata:changes');
    expect(plain.stdout).not.toContain('badge hist');
    expect(plain.stderr).toBe('');
  });

  it('groups per commit when the version never changes, leaving out commits that change nothing', async () => {
    const g = repo('unversioned');
    const a = g.commit(catalog('1.0.0', '  A: { status: 400 }\n'), 'add A');
    const b = g.commit(catalog('1.0.0', '  A: { status: 400 }\n  B: { status: 404 }\n'), 'add B');
    g.commit(catalog('1.0.0', '  # a comment\n  A: { status: 400 }\n  B: { status: 404 }\n'), 'a comment');
    const c = g.commit(catalog('1.0.0', '  A: { status: 422 }\n  B: { status: 404 }\n'), 'A is a 422');
    const r = await runCli(['docs', 'errors.yaml', '--changelog'], g.dir);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('');
    const changes = r.stdout.slice(r.stdout.indexOf('## Changes'));
    expect(changes).toContain('one section per commit (the catalog’s version never changed)');
    expect([...changes.matchAll(/^### (.+)$/gm)].map((m) => m[1])).toEqual([c, b, a]);
    expect(release(changes, c)).toContain('status 400 → 422');
    expect(r.stdout).toContain(
      `**History:** added in [${a}](#changes:${a}) · changed in [${c}](#changes:${c}) (breaking)`,
    );
  });

  it('reads at most --changelog-limit commits, comparing the first with the one before', async () => {
    const g = repo('long');
    const short: string[] = [];
    let errors = '';
    for (let i = 1; i <= 6; i++) {
      errors += `  E${i}: { status: 400 }\n`;
      short.push(g.commit(catalog('1.0.0', errors), `add E${i}`));
    }
    const r = await runCli(['docs', 'errors.yaml', '--changelog', '--changelog-limit', '2'], g.dir);
    expect(r.code).toBe(0);
    const changes = r.stdout.slice(r.stdout.indexOf('## Changes'));
    expect([...changes.matchAll(/^### (.+)$/gm)].map((m) => m[1])).toEqual([short[5], short[4]]);
    expect(release(changes, short[4] as string)).toContain('entry E5 added');
    expect(release(changes, short[4] as string)).not.toContain('E4');
    expect(changes).toContain('Only the last 2 commits that touched the catalog are read');
    // Entries older than the window have no badge.
    expect(r.stdout).not.toMatch(/<a id="E1"><\/a>\n\n### E1\n\n\*\*History/);
    const all = await runCli(['docs', 'errors.yaml', '--changelog'], g.dir);
    expect([...all.stdout.matchAll(/^### ([0-9a-f]{7,})$/gm)]).toHaveLength(6);
    expect(all.stdout).not.toContain('Only the last');
  });

  it('reads a TypeScript catalog at each commit too, leaving no copy of it behind', async () => {
    const g = repo('typescript');
    const ts = (version: string, errors: string) =>
      `export default { name: 'shop', version: '${version}', errors: { ${errors} } };\n`;
    g.commit(ts('1.0.0', 'A: { status: 404 }'), 'one', 'errors.ts');
    g.commit(ts('1.1.0', 'A: { status: 404 }, B: { status: 409 }'), 'two', 'errors.ts');
    g.commit(ts('1.2.0', 'A: { status: 410 }, B: { status: 409 }'), 'three', 'errors.ts');
    const r = await runCli(['docs', 'errors.ts', '--changelog'], g.dir);
    expect({ code: r.code, stderr: r.stderr }).toEqual({ code: 0, stderr: '' });
    expect([...r.stdout.matchAll(/^### (\d.+)$/gm)].map((m) => m[1])).toEqual(['1.2.0', '1.1.0', '1.0.0']);
    expect(r.stdout).toContain(
      '**History:** added in [1.0.0](#changes:1.0.0) · changed in [1.2.0](#changes:1.2.0) (breaking)',
    );
    expect(readdirSync(g.dir).sort()).toEqual(['.git', 'errors.ts']);
  });

  it('says so when the catalog was never committed, and shows its entries as unreleased', async () => {
    const g = repo('fresh');
    g.write(catalog('0.1.0', '  A: { status: 400 }\n'));
    const r = await runCli(['docs', 'errors.yaml', '--changelog'], g.dir);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe(
      'warning: --changelog: errors.yaml has no commits in git yet: its entries are shown as unreleased\n',
    );
    expect(r.stdout).toContain('### Unreleased');
    expect(r.stdout).toContain('**History:** added in [Unreleased](#changes:unreleased)');
  });

  it('is a usage error outside git, with another format, or with a bad limit (exit 2, no stack trace)', async () => {
    const outside = mkdtempSync(join(tmpdir(), 'errata-nogit-'));
    try {
      writeFileSync(join(outside, 'errors.yaml'), V1);
      const r = await runCli(['docs', 'errors.yaml', '--changelog'], outside);
      expect(r.code).toBe(2);
      expect(r.stderr).toContain('error: --changelog: errors.yaml is not in a git repository');
      expect(r.stdout).toBe('');
      expect(r.stderr).not.toMatch(/\n\s+at /);
    } finally {
      rmSync(outside, { recursive: true, force: true });
    }
    for (const [argv, message] of [
      [['-f', 'llms'], '--changelog adds a Changes section to --format md or html (got "llms")'],
      [
        ['--changelog-limit', '0'],
        '--changelog-limit must be a whole number of commits from 1 to 999999 (got "0")',
      ],
      [['--changelog-limit', 'ten'], '--changelog-limit must be a whole number'],
    ] as const) {
      const r = await runCli(['docs', 'errors.yaml', '--changelog', ...argv], versioned.dir);
      expect({ code: r.code, stderr: r.stderr }).toMatchObject({
        code: 2,
        stderr: expect.stringContaining(message),
      });
    }
    const alone = await runCli(['docs', 'errors.yaml', '--changelog-limit', '5'], versioned.dir);
    expect(alone.code).toBe(2);
    expect(alone.stderr).toContain('--changelog-limit needs --changelog');
  });
});
