/**
 * The HTML reference of a 5,000-entry catalog in Chromium: its size and the
 * time a search takes to answer a keystroke, each asserted with a bound that
 * catches a regression (bench/docs.ts reports both figures). The targets, 5 MB
 * and 50 ms, are not met yet: the page is about 10 MB (every example is in
 * it), and showing all 5,000 entries again after a search is slow.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { normalizeCatalog } from '../../src/catalog/normalize.js';
import { generateHtml } from '../../src/docs/index.js';
import { byId, close, type PageServer, PHONE, servePages, visibleIds } from './_page.js';
import { median, searchLatencies, TYPED } from './_search-latency.js';

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
  it('stays within its size bound', () => {
    const bytes = Buffer.byteLength(html);
    console.log(`HTML of ${N} entries: ${(bytes / 1e6).toFixed(2)} MB`);
    // Target 5 MB; measured 10.2 MB when this bound was set.
    expect(bytes).toBeLessThan(11_000_000);
  });

  it('answers a search within the bound, on a phone', { timeout: 180_000 }, async () => {
    for (const viewport of [PHONE]) {
      const s = await pages.open('/big.html', { viewport });
      const { page } = s;
      // Warm-up: the first layout of the page.
      await searchLatencies(page, ['warm', '']);
      const times = await searchLatencies(page, TYPED);
      console.log(
        `search on a phone: median ${median(times).toFixed(1)} ms, max ${Math.max(...times).toFixed(1)} ms`,
      );
      // 50 ms is the target on a quiet machine (bench/docs.ts); the test shares two cores with others.
      expect(median(times)).toBeLessThan(1500);
      await page.fill(byId('errata:q'), 'error_4999');
      expect(await visibleIds(page)).toEqual(['ERROR_4999']);
      expect(await page.textContent(byId('errata:count'))).toMatch(/^1 of \d+ errors$/);
      await close(s);
    }
  });
});
