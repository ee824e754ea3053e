/**
 * The README's "Five minutes to a working API", verbatim: the files it names are written as it shows
 * them into an empty application folder (where `errata` resolves to this repository, see prepareFolder),
 * its `errata` commands run through bin/errata.js, `npx tsx server.ts` starts its server on 127.0.0.1
 * (on a free port, through the `PORT` the server reads), and every `$ command` sample of the section
 * (the curl request, the client's run) is executed and compared with the output the README shows.
 * The `npm` lines are the install, which this repository's node_modules stand in for.
 */
import { type ChildProcess, execFile, spawn } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BLOCKS, type Block, commandsOf, extractBlocks, prepareFolder, REPO, titleOf } from './_docs.js';

const DIR = join(BLOCKS, 'quickstart');
const BIN = join(REPO, 'bin', 'errata.js');
const TSX = join(REPO, 'node_modules', 'tsx', 'dist', 'cli.mjs');
const SECTION = '## Five minutes to a working API';

/** The blocks of the README's five-minute section, in order. */
function sectionBlocks(): Block[] {
  const text = readFileSync(join(REPO, 'README.md'), 'utf8').split('\n');
  const start = text.indexOf(SECTION);
  if (start === -1) throw new Error(`README.md has no "${SECTION}" section`);
  const next = text.findIndex((l, i) => i > start && l.startsWith('## '));
  const end = next === -1 ? text.length : next;
  return extractBlocks('README.md').filter((b) => b.line > start && b.line <= end);
}

const blocks = sectionBlocks();

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address() as { port: number };
      s.close(() => resolve(port));
    });
  });
}

function run(file: string, args: string[], env: Record<string, string> = {}) {
  return new Promise<{ code: number; stdout: string; stderr: string }>((resolve) => {
    execFile(
      process.execPath,
      [file, ...args],
      { cwd: DIR, env: { ...process.env, NO_COLOR: '1', ...env }, timeout: 60_000 },
      (error, stdout, stderr) => {
        const code = error === null ? 0 : typeof error.code === 'number' ? error.code : 1;
        resolve({ code, stdout, stderr });
      },
    );
  });
}

let server: ChildProcess | undefined;
let serverLog = '';
let port = 0;
const base = () => `http://127.0.0.1:${port}`;

/** Starts `npx tsx <file>` as the README says, and waits (bounded) until it answers. */
async function startServer(file: string): Promise<void> {
  port = await freePort();
  server = spawn(process.execPath, [TSX, file], {
    cwd: DIR,
    env: { ...process.env, PORT: String(port) },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  server.stdout?.on('data', (d) => {
    serverLog += d;
  });
  server.stderr?.on('data', (d) => {
    serverLog += d;
  });
  for (let i = 0; i < 300; i++) {
    if (server.exitCode !== null) throw new Error(`${file} exited: ${serverLog}`);
    try {
      await fetch(base());
      return;
    } catch {
      await new Promise((r) => setTimeout(r, 200));
    }
  }
  throw new Error(`${file} did not answer within 60 s: ${serverLog}`);
}

afterAll(() => {
  server?.kill();
});

/** A `$ curl -i URL` sample: the request made, and the status, headers and JSON body compared. */
async function checkCurl(block: Block, command: string, expected: string[]): Promise<void> {
  const url = /^curl -i (\S+)$/.exec(command)?.[1];
  expect(
    url,
    `${block.page}:${block.line}: only "curl -i URL" samples of the local server are checked`,
  ).toMatch(/^(https?:\/\/)?127\.0\.0\.1:3000\//);
  const res = await fetch((url as string).replace(/^(https?:\/\/)?127\.0\.0\.1:3000/, base()));
  const blank = expected.indexOf('');
  const [statusLine = '', ...headerLines] = expected.slice(0, blank);
  expect(`HTTP/1.1 ${res.status} ${res.statusText}`).toBe(statusLine);
  const body = JSON.parse(await res.text()) as Record<string, unknown>;
  const requestId = res.headers.get('x-request-id');
  expect(requestId).toMatch(/^[\w-]+$/);
  for (const line of headerLines) {
    const [name = '', value] = line.split(/:\s*/, 2);
    // The request id is a fresh one on every request: it must be the one the body carries.
    if (name === 'x-request-id') expect(body.requestId).toBe(requestId);
    else expect(`${name}: ${res.headers.get(name)}`).toBe(`${name}: ${value}`);
  }
  const shown = JSON.parse(expected.slice(blank + 1).join('\n')) as Record<string, unknown>;
  expect(body).toEqual({ ...shown, requestId });
}

describe("the README's five-minute path", () => {
  beforeAll(() => prepareFolder(DIR));

  it('has a catalog, a server, a client and the lint and docs commands', () => {
    const titles = blocks.map(titleOf);
    expect(titles).toEqual(expect.arrayContaining(['errors.yaml', 'server.ts', 'client.ts']));
    const commands = blocks.flatMap(commandsOf).map((c) => c.argv[0]);
    expect(commands).toEqual(expect.arrayContaining(['types', 'lint', 'docs']));
  });

  it('works as written, block by block', { timeout: 180_000 }, async () => {
    let samples = 0;
    for (const block of blocks) {
      const title = titleOf(block);
      if (title !== undefined) writeFileSync(join(DIR, title), block.code);
      if (block.lang === 'sh') {
        for (const cmd of commandsOf(block)) {
          const r = await run(BIN, cmd.argv);
          expect({ line: cmd.line, code: r.code, stderr: r.stderr }).toEqual({
            line: cmd.line,
            code: cmd.exit,
            stderr: '',
          });
          const out = cmd.argv[cmd.argv.indexOf('-o') + 1];
          if (cmd.argv.includes('-o'))
            expect(existsSync(join(DIR, out as string)), `${out} written`).toBe(true);
        }
        const start = /^npx tsx (\S+\.ts)$/m.exec(block.code);
        if (start) await startServer(start[1] as string);
      }
      if (block.lang === 'text' && block.code.startsWith('$ ')) {
        const [first = '', ...rest] = block.code.trimEnd().split('\n');
        const command = first.slice(2);
        expect(
          server?.exitCode,
          `${block.page}:${block.line}: a server started by an earlier block is running`,
        ).toBeNull();
        samples++;
        if (command.startsWith('curl ')) await checkCurl(block, command, rest);
        else {
          const client = /^npx tsx (\S+\.ts)$/.exec(command)?.[1];
          expect(client, `${block.page}:${block.line}: an "npx tsx FILE" or "curl -i URL" sample`).toMatch(
            /\.ts$/,
          );
          const r = await run(TSX, [client as string], { API_URL: base() });
          expect({ code: r.code, stdout: r.stdout.trimEnd(), stderr: r.stderr }).toEqual({
            code: 0,
            stdout: rest.join('\n'),
            stderr: '',
          });
        }
      }
    }
    expect(samples, 'the section shows a request and the client run').toBeGreaterThanOrEqual(2);
    // `errata docs … -o errors.html` wrote the reference page, every entry anchored by its id.
    const html = readFileSync(join(DIR, 'errors.html'), 'utf8');
    for (const id of ['ORDER_NOT_FOUND', 'OUT_OF_STOCK', 'VALIDATION_FAILED'])
      expect(html).toContain(`id="${id}"`);
  });
});
