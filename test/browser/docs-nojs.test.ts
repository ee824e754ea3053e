/**
 * The HTML reference with JavaScript off, in Chromium: every card is there and
 * readable (its code, summary, text, details), the index links to each, and
 * the notes say what the script adds (each card's example, the retry guidance
 * rows); the format's own example is in the markup.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { normalizeDocument } from '../../src/catalog/load.js';
import { generateHtml } from '../../src/docs/index.js';
import { byId, close, type PageServer, PHONE, servePages, visibleIds } from './_page.js';

const REPO = fileURLToPath(new URL('../..', import.meta.url));
const barekey = normalizeDocument(
  JSON.parse(readFileSync(join(REPO, 'examples/catalogs/barekey.json'), 'utf8')),
  'barekey.json',
);
const ownIds = Object.keys(barekey.errors);

let pages: PageServer;
beforeAll(async () => {
  pages = await servePages(new Map([['/barekey.html', generateHtml(barekey)]]));
});
afterAll(async () => {
  await pages?.stop();
});

describe('the HTML reference without JavaScript', () => {
  for (const viewport of [undefined, PHONE])
    it(`shows every card readable${viewport ? ', on a phone' : ''}`, async () => {
      const s = await pages.open('/barekey.html#BILLING_UNAVAILABLE', { javaScriptEnabled: false, viewport });
      const { page } = s;
      // Every card and every index row is shown, the index linking to each card.
      expect((await visibleIds(page)).filter((id) => ownIds.includes(id))).toEqual(ownIds);
      const links = await page.$$eval('table.index tbody tr', (rows) =>
        rows
          .filter((r) => (r as HTMLElement).offsetHeight > 0)
          .map((r) => r.querySelector('a')?.getAttribute('href')),
      );
      expect(links.length).toBeGreaterThanOrEqual(ownIds.length);
      const entry = barekey.errors.BILLING_UNAVAILABLE;
      const card = byId('BILLING_UNAVAILABLE');
      expect(await page.isVisible(card)).toBe(true);
      expect(await page.textContent(`${card} h3`)).toContain('BILLING_UNAVAILABLE');
      expect(await page.textContent(`${card} .summary`)).toMatch(/^503 Service UnavailableRetryable/);
      if (entry?.remediation) expect(await page.textContent(card)).toContain('What to do:');
      // What the script adds is absent, and the notes say so; the format's example is there.
      expect(await page.$$eval('article.entry .example', (els) => els.length)).toBe(0);
      expect(await page.isVisible(byId('ex:envelope'))).toBe(true);
      const notes = await page.$$eval('noscript', (els) => els.map((e) => e.textContent ?? ''));
      expect(notes.join(' ')).toContain('example response is shown when JavaScript runs');
      expect(notes.join(' ')).toContain('card says whether and how to retry');
      // Readable: nothing wider than the screen.
      const overflow = await page.evaluate(
        () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
      );
      expect(overflow).toBeLessThanOrEqual(0);
      await close(s);
    });
});
