import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { defineCatalog } from './define.js';
import { CatalogError } from './errors.js';
import { catalogFromText, loadCatalog } from './load.js';
import { catalogLocales, fallbackChain, localizedField, sourceLocale } from './locales.js';
import { normalizeCatalog } from './normalize.js';

const base = {
  name: 'shop',
  errors: {
    OUT_OF_STOCK: {
      status: 409,
      title: 'Out of stock',
      message: 'Only {left:integer} left of {sku}.',
      remediation: 'Order fewer.',
      translations: { fr: { title: 'Rupture de stock', message: 'Plus que {left} pour {sku}.' } },
    },
    NOT_FOUND: { status: 404, title: 'Not found', message: 'No {sku}.' },
  },
  translations: {
    'fr-CA': { OUT_OF_STOCK: { title: 'En rupture' } },
    de: { NOT_FOUND: { message: 'Kein {sku}.' } },
  },
};

function issues(input: unknown): string[] {
  try {
    normalizeCatalog(input);
  } catch (e) {
    if (e instanceof CatalogError) return e.issues.map((i) => `${i.path}: ${i.message}`);
    throw e;
  }
  return [];
}

describe('translations in the model', () => {
  it('gathers inline and catalog-level translations by locale, then entry id', () => {
    const { model } = normalizeCatalog(base);
    expect(model.translations).toEqual({
      fr: { OUT_OF_STOCK: { title: 'Rupture de stock', message: 'Plus que {left} pour {sku}.' } },
      'fr-CA': { OUT_OF_STOCK: { title: 'En rupture' } },
      de: { NOT_FOUND: { message: 'Kein {sku}.' } },
    });
    expect('translations' in (model.errors.OUT_OF_STOCK as object)).toBe(false);
    expect(sourceLocale(model)).toBe('en');
    expect(catalogLocales(model)).toEqual(['en', 'fr', 'fr-CA', 'de']);
  });

  it('states no translations and no locale when the catalog has none', () => {
    const { model } = normalizeCatalog({ errors: { A: { status: 400 } } });
    expect(model).not.toHaveProperty('translations');
    expect(model).not.toHaveProperty('locale');
  });

  it('round-trips through its JSON export', () => {
    const { model } = normalizeCatalog({ ...base, locale: 'en-GB' });
    const again = catalogFromText(JSON.stringify(model), 'json');
    expect(again).toEqual(model);
  });

  it('reports a field given twice, a field that is not text, an unknown field and a bad tag', () => {
    expect(
      issues({
        errors: { A: { status: 400, message: 'x', translations: { fr: { message: 'y', hint: 'z' } } } },
        translations: { fr: { A: { message: 'w', title: 3 } }, 'not a tag': {} },
        locale: 'en_US!',
      }),
    ).toEqual([
      'locale: "en_US!" is not a language tag (BCP 47, like en or pt-BR)',
      'errors.A.translations.fr.hint: unknown field',
      'translations.fr.A.title: must be a string, got number 3',
      'translations.fr.A.message: the fr message of A is also given at errors.A.translations.fr.message: give it once',
      'translations["not a tag"]: "not a tag" is not a language tag (BCP 47, like fr or pt-BR)',
    ]);
  });

  it('types inline translations in the TypeScript DSL', () => {
    const api = defineCatalog({
      locale: 'en',
      errors: { A: { status: 400, message: 'Bad {x}', translations: { fr: { message: 'Mauvais {x}' } } } },
      translations: { de: { A: { message: 'Schlecht {x}' } } },
    });
    expect(catalogLocales(api.model)).toEqual(['en', 'fr', 'de']);
  });
});

describe('fallback', () => {
  it('truncates a tag as RFC 4647 lookup does', () => {
    expect(fallbackChain('zh-Hant-TW')).toEqual(['zh-Hant-TW', 'zh-Hant', 'zh']);
    expect(fallbackChain('de-CH-x-phonebk')).toEqual(['de-CH-x-phonebk', 'de-CH', 'de']);
    expect(fallbackChain('fr')).toEqual(['fr']);
  });

  it('reads each field from fr-CA, then fr, then the source language', () => {
    const { model } = normalizeCatalog(base);
    expect(localizedField(model, 'OUT_OF_STOCK', 'title', 'fr-CA')).toEqual({
      text: 'En rupture',
      locale: 'fr-CA',
    });
    expect(localizedField(model, 'OUT_OF_STOCK', 'message', 'fr-CA')).toEqual({
      text: 'Plus que {left} pour {sku}.',
      locale: 'fr',
    });
    expect(localizedField(model, 'OUT_OF_STOCK', 'remediation', 'fr-CA')).toEqual({
      text: 'Order fewer.',
      locale: 'en',
    });
    expect(localizedField(model, 'OUT_OF_STOCK', 'title', 'FR-ca')?.text).toBe('En rupture');
    expect(localizedField(model, 'NOT_FOUND', 'message', 'ja')).toEqual({ text: 'No {sku}.', locale: 'en' });
    expect(localizedField(model, 'NOT_FOUND', 'description', 'de')).toBeUndefined();
  });

  it('never reads a translation in the source language itself', () => {
    const { model } = normalizeCatalog({ locale: 'fr', errors: { A: { status: 400, title: 'Mauvais' } } });
    expect(localizedField(model, 'A', 'title', 'fr-BE')).toEqual({ text: 'Mauvais', locale: 'fr' });
  });
});

describe('per-locale files beside a catalog', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'errata-locales-'));
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('adds errors.<tag>.yaml and .json, and ignores files that are not a language', async () => {
    await writeFile(
      join(dir, 'errors.yaml'),
      'errors:\n  A:\n    status: 400\n    message: Bad {x}\n    translations:\n      fr: { title: Mauvais }\n',
    );
    await writeFile(join(dir, 'errors.fr.yaml'), 'A:\n  message: Mauvais {x}\n');
    await writeFile(join(dir, 'errors.pt-BR.json'), '{ "A": { "message": "Ruim {x}" } }');
    await writeFile(join(dir, 'errors.old.yaml'), 'not: [a, locale]\n');
    await writeFile(join(dir, 'other.de.yaml'), 'A: { message: Schlecht }\n');
    const model = await loadCatalog('errors.yaml', { cwd: dir });
    expect(model.translations).toEqual({
      fr: { A: { title: 'Mauvais', message: 'Mauvais {x}' } },
      'pt-BR': { A: { message: 'Ruim {x}' } },
    });
    const without = await loadCatalog('errors.yaml', { cwd: dir, localeFiles: false });
    expect(without.translations).toEqual({ fr: { A: { title: 'Mauvais' } } });
  });

  it('names the locale file and the line of its problem', async () => {
    const sub = await mkdtemp(join(dir, 'bad-'));
    await writeFile(join(sub, 'errors.json'), '{ "errors": { "A": { "status": 400, "title": "Bad" } } }');
    await writeFile(join(sub, 'errors.de.yaml'), 'A:\n  title: Schlecht\n  message: 3\n');
    const error = await loadCatalog('errors.json', { cwd: sub }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(CatalogError);
    expect((error as CatalogError).file).toBe('errors.de.yaml');
    expect((error as CatalogError).issues).toEqual([
      { path: 'A.message', message: 'must be a string, got number 3', line: 3, column: 3 },
    ]);
  });
});
