/**
 * The five seed reference pages, regenerated into examples/docs/ by
 * scripts/docs.ts: every code, status and description of each seed catalog
 * appears in its Markdown and HTML page, and the pages are up to date.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { describe, expect, it } from 'vitest';
import { createCatalog } from '../src/catalog/define.js';
import { normalizeDocument } from '../src/catalog/load.js';
import type { JsonSchema } from '../src/catalog/model.js';
import { dialects } from '../src/dialects/registry.js';
import { renderOpenApi } from '../src/docs/openapi.js';
import { buildReference } from '../src/docs/reference.js';

const REPO = fileURLToPath(new URL('..', import.meta.url));
const SEEDS = ['barekey', 'clerk', 'sitescore', 'flags', 'authos'];

interface SeedEntry {
  code: string;
  status: number;
  title?: string;
  message?: string;
  description?: string;
  remediation?: string;
}

const squash = (text: string) => text.replace(/\s+/g, ' ').trim();

/** The text a reader sees in the Markdown: the page's escapes undone. */
function markdownText(md: string): string {
  return squash(
    md
      .replace(/<br>|\\\n/g, '\n')
      .replace(/\\([\\`*_[\]|#+=.>-])/g, '$1')
      .replace(/&lt;/g, '<')
      .replace(/&gt;/g, '>')
      .replace(/&amp;/g, '&'),
  );
}

/** The text a reader sees in the HTML: tags dropped, entities decoded. */
function htmlText(html: string): string {
  return squash(
    html
      .replace(/<script[\s\S]*?<\/script>/g, ' ')
      .replace(/<style[\s\S]*?<\/style>/g, ' ')
      .replace(/<[^>]+>/g, ' ')
      .replace(/&lt;/g, '<')
      .replace(/&gt;/g, '>')
      .replace(/&quot;/g, '"')
      .replace(/&#39;/g, "'")
      .replace(/&amp;/g, '&'),
  );
}

const runScript = (...args: string[]) =>
  spawnSync(process.execPath, ['--import', 'tsx', join(REPO, 'scripts/docs.ts'), ...args], {
    cwd: REPO,
    encoding: 'utf8',
    timeout: 120_000,
  });

describe('seed reference pages', () => {
  it.each(SEEDS)('%s: every code, status and description is on its pages', (name) => {
    const catalog = JSON.parse(readFileSync(join(REPO, 'examples/catalogs', `${name}.json`), 'utf8')) as {
      errors: Record<string, SeedEntry>;
    };
    const md = readFileSync(join(REPO, 'examples/docs', `${name}.md`), 'utf8');
    const html = readFileSync(join(REPO, 'examples/docs', `${name}.html`), 'utf8');
    const mdText = markdownText(md);
    const page = htmlText(html);
    const missing: string[] = [];
    for (const [id, e] of Object.entries(catalog.errors)) {
      const anchor = `<a id="${id}"></a>`;
      if (!md.includes(anchor)) missing.push(`md: anchor ${id}`);
      if (!html.includes(`<article class="entry" id="${id}"`)) missing.push(`html: anchor ${id}`);
      const texts = [e.code, String(e.status), e.description, e.title, e.remediation].filter(
        (t): t is string => typeof t === 'string' && t !== '',
      );
      for (const t of texts) {
        if (!mdText.includes(squash(t))) missing.push(`md: ${id}: ${t}`);
        if (!page.includes(squash(t))) missing.push(`html: ${id}: ${t}`);
      }
      // The status line of its example response.
      if (!new RegExp(`HTTP/1\\.1 ${e.status} `).test(md.slice(md.indexOf(anchor))))
        missing.push(`md: ${id}: example`);
    }
    expect(missing).toEqual([]);
  });

  it.each(SEEDS)('%s: the envelope its page documents accepts every body errata serves for it', (name) => {
    const model = normalizeDocument(
      JSON.parse(readFileSync(join(REPO, 'examples/catalogs', `${name}.json`), 'utf8')),
    );
    const ref = buildReference(model);
    const api = createCatalog(model);
    const valid = new Ajv2020({ strict: false }).compile(ref.schema);
    const violations = [{ pointer: '/name', message: 'is required' }];
    const rejected: string[] = [];
    for (const id of api.ids) {
      // Bare, with details and no violation, with violations and no details.
      for (const extra of [{}, { details: { field: 'name' } }, { violations }]) {
        const body = JSON.parse(ref.dialect.serialize(api.error(id, {}, extra), { requestId: 'r' }).body);
        if (!valid(body)) rejected.push(`${id} ${JSON.stringify(extra)}: ${JSON.stringify(valid.errors)}`);
      }
    }
    expect(rejected).toEqual([]);
  });

  it.each(SEEDS)(
    '%s: every example validates, its details against the entry’s schema and its body against each dialect’s OpenAPI schema',
    (name) => {
      const model = normalizeDocument(
        JSON.parse(readFileSync(join(REPO, 'examples/catalogs', `${name}.json`), 'utf8')),
      );
      const ajv = new Ajv2020({ strict: false, allErrors: true });
      addFormats.default(ajv);
      const rejected: string[] = [];
      let checked = 0;
      // Every registered dialect, not a list kept here: a new dialect is checked as soon as it is registered.
      for (const dialect of Object.keys(dialects)) {
        const ref = buildReference(model, { dialect });
        const components = renderOpenApi(ref).components as {
          schemas: Record<string, JsonSchema>;
          examples: Record<string, { value: unknown }>;
        };
        const body = ajv.compile(components.schemas.ErrataError as JsonSchema);
        for (const e of ref.entries) {
          checked++;
          if (e.entry.details !== undefined) {
            const details = ajv.compile(e.entry.details);
            if (!details(e.exampleDetails))
              rejected.push(`${dialect} ${e.id} details: ${ajv.errorsText(details.errors)}`);
          }
          if (!body(e.exampleBody)) rejected.push(`${dialect} ${e.id} body: ${ajv.errorsText(body.errors)}`);
          // The OpenAPI example is the page's example.
          if (components.examples[e.id]?.value !== e.exampleBody)
            rejected.push(`${dialect} ${e.id}: openapi example`);
        }
      }
      expect(rejected).toEqual([]);
      expect(checked).toBe(Object.keys(dialects).length * buildReference(model).entries.length);
    },
  );

  it('are up to date (scripts/docs.ts --check passes)', () => {
    const r = runScript('--check');
    expect(r.stderr.replace(/npm warn.*\n/g, '')).toBe('');
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('10 reference pages up to date');
  });

  it('--check exits 1 and names a stale page; a run brings it up to date', () => {
    const dir = mkdtempSync(join(tmpdir(), 'errata-docs-check-'));
    try {
      cpSync(join(REPO, 'examples/docs'), dir, { recursive: true });
      expect(runScript('--out', dir).status).toBe(0);
      writeFileSync(join(dir, 'flags.md'), 'stale\n');
      rmSync(join(dir, 'barekey.html'));
      const stale = runScript('--check', '--out', dir);
      expect(stale.status).toBe(1);
      expect(stale.stderr).toContain('flags.md');
      expect(stale.stderr).toContain('barekey.html');
      expect(stale.stderr).not.toContain('clerk.md');
      expect(runScript('--out', dir).status).toBe(0);
      expect(runScript('--check', '--out', dir).status).toBe(0);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
