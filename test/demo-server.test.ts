import { execFile, spawn, spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_URL, demoRequests, demoRequestsText } from '../examples/demo/requests.js';
import { type Demo, startDemo } from '../examples/demo/server.js';
import { dialects } from '../src/dialects/index.js';

const auth = { authorization: 'Bearer demo-token' };
let demo: Demo;
beforeAll(async () => {
  demo = await startDemo(0, { onError: () => {} });
});
afterAll(() => demo.close());

describe('npm start: the demo API and its error reference', () => {
  it('answers RFC 9457 by default, and every type resolves to an entry of /errors', async () => {
    const res = await fetch(`${demo.url}/v1/variables/staging/NOPE`, { headers: auth });
    expect(res.status).toBe(404);
    expect(res.headers.get('content-type')).toBe('application/problem+json');
    const body = (await res.json()) as { type: string; code: string };
    expect(body.code).toBe('VARIABLE_NOT_FOUND');
    const type = new URL(body.type);
    expect(`${type.origin}${type.pathname}`).toBe(`${demo.url}/errors`);
    const page = await fetch(`${demo.url}/errors`);
    expect(page.headers.get('content-type')).toContain('text/html');
    const html = await page.text();
    expect(html).toContain(`id="${type.hash.slice(1)}"`);
    // Every entry's anchor is on the page.
    for (const id of ['UNAUTHORIZED', 'INVALID_REQUEST', 'BILLING_UNAVAILABLE', 'RATE_LIMITED']) {
      expect(html).toContain(`id="${id}"`);
    }
  });

  it('masks an unexpected exception and still resolves its type', async () => {
    const res = await fetch(`${demo.url}/v1/crash`);
    expect(res.status).toBe(500);
    const text = await res.text();
    expect(text).not.toContain('s3cret');
    expect(text).not.toContain('postgres');
    const body = JSON.parse(text) as { type?: string; requestId?: string };
    expect(body.type).toBe(`${demo.url}/errors#INTERNAL_ERROR`);
    // A request id of its own, the one the response header carries, to quote to support.
    expect(body.requestId).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
    expect(res.headers.get('x-request-id')).toBe(body.requestId);
  });

  it('serves the Markdown reference and the OpenAPI document', async () => {
    const md = await (await fetch(`${demo.url}/errors.md`)).text();
    expect(md).toContain('VARIABLE_NOT_FOUND');
    const spec = (await (await fetch(`${demo.url}/openapi.json`)).json()) as { openapi: string };
    expect(spec.openapi).toBe('3.1.0');
  });
});

// The list `npm start` prints and the README shows: every command run for real against the demo.
const root = fileURLToPath(new URL('..', import.meta.url));
const hasCurl = spawnSync('curl', ['--version']).status === 0;

/** Runs a command of the list with bash; its output (curl's status lines and bodies). */
function runShell(command: string): Promise<string> {
  return new Promise((resolve, reject) => {
    execFile('bash', ['-c', command], { timeout: 20_000, maxBuffer: 8 << 20 }, (err, stdout) =>
      err ? reject(err) : resolve(stdout),
    );
  });
}

/** Without curl: the command's words (single quotes only, as the list writes them) replayed with fetch. */
async function replay(command: string): Promise<string> {
  const loop = /^for i in ((?:\d+ ?)+); do (.*); done$/.exec(command);
  if (loop) {
    let out = '';
    for (const _ of (loop[1] as string).trim().split(' ')) out += await replay(loop[2] as string);
    return out;
  }
  const words = [...command.matchAll(/'([^']*)'|(\S+)/g)].map((m) => m[1] ?? (m[2] as string));
  let stdin = '';
  if (words[0] === 'yes') {
    stdin = 'y\n'.repeat(Number(words[4]) / 2 + 1).slice(0, Number(words[4]));
    words.splice(0, words.indexOf('curl'));
  }
  const pipe = words.indexOf('|');
  if (pipe !== -1) words.length = pipe;
  const headers = new Headers();
  let method: string | undefined;
  let body: string | undefined;
  let url = '';
  for (let i = 1; i < words.length; i++) {
    const w = words[i] as string;
    if (w === '-H') {
      const h = words[++i] as string;
      headers.set(h.slice(0, h.indexOf(':')), h.slice(h.indexOf(':') + 1).trim());
    } else if (w === '-X') method = words[++i];
    else if (w === '-d') body = words[++i];
    else if (w === '--data-binary') body = words[++i] === '@-' ? stdin : words[i];
    else if (!w.startsWith('-')) url = w;
  }
  if (body !== undefined && !headers.has('content-type'))
    headers.set('content-type', 'application/x-www-form-urlencoded');
  const res = await fetch(url, { method: method ?? (body === undefined ? 'GET' : 'POST'), headers, body });
  return `HTTP/1.1 ${res.status}\n${await res.text()}\n`;
}

describe('npm start: the requests it prints', () => {
  it('prints the list, with the address it listens on', async () => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'examples/demo/server.ts'], {
      cwd: root,
      env: { ...process.env, PORT: '0' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    try {
      const out = await new Promise<string>((resolve, reject) => {
        let text = '';
        child.stdout.on('data', (chunk: Buffer) => {
          text += chunk;
          if (text.includes("/openapi.json'\n")) resolve(text);
        });
        child.once('exit', (code) => reject(new Error(`npm start exited with ${code}: ${text}`)));
      });
      const url = /on (http:\/\/127\.0\.0\.1:\d+)/.exec(out)?.[1] as string;
      expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
      expect(out).toContain(demoRequestsText(url));
    } finally {
      child.kill();
    }
  });

  it('is the list the README shows, verbatim', () => {
    const readme = readFileSync(`${root}README.md`, 'utf8');
    expect(readme).toContain(`\`\`\`sh\n${demoRequestsText(DEMO_URL)}\`\`\``);
  });

  it('covers every dialect the demo serves and each kind of failure', () => {
    const list = demoRequests();
    for (const name of Object.keys(dialects).filter((d) => d !== 'problem'))
      expect(
        list.some((r) => r.command.includes(`?dialect=${name}'`)),
        name,
      ).toBe(true);
    const statuses = new Set(list.flatMap((r) => r.statuses));
    for (const s of [200, 201, 400, 401, 404, 405, 413, 415, 429, 500])
      expect(statuses, String(s)).toContain(s);
  });

  it('quotes every URL, header and body: nothing bash or zsh would expand is left bare', () => {
    for (const { command } of demoRequests()) {
      const bare = command.replace(/'[^']*'/g, "''");
      // Outside quotes: words, options, `|`, `@-` and the loop's `;` only (no ? * [ ] { } & ! $ # ~).
      expect(bare, command).toMatch(/^[\w\s.|;@'-]*$/);
    }
  });

  it(`answers each command with the status it documents (${hasCurl ? 'curl' : 'replayed with fetch'})`, async () => {
    const fresh = await startDemo(0, { onError: () => {} });
    try {
      for (const r of demoRequests(fresh.url)) {
        const out = hasCurl ? await runShell(r.command) : await replay(r.command);
        const statuses = [...out.matchAll(/^HTTP\/[\d.]+ (\d{3})/gm)].map((m) => Number(m[1]));
        expect(statuses, r.command).toEqual(r.statuses);
        if (r.code !== undefined) expect(out, r.command).toContain(r.code);
      }
    } finally {
      await fresh.close();
    }
  });

  it('replays the list with fetch alike, where curl is missing', async () => {
    const fresh = await startDemo(0, { onError: () => {} });
    try {
      for (const r of demoRequests(fresh.url)) {
        const out = await replay(r.command);
        const statuses = [...out.matchAll(/^HTTP\/[\d.]+ (\d{3})/gm)].map((m) => Number(m[1]));
        expect(statuses, r.command).toEqual(r.statuses);
        if (r.code !== undefined) expect(out, r.command).toContain(r.code);
      }
    } finally {
      await fresh.close();
    }
  });
});
