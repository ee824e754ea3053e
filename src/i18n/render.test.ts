import { IntlMessageFormat } from 'intl-messageformat';
import { describe, expect, it } from 'vitest';
import { compileTranslation } from './render.js';

/** What intl-messageformat itself renders, with its own formatters. */
const oracle = (text: string, locale: string, values: Record<string, string | number>) =>
  new IntlMessageFormat(text, locale, undefined, { ignoreTag: true }).format(values);

const render = (text: string, locale: string, values: Record<string, unknown>) => {
  const compiled = compileTranslation(text, locale, 256);
  if (!('render' in compiled)) throw new Error(compiled.error);
  return compiled.render(values);
};

describe('compileTranslation', () => {
  it('renders plural, selectordinal, select and number styles as intl-messageformat does, render after render', () => {
    const cases: [string, string, Record<string, string | number>[]][] = [
      [
        '{n, plural, =0 {aucun} one {# article} other {# articles}}',
        'fr',
        [{ n: 0 }, { n: 1 }, { n: 1234.5 }],
      ],
      [
        '{n, selectordinal, one {#st} two {#nd} few {#rd} other {#th}}',
        'en',
        [{ n: 1 }, { n: 2 }, { n: 3 }, { n: 11 }],
      ],
      [
        '{g, select, female {Elle} male {Il} other {On}} a {n, number, percent} ({n, number})',
        'fr',
        [
          { g: 'female', n: 0.25 },
          { g: 'x', n: 3 },
        ],
      ],
      [
        '{n, number, ::currency/EUR} {n, plural, one {restant} other {restants}}',
        'de',
        [{ n: 1 }, { n: 2.5 }],
      ],
      [
        '{n, plural, one {# день} few {# дня} many {# дней} other {# дня}}',
        'ru',
        [{ n: 1 }, { n: 3 }, { n: 5 }, { n: 1.5 }],
      ],
    ];
    cases.push([
      'Le {t, date, short} à {t, time, short}, puis le {t, date, ::yyyyMMdd}',
      'fr',
      [{ t: 0 }, { t: 1.7e12 }],
    ]);
    for (const [text, locale, runs] of cases)
      for (let round = 0; round < 2; round++)
        for (const values of runs) expect(render(text, locale, values)).toBe(oracle(text, locale, values));
  });

  it('joins text and arguments without ICU, and refuses a missing parameter', () => {
    expect(
      render("Aucune variable {name} n'existe dans l'étape {stage}.", 'fr', { name: 'A', stage: 'p' }),
    ).toBe("Aucune variable A n'existe dans l'étape p.");
    expect(render("L''étape '{stage}' {stage}", 'fr', { stage: 'p' })).toBe("L'étape {stage} p");
    expect(() => render('Il manque {x}.', 'fr', {})).toThrow(/parameter x is missing/);
    expect(compileTranslation('Cassé {x', 'fr', 256)).toEqual({
      error: expect.stringMatching(/does not compile/),
    });
  });
});
