// The Markdown reference in another language: its headings, labels and tables in the page's
// words, each entry's text translated, translated text escaped like any catalog text.
import { describe, expect, it } from 'vitest';
import { normalizeDocument } from '../catalog/load.js';
import type { ChangelogChange, ChangelogInput } from './changelog.js';
import { generateHtml } from './html.js';
import { generateMarkdown } from './markdown.js';

const shop = normalizeDocument(
  {
    name: 'shop',
    version: '1.2.0',
    categories: ['Orders'],
    errors: {
      OUT_OF_STOCK: {
        status: 409,
        category: 'Orders',
        title: 'Out of stock',
        message: 'Only {left:integer} left of {sku}.',
        remediation: 'Order fewer items.',
        retry: { retryable: false },
        deprecated: { since: '1.1', replacedBy: 'CARD_DECLINED' },
      },
      CARD_DECLINED: {
        status: 402,
        category: 'Orders',
        title: 'Card declined',
        message: 'Card {last4} declined.',
      },
    },
    translations: {
      fr: {
        OUT_OF_STOCK: { title: 'Rupture de stock', remediation: 'Commandez moins d’articles.' },
        CARD_DECLINED: { title: '<script>alert(1)</script> | **carte** [x](javascript:alert(1))' },
      },
      ja: { OUT_OF_STOCK: { title: '在庫切れ' } },
    },
  },
  'errors.yaml',
);

describe('the Markdown reference in another language', () => {
  const fr = generateMarkdown(shop, { locale: 'fr' });

  it('has its headings, tables and labels in the language', () => {
    expect(fr).toContain('## Format des erreurs');
    expect(fr).toContain('## Référence des codes d’erreur');
    expect(fr).toContain('| Code | HTTP | Réessayable | Description | Solution |');
    expect(fr).toContain('## Erreurs ajoutées par le serveur');
    expect(fr).toContain('## Quand réessayer');
    expect(fr).toContain('| Code | HTTP | Réessayer\u00a0? |');
    expect(fr).toContain('Catalogue `shop`, version 1.2.0\u00a0: 2 erreurs, plus ');
    expect(fr).toContain('- **Réessayable\u00a0:** Non');
    expect(fr).toContain('**Exemple de réponse**');
    expect(fr).toContain(
      '> **Obsolète** depuis la version 1.1. Utilisez [`CARD_DECLINED`](#CARD_DECLINED) à la place.',
    );
    for (const english of [
      '## Error format',
      '## Retry guidance',
      'Example response',
      'What to do',
      'Retryable',
    ])
      expect(fr).not.toContain(english);
  });

  it('shows each entry’s translated text, else its own', () => {
    expect(fr).toContain('- **Titre\u00a0:** Rupture de stock');
    expect(fr).toContain('**Que faire\u00a0:** Commandez moins d’articles.');
    // No French message: the catalog's own.
    expect(fr).toContain('**Message\u00a0:** `Only {left:integer} left of {sku}.`');
  });

  it('escapes translated text like the catalog’s own', () => {
    expect(fr).not.toContain('<script>');
    expect(fr).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    // The link's brackets are escaped: it stays text.
    expect(fr).toContain('\\[x\\](javascript:alert(1))');
    expect(fr).not.toMatch(/[^\\]\]\(javascript:/);
  });

  it('writes Japanese labels with a full-width colon, English for the fields it lacks', () => {
    const ja = generateMarkdown(shop, { locale: 'ja' });
    expect(ja).toContain('## エラーの形式');
    expect(ja).toContain('- **タイトル：** 在庫切れ');
    expect(ja).toContain('- **タイトル：** Card declined');
  });

  it('is the English page without a locale', () => {
    expect(generateMarkdown(shop, { locale: 'en' })).toBe(generateMarkdown(shop));
    expect(generateMarkdown(shop)).toContain('## Error format');
  });
});

describe('the Changes section in another language', () => {
  const change = (kind: string, id: string, breaking: boolean): ChangelogChange => ({
    kind,
    breaking,
    id,
    code: id,
    field: 'id',
    message: `${kind} ${id}`,
    reason: 'why',
  });
  const history: ChangelogInput = {
    grouping: 'version',
    truncated: false,
    limit: 100,
    releases: [
      {
        label: '1.2.0',
        version: '1.2.0',
        unreleased: false,
        date: '2026-03-01T10:00:00Z',
        commits: [],
        changes: [
          change('status-changed', 'CARD_DECLINED', true),
          change('entry-added', 'OUT_OF_STOCK', false),
        ],
      },
    ],
  };

  it('has its headings and badges in the language', () => {
    const md = generateMarkdown(shop, { locale: 'fr', history });
    expect(md).toContain('## Modifications');
    expect(md).toContain('**Changements incompatibles**');
    expect(md).toContain('**Autres modifications**');
    expect(md).toContain('**Historique\u00a0:** modifiée en [1.2.0]');
    const html = generateHtml(shop, { locale: 'fr', history });
    expect(html).toContain('<h2 id="errata:changes">Modifications</h2>');
    expect(html).toMatch(/>Modifiée en 1\.2\.0 \(incompatible\)</);
    expect(html).not.toContain('Breaking changes');
  });
});

describe('the facts of a details schema in another language', () => {
  const catalog = normalizeDocument(
    {
      name: 'facts',
      errors: {
        TOO_MANY: {
          status: 422,
          title: 'Too many',
          details: {
            type: 'object',
            properties: {
              sku: { type: 'string', minLength: 1, maxLength: 8 },
              tags: { type: 'array', items: { type: 'string' }, minItems: 1, uniqueItems: true },
              mode: { enum: ['a', 'b'], default: 'a' },
            },
            required: ['sku'],
          },
        },
      },
      translations: { fr: { TOO_MANY: { title: 'Trop nombreux' } } },
    },
    'facts.yaml',
  );

  it('writes each constraint in the page’s words', () => {
    const md = generateMarkdown(catalog, { locale: 'fr' });
    expect(md).toContain('| `sku` | string | oui | de 1 à 8 caractères |');
    expect(md).toContain('| `tags` | array of string | non | au moins 1 élément; éléments uniques |');
    expect(md).toContain('| `mode` | string | non | l’une des valeurs `a`, `b`; par défaut `a` |');
    const html = generateHtml(catalog, { locale: 'de', contract: false });
    expect(html).toContain('<li>1 bis 8 Zeichen</li>');
    expect(html).toContain('<li>mindestens 1 Element</li>');
  });
});
