/**
 * The HTML error reference in real Chromium (Debian's `chromium`, driven by
 * playwright-core): search, filters, anchors, copy, keyboard, themes, a phone
 * viewport, no console errors, no request leaving the machine, and a hostile
 * catalog that renders inert. Screenshots go to test-artifacts/.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type Browser, type BrowserContext, chromium, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { effectiveModel } from '../../src/catalog/contract.js';
import { normalizeDocument } from '../../src/catalog/load.js';
import type { CatalogModel } from '../../src/catalog/model.js';
import { generateHtml } from '../../src/docs/index.js';
import { CHROMIUM_ARGS, ensureChromium } from './setup.js';

const REPO = fileURLToPath(new URL('../..', import.meta.url));
const ARTIFACTS = join(REPO, 'test-artifacts', 'browser');
// The page shows the catalog's contract: its entries and the server failures it has no entry for.
const barekeyCatalog = normalizeDocument(
  JSON.parse(readFileSync(join(REPO, 'examples/catalogs/barekey.json'), 'utf8')),
  'barekey.json',
);
const barekey = effectiveModel(barekeyCatalog);

const EVIL = `<script>window.__pwned=1;alert(1)</script>"onload="window.__pwned=2" '><img src=x onerror="window.__pwned=3"></script><!--`;
const hostile: CatalogModel = normalizeDocument({
  name: 'evil',
  title: `Title ${EVIL}`,
  version: `1 ${EVIL}`,
  description: `Desc ${EVIL}`,
  docs: 'https://docs.example.com/evil?x="onload="window.__pwned=4"<script>window.__pwned=5</script>',
  categories: [`Cat ${EVIL}`],
  errors: {
    EVIL_ONE: {
      code: `code_${EVIL}`,
      status: 400,
      category: `Cat ${EVIL}`,
      title: `T ${EVIL}`,
      message: `M {name} ${EVIL}`,
      // The inline subset: a safe link, emphasis and code render; script and data links stay text.
      description: `D ${EVIL} [x](javascript:window.__pwned=6) *[y](data:text/html,<script>window.__pwned=7</script>)* \`<b>code</b>\` [ok](https://example.com/docs?a=1&b="2")`,
      remediation: `R ${EVIL} **bold** [rel](#EVIL_TWO) [z](JaVaScRiPt:window.__pwned=8)`,
      params: { name: { type: 'string', description: `P ${EVIL}` } },
      details: { type: 'object', properties: { [`k${EVIL}`]: { type: 'string', examples: [EVIL] } } },
      deprecated: { since: `S ${EVIL}`, replacedBy: 'EVIL_TWO', note: `N ${EVIL}` },
      links: [`https://example.com/?q="onload="alert(1)`],
    },
    EVIL_TWO: { status: 503, category: `Other ${EVIL}`, description: EVIL, retry: true },
  },
});

let server: Server;
let base: string;
let browser: Browser;
const pages = new Map<string, string>();

beforeAll(async () => {
  const executablePath = ensureChromium();
  mkdirSync(ARTIFACTS, { recursive: true });
  pages.set('/barekey.html', generateHtml(barekeyCatalog, { dialect: 'problem' }));
  pages.set('/evil.html', generateHtml(hostile, { dialect: 'problem' }));
  for (const [p, html] of pages) writeFileSync(join(ARTIFACTS, p.slice(1)), html);
  server = createServer((req, res) => {
    const body = pages.get(new URL(req.url ?? '/', 'http://x').pathname);
    if (body === undefined) res.writeHead(404).end();
    else res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(body);
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  browser = await chromium.launch({ executablePath, args: CHROMIUM_ARGS });
});

afterAll(async () => {
  await browser?.close();
  await new Promise((r) => server?.close(r));
});

interface Session {
  context: BrowserContext;
  page: Page;
  consoleErrors: string[];
  offsite: string[];
  dialogs: string[];
}

async function open(path: string, options: { viewport?: { width: number; height: number } } = {}) {
  const context = await browser.newContext({ viewport: options.viewport ?? { width: 1280, height: 900 } });
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: base });
  const s: Session = { context, page: await context.newPage(), consoleErrors: [], offsite: [], dialogs: [] };
  // The page must work offline: anything not on loopback is recorded and refused.
  await context.route('**/*', (route) => {
    const url = new URL(route.request().url());
    if (url.protocol === 'data:' || url.hostname === '127.0.0.1') return route.continue();
    s.offsite.push(url.href);
    return route.abort();
  });
  s.page.on('console', (m) => {
    if (m.type() === 'error') s.consoleErrors.push(m.text());
  });
  s.page.on('pageerror', (e) => s.consoleErrors.push(e.message));
  s.page.on('dialog', (d) => {
    s.dialogs.push(d.message());
    void d.dismiss();
  });
  await s.page.goto(`${base}${path}`);
  return s;
}

async function close(s: Session) {
  expect(s.consoleErrors).toEqual([]);
  expect(s.offsite).toEqual([]);
  expect(s.dialogs).toEqual([]);
  await s.context.close();
}

// The catalog's own entries are cards; the server failures it adds are rows of one table.
const visibleIds = (page: Page) =>
  page.$$eval('article.entry, tr.added', (els) =>
    els.filter((e) => !(e as HTMLElement).hidden).map((e) => e.id),
  );
const byId = (id: string) => `[id="${id}"]`;
const allIds = Object.keys(barekey.errors);

describe('HTML reference in Chromium', () => {
  it('shows every entry, and typing in search narrows the list', async () => {
    const s = await open('/barekey.html');
    const { page } = s;
    expect(await visibleIds(page)).toEqual(allIds);
    await page.screenshot({ path: join(ARTIFACTS, 'barekey-light.png'), fullPage: false });

    await page.fill(byId('errata:q'), 'DEVICE_CODE');
    const found = await visibleIds(page);
    expect(found).toEqual(['DEVICE_CODE_NOT_FOUND', 'DEVICE_CODE_EXPIRED']);
    expect(await page.textContent(byId('errata:count'))).toBe(`2 of ${allIds.length} errors`);
    // Rows of the retry table follow the search.
    expect(await page.isVisible(byId('retry:UNAUTHORIZED'))).toBe(false);
    expect(await page.isVisible(byId('retry:DEVICE_CODE_EXPIRED'))).toBe(true);

    await page.fill(byId('errata:q'), 'no-such-thing-anywhere');
    expect(await visibleIds(page)).toEqual([]);
    expect(await page.isVisible(byId('errata:empty'))).toBe(true);
    await page.fill(byId('errata:q'), '');
    expect(await visibleIds(page)).toEqual(allIds);
    await close(s);
  });

  it('filters the entries that do not say whether they may be retried', async () => {
    const s = await open('/evil.html');
    await s.page.selectOption(byId('errata:retry'), 'unstated');
    expect(await visibleIds(s.page)).toEqual(['EVIL_ONE']);
    // Neither retryable nor not: it is in neither list.
    await s.page.selectOption(byId('errata:retry'), 'no');
    expect(await visibleIds(s.page)).not.toContain('EVIL_ONE');
    await s.page.selectOption(byId('errata:retry'), 'yes');
    expect(await visibleIds(s.page)).not.toContain('EVIL_ONE');
    expect(await visibleIds(s.page)).toContain('EVIL_TWO');
    await close(s);
  });

  it('filters by category, status class and retryable', async () => {
    const s = await open('/barekey.html');
    const { page } = s;
    const entries = Object.entries(barekey.errors);

    const catIndex = barekey.categories.indexOf('Variables');
    await page.selectOption(byId('errata:category'), String(catIndex));
    expect(await visibleIds(page)).toEqual(
      entries.filter(([, e]) => e.category === 'Variables').map(([id]) => id),
    );
    await page.selectOption(byId('errata:category'), '');

    await page.selectOption(byId('errata:class'), '5');
    expect(await visibleIds(page)).toEqual(entries.filter(([, e]) => e.status >= 500).map(([id]) => id));
    await page.selectOption(byId('errata:class'), '4');
    expect(await visibleIds(page)).toEqual(entries.filter(([, e]) => e.status < 500).map(([id]) => id));
    await page.selectOption(byId('errata:class'), '');

    await page.selectOption(byId('errata:retry'), 'yes');
    const retryable = entries.filter(([, e]) => e.retry?.retryable).map(([id]) => id);
    expect(retryable.length).toBeGreaterThan(0);
    expect(await visibleIds(page)).toEqual(retryable);
    await page.selectOption(byId('errata:retry'), 'no');
    expect(await visibleIds(page)).toEqual(
      entries.filter(([, e]) => e.retry?.retryable === false).map(([id]) => id),
    );
    // An entry that does not say is neither: it has a value of its own.
    await page.selectOption(byId('errata:retry'), 'unstated');
    expect(await visibleIds(page)).toEqual(
      entries.filter(([, e]) => e.retry === undefined).map(([id]) => id),
    );
    await page.selectOption(byId('errata:retry'), 'no');

    // Filters combine with search; a category with nothing left is hidden.
    await page.fill(byId('errata:q'), 'billing');
    expect(await visibleIds(page)).toEqual(['USAGE_LIMIT_EXCEEDED']);
    await page.selectOption(byId('errata:retry'), 'yes');
    expect(await visibleIds(page)).toEqual(['BILLING_UNAVAILABLE']);
    const shownSections = await page.$$eval('section[data-category]', (els) =>
      els.filter((e) => !(e as HTMLElement).hidden).map((e) => e.querySelector('h2')?.textContent),
    );
    expect(shownSections).toEqual(['Billing and usage']);
    await close(s);
  });

  it('opening page.html#<id> shows that entry, even when filters hid it', async () => {
    const s = await open('/barekey.html#DEVICE_CODE_EXPIRED');
    const { page } = s;
    const inView = async (id: string) =>
      page.$eval(byId(id), (el) => {
        const r = el.getBoundingClientRect();
        return !(el as HTMLElement).hidden && r.top >= 0 && r.top < window.innerHeight;
      });
    expect(await inView('DEVICE_CODE_EXPIRED')).toBe(true);
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('DEVICE_CODE_EXPIRED');
    await page.screenshot({ path: join(ARTIFACTS, 'barekey-anchor.png') });

    // The anchor is the fragment of the entry's RFC 9457 type.
    const type = await page.textContent(`${byId('DEVICE_CODE_EXPIRED')} .meta code`);
    expect(type).toBe('https://docs.example.com/barekey/errors#DEVICE_CODE_EXPIRED');

    await page.selectOption(byId('errata:class'), '5');
    expect(await page.isVisible(byId('UNAUTHORIZED'))).toBe(false);
    await page.evaluate(() => {
      location.hash = '#UNAUTHORIZED';
    });
    await page.waitForFunction(() => document.activeElement?.id === 'UNAUTHORIZED', undefined, {
      timeout: 5000,
    });
    expect(await inView('UNAUTHORIZED')).toBe(true);
    expect(await page.inputValue(byId('errata:class'))).toBe('');
    await close(s);
  });

  it('opening page.html#<id> of a server failure the catalog adds shows its row, even when filters hid it', async () => {
    const s = await open('/barekey.html#METHOD_NOT_ALLOWED');
    const { page } = s;
    expect(await page.$$eval('article.entry#METHOD_NOT_ALLOWED', (els) => els.length)).toBe(0);
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('METHOD_NOT_ALLOWED');
    expect(await page.textContent(`${byId('METHOD_NOT_ALLOWED')} code`)).toBe('METHOD_NOT_ALLOWED');
    await page.selectOption(byId('errata:class'), '5');
    expect(await page.isVisible(byId('METHOD_NOT_ALLOWED'))).toBe(false);
    await page.evaluate(() => {
      location.hash = '#PAYLOAD_TOO_LARGE';
    });
    await page.waitForFunction(() => document.activeElement?.id === 'PAYLOAD_TOO_LARGE', undefined, {
      timeout: 5000,
    });
    expect(await page.isVisible(byId('PAYLOAD_TOO_LARGE'))).toBe(true);
    expect(await page.inputValue(byId('errata:class'))).toBe('');
    await close(s);
  });

  it('copies an example with one click', async () => {
    const s = await open('/barekey.html');
    const { page } = s;
    const expected = await page.textContent(byId('ex:BILLING_UNAVAILABLE'));
    expect(expected).toContain('"code": "BILLING_UNAVAILABLE"');
    await page.click(`button[data-copy="ex:BILLING_UNAVAILABLE"]`);
    await page.waitForFunction(
      () => document.querySelector('button[data-copy="ex:BILLING_UNAVAILABLE"]')?.textContent === 'Copied',
      undefined,
      { timeout: 5000 },
    );
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(expected);
    await close(s);
  });

  it('works from the keyboard', async () => {
    const s = await open('/barekey.html');
    const { page } = s;
    await page.keyboard.press('/');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('errata:q');
    await page.keyboard.type('refresh');
    expect(await visibleIds(page)).toEqual(['INVALID_REFRESH_TOKEN']);
    await page.keyboard.press('Escape');
    expect(await page.inputValue(byId('errata:q'))).toBe('');
    expect(await visibleIds(page)).toEqual(allIds);
    // Tab reaches the filters and then a copy button, each with a visible focus ring.
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('errata:category');
    await page.focus('button[data-copy="ex:UNAUTHORIZED"]');
    await page.keyboard.press('Enter');
    await page.waitForFunction(
      () => document.querySelector('button[data-copy="ex:UNAUTHORIZED"]')?.textContent === 'Copied',
      undefined,
      { timeout: 5000 },
    );
    await close(s);
  });

  it('has a light and a dark theme, following the system and a toggle', async () => {
    const s = await open('/barekey.html');
    const { page } = s;
    const bg = () => page.evaluate(() => getComputedStyle(document.body).backgroundColor);
    await page.emulateMedia({ colorScheme: 'light' });
    const light = await bg();
    await page.emulateMedia({ colorScheme: 'dark' });
    const dark = await bg();
    expect(light).toBe('rgb(255, 255, 255)');
    expect(dark).not.toBe(light);
    await page.screenshot({ path: join(ARTIFACTS, 'barekey-dark.png') });
    await page.emulateMedia({ colorScheme: 'light' });
    await page.click(byId('errata:theme')); // auto → light
    await page.click(byId('errata:theme')); // light → dark
    expect(await page.textContent(byId('errata:theme'))).toBe('Theme: dark');
    expect(await bg()).toBe(dark);
    await close(s);
  });

  it('is readable on a phone: no sideways scrolling', async () => {
    const s = await open('/barekey.html#BILLING_UNAVAILABLE', { viewport: { width: 375, height: 740 } });
    const { page } = s;
    const overflow = await page.evaluate(
      () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
    );
    expect(overflow).toBeLessThanOrEqual(0);
    await page.screenshot({ path: join(ARTIFACTS, 'barekey-phone.png') });
    await close(s);
  });

  it('renders a hostile catalog inert', async () => {
    const s = await open('/evil.html');
    const { page } = s;
    await page.waitForTimeout(200); // let any injected handler fire (it must not)
    expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
    expect(await page.$$eval('script', (els) => els.length)).toBe(2);
    expect(await page.$$eval('img', (els) => els.length)).toBe(0);
    const handlers = await page.$$eval('*', (els) =>
      els.flatMap((e) => [...e.attributes].filter((a) => a.name.startsWith('on')).map((a) => a.name)),
    );
    expect(handlers).toEqual([]);
    // The text is shown as text.
    expect(await page.textContent('h1')).toBe(`Title ${EVIL}`);
    expect(await page.title()).toBe(`Title ${EVIL}`);
    expect(await page.textContent(`${byId('EVIL_ONE')} .deprecated`)).toContain(`N ${EVIL}`);
    expect(await page.textContent(`${byId('EVIL_ONE')} .meta code`)).toBe(
      'https://docs.example.com/evil?x="onload="window.__pwned=4"<script>window.__pwned=5</script>#EVIL_ONE',
    );
    // The inline subset renders; every link left goes to http(s) or within the page.
    const hrefs = await page.$$eval('a[href]', (els) => els.map((e) => e.getAttribute('href') ?? ''));
    expect(hrefs.filter((h) => !/^(https?:\/\/|#)/i.test(h))).toEqual([]);
    expect(hrefs).toContain('https://example.com/docs?a=1&b="2"');
    expect(await page.textContent(`${byId('EVIL_ONE')} .text code`)).toBe('<b>code</b>');
    expect(await page.textContent(`${byId('EVIL_ONE')} .text em`)).toBe(
      '[y](data:text/html,<script>window.__pwned=7</script>)',
    );
    expect(await page.textContent(`${byId('EVIL_ONE')} .text strong:not(:first-child)`)).toBe('bold');
    await page.click(`${byId('EVIL_ONE')} a[href="#EVIL_TWO"]`);
    await page.waitForFunction(() => document.activeElement?.id === 'EVIL_TWO', undefined, {
      timeout: 15_000,
    });
    // Search still works over the hostile data.
    await page.fill(byId('errata:q'), 'onerror');
    expect(await visibleIds(page)).toEqual(['EVIL_ONE', 'EVIL_TWO']);
    await page.screenshot({ path: join(ARTIFACTS, 'evil.png') });
    await close(s);

    // Long hostile text wraps on a phone instead of widening the page.
    const phone = await open('/evil.html', { viewport: { width: 375, height: 740 } });
    const overflow = await phone.page.evaluate(
      () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
    );
    expect(overflow).toBeLessThanOrEqual(0);
    await close(phone);
  });
});
