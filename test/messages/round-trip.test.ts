/**
 * The translators' formats end to end through the CLI: `errata messages --format F` writes a
 * file that the format's own library reads (gettext-parser, xliff, i18next, intl-messageformat),
 * and `errata messages import` reads it back to exactly the translations it came from, byte for
 * byte in the language's file. Then hostile files: clear errors, exit 2, no stack trace.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as gettext from 'gettext-parser';
import i18next from 'i18next';
import { IntlMessageFormat } from 'intl-messageformat';
import { beforeEach, describe, expect, it } from 'vitest';
import { xliff2js } from 'xliff';
import { parse as parseYaml } from 'yaml';
import { runCli } from '../_cli.js';

const CATALOG = `name: shop
locale: en
errors:
  OUT_OF_STOCK:
    status: 409
    title: Out of stock
    message: "Only {left:integer} left of {sku}."
    description: The basket asks for more than the stock holds.
    remediation: Order fewer items.
    params:
      sku: { type: string, description: the article's code }
  CARD_DECLINED:
    status: 402
    title: Card declined
    message: "The card ending in {last4} was declined."
  QUOTA:
    status: 429
    title: Quota reached
    message: "You used {used:integer} of {limit:integer} calls."
`;

/** Written as the import writes it: catalog order, fields in order. */
const FRENCH = `OUT_OF_STOCK:
  title: Rupture de stock
  message: "{left, plural, one {Plus qu'un seul {sku}.} other {Plus que # {sku}.}}"
  remediation: Commandez moins d'articles.
CARD_DECLINED:
  message: La carte finissant par {last4} a été refusée.
QUOTA:
  message: Vous avez utilisé {used, number} appels sur {limit}.
`;

let dir = '';
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'errata-messages-'));
  writeFileSync(join(dir, 'errors.yaml'), CATALOG);
  writeFileSync(join(dir, 'errors.fr.yaml'), FRENCH);
});

const FORMATS = [
  ['xliff', 'fr.xlf'],
  ['po', 'fr.po'],
  ['icu-json', 'fr.json'],
  ['i18next', 'fr.i18next.json'],
] as const;

async function exported(format: string, file: string): Promise<string> {
  const r = await runCli(['messages', 'errors.yaml', '--locale', 'fr', '--format', format, '-o', file], dir);
  expect(r, r.stderr).toMatchObject({ code: 0 });
  return readFileSync(join(dir, file), 'utf8');
}

describe('export, then import: the same translations', () => {
  for (const [format, file] of FORMATS) {
    it(`${format}: into a new file and over the language's own file`, async () => {
      await exported(format, file);
      const fresh = await runCli(
        ['messages', 'import', file, '--catalog', 'errors.yaml', '-o', 'new.fr.yaml'],
        dir,
      );
      expect(fresh, fresh.stderr).toMatchObject({ code: 0 });
      expect(fresh.stderr).toBe('wrote new.fr.yaml: fr, 0 added, 0 changed, 5 unchanged\n');
      expect(parseYaml(readFileSync(join(dir, 'new.fr.yaml'), 'utf8'))).toEqual(parseYaml(FRENCH));
      const over = await runCli(['messages', 'import', file, '--catalog', 'errors.yaml'], dir);
      expect(over.stderr).toBe('wrote errors.fr.yaml: fr, 0 added, 0 changed, 5 unchanged\n');
      expect(readFileSync(join(dir, 'errors.fr.yaml'), 'utf8')).toBe(FRENCH);
    });
  }

  it('a translator’s new string is added, in catalog order, and the catalog loads with it', async () => {
    const text = await exported('po', 'fr.po');
    const po = gettext.po.parse(text);
    const title = po.translations['CARD_DECLINED.title']?.['Card declined'];
    if (title === undefined) throw new Error('no CARD_DECLINED.title in the PO file');
    title.msgstr = ['Carte refusée'];
    writeFileSync(join(dir, 'fr.po'), gettext.po.compile(po));
    const r = await runCli(['messages', 'import', 'fr.po', '--catalog', 'errors.yaml'], dir);
    expect(r.stderr).toContain('1 added');
    expect(readFileSync(join(dir, 'errors.fr.yaml'), 'utf8')).toContain(
      'CARD_DECLINED:\n  title: Carte refusée\n  message:',
    );
    const table = await runCli(['messages', 'errors.yaml', '--locale', 'fr'], dir);
    expect(JSON.parse(table.stdout).codes.CARD_DECLINED.title).toBe('Carte refusée');
  });
});

describe('a field the catalog translates inline', () => {
  it('is not written to the file: the same text counts unchanged, another is a conflict (exit 1)', async () => {
    writeFileSync(
      join(dir, 'errors.yaml'),
      CATALOG.replace(
        '    title: Card declined\n',
        '    title: Card declined\n    translations:\n      fr: { title: Carte refusée }\n',
      ),
    );
    const same = await exported('icu-json', 'fr.json');
    const r1 = await runCli(['messages', 'import', 'fr.json', '--catalog', 'errors.yaml'], dir);
    expect([r1.code, r1.stderr]).toEqual([0, 'wrote errors.fr.yaml: fr, 0 added, 0 changed, 6 unchanged\n']);
    writeFileSync(
      join(dir, 'fr.json'),
      same.replace('"CARD_DECLINED.title": "Carte refusée"', '"CARD_DECLINED.title": "Carte déclinée"'),
    );
    const r2 = await runCli(['messages', 'import', 'fr.json', '--catalog', 'errors.yaml'], dir);
    expect(r2.code).toBe(1);
    expect(r2.stderr).toContain(
      'conflict: CARD_DECLINED.title: the catalog itself translates it; change it there\n',
    );
    expect(readFileSync(join(dir, 'errors.fr.yaml'), 'utf8')).toBe(FRENCH);
  });
});

describe("each file, read by the format's own library", () => {
  it('PO: gettext-parser reads context, source, translation and extracted comments', async () => {
    const po = gettext.po.parse(await exported('po', 'fr.po'));
    expect(po.headers.Language).toBe('fr');
    const m = po.translations['OUT_OF_STOCK.message']?.['Only {left} left of {sku}.'];
    expect(m?.msgstr).toEqual(["{left, plural, one {Plus qu'un seul {sku}.} other {Plus que # {sku}.}}"]);
    expect(m?.comments?.extracted).toBe(
      "OUT_OF_STOCK message\nThe basket asks for more than the stock holds.\n{sku}: string, the article's code\n{left}: integer",
    );
    expect(po.translations['CARD_DECLINED.title']?.['Card declined']?.msgstr).toEqual(['']);
  });

  it('XLIFF 2.0: the xliff package reads languages, units and notes', async () => {
    const xml = await exported('xliff', 'fr.xlf');
    let read: {
      sourceLanguage?: string;
      targetLanguage?: string;
      resources?: Record<string, Record<string, { source?: unknown; target?: unknown; note?: string }>>;
    } = {};
    xliff2js(xml, (e, r) => {
      if (e) throw e;
      read = r ?? {};
    });
    expect([read.sourceLanguage, read.targetLanguage]).toEqual(['en', 'fr']);
    expect(read.resources?.shop?.['CARD_DECLINED.message']).toEqual({
      source: 'The card ending in {last4} was declined.',
      target: 'La carte finissant par {last4} a été refusée.',
      note: 'CARD_DECLINED message\n{last4}: string',
    });
  });

  it('ICU JSON: intl-messageformat renders every translation', async () => {
    const doc = JSON.parse(await exported('icu-json', 'fr.json')) as Record<string, unknown>;
    const render = (key: string, values?: Record<string, unknown>) =>
      new IntlMessageFormat(doc[key] as string, 'fr').format(values as never);
    expect(render('OUT_OF_STOCK.message', { left: 1, sku: 'TEA' })).toBe("Plus qu'un seul TEA.");
    expect(render('OUT_OF_STOCK.message', { left: 4, sku: 'TEA' })).toBe('Plus que 4 TEA.');
    expect(render('QUOTA.message', { used: 1500, limit: 2000 })).toBe(
      'Vous avez utilisé 1\u202f500 appels sur 2000.',
    );
    expect(doc['CARD_DECLINED.title']).toBe('');
  });

  it('i18next JSON v4: i18next loads the file and renders plural forms by count', async () => {
    const resources = JSON.parse(await exported('i18next', 'fr.i18next.json')) as Record<string, unknown>;
    expect(resources['OUT_OF_STOCK.message_one']).toBe("Plus qu'un seul {{sku}}.");
    expect(resources['OUT_OF_STOCK.message_other']).toBe('Plus que {{count}} {{sku}}.');
    const i18n = i18next.createInstance();
    await i18n.init({
      lng: 'fr',
      resources: { fr: { translation: resources } },
      interpolation: { escapeValue: false },
    });
    expect(i18n.t('OUT_OF_STOCK.message', { count: 1, sku: 'TEA' })).toBe("Plus qu'un seul TEA.");
    expect(i18n.t('OUT_OF_STOCK.message', { count: 5, sku: 'TEA' })).toBe('Plus que 5 TEA.');
    expect(i18n.t('OUT_OF_STOCK.title')).toBe('Rupture de stock');
    expect(i18n.t('QUOTA.message', { used: 1500, limit: 2000 })).toBe(
      'Vous avez utilisé 1\u202f500 appels sur 2000.',
    );
  });

  it('i18next: edited plural forms come back as an ICU plural over the parameter they count', async () => {
    const resources = JSON.parse(await exported('i18next', 'f.json')) as Record<string, unknown>;
    resources['OUT_OF_STOCK.message_other'] = 'Il reste {{count}} {{sku}} seulement.';
    writeFileSync(join(dir, 'f.json'), JSON.stringify(resources));
    const r = await runCli(['messages', 'import', 'f.json', '--catalog', 'errors.yaml'], dir);
    expect(r.stderr).toContain('1 changed');
    const icu = (
      parseYaml(readFileSync(join(dir, 'errors.fr.yaml'), 'utf8')) as Record<string, { message: string }>
    ).OUT_OF_STOCK?.message as string;
    const m = new IntlMessageFormat(icu, 'fr');
    expect(m.format({ left: 1, sku: 'TEA' })).toBe("Plus qu'un seul TEA.");
    expect(m.format({ left: 7, sku: 'TEA' })).toBe('Il reste 7 TEA seulement.');
  });

  it('i18next: a message it cannot say is left out with a note, and the import keeps it', async () => {
    writeFileSync(
      join(dir, 'errors.fr.yaml'),
      `${FRENCH}  x-note: kept\n`.replace(
        'La carte finissant par {last4} a été refusée.',
        '"{last4, select, 0000 {Carte de test refusée.} other {Carte {last4} refusée.}}"',
      ),
    );
    const r = await runCli(
      ['messages', 'errors.yaml', '--locale', 'fr', '--format', 'i18next', '-o', 'f.json'],
      dir,
    );
    expect(r.stderr).toContain(
      'note: CARD_DECLINED.message is left out: i18next cannot say it as written (it uses select)',
    );
    const back = await runCli(['messages', 'import', 'f.json', '--catalog', 'errors.yaml'], dir);
    expect(back.code).toBe(0);
    expect(readFileSync(join(dir, 'errors.fr.yaml'), 'utf8')).toContain('{last4, select, 0000');
    expect(readFileSync(join(dir, 'errors.fr.yaml'), 'utf8')).toContain('x-note: kept');
  });
});

describe('hostile files: a clear error, exit 2, never a stack trace', () => {
  const cases: [string, string, string | RegExp][] = [
    ['bad.po', 'msgid "a\nmsgstr', /^error: bad\.po: not a valid PO file: /],
    ['bad.xlf', '<xliff version="2.0"><file', /^error: bad\.xlf: not a valid XLIFF 2\.0 or 1\.2 file: /],
    [
      'entities.xlf',
      '<!DOCTYPE x [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;"><!ENTITY xxe SYSTEM "file:///etc/passwd">]><xliff version="2.0" srcLang="en" trgLang="fr"><file id="shop"><unit id="OUT_OF_STOCK.title"><segment><source>a</source><target>&b;&xxe;</target></segment></unit></file></xliff>',
      /^error: entities\.xlf: not a valid XLIFF 2\.0 or 1\.2 file: Invalid character entity/,
    ],
    ['notxliff.xlf', '<html/>', /^error: notxliff\.xlf: not a valid XLIFF 2\.0 or 1\.2 file/],
    ['bad.json', '{"OUT_OF_STOCK.title": ', /^error: bad\.json: not valid JSON: /],
    [
      'list.fr.json',
      '["a"]',
      'error: list.fr.json: ICU JSON is a JSON object of key to text, got an array\n',
    ],
    [
      'num.fr.json',
      '{"OUT_OF_STOCK.title": 3}',
      'error: num.fr.json: "OUT_OF_STOCK.title" must be a string, got number\n',
    ],
    [
      'unknown.fr.json',
      '{"OUT_OF_STOCK.title": "a", "GONE.title": "b"}',
      'error: unknown.fr.json: catalog shop has no entry GONE\n',
    ],
    [
      'other.fr.json',
      '{"BILLING_DOWN.title": "a", "PLAN_GONE.message": "b"}',
      /none of its strings names an entry of catalog shop \(BILLING_DOWN, PLAN_GONE\): is it a file for another catalog\?/,
    ],
    [
      'key.fr.json',
      '{"OUT_OF_STOCK.colour": "a"}',
      /OUT_OF_STOCK\.colour: not a string of a catalog \(keys are <entry id>\.<field>/,
    ],
    [
      'icu.fr.json',
      '{"OUT_OF_STOCK.message": "{left, plural, one {x}"}',
      /^error: icu\.fr\.json: OUT_OF_STOCK\.message is not valid ICU MessageFormat: /,
    ],
    [
      'ctx.fr.json',
      '{"$context": {"catalog": "billing", "locale": "fr"}}',
      'error: ctx.fr.json is for catalog billing, not shop (errors.yaml)\n',
    ],
    [
      'nolang.json',
      '{"OUT_OF_STOCK.title": "a"}',
      'error: nolang.json does not say which language it is in: give --locale\n',
    ],
    ['en.json', '{"OUT_OF_STOCK.title": "a"}', /^error: en is the language catalog shop is written in/],
    ['fr.txt', 'hello', /^error: cannot tell the format of fr\.txt from its name: give --format/],
  ];
  for (const [name, text, said] of cases) {
    it(name, async () => {
      writeFileSync(join(dir, name), text);
      const r = await runCli(['messages', 'import', name, '--catalog', 'errors.yaml'], dir);
      expect(r.code).toBe(2);
      if (typeof said === 'string') expect(r.stderr).toBe(said);
      else expect(r.stderr).toMatch(said);
      expect(r.stderr).not.toMatch(/\n\s+at /);
      expect(readFileSync(join(dir, 'errors.fr.yaml'), 'utf8')).toBe(FRENCH);
    });
  }

  it('an XLIFF file for another catalog, a PO file in another language than --locale', async () => {
    await exported('xliff', 'fr.xlf');
    writeFileSync(
      join(dir, 'other.xlf'),
      readFileSync(join(dir, 'fr.xlf'), 'utf8').replace('<file id="shop">', '<file id="billing">'),
    );
    const x = await runCli(['messages', 'import', 'other.xlf', '--catalog', 'errors.yaml'], dir);
    expect([x.code, x.stderr]).toEqual([
      2,
      'error: other.xlf is for catalog billing, not shop (errors.yaml)\n',
    ]);
    await exported('po', 'fr.po');
    const p = await runCli(
      ['messages', 'import', 'fr.po', '--catalog', 'errors.yaml', '--locale', 'de'],
      dir,
    );
    expect([p.code, p.stderr]).toEqual([2, 'error: fr.po is in fr, not de: leave --locale out or give fr\n']);
  });

  it('usage: import without a file or a catalog, a table without a language', async () => {
    expect((await runCli(['messages', 'import', '--catalog', 'errors.yaml'], dir)).code).toBe(2);
    expect((await runCli(['messages', 'import', 'fr.po'], dir)).stderr).toContain('--catalog');
    expect((await runCli(['messages', 'errors.yaml'], dir)).stderr).toContain('--locale');
    expect((await runCli(['messages', 'errors.yaml', '--locale', 'fr', '--catalog', 'x'], dir)).code).toBe(2);
    const bad = await runCli(['messages', 'errors.yaml', '--locale', '../fr'], dir);
    expect([bad.code, bad.stderr.split('\n')[0]]).toEqual([
      2,
      'error: --locale "../fr" is not a language tag (BCP 47: fr, pt-BR)',
    ]);
    const missing = await runCli(['messages', 'missing.yaml', '--locale', 'fr'], dir);
    expect([missing.code, missing.stderr]).toEqual([2, 'error: file not found: missing.yaml\n']);
  });
});
