import { parse } from '@formatjs/icu-messageformat-parser';
import { describe, expect, it } from 'vitest';
import { normalizeCatalog } from '../../catalog/normalize.js';
import { lint } from '../lint.js';
import { messageArguments, parseTranslated } from './_icu.js';
import { builtinRules } from './index.js';

const rules = builtinRules.filter((r) => /^(?:locale|translation)-/.test(r.id));
const model = (doc: Record<string, unknown>) =>
  normalizeCatalog({ name: 't', docs: 'https://docs.example.com/errors', ...doc }).model;

describe('the arguments of a translated message', () => {
  it('are read in plural and select branches, nested, with # standing for the plural’s own', () => {
    const ast = parse(
      '{n, plural, one {# {sku}} other {{who, select, admin {# {sku} <b>{plan}</b>} other {{price, number}}}}}',
      { ignoreTag: true },
    );
    expect([...messageArguments(ast)].map(([name, uses]) => [name, [...uses]])).toEqual([
      ['n', ['plural']],
      ['sku', ['text']],
      ['who', ['select']],
      ['plan', ['text']],
      ['price', ['number']],
    ]);
  });

  it('gives the reason of a syntax error in words, with its column', () => {
    expect(parseTranslated(parse, '{n, plural, one {#}}')).toEqual({
      ok: false,
      reason: 'missing other clause at column 20',
    });
    expect(parseTranslated(parse, 'Plus de <b>stock</b>.')).toMatchObject({ ok: true });
  });
});

describe('the translation rules', () => {
  it('say, once, that translated messages went unchecked when lint has no ICU parser', () => {
    const m = model({
      errors: {
        A: {
          status: 409,
          message: 'Only {left} left.',
          translations: { fr: { message: 'Plus que {reste' } },
        },
        B: { status: 404, message: 'No {id}.', translations: { fr: { message: 'Aucun {x}.' } } },
      },
    });
    expect(lint(m, { rules }).map((f) => [f.rule, f.field, f.message])).toEqual([
      [
        'translation-syntax',
        'translations',
        '2 translated messages were not checked: lint was given no ICU MessageFormat parser (pass parseMessage: parse from @formatjs/icu-messageformat-parser; errata lint does)',
      ],
    ]);
    expect(lint(m, { rules, parseMessage: parse }).map((f) => f.rule)).toEqual([
      'translation-syntax',
      'translation-params',
      'translation-param-omitted',
    ]);
  });

  it('take a parameter’s type from params when the source message does not write one', () => {
    const entry = (params: Record<string, unknown>) => ({
      status: 409,
      message: 'Only {left} left.',
      params,
      translations: { fr: { message: '{left, plural, one {Plus qu’un seul.} other {Plus que #.}}' } },
    });
    const counted = model({ errors: { A: entry({ left: { type: 'integer' } }) } });
    expect(lint(counted, { rules, parseMessage: parse })).toEqual([]);
    const text = model({ errors: { A: entry({}) } });
    expect(lint(text, { rules, parseMessage: parse }).map((f) => f.rule)).toEqual(['translation-params']);
  });

  it('count a region’s coverage through its language, and list at most eight entries missing', () => {
    const errors: Record<string, unknown> = {};
    const fr: Record<string, unknown> = {};
    for (let i = 1; i <= 12; i++) {
      errors[`E${i}`] = { status: 400, title: `Error ${i}` };
      if (i <= 2) fr[`E${i}`] = { title: `Erreur ${i}` };
    }
    const m = model({ errors, translations: { fr, 'fr-CA': { E3: { title: 'Erreur 3' } } } });
    expect(lint(m, { rules, parseMessage: parse }).map((f) => f.message)).toEqual([
      'fr: 2 of 12 entries (16%); missing, so shown in en: E3, E4, E5, E6, E7, E8, E9, E10 and 2 more',
      'fr-CA: 3 of 12 entries (25%); missing, so shown in en: E4, E5, E6, E7, E8, E9, E10, E11 and 1 more',
    ]);
  });

  it('count a locale that only translates entries the catalog lacks as 0%, and check the source locale’s tag', () => {
    const m = model({
      locale: 'en-us',
      errors: { A: { status: 404, title: 'Not found' } },
      translations: { de: { GONE: { title: 'Weg' } } },
    });
    expect(lint(m, { rules, parseMessage: parse }).map((f) => [f.rule, f.field])).toEqual([
      ['locale-canonical', 'locale'],
      ['translation-unknown-entry', 'translations.de.GONE'],
      ['translation-coverage', 'translations.de'],
    ]);
  });
});
