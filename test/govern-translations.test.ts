/**
 * A catalog's languages through `errata lint` and `errata diff`: per-locale files beside the
 * catalog (`errors.fr.yaml`) linted with the translation rules, and read at a git ref, in a real
 * temporary repository, so that a language removed since is seen.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, unlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { Finding } from '../src/govern/lint-types.js';
import { runCli } from './_cli.js';

const dirs: string[] = [];
afterAll(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

function workspace(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'errata-i18n-'));
  dirs.push(dir);
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, name)), { recursive: true });
    writeFileSync(join(dir, name), text);
  }
  return dir;
}

function git(cwd: string, ...args: string[]): void {
  execFileSync(
    'git',
    ['-c', 'user.name=t', '-c', 'user.email=t@example.com', '-c', 'commit.gpgsign=false', ...args],
    { cwd, stdio: 'pipe' },
  );
}

const catalog = `name: shop
docs: https://docs.example.com/errors
locale: en
errors:
  OUT_OF_STOCK:
    status: 409
    title: Out of stock
    message: "Only {left:integer} left of {sku}."
    remediation: Order fewer items.
  CARD_DECLINED:
    status: 402
    title: Card declined
    message: "The card ending in {last4} was declined."
  NOT_FOUND:
    status: 404
    title: Not found
    message: "No order {id}."
`;

/** A complete, correct French file. */
const french = `OUT_OF_STOCK:
  title: Rupture de stock
  message: "{left, plural, one {Plus qu'un seul {sku} en stock.} other {Plus que # {sku} en stock.}}"
  remediation: Commandez moins d'articles.
CARD_DECLINED:
  title: Carte refusée
  message: "La carte se terminant par {last4} a été refusée."
NOT_FOUND:
  title: Introuvable
  message: "Aucune commande {id}."
`;

const lintJson = async (dir: string): Promise<{ code: number; findings: Finding[] }> => {
  const r = await runCli(['lint', 'errors.yaml', '--format', 'json'], dir);
  expect(r.stderr).toBe('');
  return { code: r.code, findings: JSON.parse(r.stdout) as Finding[] };
};

const translationFindings = (findings: readonly Finding[]) =>
  findings.filter((f) => /^(?:locale|translation)-/.test(f.rule));

describe('errata lint on a catalog with per-locale files', () => {
  it('passes a complete, correct translation', async () => {
    const dir = workspace({ 'errors.yaml': catalog, 'errors.fr.yaml': french });
    const { code, findings } = await lintJson(dir);
    expect(translationFindings(findings)).toEqual([]);
    expect(code).toBe(0);
  });

  it('reports each kind of translation problem: the catalog-level ones first, then by entry', async () => {
    const dir = workspace({
      'errors.yaml': catalog,
      // Valid but not canonical, a parameter renamed, one left out, an entry that does not exist.
      'errors.pt-br.yaml': `OUT_OF_STOCK:
  title: Sem estoque
  message: "Restam apenas {restantes} de {sku}."
CARD_DECLINED:
  message: "O cartão foi recusado."
ORDER_LOST:
  title: Pedido perdido
`,
      // Not ICU: an unclosed brace.
      'errors.de.yaml': `CARD_DECLINED:
  message: "Die Karte mit der Endung {last4 wurde abgelehnt."
`,
      // A private-use marker with nothing after it: not a BCP 47 tag.
      'errors.fr-x.yaml': 'NOT_FOUND:\n  title: Introuvable\n',
    });
    const { code, findings } = await lintJson(dir);
    expect(code).toBe(1);
    expect(translationFindings(findings).map((f) => [f.rule, f.severity, f.id, f.field, f.message])).toEqual([
      [
        'locale-invalid',
        'error',
        null,
        'translations.fr-x',
        '"fr-x" is not a valid BCP 47 language tag: no Accept-Language or user language can match it; write a language subtag, then region or script (fr, pt-BR, zh-Hant)',
      ],
      [
        'locale-canonical',
        'warn',
        null,
        'translations.pt-br',
        '"pt-br" is written "pt-BR" in canonical form (RFC 5646 section 4.5); tools that compare tags as strings will not match it',
      ],
      [
        'translation-unknown-entry',
        'error',
        null,
        'translations.pt-br.ORDER_LOST',
        'the pt-br translation of "ORDER_LOST" names no entry of this catalog, so it is never used.',
      ],
      [
        'translation-coverage',
        'warn',
        null,
        'translations.de',
        'de: 0 of 3 entries (0%); missing, so shown in en: OUT_OF_STOCK, CARD_DECLINED (title), NOT_FOUND',
      ],
      [
        'translation-coverage',
        'warn',
        null,
        'translations.fr-x',
        'fr-x: 0 of 3 entries (0%); missing, so shown in en: OUT_OF_STOCK, CARD_DECLINED, NOT_FOUND (message)',
      ],
      [
        'translation-coverage',
        'warn',
        null,
        'translations.pt-br',
        'pt-br: 0 of 3 entries (0%); missing, so shown in en: OUT_OF_STOCK (remediation), CARD_DECLINED (title), NOT_FOUND',
      ],
      [
        'translation-params',
        'error',
        'OUT_OF_STOCK',
        'translations.pt-br.message',
        'the pt-br message uses {restantes}, not a parameter of OUT_OF_STOCK (left, sku): callers never pass it',
      ],
      [
        'translation-param-omitted',
        'warn',
        'OUT_OF_STOCK',
        'translations.pt-br.message',
        'the pt-br message leaves out {left}, which the source message writes: readers in pt-br do not see it',
      ],
      [
        'translation-syntax',
        'error',
        'CARD_DECLINED',
        'translations.de.message',
        'the de message is not ICU MessageFormat (malformed argument at column 26): "Die Karte mit der Endung {last4 wurde abgelehnt."',
      ],
      [
        'translation-param-omitted',
        'warn',
        'CARD_DECLINED',
        'translations.pt-br.message',
        'the pt-br message leaves out {last4}, which the source message writes: readers in pt-br do not see it',
      ],
    ]);
    const text = await runCli(['lint', 'errors.yaml'], dir);
    expect(text.code).toBe(1);
    expect(text.stdout).toContain('de: 0 of 3 entries (0%)');
  });

  it('turns a translation rule off from the config, like any rule', async () => {
    const dir = workspace({
      'errors.yaml': catalog,
      'errors.fr.yaml': 'NOT_FOUND:\n  title: Introuvable\n',
      'lint.json': JSON.stringify({ rules: { 'translation-coverage': 'off' } }),
    });
    const r = await runCli(['lint', 'errors.yaml', '--config', 'lint.json', '--format', 'json'], dir);
    expect(translationFindings(JSON.parse(r.stdout) as Finding[])).toEqual([]);
  });
});

describe('errata lock with per-locale files', () => {
  it('locks the languages: a translation reworded is a change the lock check lists', async () => {
    const dir = workspace({ 'errors.yaml': catalog, 'errors.fr.yaml': french });
    expect((await runCli(['lock', 'errors.yaml'], dir)).code).toBe(0);
    expect((await runCli(['lock', '--check', 'errors.yaml'], dir)).code).toBe(0);
    writeFileSync(join(dir, 'errors.fr.yaml'), french.replace('Introuvable', 'Commande introuvable'));
    const r = await runCli(['lock', '--check', 'errors.yaml'], dir);
    expect(r.code).toBe(1);
    expect(r.stdout + r.stderr).toContain('NOT_FOUND: fr title reworded');
  });
});

describe('errata diff --against git:REF with per-locale files', () => {
  it('sees a language file removed since the ref as a breaking change', async () => {
    const dir = workspace({
      'api/errors.yaml': catalog,
      'api/errors.fr.yaml': french,
      'api/errors.de.yaml': 'NOT_FOUND:\n  title: Nicht gefunden\n',
    });
    git(dir, 'init', '-q', '-b', 'main');
    git(dir, 'add', '.');
    git(dir, 'commit', '-qm', 'catalog in English, French and German');
    expect(await runCli(['diff', '--against', 'git:main', 'api/errors.yaml'], dir)).toMatchObject({
      code: 0,
      stdout: 'no changes\n',
    });
    unlinkSync(join(dir, 'api/errors.fr.yaml'));
    writeFileSync(join(dir, 'api/errors.de.yaml'), 'NOT_FOUND:\n  title: Nicht vorhanden\n');
    const r = await runCli(['diff', '--against', 'git:main', 'api/errors.yaml', '--format', 'json'], dir);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(1);
    const { changes } = JSON.parse(r.stdout) as {
      changes: { kind: string; breaking: boolean; message: string }[];
    };
    expect(changes.map((c) => [c.kind, c.breaking, c.message])).toEqual([
      [
        'locale-removed',
        true,
        'locale fr removed (it translated 3 entries): callers asking for fr now read en',
      ],
      ['translation-changed', false, 'de title reworded'],
    ]);
  });

  it('reads the language files at the ref for a TypeScript catalog too, not those on disk', async () => {
    const ts = `export default { name: 'shop', errors: { NOT_FOUND: { status: 404, title: 'Not found' } } };\n`;
    const dir = workspace({ 'errors.ts': ts });
    git(dir, 'init', '-q', '-b', 'main');
    git(dir, 'add', '.');
    git(dir, 'commit', '-qm', 'English only');
    writeFileSync(join(dir, 'errors.fr.yaml'), 'NOT_FOUND:\n  title: Introuvable\n');
    const r = await runCli(['diff', '--against', 'git:main', 'errors.ts'], dir);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('locale fr added (1 entry)');
  });

  it('names a per-locale file at the ref that is not valid', async () => {
    const dir = workspace({ 'errors.yaml': catalog, 'errors.fr.yaml': 'NOT_FOUND:\n  title: [1, 2]\n' });
    git(dir, 'init', '-q', '-b', 'main');
    git(dir, 'add', '.');
    git(dir, 'commit', '-qm', 'a bad French file');
    writeFileSync(join(dir, 'errors.fr.yaml'), french);
    const r = await runCli(['diff', '--against', 'git:main', 'errors.yaml'], dir);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('errors.fr.yaml at main');
    expect(r.stderr).not.toMatch(/\n\s+at /);
  });
});
