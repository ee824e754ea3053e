import { IntlMessageFormat } from 'intl-messageformat';
import { describe, expect, it } from 'vitest';
import { fromI18next, NoI18nextForm, toI18next } from './i18next-icu.js';
import { readPo } from './po.js';
import type { StringSet } from './strings.js';
import { readXliff } from './xliff.js';

const none: StringSet = { catalog: 'shop', sourceLocale: 'en', locale: 'fr', strings: [] };

describe('ICU and i18next, through the AST', () => {
  it('writes arguments, numbers and one plural, text around it copied into each form', () => {
    expect(toI18next("Plus qu'un {sku} : {n, number}")).toEqual({
      text: "Plus qu'un {{sku}} : {{n, number}}",
    });
    expect(toI18next('Il reste {n, plural, one {# article} other {# articles}} de {sku}.')).toEqual({
      plural: 'n',
      forms: {
        one: 'Il reste {{count}} article de {{sku}}.',
        other: 'Il reste {{count}} articles de {{sku}}.',
      },
    });
  });

  it('refuses what i18next cannot say, saying why', () => {
    const why = (icu: string) => {
      try {
        toI18next(icu);
        return 'converted';
      } catch (e) {
        expect(e).toBeInstanceOf(NoI18nextForm);
        return (e as Error).message;
      }
    };
    expect(why('{g, select, f {elle} other {il}}')).toBe('it uses select');
    expect(why('{n, selectordinal, one {#st} other {#th}}')).toBe('it uses an ordinal plural');
    expect(why('{n, plural, =0 {none} other {#}}')).toBe('its plural has the case "=0"');
    expect(why('{a, plural, one {x} other {y}} {b, plural, one {x} other {y}}')).toBe(
      'it has several plurals',
    );
    expect(why('{n, number, percent}')).toBe('it uses number with a style');
    expect(why("a '{{'b")).toBe('its text holds "{{"');
    expect(why('{broken')).toMatch(/^it is not valid ICU MessageFormat/);
  });

  it('reads forms back as ICU text that renders as they do', () => {
    const icu = fromI18next({
      plural: 'left',
      forms: { one: "Plus qu'un {{sku}}.", other: 'Plus que {{count}} {{sku}} {x}.' },
    });
    const m = new IntlMessageFormat(icu, 'fr');
    expect(m.format({ left: 1, sku: 'A' })).toBe("Plus qu'un A.");
    expect(m.format({ left: 3, sku: 'A' })).toBe('Plus que 3 A {x}.');
    expect(
      new IntlMessageFormat(fromI18next({ text: '{{n, number}} € {{who}}' }), 'fr').format({
        n: 1000,
        who: 'B',
      }),
    ).toBe('1\u202f000 € B');
  });
});

describe('readers', () => {
  it('XLIFF 1.2: the file named by its original attribute, the language by target-language', () => {
    const read = readXliff(
      '<?xml version="1.0"?><xliff version="1.2" xmlns="urn:oasis:names:tc:xliff:document:1.2"><file original="shop" source-language="en" target-language="fr" datatype="plaintext"><body><trans-unit id="A.title"><source>Out</source><target>Rupture</target></trans-unit><trans-unit id="A.message"><source>x</source></trans-unit></body></file></xliff>',
      'fr.xlf',
    );
    expect([read.catalog, read.locale, [...read.targets(none)]]).toEqual([
      'shop',
      'fr',
      [['A.title', 'Rupture']],
    ]);
  });

  it('XLIFF: a target holding markup is refused, naming the unit', () => {
    expect(() =>
      readXliff(
        '<xliff version="2.0" srcLang="en" trgLang="fr"><file id="shop"><unit id="A.title"><segment><source>a</source><target>b<ph id="1"/></target></segment></unit></file></xliff>',
        'fr.xlf',
      ),
    ).toThrow('fr.xlf: unit A.title: its <target> holds XLIFF markup');
  });

  it('PO: a fuzzy translation and an empty one are not taken', () => {
    const read = readPo(
      'msgid ""\nmsgstr ""\n"Language: fr\\n"\n"X-Errata-Catalog: shop\\n"\n\n#, fuzzy\nmsgctxt "A.title"\nmsgid "Out"\nmsgstr "Dehors"\n\nmsgctxt "A.remediation"\nmsgid "Wait"\nmsgstr ""\n\nmsgctxt "A.message"\nmsgid "x"\nmsgstr "y"\n',
      'fr.po',
    );
    expect([read.catalog, read.locale, [...read.targets(none)]]).toEqual([
      'shop',
      'fr',
      [['A.message', 'y']],
    ]);
  });
});
