/** The server failures a catalog's contract adds: one compact table on the pages, every one in the OpenAPI. */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { normalizeDocument } from '../catalog/load.js';
import { serverContract } from '../catalog/server-contract.js';
import { generateHtml } from './html.js';
import { generateMarkdown } from './markdown.js';
import { generateOpenApi } from './openapi.js';

// Six entries (400, 401, 403, 404, 409, 500): errata adds the others' failures.
const flags = normalizeDocument(
  JSON.parse(readFileSync(new URL('../../examples/catalogs/flags.json', import.meta.url), 'utf8')),
  'flags.json',
);
const own = Object.keys(flags.errors);
const added = [...serverContract(flags).added.values()];

/** Every `#fragment` the page links to, and every anchor it has. */
function links(page: string, anchor: RegExp): { targets: Set<string>; anchors: Set<string> } {
  const targets = new Set([...page.matchAll(/(?:\]\(|href=")#([^)"]+)[)"]/g)].map((m) => m[1] as string));
  const anchors = new Set([...page.matchAll(anchor)].map((m) => m[1] as string));
  return { targets, anchors };
}

describe('the server failures a catalog has no entry for', () => {
  it('are many: the contract of a six-entry catalog adds two dozen', () => {
    expect(own).toHaveLength(6);
    expect(added.length).toBeGreaterThan(20);
    expect(added).toContain('method_not_allowed');
  });

  it('Markdown: a section per own entry, the added ones as rows of one table, each anchored', () => {
    const md = generateMarkdown(flags);
    const sections = [...md.matchAll(/^### (\S+)/gm)].map((m) => m[1]);
    for (const id of own) expect(sections).toContain(id);
    for (const id of added) expect(sections).not.toContain(id);
    const table = md.slice(md.indexOf('## Errors the server adds'), md.indexOf('## Retry guidance'));
    expect(table).toContain(
      '| <a id="method_not_allowed"></a>`method_not_allowed` | 405 | No | Method Not Allowed | Sent by the server for a method the route does not take; the Allow header lists those it takes. |',
    );
    expect(table.split('\n').filter((l) => l.startsWith('| <a id='))).toHaveLength(added.length);
    expect(md).toContain(`6 errors, and ${added.length} the server adds.`);
    // The retry table lists the catalog's own entries; the added ones say it in their row.
    const retry = md.slice(md.indexOf('## Retry guidance'));
    expect(retry).not.toContain('method_not_allowed');
    const { targets, anchors } = links(md, /<a id="([^"]+)"><\/a>/g);
    for (const t of targets) expect(anchors, `#${t}`).toContain(t);
    for (const id of [...own, ...added]) expect(anchors).toContain(id);
  });

  it('HTML: a card per own entry, the added ones as rows anchored by id, which every link reaches', () => {
    const html = generateHtml(flags);
    const cards = [...html.matchAll(/<article class="entry" id="([^"]+)"/g)].map((m) => m[1]);
    expect(cards).toEqual(own);
    const rows = [...html.matchAll(/<tr class="added" id="([^"]+)"/g)].map((m) => m[1]);
    expect(rows).toEqual(added);
    expect(html).toContain('<h2 id="errata:added">Errors the server adds</h2>');
    const { targets, anchors } = links(html, / id="([^"]+)"/g);
    for (const t of targets) expect(anchors, `#${t}`).toContain(t);
    // Search and filters still cover every entry of the contract.
    const data = JSON.parse(
      html.slice(html.indexOf('id="errata:data">') + 17, html.indexOf('</script>')),
    ) as {
      entries: [string][];
    };
    expect(data.entries.map((r) => r[0])).toEqual([...own, ...added]);
  });

  it('OpenAPI keeps every one of them, with its example', () => {
    const doc = generateOpenApi(flags) as { components: { examples: Record<string, unknown> } };
    expect(Object.keys(doc.components.examples)).toEqual([...own, ...added]);
  });

  it('contract: false documents the catalog alone, without the table', () => {
    const md = generateMarkdown(flags, { contract: false });
    expect(md).not.toContain('Errors the server adds');
    expect(md).toContain('6 errors. Generated');
  });
});
