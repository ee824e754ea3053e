import { describe, expect, it } from 'vitest';
import {
  createLanguageLookup,
  lookupLanguage,
  lookupTag,
  MAX_HEADER_LENGTH,
  MAX_RANGES,
} from './negotiate.js';

// A catalog written in English with French, Canadian French, German and Traditional Chinese.
const locales = ['en', 'fr', 'fr-CA', 'de', 'zh-Hant'];
const pick = (header: string | null | undefined) => lookupLanguage(header, locales);

describe('Accept-Language lookup (RFC 9110 section 12.5.4, RFC 4647 section 3.4)', () => {
  it('takes the range of highest q, then the first written', () => {
    expect(pick('de;q=0.5, fr;q=0.9')).toBe('fr');
    expect(pick('de, fr')).toBe('de');
    expect(pick('fr;q=0.8, de;q=0.8')).toBe('fr');
    expect(pick('ja, de;q=0.1')).toBe('de');
  });

  it('falls back by truncation: fr-CA-x-quebec to fr-CA, fr-BE to fr, zh-Hant-TW to zh-Hant', () => {
    expect(pick('fr-CA-x-quebec')).toBe('fr-CA');
    expect(pick('fr-BE')).toBe('fr');
    expect(pick('zh-Hant-TW')).toBe('zh-Hant');
    expect(pick('zh-Hans-CN')).toBeUndefined();
  });

  it('reads tags in any case and answers with the catalog spelling', () => {
    expect(pick('FR-ca')).toBe('fr-CA');
    expect(pick('ZH-HANT')).toBe('zh-Hant');
  });

  it('chooses the source language itself when asked for it first', () => {
    expect(pick('en-GB, fr')).toBe('en');
  });

  it('skips * (lookup ignores it) and answers nothing when only it matches', () => {
    expect(pick('*')).toBeUndefined();
    expect(pick('*, de;q=0.5')).toBe('de');
  });

  it('never picks a language a q=0 range refuses, even reached by truncation', () => {
    expect(pick('fr-BE, fr;q=0, de;q=0.1')).toBe('de');
    expect(pick('fr;q=0, fr-CA')).toBe('fr-CA');
    expect(pick('fr-CA;q=0, fr;q=0.5')).toBe('fr');
    expect(pick('de;q=0')).toBeUndefined();
    // `*;q=0` refuses what is not named; the named range still stands.
    expect(pick('de, *;q=0')).toBe('de');
  });

  it('answers nothing for unknown languages, empty and absent headers', () => {
    expect(pick('ja, ko;q=0.5')).toBeUndefined();
    expect(pick('')).toBeUndefined();
    expect(pick(null)).toBeUndefined();
    expect(pick(undefined)).toBeUndefined();
  });

  it('answers nothing for malformed headers, without throwing', () => {
    for (const header of ['*;q=abc', ';;;', ',,,', '"', '\u0000fr', '=', ' ; q=1', 'fr;q=-1'])
      expect(pick(header)).toBeUndefined();
    // negotiator reads a range whose parameters are broken as the range (q=1).
    expect(pick('fr;q="')).toBe('fr');
    expect(pick('fr;q=0.5;x="a,b')).toBe('fr');
    // A well-formed range beside junk still counts.
    expect(pick('de;q=abc, fr;q=0.4')).toBe('fr');
  });

  it(`reads no header over ${MAX_HEADER_LENGTH} characters or of more than ${MAX_RANGES} members, at normal cost`, () => {
    const long = `fr, ${'x'.repeat(10 * 1024)}`;
    const many = `${Array.from({ length: 500 }, (_, i) => `x${i}`).join(', ')}, fr`;
    const justUnder = `${Array.from({ length: MAX_RANGES - 1 }, (_, i) => `x${i}`).join(',')},fr`;
    expect(pick(long)).toBeUndefined();
    expect(pick(many)).toBeUndefined();
    expect(pick(justUnder)).toBe('fr');
    expect(pick(`${justUnder},de`)).toBeUndefined();
    // Each is refused before it is parsed: a thousand of them take about as long as reading one header.
    const start = performance.now();
    for (let i = 0; i < 1000; i++) {
      pick(long);
      pick(many);
    }
    expect(performance.now() - start).toBeLessThan(200);
  });
});

describe('lookupTag: the language a request function names', () => {
  it('looks a tag up by truncation and refuses an absurdly long one', () => {
    expect(lookupTag('fr-CA', locales)).toBe('fr-CA');
    expect(lookupTag('de-AT', locales)).toBe('de');
    expect(lookupTag('ja', locales)).toBeUndefined();
    expect(lookupTag(`fr-${'a'.repeat(300)}`, locales)).toBeUndefined();
  });
});

describe('createLanguageLookup: headers remembered', () => {
  it('answers a header seen before the same way, and keeps its memory bounded', () => {
    const lookup = createLanguageLookup(locales);
    expect(lookup('fr-CA, fr;q=0.5')).toBe('fr-CA');
    expect(lookup('fr-CA, fr;q=0.5')).toBe('fr-CA');
    expect(lookup('ja')).toBeUndefined();
    expect(lookup('ja')).toBeUndefined();
    for (let i = 0; i < 1000; i++) expect(lookup(`x${i}, de`)).toBe('de');
    expect(lookup('fr-CA, fr;q=0.5')).toBe('fr-CA');
  });
});
