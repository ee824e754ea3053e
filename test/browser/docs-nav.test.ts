/**
 * The HTML reference's navigation in real Chromium, at 1280×900 and 390×844:
 * the sidebar (a drawer on phones) with its counts and the section in view,
 * the index of every code, filters kept in the address and deep links that
 * survive them, collapsed examples, the first screen on a phone, reduced
 * motion, contrast of both palettes, forced colours and print.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { effectiveModel } from '../../src/catalog/contract.js';
import { normalizeDocument } from '../../src/catalog/load.js';
import { generateHtml } from '../../src/docs/index.js';
import { byId, close, type PageServer, PHONE, servePages, visibleIds } from './_page.js';

const REPO = fileURLToPath(new URL('../..', import.meta.url));
const barekeyCatalog = normalizeDocument(
  JSON.parse(readFileSync(join(REPO, 'examples/catalogs/barekey.json'), 'utf8')),
  'barekey.json',
);
const barekey = effectiveModel(barekeyCatalog);
const allIds = Object.keys(barekey.errors);
const ownIds = Object.keys(barekeyCatalog.errors);

let pages: PageServer;
beforeAll(async () => {
  pages = await servePages(new Map([['/barekey.html', generateHtml(barekeyCatalog)]]));
});
afterAll(async () => {
  await pages?.stop();
});

const current = (page: import('playwright-core').Page) =>
  page.$$eval('a.nav[aria-current=true]', (els) => els.map((e) => e.getAttribute('data-section')));

describe('navigation of the HTML reference', () => {
  it('has a sidebar of the categories with their counts, which follow the filters', async () => {
    const s = await pages.open('/barekey.html');
    const { page } = s;
    const counts = () =>
      page.$$eval('.sidebar a.nav', (els) =>
        els.map((e) => [
          e.querySelector('span')?.textContent,
          e.querySelector('.count')?.textContent ?? null,
        ]),
      );
    const categories = barekeyCatalog.categories.filter((c) =>
      Object.values(barekeyCatalog.errors).some((e) => e.category === c),
    );
    const expected = categories.map((c) => [
      c,
      String(Object.values(barekeyCatalog.errors).filter((e) => e.category === c).length),
    ]);
    expect(await counts()).toEqual([
      ['All errors', String(allIds.length)],
      ['Error format', null],
      ...expected,
      ['Errors the server adds', null],
      ['Retry guidance', null],
    ]);
    await page.fill(byId('errata:q'), 'device');
    const filtered = await counts();
    expect(filtered[0]).toEqual(['All errors', String((await visibleIds(page)).length)]);
    expect(filtered.find((c) => c[0] === 'CLI device flow')?.[1]).toBe('3');
    expect(filtered.find((c) => c[0] === 'Billing and usage')?.[1]).toBe('0');
    await close(s);
  });

  it('marks the section in view, following clicks and scrolling', async () => {
    const s = await pages.open('/barekey.html');
    const { page } = s;
    expect(await current(page)).toEqual(['errata:index']);
    const billing = barekeyCatalog.categories.indexOf('Billing and usage');
    await page.click(`.sidebar a[href="#errata:cat-${billing}"]`);
    await page.waitForFunction(
      (id) => document.querySelector('a.nav[aria-current=true]')?.getAttribute('data-section') === id,
      `errata:sec-${billing}`,
      { timeout: 15_000 },
    );
    const top = await page.$eval(byId(`errata:cat-${billing}`), (el) => el.getBoundingClientRect().top);
    expect(top).toBeGreaterThanOrEqual(0);
    expect(top).toBeLessThan(200);
    await page.$eval(byId('errata:retry-guidance'), (el) => el.scrollIntoView());
    await page.waitForFunction(
      () =>
        document.querySelector('a.nav[aria-current=true]')?.getAttribute('data-section') ===
        'errata:retry-section',
      undefined,
      { timeout: 15_000 },
    );
    expect(await current(page)).toEqual(['errata:retry-section']);
    await close(s);
  });

  it('has an index of every code at the top, linking to each entry and following the search', async () => {
    const s = await pages.open('/barekey.html');
    const { page } = s;
    const rows = await page.$$eval('table.index tbody tr', (els) =>
      els.map((e) => [...e.querySelectorAll('td')].map((td) => td.textContent)),
    );
    expect(rows.map((r) => r[0])).toEqual(allIds.map((id) => barekey.errors[id]?.code));
    const expired = rows.find((r) => r[0] === 'DEVICE_CODE_EXPIRED');
    expect(expired).toEqual(['DEVICE_CODE_EXPIRED', '410', expect.any(String), 'No']);
    // The index comes before the entries.
    const order = await page.evaluate(
      () =>
        (document.getElementById('errata:index') as HTMLElement).compareDocumentPosition(
          document.querySelector('article.entry') as HTMLElement,
        ) & Node.DOCUMENT_POSITION_FOLLOWING,
    );
    expect(order).toBeTruthy();
    await page.click('table.index a[href="#DEVICE_CODE_EXPIRED"]');
    await page.waitForFunction(() => document.activeElement?.id === 'DEVICE_CODE_EXPIRED', undefined, {
      timeout: 5000,
    });
    await page.fill(byId('errata:q'), 'refresh');
    const shown = await page.$$eval('table.index tbody tr', (els) =>
      els.filter((e) => !(e as HTMLElement).hidden).map((e) => e.id),
    );
    expect(shown).toEqual(['idx:INVALID_REFRESH_TOKEN']);
    await close(s);
  });

  it('keeps the filters in the address, and a deep link to an entry they hide still shows it', async () => {
    const s = await pages.open('/barekey.html');
    const { page } = s;
    await page.fill(byId('errata:q'), 'device');
    await page.selectOption(byId('errata:class'), '4');
    expect(new URL(page.url()).search).toBe('?q=device&class=4');
    // The filtered view, shared as a link, opens filtered.
    const shared = await pages.open('/barekey.html?q=device&class=4');
    expect(await shared.page.inputValue(byId('errata:q'))).toBe('device');
    expect(await visibleIds(shared.page)).toEqual(await visibleIds(page));
    await close(shared);
    // A link to an entry the filters hide clears them.
    const deep = await pages.open('/barekey.html?class=5#UNAUTHORIZED');
    expect(await deep.page.isVisible(byId('UNAUTHORIZED'))).toBe(true);
    expect(await deep.page.evaluate(() => document.activeElement?.id)).toBe('UNAUTHORIZED');
    expect(await deep.page.inputValue(byId('errata:class'))).toBe('');
    expect(await visibleIds(deep.page)).toEqual(allIds);
    await close(deep);
    // So does a link to a category the filters hide; a filter value the page does not have is ignored.
    const billing = barekeyCatalog.categories.indexOf('Billing and usage');
    const section = await pages.open(`/barekey.html?q=device&category=99#errata:cat-${billing}`);
    expect(await section.page.inputValue(byId('errata:category'))).toBe('');
    expect(await section.page.isVisible(byId(`errata:cat-${billing}`))).toBe(true);
    await close(section);
    await close(s);
  });

  it('keeps the index and the retry guidance tables for assistive technology, rows laid out as grids', async () => {
    const s = await pages.open('/barekey.html');
    const index = await s.page.locator('table.index').ariaSnapshot();
    expect(index).toMatch(
      /^- table:\n {2}- rowgroup:\n {4}- row "Code HTTP Title Retryable":\n {6}- columnheader "Code"/,
    );
    expect(index).toContain('- cell "UNAUTHORIZED":');
    const guide = await s.page.locator('table.guide').ariaSnapshot();
    expect(guide).toContain('- columnheader "Retry?"');
    expect(guide).toContain('- link "UNAUTHORIZED"');
    await close(s);
  });

  it('shows each example collapsed, opened with a click, copied either way', async () => {
    const s = await pages.open('/barekey.html');
    const { page } = s;
    const open = await page.$$eval('article.entry details.example, article.entry .example details', (els) =>
      els.map((e) => (e as HTMLDetailsElement).open),
    );
    expect(open).toHaveLength(ownIds.length);
    expect(open.every((o) => !o)).toBe(true);
    expect(await page.isVisible(byId('ex:BILLING_UNAVAILABLE'))).toBe(false);
    await page.click(`${byId('BILLING_UNAVAILABLE')} summary`);
    expect(await page.isVisible(byId('ex:BILLING_UNAVAILABLE'))).toBe(true);
    expect(await page.textContent(`${byId('BILLING_UNAVAILABLE')} summary`)).toBe(
      'Example response (barekey)',
    );
    // The summary line leads: code, status, retry.
    const summary = await page.$eval(`${byId('BILLING_UNAVAILABLE')} .summary`, (el) => el.textContent);
    expect(summary).toMatch(/^503 Service UnavailableRetryable/);
    // Entries are short now: 15 errors no longer take 14,000 px.
    const height = await page.$eval(byId('errata:sec-1'), (el) => el.getBoundingClientRect().height);
    expect(height).toBeLessThan(1200);
    await close(s);
  });

  it('on a phone: the first screen shows the search box and the first codes; the sidebar is a drawer', async () => {
    const s = await pages.open('/barekey.html', { viewport: PHONE });
    const { page } = s;
    const bottom = (sel: string) => page.$eval(sel, (el) => el.getBoundingClientRect().bottom);
    expect(await bottom(byId('errata:q'))).toBeLessThan(PHONE.height);
    expect(await bottom('table.index tbody tr:nth-child(3)')).toBeLessThan(PHONE.height);
    expect(await page.isVisible('.sidebar')).toBe(false);
    await page.click(byId('errata:menu'));
    await page.waitForFunction(() => document.querySelector('.sidebar')?.getBoundingClientRect().left === 0);
    expect(await page.getAttribute(byId('errata:menu'), 'aria-expanded')).toBe('true');
    expect(await page.isVisible('.sidebar')).toBe(true);
    await page.keyboard.press('Escape');
    expect(await page.getAttribute(byId('errata:menu'), 'aria-expanded')).toBe('false');
    await page.click(byId('errata:menu'));
    const billing = barekeyCatalog.categories.indexOf('Billing and usage');
    await page.click(`.sidebar a[href="#errata:cat-${billing}"]`);
    expect(await page.getAttribute(byId('errata:menu'), 'aria-expanded')).toBe('false');
    await page.waitForFunction((id) => {
      const r = document.getElementById(id)?.getBoundingClientRect();
      return r !== undefined && r.top >= 0 && r.top < 200;
    }, `errata:cat-${billing}`);
    const overflow = await page.evaluate(
      () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
    );
    expect(overflow).toBeLessThanOrEqual(0);
    await close(s);
  });

  it('moves the drawer without animation when the reader prefers reduced motion', async () => {
    const duration = async (reducedMotion: 'reduce' | 'no-preference') => {
      const s = await pages.open('/barekey.html', { viewport: PHONE, reducedMotion });
      const d = await s.page.$eval('.sidebar', (el) => getComputedStyle(el).transitionDuration);
      await close(s);
      return d;
    };
    expect(await duration('no-preference')).toBe('0.2s');
    expect(await duration('reduce')).toBe('0s');
  });

  it('keeps text readable: contrast of at least 4.5:1 in both palettes, a visible mark in forced colours', async () => {
    const s = await pages.open('/barekey.html');
    const { page } = s;
    for (const theme of ['light', 'dark']) {
      await page.evaluate((t) => document.documentElement.setAttribute('data-theme', t), theme);
      const ratios = await page.evaluate(() => {
        const css = getComputedStyle(document.documentElement);
        const rgb = (name: string) => {
          const hex = css.getPropertyValue(name).trim().slice(1);
          return [0, 2, 4].map((i) => Number.parseInt(hex.slice(i, i + 2), 16) / 255);
        };
        const lum = (c: number[]) => {
          const [r, g, b] = c.map((v) =>
            v <= 0.04045 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4,
          ) as number[];
          return 0.2126 * (r as number) + 0.7152 * (g as number) + 0.0722 * (b as number);
        };
        const ratio = (a: string, b: string) => {
          const [x, y] = [lum(rgb(a)), lum(rgb(b))].sort((p, q) => q - p) as [number, number];
          return (x + 0.05) / (y + 0.05);
        };
        const out: Record<string, number> = {};
        for (const fg of ['--fg', '--muted', '--accent', '--yes', '--no', '--s4', '--s5', '--dep'])
          for (const bg of ['--bg', '--card', '--code']) out[`${fg} on ${bg}`] = ratio(fg, bg);
        out['--fg on --mark'] = ratio('--fg', '--mark');
        return out;
      });
      const low = Object.entries(ratios).filter(([, r]) => r < 4.5);
      expect(low, theme).toEqual([]);
    }
    await page.emulateMedia({ forcedColors: 'active' });
    const border = await page.$eval('a.nav[aria-current=true]', (el) => getComputedStyle(el).borderTopStyle);
    expect(border).toBe('solid');
    await close(s);
  });

  it('prints the entries without the sidebar, the filters or the buttons', async () => {
    const s = await pages.open('/barekey.html');
    const { page } = s;
    await page.emulateMedia({ media: 'print' });
    for (const sel of ['.sidebar', '.controls', 'button.copy', byId('errata:theme')])
      expect(await page.isVisible(sel), sel).toBe(false);
    expect(await page.isVisible(byId('UNAUTHORIZED'))).toBe(true);
    await close(s);
  });
});
