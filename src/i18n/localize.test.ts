import { describe, expect, it } from 'vitest';
import { defineCatalog } from '../catalog/define.js';
import type { HeaderReader } from '../dialects/types.js';
import { localize } from './localize.js';

const api = defineCatalog({
  name: 'shop',
  errors: {
    OUT_OF_STOCK: {
      status: 409,
      title: 'Out of stock',
      message: 'Only {left:integer} left of {sku}.',
      translations: {
        fr: {
          title: 'Rupture de stock',
          message: "{left, plural, one {Plus qu'un seul {sku}.} other {Plus que # {sku}.}}",
        },
        'fr-CA': { title: 'En rupture' },
      },
    },
    CARD_DECLINED: {
      status: 402,
      title: 'Card declined',
      message: 'The card ending in {last4} was declined.',
      translations: { fr: { message: 'La carte se terminant par {last4} a été refusée.' } },
    },
    LOCKED: {
      status: 423,
      title: 'Locked',
      message: 'Account {user} is locked for review.',
      expose: false,
      translations: { fr: { title: 'Verrouillé', message: 'Le compte {user} est verrouillé.' } },
    },
    DB_DOWN: {
      status: 503,
      title: 'Unavailable',
      message: 'Database {host} is down.',
      translations: { fr: { title: 'Indisponible', message: 'La base {host} est en panne.' } },
    },
    GONE: { status: 410, title: 'Gone', translations: { fr: { title: 'Disparu' } } },
    BROKEN: {
      status: 400,
      title: 'Broken',
      message: 'Broken {x}.',
      translations: { fr: { message: 'Cassé {x' }, de: { message: 'Kaputt {y}.' } },
    },
    ODD: {
      status: 400,
      message: 'Odd {constructor} and {name}.',
      translations: { fr: { message: 'Bizarre {constructor} et {name}.' } },
    },
  },
});

const headers = (acceptLanguage: string): HeaderReader => ({
  get: (name) => (name.toLowerCase() === 'accept-language' ? acceptLanguage : null),
});

/** The texts of an error for a caller asking `acceptLanguage`, with what was reported. */
function textsFor(acceptLanguage: string, error: ReturnType<typeof api.error>, localizer = localize(api)) {
  const problems: string[] = [];
  const localized = localizer.forRequest(undefined, headers(acceptLanguage), (key, message) =>
    problems.push(`${key}|${message}`),
  );
  // `parts` is the dialects' cache for the entry in that language, not a text.
  const { parts, ...texts } = localized.texts(error);
  expect(parts).toBeTypeOf('object');
  return { locale: localized.locale, texts, problems, language: localized.language(error) };
}

describe('localize: the texts of an error in the caller language', () => {
  it('falls back per field: fr-CA title, fr message rendered with ICU plurals', () => {
    const one = textsFor('fr-CA', api.error('OUT_OF_STOCK', { left: 1, sku: 'A1' }));
    expect(one.locale).toBe('fr-CA');
    expect(one.texts).toEqual({ locale: 'fr', title: 'En rupture', message: "Plus qu'un seul A1." });
    expect(one.language).toBe('fr');
    const many = textsFor('fr', api.error('OUT_OF_STOCK', { left: 1234, sku: 'A1' }));
    expect(many.texts.title).toBe('Rupture de stock');
    expect(many.texts.message).toBe('Plus que 1\u202f234 A1.');
  });

  it('keeps the source text where a language has none, and says so', () => {
    const de = textsFor('de', api.error('CARD_DECLINED', { last4: '4242' }));
    // German is one of the catalog's languages (BROKEN has a German message), this entry has none.
    expect([de.locale, de.language]).toEqual(['de', 'en']);
    expect(de.texts).toEqual({
      locale: 'en',
      title: 'Card declined',
      message: 'The card ending in 4242 was declined.',
    });
    const fr = textsFor('fr-CA', api.error('CARD_DECLINED', { last4: '4242' }));
    expect(fr.texts).toEqual({
      locale: 'fr',
      title: 'Card declined',
      message: 'La carte se terminant par 4242 a été refusée.',
    });
  });

  it('masks as the source does: the translated title below 500, the generic sentence at 500 and above', () => {
    expect(textsFor('fr', api.error('LOCKED', { user: 'ann' })).texts).toEqual({
      locale: 'fr',
      title: 'Verrouillé',
      message: 'Verrouillé',
    });
    expect(textsFor('fr', api.error('DB_DOWN', { host: 'db1.internal' })).texts).toEqual({
      locale: 'fr',
      title: 'Indisponible',
      message: 'Une erreur interne s’est produite.',
    });
  });

  it('sends the generic sentence in the source language where errata does not have it in the caller’s', () => {
    const down = defineCatalog({
      errors: { DOWN: { status: 503, title: 'Down', translations: { it: { title: 'Non disponibile' } } } },
    });
    const response = localize(down).forRequest(undefined, { get: () => 'it' }, () => {});
    const error = down.error('DOWN');
    expect(response.texts(error)).toEqual({
      locale: 'en',
      title: 'Non disponibile',
      message: 'An internal error occurred.',
      parts: {},
    });
  });

  it('sends the translated title where the source sends its title: no message, or parameters that cannot render it', () => {
    expect(textsFor('fr', api.error('GONE')).texts).toEqual({
      locale: 'fr',
      title: 'Disparu',
      message: 'Disparu',
    });
    const unrendered = api.error('OUT_OF_STOCK', { left: 'many' } as never);
    expect(unrendered.message).toBe('Out of stock');
    expect(textsFor('fr', unrendered).texts.message).toBe('Rupture de stock');
  });

  it('falls back to the source text and reports a translation that does not compile or render', () => {
    const syntax = textsFor('fr', api.error('BROKEN', { x: 'a' }));
    expect(syntax.texts).toEqual({ locale: 'en', title: 'Broken', message: 'Broken a.' });
    expect(syntax.language).toBe('en');
    expect(syntax.problems).toHaveLength(1);
    expect(syntax.problems[0]).toMatch(
      /^fr:BROKEN\|the fr message of BROKEN does not compile as ICU MessageFormat/,
    );
    const missing = textsFor('de', api.error('BROKEN', { x: 'a' }));
    expect(missing.texts.message).toBe('Broken a.');
    expect(missing.problems).toEqual([
      'de:BROKEN:parameter y is missing|the de message of BROKEN could not be rendered (parameter y is missing); sent in the source language',
    ]);
  });

  it('sanitizes parameters as the source does, in plain and ICU messages, and reads only own ones', () => {
    const long = `x${'\u202e'}y\n${'z'.repeat(400)}`;
    const plain = textsFor('fr', api.error('CARD_DECLINED', { last4: long })).texts.message;
    const source = api.error('CARD_DECLINED', { last4: long }).message;
    expect(plain).not.toMatch(/[\u202e\n]/);
    expect(plain.slice('La carte se terminant par '.length)).toBe(
      source.slice('The card ending in '.length).replace(' was declined.', ' a été refusée.'),
    );
    const plural = textsFor('fr', api.error('OUT_OF_STOCK', { left: 2, sku: long })).texts.message;
    expect(plural).not.toMatch(/[\u202e\n]/);
    expect(plural.length).toBeLessThan(300);
    const odd = textsFor('fr', api.error('ODD', { constructor: 'c', name: 'n' } as never));
    expect(odd.texts.message).toBe('Bizarre c et n.');
  });

  it('takes the language a locale function names, else Accept-Language; a throw is reported', () => {
    const byUser = localize(api, {
      locale: (ctx) => (ctx.path === '/throw' ? JSON.parse('{') : ctx.path === '/fr' ? 'fr-BE' : 'ja'),
    });
    const problems: string[] = [];
    const report = (key: string, message: string) => problems.push(`${key}|${message}`);
    expect(byUser.forRequest({ path: '/fr' }, headers('de'), report).locale).toBe('fr');
    expect(byUser.forRequest({ path: '/ja' }, headers('fr-CA'), report).locale).toBe('fr-CA');
    expect(byUser.forRequest({ path: '/throw' }, headers('fr'), report).locale).toBe('fr');
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(/^locale\|the locale function threw \(.*JSON.*\); Accept-Language decides$/);
    expect(byUser.pick({ path: '/fr' })).toBe('fr');
  });

  it('names the source language when the dialect asked for no text, and takes a model as well as a catalog', () => {
    const localizer = localize(api.model);
    expect(localizer.source).toBe('en');
    expect(localizer.locales).toEqual(['en', 'fr', 'fr-CA', 'de']);
    const localized = localizer.forRequest(undefined, headers('fr'), () => {});
    expect(localized.language(api.error('GONE'))).toBe('en');
    expect(localizer.pick(undefined, headers('da, fr;q=0.1'))).toBe('fr');
    expect(localizer.pick()).toBe('en');
  });

  it('gives the texts of a language chosen beforehand (forLocale), looked up as a request tag is', () => {
    const localizer = localize(api);
    const error = api.error('CARD_DECLINED', { last4: '4242' });
    const fr = localizer.forLocale('fr-BE');
    expect(fr.locale).toBe('fr');
    expect(fr.texts(error).message).toBe('La carte se terminant par 4242 a été refusée.');
    expect(fr.language(error)).toBe('fr');
    expect(localizer.forLocale('fr-CA').locale).toBe('fr-CA');
    const unknown = localizer.forLocale('ja');
    expect(unknown.locale).toBe('en');
    expect(unknown.texts(error).message).toBe('The card ending in 4242 was declined.');
    expect(localizer.forLocale('x'.repeat(10_000)).locale).toBe('en');
    const problems: string[] = [];
    localizer.forLocale('fr', (key) => problems.push(key)).texts(api.error('BROKEN', { x: 'a' }));
    expect(problems).toEqual([expect.stringMatching(/^fr:BROKEN/)]);
  });

  it('answers in French without rendering the source message, through the responder', async () => {
    const { createResponder } = await import('../server/respond.js');
    const responder = createResponder({ catalog: api, localize: localize(api), telemetry: false });
    const answer = (lang: string) => {
      let reads = 0;
      const params = {
        get last4() {
          reads++;
          return '4242';
        },
      };
      const wire = responder.respond(api.error('CARD_DECLINED', params), {
        method: 'GET',
        path: '/pay',
        request: { headers: { 'accept-language': lang } },
      });
      return { wire, reads };
    };
    // One read to check the parameters when the error is made, one to render the text sent.
    const fr = answer('fr');
    expect(JSON.parse(fr.wire.body).detail).toBe('La carte se terminant par 4242 a été refusée.');
    expect(fr.wire.headers['content-language']).toBe('fr');
    expect(fr.reads).toBe(2);
    const en = answer('en');
    expect(JSON.parse(en.wire.body).detail).toBe('The card ending in 4242 was declined.');
    expect(en.reads).toBe(2);
  });

  it('keeps each localizer of one catalog to its own texts', () => {
    const error = api.error('CARD_DECLINED', { last4: 'x'.repeat(40) });
    const short = localize(api, { maxParamLength: 8 });
    const long = localize(api, { maxParamLength: 256 });
    for (let round = 0; round < 2; round++) {
      expect(short.forLocale('fr').texts(error).message).toBe(
        'La carte se terminant par xxxxxxx… a été refusée.',
      );
      expect(long.forLocale('fr').texts(error).message).toBe(
        `La carte se terminant par ${'x'.repeat(40)} a été refusée.`,
      );
    }
  });
});
