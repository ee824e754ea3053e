/**
 * The HTML reference generated for several dialects, in Chromium at 1280×900
 * and 390×844: each card's example has a tab per dialect (tablist, tab,
 * tabpanel), the first shown by default; a click or the arrow keys choose
 * another, for every card, kept across visits; the copy button copies the
 * example shown. A page of one dialect has no tabs.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { normalizeDocument } from '../../src/catalog/load.js';
import { generateHtml } from '../../src/docs/index.js';
import { byId, close, DESKTOP, type PageServer, PHONE, servePages } from './_page.js';

const REPO = fileURLToPath(new URL('../..', import.meta.url));
const barekey = normalizeDocument(
  JSON.parse(readFileSync(join(REPO, 'examples/catalogs/barekey.json'), 'utf8')),
  'barekey.json',
);

let pages: PageServer;
beforeAll(async () => {
  pages = await servePages(
    new Map([
      ['/two.html', generateHtml(barekey, { dialect: 'problem', exampleDialects: ['google'] })],
      ['/one.html', generateHtml(barekey, { dialect: 'problem' })],
    ]),
  );
});
afterAll(async () => {
  await pages?.stop();
});

const card = (id: string) => byId(id);
const selected = (page: import('playwright-core').Page, id: string) =>
  page.$$eval(`${card(id)} [role=tab]`, (tabs) =>
    tabs.map((t) => [t.textContent, t.getAttribute('aria-selected'), (t as HTMLElement).tabIndex]),
  );

describe('example tabs, one per dialect', () => {
  for (const [name, viewport] of [
    ['desktop', DESKTOP],
    ['phone', PHONE],
  ] as const)
    it(`switches every card's example, by click and by arrow keys, and remembers (${name})`, async () => {
      const s = await pages.open('/two.html', { viewport });
      const { page } = s;
      expect(await page.textContent('header .about .meta')).toContain(
        'examples in the problem / google format',
      );
      await page.click(`${card('BILLING_UNAVAILABLE')} summary`);
      expect(await page.getAttribute(`${card('BILLING_UNAVAILABLE')} [role=tablist]`, 'aria-label')).toBe(
        'Example response (problem, google)',
      );
      expect(await selected(page, 'BILLING_UNAVAILABLE')).toEqual([
        ['problem', 'true', 0],
        ['google', 'false', -1],
      ]);
      const problem = byId('ex:BILLING_UNAVAILABLE');
      const google = byId('ex:BILLING_UNAVAILABLE:google');
      expect(await page.isVisible(problem)).toBe(true);
      expect(await page.isVisible(google)).toBe(false);
      expect(await page.getAttribute(google, 'role')).toBe('tabpanel');
      expect(await page.textContent(problem)).toContain('"code": "BILLING_UNAVAILABLE"');
      expect(await page.textContent(google)).toContain('"status": "UNAVAILABLE"');

      await page.click(byId('tab:BILLING_UNAVAILABLE:google'));
      expect(await page.isVisible(google)).toBe(true);
      expect(await page.isVisible(problem)).toBe(false);
      // The copy button copies the example shown.
      expect(await page.getAttribute(`${card('BILLING_UNAVAILABLE')} button.copy`, 'data-copy')).toBe(
        'ex:BILLING_UNAVAILABLE:google',
      );
      // Every card follows the choice.
      expect(await selected(page, 'UNAUTHORIZED')).toEqual([
        ['problem', 'false', -1],
        ['google', 'true', 0],
      ]);
      // Arrow keys move between the tabs, and focus follows.
      await page.focus(byId('tab:BILLING_UNAVAILABLE:google'));
      await page.keyboard.press('ArrowRight');
      expect(await page.evaluate(() => document.activeElement?.id)).toBe('tab:BILLING_UNAVAILABLE:problem');
      expect(await page.isVisible(problem)).toBe(true);
      await page.keyboard.press('End');
      expect(await page.evaluate(() => document.activeElement?.id)).toBe('tab:BILLING_UNAVAILABLE:google');
      const overflow = await page.evaluate(
        () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
      );
      expect(overflow).toBeLessThanOrEqual(0);
      // The choice is kept for the next visit.
      await page.reload();
      expect(await selected(page, 'DEVICE_CODE_EXPIRED')).toEqual([
        ['problem', 'false', -1],
        ['google', 'true', 0],
      ]);
      await close(s);
    });

  it('has no tabs when the page has one dialect', async () => {
    const s = await pages.open('/one.html');
    expect(await s.page.$$eval('[role=tablist]', (els) => els.length)).toBe(0);
    expect(await s.page.textContent(`${card('BILLING_UNAVAILABLE')} summary`)).toBe(
      'Example response (problem)',
    );
    await close(s);
  });
});
