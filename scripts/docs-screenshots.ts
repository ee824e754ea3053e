/**
 * Screenshots of the seed reference pages, beside them in examples/docs/, so a
 * reviewer sees what a change to the page looks like: each
 * examples/docs/<name>.html in Chromium (Debian's, through playwright-core) at
 * 1280×900 (`<name>-desktop.png`) and 390×844 (`<name>-phone.png`), the first
 * screen a reader sees, light theme. Run after scripts/docs.ts.
 *
 *   npx tsx scripts/docs-screenshots.ts             all five seed pages
 *   npx tsx scripts/docs-screenshots.ts clerk flags  only these
 *   --docs DIR                                       another folder of pages
 */
import { readdir, readFile } from 'node:fs/promises';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { chromium } from 'playwright-core';
import { CHROMIUM_ARGS, ensureChromium } from '../test/browser/setup.js';

export const SCREENS = [
  { name: 'desktop', width: 1280, height: 900 },
  { name: 'phone', width: 390, height: 844 },
] as const;

const root = fileURLToPath(new URL('..', import.meta.url));
const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: { docs: { type: 'string', default: join(root, 'examples', 'docs') } },
});
const dir = resolve(values.docs);
const all = (await readdir(dir)).filter((f) => f.endsWith('.html')).map((f) => f.slice(0, -'.html'.length));
const wanted = positionals.length > 0 ? positionals : all.sort();
const unknown = wanted.filter((n) => !all.includes(n));
if (unknown.length > 0) {
  console.error(`no page ${unknown.map((n) => `${n}.html`).join(', ')} in ${dir}`);
  process.exit(1);
}

// Served from loopback, as a reader's browser would load them; nothing else is reachable.
const server = createServer((req, res) => {
  const name = new URL(req.url ?? '/', 'http://x').pathname.slice(1);
  if (!name.endsWith('.html') || !all.includes(name.slice(0, -5))) return res.writeHead(404).end();
  readFile(join(dir, name)).then(
    (body) => res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(body),
    () => res.writeHead(500).end(),
  );
});
await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
const browser = await chromium.launch({ executablePath: ensureChromium(), args: CHROMIUM_ARGS });
try {
  for (const name of wanted) {
    for (const screen of SCREENS) {
      const context = await browser.newContext({
        viewport: { width: screen.width, height: screen.height },
        colorScheme: 'light',
        reducedMotion: 'reduce',
      });
      await context.route('**/*', (route) =>
        new URL(route.request().url()).hostname === '127.0.0.1' ? route.continue() : route.abort(),
      );
      const page = await context.newPage();
      await page.goto(`${base}/${name}.html`);
      const target = join(dir, `${name}-${screen.name}.png`);
      await page.screenshot({ path: target });
      console.log(`wrote ${relative(process.cwd(), target)}`);
      await context.close();
    }
  }
} finally {
  await browser.close();
  server.close();
}
