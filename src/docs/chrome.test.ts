import { describe, expect, it } from 'vitest';
import { CHROME_EN } from './_chrome-en.js';
import { CHROME_DE, CHROME_ES, CHROME_FR, CHROME_JA } from './_chrome-tables.js';
import {
  CHROME_LOCALES,
  chromeFor,
  fillChrome,
  languageName,
  pluralChrome,
  textDirection,
} from './chrome.js';
import { escapeHtml } from './escape.js';

const names = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe('the chrome tables', () => {
  const tables = { fr: CHROME_FR, de: CHROME_DE, es: CHROME_ES, ja: CHROME_JA };
  for (const [locale, table] of Object.entries(tables))
    it(`${locale}: every English key, each with the same {names}, and words of its own`, () => {
      expect(Object.keys(table).sort()).toEqual(Object.keys(CHROME_EN).sort());
      for (const [key, english] of Object.entries(CHROME_EN))
        expect(names(table[key as keyof typeof CHROME_EN]), `${locale}.${key}`).toEqual(names(english));
      // A table that copied English would leave its page in English.
      const same = Object.keys(CHROME_EN).filter(
        (k) => table[k as keyof typeof CHROME_EN] === CHROME_EN[k as keyof typeof CHROME_EN],
      );
      expect(same.length).toBeLessThan(Object.keys(CHROME_EN).length / 4);
    });

  it('lists its languages', () => {
    expect([...CHROME_LOCALES].sort()).toEqual(['de', 'en', 'es', 'fr', 'ja']);
  });
});

describe('chromeFor', () => {
  it('finds a table along the fallback chain, any case', () => {
    expect(chromeFor('fr-CA')).toEqual({ strings: CHROME_FR, locale: 'fr' });
    expect(chromeFor('DE')).toEqual({ strings: CHROME_DE, locale: 'de' });
    expect(chromeFor('es-419').strings.searchLabel).toBe('Buscar (tecla /)');
  });

  it('is English, with no table language, for a language errata has no words in', () => {
    expect(chromeFor('pt-BR')).toEqual({ strings: CHROME_EN, locale: undefined });
  });
});

describe('fillChrome', () => {
  it('fills the names and escapes only the words of the string', () => {
    expect(fillChrome('The {path} field <b>', { path: '<code>code</code>' }, escapeHtml)).toBe(
      'The <code>code</code> field &lt;b&gt;',
    );
    expect(fillChrome('{shown} of {n}', { shown: 3, n: 12 })).toBe('3 of 12');
  });

  it('keeps a name it has no value for', () => {
    expect(fillChrome('a {missing} b', {})).toBe('a {missing} b');
  });
});

describe('plural forms and names', () => {
  it('picks the form of the language: French says "0 erreur", English "0 errors"', () => {
    expect(pluralChrome('fr', 0, 'one', 'other')).toBe('one');
    expect(pluralChrome('en', 0, 'one', 'other')).toBe('other');
    expect(pluralChrome('en', 1, 'one', 'other')).toBe('one');
    expect(pluralChrome('ja', 1, 'one', 'other')).toBe('other');
  });

  it('names a language in itself', () => {
    expect(languageName('fr')).toBe('Français');
    expect(languageName('de')).toBe('Deutsch');
    expect(languageName('ja')).toBe('日本語');
  });

  it('knows the languages written right to left', () => {
    expect(textDirection('ar')).toBe('rtl');
    expect(textDirection('he-IL')).toBe('rtl');
    expect(textDirection('fr')).toBe('ltr');
    expect(textDirection('az-Arab')).toBe('rtl');
    expect(textDirection('ku-Latn')).toBe('ltr');
  });
});
