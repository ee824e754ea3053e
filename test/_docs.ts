// Reading the documentation's code blocks and giving them a folder to run in, for test/docs.test.ts
// and test/readme-quickstart.test.ts. See the top of test/docs.test.ts for the conventions.
import { execFile } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

export const REPO = fileURLToPath(new URL('..', import.meta.url));
/** Where the blocks are written: inside the repository (so its node_modules resolve), ignored by git. */
export const BLOCKS = join(REPO, 'test', '.docs-blocks');

/** One fenced code block of a Markdown page. */
export interface Block {
  /** The page, relative to the repository (`docs/catalog.md`). */
  readonly page: string;
  /** Line of the opening fence, 1-based. */
  readonly line: number;
  /** The info string's first word, lower-case (`ts`, `yaml`, `sh`, `text`). */
  readonly lang: string;
  /** The info string's attributes: `title="errors.yaml"`, a bare `invalid`. */
  readonly attrs: Readonly<Record<string, string | true>>;
  readonly code: string;
}

/** Every fenced block of a page (``` or ~~~ fences, indented ones inside lists included). */
export function extractBlocks(page: string): Block[] {
  const text = readFileSync(join(REPO, page), 'utf8');
  const lines = text.split('\n');
  const blocks: Block[] = [];
  for (let i = 0; i < lines.length; i++) {
    const open = /^(\s*)(`{3,}|~{3,})(.*)$/.exec(lines[i] as string);
    if (!open) continue;
    const [, indent = '', fence = '', info = ''] = open;
    const body: string[] = [];
    let j = i + 1;
    for (; j < lines.length; j++) {
      const l = lines[j] as string;
      const t = l.trim();
      if (t.length >= fence.length && t === (fence[0] as string).repeat(t.length)) break;
      body.push(l.startsWith(indent) ? l.slice(indent.length) : l.trimStart());
    }
    if (j === lines.length) throw new Error(`${page}:${i + 1}: a code fence that is never closed`);
    const [lang = '', ...rest] = info.trim().split(/\s+(?=(?:[^"]*"[^"]*")*[^"]*$)/);
    const attrs: Record<string, string | true> = {};
    for (const a of rest.filter(Boolean)) {
      const m = /^([\w-]+)(?:="([^"]*)")?$/.exec(a);
      if (!m) throw new Error(`${page}:${i + 1}: cannot read the info string attribute ${a}`);
      attrs[m[1] as string] = m[2] ?? true;
    }
    blocks.push({ page, line: i + 1, lang: lang.toLowerCase(), attrs, code: `${body.join('\n')}\n` });
    i = j;
  }
  return blocks;
}

/** The file name a block is saved as (`title="..."`), if any. */
export function titleOf(block: Block): string | undefined {
  const t = block.attrs.title;
  return typeof t === 'string' ? t : undefined;
}

/**
 * A folder where code imports `errata` as an application does: a package of its own (so the
 * repository's own name is not self-referenced) with `node_modules/errata` whose `exports` are the
 * repository's, pointed at the TypeScript sources (src/ and schema/ are symbolic links). tsc, tsx and
 * the CLI's catalog loader (jiti) all resolve it like an installed package, without a build.
 */
export function prepareFolder(dir: string): void {
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  writeFileSync(
    join(dir, 'package.json'),
    `${JSON.stringify({ name: 'errata-docs-blocks', private: true, type: 'module' }, null, 2)}\n`,
  );
  const pkg = join(dir, 'node_modules', 'errata');
  mkdirSync(pkg, { recursive: true });
  symlinkSync(join(REPO, 'src'), join(pkg, 'src'), 'dir');
  symlinkSync(join(REPO, 'schema'), join(pkg, 'schema'), 'dir');
  const repoPkg = JSON.parse(readFileSync(join(REPO, 'package.json'), 'utf8')) as {
    exports: Record<string, string | { default: string }>;
  };
  const exports: Record<string, string> = {};
  for (const [key, target] of Object.entries(repoPkg.exports)) {
    const file = typeof target === 'string' ? target : target.default;
    exports[key] = file.replace(/^\.\/dist\/(.*)\.js$/, './src/$1.ts');
  }
  writeFileSync(
    join(pkg, 'package.json'),
    `${JSON.stringify({ name: 'errata', type: 'module', exports }, null, 2)}\n`,
  );
  writeFileSync(
    join(dir, 'tsconfig.json'),
    `${JSON.stringify(
      {
        compilerOptions: {
          target: 'ES2022',
          lib: ['ES2023', 'DOM', 'DOM.Iterable'],
          module: 'NodeNext',
          moduleResolution: 'NodeNext',
          strict: true,
          noUncheckedIndexedAccess: true,
          verbatimModuleSyntax: true,
          isolatedModules: true,
          skipLibCheck: true,
          noEmit: true,
          types: ['node'],
        },
        include: ['**/*.ts'],
      },
      null,
      2,
    )}\n`,
  );
}

/** One tsc diagnostic. */
export interface Diagnostic {
  readonly file: string;
  readonly line: number;
  readonly text: string;
}

/** Type-checks every `.ts` file under `dir` in one tsc run; its diagnostics (none when it passes). */
export function typeCheck(dir: string): Promise<Diagnostic[]> {
  const tsc = join(REPO, 'node_modules', 'typescript', 'bin', 'tsc');
  return new Promise((resolve, reject) => {
    execFile(
      process.execPath,
      [tsc, '-p', dir, '--pretty', 'false'],
      { cwd: dir, timeout: 240_000, maxBuffer: 16 << 20 },
      (error, stdout) => {
        const out: Diagnostic[] = [];
        for (const l of stdout.split('\n')) {
          const m = /^(.+?)\((\d+),\d+\): (error .*)$/.exec(l);
          if (m) out.push({ file: join(dir, m[1] as string), line: Number(m[2]), text: m[3] as string });
          else if (out.length > 0 && l.startsWith(' '))
            (out[out.length - 1] as { text: string }).text += `\n${l}`;
        }
        if (error && out.length === 0) reject(new Error(`tsc failed without diagnostics: ${stdout}`));
        else resolve(out);
      },
    );
  });
}

/** One command of a shell block that the tests run. */
export interface Command {
  /** Line in the page, 1-based. */
  readonly line: number;
  /** The arguments after `errata`. */
  readonly argv: string[];
  /** The exit code the page states (`# exit 1`), else 0. */
  readonly exit: number;
}

/**
 * The `errata` commands of a shell block: every line (after joining `\` continuations, and each part
 * of an `&&` chain) that starts with `errata ` or `npx errata `. Anything else (`npm install`, `curl`)
 * is an instruction for the reader and is not run.
 */
export function commandsOf(block: Block): Command[] {
  const out: Command[] = [];
  const lines = block.code.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const start = i;
    let text = lines[i] as string;
    while (text.endsWith('\\') && i + 1 < lines.length) text = `${text.slice(0, -1)} ${lines[++i]}`;
    const words = shellWords(text, `${block.page}:${block.line + 1 + start}`);
    const exit = /^#.*\bexits? (\d)\b/.exec(words.comment ?? '');
    for (const part of words.parts) {
      const argv = part[0] === 'npx' ? part.slice(1) : part;
      if (argv[0] !== 'errata') continue;
      out.push({ line: block.line + 1 + start, argv: argv.slice(1), exit: exit ? Number(exit[1]) : 0 });
    }
  }
  return out;
}

/** A shell line as words (single and double quotes), split at `&&`, and its trailing `# comment`. */
export function shellWords(line: string, where: string): { parts: string[][]; comment?: string } {
  const parts: string[][] = [[]];
  // Parts holding an unquoted pipe, redirection, `;`, `$` or glob: fine for the reader's shell, not run.
  const special = new Set<number>();
  let word: string | undefined;
  let comment: string | undefined;
  const end = () => {
    if (word !== undefined) (parts[parts.length - 1] as string[]).push(word);
    word = undefined;
  };
  for (let i = 0; i < line.length; i++) {
    const c = line[i] as string;
    if (c === "'" || c === '"') {
      const close = line.indexOf(c, i + 1);
      if (close === -1) throw new Error(`${where}: unclosed quote`);
      word = (word ?? '') + line.slice(i + 1, close);
      i = close;
    } else if (/\s/.test(c)) end();
    else if (c === '#' && word === undefined) {
      comment = line.slice(i);
      break;
    } else if (c === '&' && line[i + 1] === '&') {
      end();
      parts.push([]);
      i++;
    } else if ('|;<>`$*'.includes(c)) {
      special.add(parts.length - 1);
      word = (word ?? '') + c;
    } else word = (word ?? '') + c;
  }
  end();
  parts.forEach((p, i) => {
    // Only plain commands are run: a pipe or a redirection would need a shell.
    if (special.has(i) && (p[0] === 'errata' || p[1] === 'errata'))
      throw new Error(
        `${where}: an errata command with a pipe, redirection or expansion: the tests run plain commands only`,
      );
  });
  return { parts: parts.filter((p) => p.length > 0), ...(comment !== undefined && { comment }) };
}

/** A path for messages: relative to the repository. */
export const shown = (path: string) => relative(REPO, path);
