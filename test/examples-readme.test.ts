/**
 * examples/README.md's curl list, sent to the Express example: each command is answered with
 * the status and code its comment names, so the list cannot drift from the app.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { start } from '../examples/express/app.js';
import { REPO } from './_docs.js';

/** The `# STATUS [CODE]…` comment and the curl command under it, for each command of the sh block. */
function listed(): { status: number; code?: string; command: string }[] {
  const text = readFileSync(join(REPO, 'examples', 'README.md'), 'utf8');
  const block = /```sh\n([\s\S]*?)```/.exec(text)?.[1] ?? '';
  const lines = block.trimEnd().split('\n');
  const out: { status: number; code?: string; command: string }[] = [];
  for (let i = 0; i < lines.length; i++) {
    const comment = /^# (\d{3})(?: ([A-Z_]+))?\b/.exec(lines[i] as string);
    const command = lines[i + 1] ?? '';
    expect(comment, `line "${lines[i]}": a "# STATUS" comment above each command`).not.toBeNull();
    expect(command).toMatch(/^curl -i /);
    out.push({ status: Number(comment?.[1]), code: comment?.[2], command });
    i++;
  }
  return out;
}

/** The command's words (single-quoted, as the list writes them) sent with fetch. */
function send(command: string, base: string): Promise<Response> {
  const words = [...command.matchAll(/'([^']*)'|(\S+)/g)].map((m) => m[1] ?? (m[2] as string));
  const headers = new Headers();
  let method = 'GET';
  let body: string | undefined;
  let url = '';
  for (let i = 2; i < words.length; i++) {
    const w = words[i] as string;
    if (w === '-H') {
      const h = words[++i] as string;
      headers.set(h.slice(0, h.indexOf(':')), h.slice(h.indexOf(':') + 1).trim());
    } else if (w === '-X') method = words[++i] as string;
    else if (w === '-d') {
      body = words[++i];
      if (method === 'GET') method = 'POST';
    } else url = w.replace('http://127.0.0.1:3001', base);
  }
  expect(url.startsWith(base), command).toBe(true);
  return fetch(url, { method, headers, body });
}

let server: { url: string; close(): Promise<void> };
beforeAll(async () => {
  server = await start(0);
});
afterAll(() => server.close());

describe("examples/README.md's requests", () => {
  it('lists a success and the catalog errors, each answered as its comment says', async () => {
    const list = listed();
    expect(list.map((r) => r.status)).toEqual(expect.arrayContaining([201, 404, 405, 409, 422]));
    for (const { status, code, command } of list) {
      const res = await send(command, server.url);
      const body = (await res.json()) as { code?: string };
      expect({ command, status: res.status }).toEqual({ command, status });
      if (code !== undefined) expect({ command, code: body.code }).toEqual({ command, code });
    }
  });
});
