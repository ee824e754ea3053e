/**
 * The HTML reference of a 5,000-entry catalog in Chromium: its size and the
 * time a search takes to answer a keystroke, each asserted with a bound that
 * catches a regression (bench/docs.ts reports both figures). Targets: under
 * 5 MB, and an answer within 50 ms of the keystroke on a quiet machine. The
 * page is 4.4 MB (10.2 MB before #17, when every card carried its example);
 * a keystroke costs the renderer about 30 ms of CPU (about 110 ms before, and
 * 1 to 3 s to show all 5,000 entries again). The wall time is printed and
 * bounded loosely, as the test shares the machine; the CPU time is bounded
 * tightly, as sharing hardly moves it.
 */

import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { normalizeCatalog } from '../../src/catalog/normalize.js';
import { generateHtml } from '../../src/docs/index.js';
import { byId, close, DESKTOP, type PageServer, PHONE, servePages, visibleIds } from './_page.js';
import { median, searchCpu, searchLatencies, TYPED } from './_search-latency.js';

const N = 5000;
const categories = Array.from({ length: 25 }, (_, i) => `Category ${i}`);
const statuses = [400, 401, 403, 404, 409, 422, 429, 500, 503];
const errors: Record<string, unknown> = {};
for (let i = 0; i < N; i++) {
  const status = statuses[i % statuses.length] as number;
  errors[`ERROR_${i}`] = {
    status,
    category: categories[i % categories.length],
    title: `Error number ${i}`,
    message: `Entry ${i}: no {name} after {count:integer} tries.`,
    description: `Happens when entry ${i} is asked for something that is not there; see \`GET /things\`.`,
    remediation: `Check the name, then try again or ask support about ${i}.`,
    retry: status >= 500 || status === 429,
    ...(i % 7 === 0 && {
      details: {
        type: 'object',
        required: ['field'],
        properties: { field: { type: 'string', enum: ['a', 'b'] } },
      },
    }),
  };
}
const { model } = normalizeCatalog({ name: 'big', version: '1.0.0', categories, errors });
const html = generateHtml(model, { dialect: 'problem' });

let pages: PageServer;
beforeAll(async () => {
  pages = await servePages(new Map([['/big.html', html]]));
});
afterAll(async () => {
  await pages?.stop();
});

describe(`the HTML reference of ${N.toLocaleString('en')} entries`, () => {
  it('is under 5 MB', () => {
    const bytes = Buffer.byteLength(html);
    console.log(`HTML of ${N} entries: ${(bytes / 1e6).toFixed(2)} MB`);
    // Target 5 MB; measured 4.38 MB when this bound was set (10.2 MB before).
    expect(bytes).toBeLessThan(5_000_000);
  });

  for (const [name, viewport] of [
    ['on a desktop', DESKTOP],
    ['on a phone', PHONE],
  ] as const)
    it(`answers a search quickly, ${name}`, { timeout: 180_000 }, async () => {
      const s = await pages.open('/big.html', { viewport });
      const { page } = s;
      // Warm-up: the first layout of the page, and the search text read from it.
      await searchLatencies(page, ['warm', '']);
      const times = await searchLatencies(page, TYPED);
      const cpu = await searchCpu(s.context.browser() as Browser, page, TYPED);
      console.log(
        `search ${name}: median ${median(times).toFixed(1)} ms, max ${Math.max(...times).toFixed(1)} ms; renderer CPU median ${median(
          cpu,
        ).toFixed(1)} ms, showing all entries again ${(cpu.at(-1) ?? 0).toFixed(1)} ms`,
      );
      // Measured about 30 ms of CPU a keystroke and 100 ms to show all again (110 ms and 1 to 3 s before).
      expect(median(cpu)).toBeLessThan(60);
      expect(cpu.at(-1)).toBeLessThan(400);
      // 50 ms is the target on a quiet machine (bench/docs.ts); the test shares two cores with others.
      expect(median(times)).toBeLessThan(500);
      await page.fill(byId('errata:q'), 'error_4999');
      expect(await visibleIds(page)).toEqual(['ERROR_4999']);
      expect(await page.textContent(byId('errata:count'))).toMatch(/^1 of \d+ errors$/);
      // The card's example, packed in the data block, is in the card, and copies.
      await page.click(`${byId('ERROR_4999')} summary`);
      expect(await page.textContent(byId('ex:ERROR_4999'))).toContain('"code": "ERROR_4999"');
      await page.fill(byId('errata:q'), '');
      expect((await visibleIds(page)).filter((id) => id.startsWith('ERROR_'))).toHaveLength(N);
      // A link into the middle lands on its card, though the groups around it are skipped.
      await page.evaluate(() => {
        location.hash = '#ERROR_2500';
      });
      await page.waitForFunction(() => document.activeElement?.id === 'ERROR_2500', undefined, {
        timeout: 15_000,
      });
      const top = await page.$eval(byId('ERROR_2500'), (el) => el.getBoundingClientRect().top);
      expect(top).toBeGreaterThanOrEqual(0);
      expect(top).toBeLessThan(200);
      await close(s);
    });
});
