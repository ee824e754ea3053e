/**
 * `errata docs --locale` as a user runs it, in-process through `main()`: the page in one of
 * the catalog's languages (its own words in French, English words for a language errata has
 * none in, noted on stderr), a page per language with `--locale all`, and the misuses.
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli } from './_cli.js';

const dir = mkdtempSync(join(tmpdir(), 'errata-docs-locale-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
writeFileSync(
  join(dir, 'errors.yaml'),
  `name: shop
locale: en
errors:
  OUT_OF_STOCK:
    status: 409
    title: Out of stock
    message: "Only {left:integer} left of {sku}."
    remediation: Order fewer items.
    translations:
      fr:
        title: Rupture de stock
        remediation: Commandez moins d'articles.
  CARD_DECLINED:
    status: 402
    title: Card declined
    message: "The card ending in {last4} was declined."
`,
);
writeFileSync(join(dir, 'errors.pt-BR.yaml'), 'CARD_DECLINED:\n  title: Cartão recusado\n');

const run = (argv: string[]) => runCli(argv, dir);

describe('errata docs --locale', () => {
  it('writes the Markdown page in French: its words and the entries’ text', async () => {
    const r = await run(['docs', 'errors.yaml', '--locale', 'fr']);
    expect({ code: r.code, stderr: r.stderr }).toEqual({ code: 0, stderr: '' });
    expect(r.stdout).toContain('## Format des erreurs');
    expect(r.stdout).toContain('- **Titre\u00a0:** Rupture de stock');
    expect(r.stdout).toContain("**Que faire\u00a0:** Commandez moins d'articles.");
    expect(r.stdout).toContain('- **Titre\u00a0:** Card declined');
  });

  it('takes the language in any case, and writes the HTML page with its lang', async () => {
    const r = await run(['docs', 'errors.yaml', '--locale', 'FR', '--format', 'html', '-o', 'fr.html']);
    expect({ code: r.code, stderr: r.stderr }).toEqual({ code: 0, stderr: '' });
    const html = readFileSync(join(dir, 'fr.html'), 'utf8');
    expect(html).toContain('<html lang="fr" dir="ltr">');
    expect(html).toContain('placeholder="Code, statut, message, description…"');
    expect(html).toContain('<strong>Rupture de stock</strong>');
    // One page alone has no sibling to switch to.
    expect(html).not.toContain('class="langs"');
  });

  it('notes a language errata has no words in: the entries translated, the words English', async () => {
    const r = await run(['docs', 'errors.yaml', '--locale', 'pt-BR']);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe(
      'note: errata has no page words in pt-BR: its page shows the entries translated, the headings and labels in English (errata has en, fr, de, es, ja)\n',
    );
    expect(r.stdout).toContain('- **Title:** Cartão recusado');
    expect(r.stdout).toContain('## Error format');
  });

  it('refuses a language the catalog lacks, listing its own', async () => {
    const r = await run(['docs', 'errors.yaml', '--locale', 'de']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(
      'error: --locale: the catalog has no language "de"; its languages are en, fr, pt-BR (or all)',
    );
    expect(r.stdout).toBe('');
  });

  it('refuses --locale for a format that is not a page, and all without a folder', async () => {
    const openapi = await run(['docs', 'errors.yaml', '--locale', 'fr', '--format', 'openapi']);
    expect(openapi.code).toBe(2);
    expect(openapi.stderr).toContain(
      'error: --locale writes the reference page in --format md or html (got "openapi")',
    );
    const all = await run(['docs', 'errors.yaml', '--locale', 'all', '--format', 'html']);
    expect(all.code).toBe(2);
    expect(all.stderr).toContain('error: --locale all writes a page per language: name their folder with -o');
    const file = await run([
      'docs',
      'errors.yaml',
      '--locale',
      'all',
      '--format',
      'html',
      '-o',
      'site/index.html',
    ]);
    expect(file.code).toBe(2);
    expect(file.stderr).toContain('-o names the folder, not a file (got "site/index.html")');
  });

  it('writes a page per language with --locale all, each linking to the others', async () => {
    const r = await run(['docs', 'errors.yaml', '--format', 'html', '--locale', 'all', '-o', 'site']);
    expect(r.code).toBe(0);
    expect(r.stderr).toContain('note: errata has no page words in pt-BR');
    expect(readdirSync(join(dir, 'site')).sort()).toEqual([
      'index.fr.html',
      'index.html',
      'index.pt-BR.html',
    ]);
    const en = readFileSync(join(dir, 'site/index.html'), 'utf8');
    const fr = readFileSync(join(dir, 'site/index.fr.html'), 'utf8');
    expect(en).toContain('<html lang="en" dir="ltr">');
    expect(fr).toContain('<html lang="fr" dir="ltr">');
    expect(readFileSync(join(dir, 'site/index.pt-BR.html'), 'utf8')).toContain(
      '<html lang="pt-BR" dir="ltr">',
    );
    for (const page of [en, fr]) {
      expect(page).toContain('<a href="index.fr.html" hreflang="fr" lang="fr" data-locale-link');
      expect(page).toContain('<link rel="alternate" hreflang="pt-BR" href="index.pt-BR.html">');
    }
    expect(fr).toContain('data-locale-link aria-current="page">Français</a>');
    expect(en).toContain('<nav class="langs" aria-label="Language">');
    expect(fr).toContain('<nav class="langs" aria-label="Langue">');
  });

  it('writes Markdown pages per language too', async () => {
    const r = await run(['docs', 'errors.yaml', '--locale', 'all', '-o', 'md']);
    expect(r.code).toBe(0);
    expect(readdirSync(join(dir, 'md')).sort()).toEqual(['index.fr.md', 'index.md', 'index.pt-BR.md']);
    expect(readFileSync(join(dir, 'md/index.fr.md'), 'utf8')).toContain('## Format des erreurs');
  });
});
