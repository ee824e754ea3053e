/**
 * Docs are code: every fenced block of README.md and docs/*.md is type-checked, loaded or run, so
 * the documentation cannot drift from the package.
 *
 * Conventions for the pages:
 * - The info string is the language, then attributes: ```yaml title="errors.yaml"```.
 *   Languages: `ts`, `yaml`, `json`, `sh` (or `bash`), and `text` for what is not checked (output
 *   samples, HTTP exchanges), `md` and `html` for pages a command reads (saved by title, not checked).
 *   Any other language fails this test.
 * - `title="NAME"` saves the block as NAME in the page's own folder, in the order of the page, so later
 *   blocks import it (`./errors.js`) or run commands on it. A `.ts` name is written once per page.
 * - `ts`: each block is a complete module. Every block of every page is type-checked in one tsc run
 *   (strict, NodeNext); `errata`, `errata/client`, `errata/fastify`… resolve to src/ through a
 *   package in the folder's node_modules (see prepareFolder in test/_docs.ts).
 * - `yaml`, `json`: parsed; a catalog (an object whose `errors` is an object) is loaded with the catalog
 *   loader and must load, or fail to load when the block says `invalid`.
 * - `text output`: what the previous command of the page printed (stdout, then stderr), compared as it is.
 * - `sh`, `bash`: every command starting with `errata ` or `npx errata ` (`\` continuations joined,
 *   `&&` chains split) runs through the CLI in the page's folder and must exit 0, or N when the line
 *   ends with a comment saying `exit N` (`errata lint bad.yaml  # exit 1: …`). Other lines
 *   (`npm install`, `curl`, `npx tsx server.ts`) are instructions for the reader and are not run.
 *   A `git:REF` argument finds the folder committed as REF (the files the page wrote so far), and
 *   `--changelog` the folder committed, its history.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { loadCatalog } from '../src/catalog/load.js';
import { isRecord } from '../src/utils/record.js';
import { runCli } from './_cli.js';
import {
  BLOCKS,
  type Block,
  commandsOf,
  type Diagnostic,
  extractBlocks,
  prepareFolder,
  REPO,
  shown,
  titleOf,
  typeCheck,
} from './_docs.js';

const PAGES = [
  'README.md',
  ...(existsSync(join(REPO, 'docs'))
    ? readdirSync(join(REPO, 'docs'))
        .filter((f) => f.endsWith('.md'))
        .sort()
        .map((f) => `docs/${f}`)
    : []),
];
const ROOT = join(BLOCKS, 'pages');
const LANGS = new Set(['ts', 'typescript', 'yaml', 'yml', 'json', 'sh', 'bash', 'text', 'md', 'html']);

/** What the last command run in each page's folder printed, for a `text output` block. */
const printed = new Map<string, string>();

/** Where each written `.ts` file came from, to report tsc's diagnostics at the page's line. */
const origin = new Map<string, Block>();

beforeAll(() => prepareFolder(ROOT));

const folderOf = (page: string) => join(ROOT, page.replace(/\.md$/, '').replace(/[/\\]/g, '-'));
const where = (b: Block) => `${b.page}:${b.line}`;
const isCatalog = (doc: unknown): boolean => isRecord(doc) && isRecord(doc.errors);

for (const page of PAGES) {
  const blocks = extractBlocks(page);
  const dir = folderOf(page);

  describe(page, () => {
    beforeAll(() => mkdirSync(dir, { recursive: true }));

    it('marks every code block with a language the tests know, and names each .ts file once', () => {
      const unknown = blocks.filter((b) => !LANGS.has(b.lang)).map((b) => `${where(b)}: "${b.lang}"`);
      expect(unknown, 'use ts, yaml, json, sh or text').toEqual([]);
      const names = blocks.map(titleOf).filter((t): t is string => t?.endsWith('.ts') ?? false);
      expect(
        names.filter((n, i) => names.indexOf(n) !== i),
        'a .ts title given twice',
      ).toEqual([]);
    });

    for (const block of blocks) {
      if (!LANGS.has(block.lang) || (block.lang === 'text' && !block.attrs.output)) continue;
      const title = titleOf(block);
      it(`${block.lang} block at line ${block.line}${title ? ` (${title})` : ''}`, async () => {
        await check(block, dir);
      });
    }
  });
}

async function check(block: Block, dir: string): Promise<void> {
  const title = titleOf(block);
  if (title !== undefined) {
    expect(title, `${where(block)}: a title is a plain file name`).toMatch(/^[\w.-]+$/);
    writeFileSync(join(dir, title), block.code);
  }
  switch (block.lang) {
    case 'ts':
    case 'typescript': {
      const file = join(dir, title ?? `block-${block.line}.ts`);
      expect(file, `${where(block)}: a TypeScript block is saved as .ts`).toMatch(/\.ts$/);
      if (title === undefined) writeFileSync(file, block.code);
      origin.set(file, block);
      return;
    }
    case 'yaml':
    case 'yml':
    case 'json': {
      let doc: unknown;
      try {
        doc = block.lang === 'json' ? JSON.parse(block.code) : parseYaml(block.code);
      } catch (e) {
        throw new Error(`${where(block)}: not valid ${block.lang}: ${(e as Error).message}`);
      }
      if (!isCatalog(doc)) {
        expect(block.attrs.invalid, `${where(block)}: only a catalog can be marked invalid`).toBeUndefined();
        return;
      }
      const file = title ?? `block-${block.line}.${block.lang}`;
      if (title === undefined) writeFileSync(join(dir, file), block.code);
      const loaded = loadCatalog(file, { cwd: dir });
      if (block.attrs.invalid) await expect(loaded, `${where(block)} is marked invalid`).rejects.toThrow();
      else
        expect(Object.keys((await loaded).errors), `${where(block)}: the catalog loads, every entry`).toEqual(
          Object.keys((doc as { errors: object }).errors),
        );
      return;
    }
    case 'text': {
      const out = printed.get(dir);
      expect(out?.trimEnd(), `${where(block)}: the output of the command block before it`).toBe(
        block.code.trimEnd(),
      );
      return;
    }
    case 'sh':
    case 'bash': {
      for (const cmd of commandsOf(block)) {
        if (cmd.argv.some((a) => a.startsWith('git:') || a === '--changelog')) commitFolder(dir);
        const r = await runCli(cmd.argv, dir);
        printed.set(dir, r.stdout + r.stderr);
        expect(
          { line: `${block.page}:${cmd.line}`, command: `errata ${cmd.argv.join(' ')}`, code: r.code },
          `stderr:\n${r.stderr}\nstdout:\n${r.stdout.slice(0, 2000)}`,
        ).toEqual({
          line: `${block.page}:${cmd.line}`,
          command: `errata ${cmd.argv.join(' ')}`,
          code: cmd.exit,
        });
      }
      return;
    }
  }
}

/** Makes the page's folder a git repository whose `HEAD`, `main` and `origin/main` hold its files as they are now. */
function commitFolder(dir: string): void {
  const git = (...args: string[]) =>
    execFileSync('git', ['-c', 'user.name=docs', '-c', 'user.email=docs@example.com', ...args], {
      cwd: dir,
      stdio: 'pipe',
    });
  if (!existsSync(join(dir, '.git'))) git('init', '-q', '-b', 'main');
  git('add', '-A', '.');
  git('commit', '-q', '--allow-empty', '-m', 'docs');
  git('update-ref', 'refs/remotes/origin/main', 'HEAD');
}

describe('every TypeScript block', () => {
  it('type-checks (one tsc run over every page)', { timeout: 240_000 }, async () => {
    expect(origin.size, 'the pages hold TypeScript blocks').toBeGreaterThan(0);
    // Diagnostics of errata's own sources (reached through the package's link to src/) are `npm run typecheck`'s.
    const diagnostics: Diagnostic[] = (await typeCheck(ROOT)).filter((d) => d.file.startsWith(ROOT));
    const report = diagnostics.map((d) => {
      const b = origin.get(d.file);
      return b ? `${b.page}:${b.line + d.line}: ${d.text}` : `${shown(d.file)}:${d.line}: ${d.text}`;
    });
    expect(report).toEqual([]);
  });
});

describe('docs/cli.md', () => {
  it('has a section per command, naming each of its options (and aliases) and no option it lacks', async () => {
    const { commands } = await import('../src/cli/main.js');
    const text = readFileSync(join(REPO, 'docs', 'cli.md'), 'utf8');
    const sections = new Map<string, string>();
    for (const part of text.split(/^## /m).slice(1)) {
      const [head = '', ...rest] = part.split('\n');
      const name = /^errata (\S+)$/.exec(head.trim())?.[1];
      if (name !== undefined) sections.set(name, rest.join('\n'));
    }
    expect([...sections.keys()].sort()).toEqual(commands.map((c) => c.name).sort());
    for (const cmd of commands) {
      const section = sections.get(cmd.name) ?? '';
      const options = Object.entries(cmd.args).filter(([, a]) => a.type !== 'positional');
      const named = options.flatMap(([n, a]) => [
        `--${n}`,
        ...['alias' in a ? (a.alias ?? []) : []].flat().map((x) => `-${x}`),
      ]);
      expect(
        named.filter((flag) => !section.includes(`\`${flag}\``)),
        `errata ${cmd.name}: options missing from its section`,
      ).toEqual([]);
      const known = new Set(options.map(([n]) => n));
      // Outside the examples (which run: an unknown option would exit 2) and mentions of other commands.
      const prose = section
        .replace(/^```[\s\S]*?^```/gm, '')
        .replace(/`errata ([\w-]+)[^`]*`/g, (span, name) => (name === cmd.name ? span : ''));
      const mentioned = [...prose.matchAll(/(?<![\w-])--([a-z][a-z-]*)/g)].map((m) => m[1] as string);
      expect(
        mentioned.filter((f) => !known.has(f) && f !== 'help'),
        `errata ${cmd.name}: options its section names that it does not have`,
      ).toEqual([]);
    }
  });
});

describe('links', () => {
  /** GitHub's anchor of a heading: lower-case, punctuation dropped, spaces as hyphens, repeats numbered. */
  const anchors = (markdown: string): Set<string> => {
    const out = new Set<string>();
    const text = markdown.replace(/^```[\s\S]*?^```/gm, '');
    for (const m of text.matchAll(/^#{1,6} (.+)$/gm)) {
      const base = (m[1] as string)
        .trim()
        .toLowerCase()
        .replace(/[^\p{L}\p{N} _-]/gu, '')
        .replace(/ /g, '-');
      let slug = base;
      for (let n = 1; out.has(slug); n++) slug = `${base}-${n}`;
      out.add(slug);
    }
    return out;
  };

  it.each(PAGES)('every relative link of %s names a file that exists, and a heading in it', (page) => {
    const text = readFileSync(join(REPO, page), 'utf8').replace(/^```[\s\S]*?^```/gm, '');
    const broken: string[] = [];
    for (const m of text.matchAll(/\]\(([^)\s]+)\)/g)) {
      const target = m[1] as string;
      if (/^[a-z]+:/i.test(target)) continue;
      const [path = '', anchor] = target.split('#');
      const file = path === '' ? join(REPO, page) : join(REPO, page, '..', path);
      if (!existsSync(file)) broken.push(`${target}: no such file`);
      else if (
        anchor !== undefined &&
        file.endsWith('.md') &&
        !anchors(readFileSync(file, 'utf8')).has(anchor)
      )
        broken.push(`${target}: no such heading`);
    }
    expect(broken).toEqual([]);
  });
});
