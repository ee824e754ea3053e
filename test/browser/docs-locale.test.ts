/**
 * The HTML reference in two languages in real Chromium, at 1280×900 and 390×844: the page in
 * French shows French words and entry text under `lang="fr"`, its language menu goes to the
 * English page and back (keeping the filters and the entry, not the search words), search
 * finds the words of the language shown, and hostile translated text stays inert.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { effectiveModel } from '../../src/catalog/contract.js';
import { normalizeDocument } from '../../src/catalog/load.js';
import { generateHtml } from '../../src/docs/index.js';
import { byId, close, DESKTOP, type PageServer, PHONE, servePages, visibleIds } from './_page.js';

const EVIL = `<script>window.__pwned=1</script>"onload="window.__pwned=2" '><img src=x onerror="window.__pwned=3"><!--`;

const shop = normalizeDocument(
  {
    name: 'shop',
    version: '1.0.0',
    locale: 'en',
    categories: ['Orders', 'Payments'],
    errors: {
      OUT_OF_STOCK: {
        status: 409,
        category: 'Orders',
        title: 'Out of stock',
        message: 'Only {left:integer} left of {sku}.',
        description: 'The warehouse holds fewer items than ordered.',
        remediation: 'Order fewer items.',
        retry: { retryable: false },
      },
      CARD_DECLINED: {
        status: 402,
        category: 'Payments',
        title: 'Card declined',
        message: 'The card ending in {last4} was declined.',
      },
      EVIL_ENTRY: { status: 400, category: 'Orders', title: 'Harmless', description: 'Plain.' },
    },
    translations: {
      fr: {
        OUT_OF_STOCK: {
          title: 'Rupture de stock',
          description: 'L’entrepôt a moins d’articles que commandé.',
          remediation: 'Commandez moins d’articles.',
        },
        EVIL_ENTRY: {
          title: `T ${EVIL}`,
          description: `D ${EVIL} [x](javascript:window.__pwned=4)`,
          remediation: `R ${EVIL} **gras**`,
        },
      },
    },
  },
  'errors.yaml',
);

// The page lists the catalog's contract: its entries and the server failures it adds.
const total = Object.keys(effectiveModel(shop).errors).length;

const alternates = [
  { locale: 'en', href: 'index.html' },
  { locale: 'fr', href: 'index.fr.html' },
];

let pages: PageServer;
beforeAll(async () => {
  pages = await servePages(
    new Map([
      ['/errors/index.html', generateHtml(shop, { alternates, dialect: 'problem' })],
      ['/errors/index.fr.html', generateHtml(shop, { locale: 'fr', alternates, dialect: 'problem' })],
    ]),
  );
});
afterAll(async () => {
  await pages?.stop();
});

type Page = import('playwright-core').Page;
const lang = (page: Page) =>
  page.evaluate(() => [document.documentElement.lang, document.documentElement.dir]);
const cardTitle = (page: Page) => page.textContent(`${byId('OUT_OF_STOCK')} .line strong`);

for (const [name, viewport] of [
  ['desktop', DESKTOP],
  ['phone', PHONE],
] as const)
  describe(`the reference in French and English (${name})`, () => {
    it('shows the French page in French, its words and its entries', async () => {
      const s = await pages.open('/errors/index.fr.html', { viewport });
      const { page } = s;
      expect(await lang(page)).toEqual(['fr', 'ltr']);
      expect(await cardTitle(page)).toBe('Rupture de stock');
      expect(await page.textContent(`${byId('OUT_OF_STOCK')}`)).toContain('Commandez moins d’articles.');
      // A field with no French: the catalog's own.
      expect(await page.textContent(`${byId('CARD_DECLINED')} .line strong`)).toBe('Card declined');
      expect(await page.getAttribute(byId('errata:q'), 'placeholder')).toBe(
        'Code, statut, message, description…',
      );
      expect(await page.textContent(byId('errata:format'))).toBe('Format des erreurs');
      expect(await page.textContent(byId('errata:count'))).toBe(`${total} sur ${total} erreurs`);
      // What the page script writes is French too: the examples and the theme button.
      expect(await page.textContent(`${byId('OUT_OF_STOCK')} .example summary`)).toBe(
        'Exemple de réponse (problem)',
      );
      expect(await page.textContent(`${byId('OUT_OF_STOCK')} .example button`)).toBe('Copier');
      expect(await page.textContent(byId('errata:theme'))).toBe('Thème\u00a0: auto');
      const menu = page.locator('nav.langs');
      expect(await menu.getAttribute('aria-label')).toBe('Langue');
      expect(await menu.isVisible()).toBe(true);
      expect(await menu.locator('a[aria-current=page]').textContent()).toBe('Français');
      await close(s);
    });

    it('switches to English and back, changing the text', async () => {
      const s = await pages.open('/errors/index.fr.html', { viewport });
      const { page } = s;
      await Promise.all([page.waitForURL('**/errors/index.html'), page.click('nav.langs a[hreflang=en]')]);
      expect(await lang(page)).toEqual(['en', 'ltr']);
      expect(await cardTitle(page)).toBe('Out of stock');
      expect(await page.textContent(byId('errata:format'))).toBe('Error format');
      expect(await page.getAttribute(byId('errata:q'), 'placeholder')).toBe(
        'Code, status, message, description…',
      );
      await Promise.all([page.waitForURL('**/errors/index.fr.html'), page.click('nav.langs a[hreflang=fr]')]);
      expect(await lang(page)).toEqual(['fr', 'ltr']);
      expect(await cardTitle(page)).toBe('Rupture de stock');
      await close(s);
    });
  });

describe('switching language and search', () => {
  it('keeps the filters and the entry across a switch, not the search words', async () => {
    const s = await pages.open('/errors/index.fr.html?class=4&q=rupture#OUT_OF_STOCK');
    const { page } = s;
    expect(await visibleIds(page)).toEqual(['OUT_OF_STOCK']);
    await Promise.all([page.waitForURL('**/errors/index.html?*'), page.click('nav.langs a[hreflang=en]')]);
    const url = new URL(page.url());
    expect([url.pathname, url.search, url.hash]).toEqual(['/errors/index.html', '?class=4', '#OUT_OF_STOCK']);
    expect(await page.inputValue(byId('errata:class'))).toBe('4');
    expect(await page.inputValue(byId('errata:q'))).toBe('');
    await close(s);
  });

  it('finds the words of the language shown', async () => {
    const fr = await pages.open('/errors/index.fr.html');
    await fr.page.fill(byId('errata:q'), 'entrepôt');
    expect(await visibleIds(fr.page)).toEqual(['OUT_OF_STOCK']);
    await fr.page.fill(byId('errata:q'), 'warehouse');
    expect(await visibleIds(fr.page)).toEqual([]);
    expect(await fr.page.textContent(byId('errata:count'))).toBe(`0 sur ${total} erreurs`);
    await close(fr);

    const en = await pages.open('/errors/index.html');
    await en.page.fill(byId('errata:q'), 'warehouse');
    expect(await visibleIds(en.page)).toEqual(['OUT_OF_STOCK']);
    await en.page.fill(byId('errata:q'), 'entrepôt');
    expect(await visibleIds(en.page)).toEqual([]);
    await close(en);
  });

  it('renders hostile translated text inert', async () => {
    const s = await pages.open('/errors/index.fr.html');
    const { page } = s;
    await page.waitForTimeout(200); // let any injected handler fire (it must not)
    expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
    expect(await page.$$eval('script', (els) => els.length)).toBe(2);
    expect(await page.$$eval('img', (els) => els.length)).toBe(0);
    const handlers = await page.$$eval('*', (els) =>
      els.flatMap((e) => [...e.attributes].filter((a) => a.name.startsWith('on')).map((a) => a.name)),
    );
    expect(handlers).toEqual([]);
    expect(await page.textContent(`${byId('EVIL_ENTRY')} .line strong`)).toBe(`T ${EVIL}`);
    const hrefs = await page.$$eval('a[href]', (els) => els.map((e) => e.getAttribute('href') ?? ''));
    expect(hrefs.filter((h) => !/^(https?:\/\/|#|index(\.fr)?\.html$)/i.test(h))).toEqual([]);
    // Search works over the hostile text, in the page's language.
    await page.fill(byId('errata:q'), 'onerror');
    expect(await visibleIds(page)).toEqual(['EVIL_ENTRY']);
    await close(s);
  });
});
