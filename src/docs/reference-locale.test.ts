// buildReference in another language: each entry's fields translated (per field, fr-CA, then
// fr, then the catalog's own), the page's words in that language, examples as sent.
import { describe, expect, it } from 'vitest';
import { normalizeDocument } from '../catalog/load.js';
import { CHROME_EN } from './_chrome-en.js';
import { CHROME_FR } from './_chrome-tables.js';
import { buildReference, formatDuration, retryText } from './reference.js';

const shop = normalizeDocument(
  {
    name: 'shop',
    locale: 'en',
    errors: {
      OUT_OF_STOCK: {
        status: 409,
        title: 'Out of stock',
        message: 'Only {left:integer} left of {sku}.',
        description: 'The warehouse has fewer items than ordered.',
        remediation: 'Order fewer items.',
        retry: { strategy: 'exponential', baseMs: 500, maxMs: 1500, maxAttempts: 3 },
        translations: {
          fr: {
            title: 'Rupture de stock',
            message: '{left, plural, one {Plus qu’un seul {sku}.} other {Plus que # {sku}.}}',
            remediation: 'Commandez moins d’articles.',
          },
          'fr-CA': { title: 'Plus en inventaire' },
        },
      },
      CARD_DECLINED: { status: 402, title: 'Card declined', message: 'Card {last4} declined.' },
    },
  },
  'errors.yaml',
);

describe('buildReference with a locale', () => {
  it('translates each field, falling back per field to the catalog’s own text', () => {
    const ref = buildReference(shop, { locale: 'fr', contract: false });
    const [out, card] = ref.entries;
    expect(out?.entry.title).toBe('Rupture de stock');
    expect(out?.entry.remediation).toBe('Commandez moins d’articles.');
    // No French description: the English one.
    expect(out?.entry.description).toBe('The warehouse has fewer items than ordered.');
    expect(card?.entry.title).toBe('Card declined');
    expect(ref.locale).toBe('fr');
    expect(ref.chrome).toBe(CHROME_FR);
    expect(ref.chromeLocale).toBe('fr');
    expect(ref.locales).toEqual(['en', 'fr', 'fr-CA']);
  });

  it('takes a regional translation first, then its language’s', () => {
    const ref = buildReference(shop, { locale: 'fr-CA', contract: false });
    expect(ref.entries[0]?.entry.title).toBe('Plus en inventaire');
    expect(ref.entries[0]?.entry.remediation).toBe('Commandez moins d’articles.');
    expect(ref.chrome).toBe(CHROME_FR);
  });

  it('keeps the parameters and the example of the catalog’s own message', () => {
    const fr = buildReference(shop, { locale: 'fr', contract: false });
    const en = buildReference(shop, { contract: false });
    expect(fr.entries[0]?.params).toEqual(en.entries[0]?.params);
    expect(fr.entries[0]?.params.map((p) => [p.name, p.type])).toEqual([
      ['left', 'integer'],
      ['sku', 'string'],
    ]);
    expect(fr.entries[0]?.exampleText).toBe(en.entries[0]?.exampleText);
    expect(fr.entries[0]?.entry.message).toContain('plural');
  });

  it('writes the retry guidance in the language, its numbers as the language writes them', () => {
    const ref = buildReference(shop, { locale: 'fr', contract: false });
    expect(ref.entries[0]?.retryText).toBe(
      'Oui — attente exponentielle, de 500 ms à 1,5 s; 3 tentatives au plus',
    );
    expect(ref.entries[1]?.retryText).toBe('Non précisé');
    expect(retryText({ retryable: false })).toBe('No');
    expect(formatDuration(1500)).toBe('1.5 s');
    expect(formatDuration(1500, 'de')).toBe('1,5 s');
  });

  it('is the catalog’s own language and English words without a locale', () => {
    const ref = buildReference(shop, { contract: false });
    expect(ref.locale).toBe('en');
    expect(ref.dir).toBe('ltr');
    expect(ref.chrome).toBe(CHROME_EN);
    expect(ref.entries[0]?.entry.title).toBe('Out of stock');
    expect(ref.alternates).toEqual([]);
  });

  it('shows the catalog’s text with English words in a language neither has', () => {
    const ref = buildReference(shop, { locale: 'ar', contract: false });
    expect(ref.entries[0]?.entry.title).toBe('Out of stock');
    expect(ref.chromeLocale).toBeUndefined();
    expect(ref.chrome).toBe(CHROME_EN);
    expect(ref.dir).toBe('rtl');
  });
});
