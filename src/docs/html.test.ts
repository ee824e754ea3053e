import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { typeUri } from '../catalog/anchor.js';
import { defineCatalog } from '../catalog/define.js';
import { unpackExample } from './_html-examples.js';
import { generateHtml, HTML_CSP } from './index.js';

const api = defineCatalog({
  name: 'shop',
  docs: 'https://docs.example.com/shop/errors',
  errors: {
    'order.not_found': { status: 404, message: 'No order {id}.' },
    PAYMENT_DOWN: { status: 503, retry: true, description: 'x </script><script>alert(1)</script>' },
  },
});
const html = generateHtml(api.model, { dialect: 'problem' });

describe('generateHtml', () => {
  it('is one self-contained page: inline style and script, nothing fetched', () => {
    expect(html.startsWith('<!doctype html>')).toBe(true);
    expect(html).not.toMatch(/<link(?![^>]*href="data:)/);
    expect(html).not.toMatch(/\ssrc=/);
    expect(html).not.toMatch(/https?:\/\/(?!docs\.example\.com)/);
    expect(html).toContain(
      `<meta http-equiv="Content-Security-Policy" content="${HTML_CSP.replace(/'/g, '&#39;')}">`,
    );
  });

  it('allows exactly its own script by hash', () => {
    const scripts = [...html.matchAll(/<script>([\s\S]*?)<\/script>/g)].map((m) => m[1] as string);
    expect(scripts).toHaveLength(1);
    const hash = createHash('sha256')
      .update(scripts[0] as string)
      .digest('base64');
    expect(HTML_CSP).toContain(`script-src 'sha256-${hash}'`);
    expect(HTML_CSP).toMatch(/^default-src 'none'/);
  });

  it('anchors each entry at its id, the fragment of its RFC 9457 type', () => {
    const data = dataOf(html);
    for (const id of api.ids) {
      const type = typeUri(api.model, id) as string;
      expect(html).toContain(`<article class="entry" id="${id}"`);
      // The script writes each card's type line: the page's type base and the id.
      expect(`${data.type}${id}`).toBe(type);
      expect(new URL(type).hash).toBe(`#${id}`);
    }
    expect(html).toContain(`as in <code>${typeUri(api.model, 'order.not_found')}</code>`);
  });

  it('keeps catalog text out of markup and out of the data block', () => {
    expect(html.match(/<script/g)).toHaveLength(2); // the JSON data and the page script
    expect(html).toContain('x &lt;/script&gt;&lt;script&gt;alert(1)&lt;/script&gt;');
    const raw =
      /<script type="application\/json" id="errata:data">([\s\S]*?)<\/script>/.exec(html)?.[1] ?? '';
    expect(raw).not.toContain('<');
    // The examples are packed (shared runs of lines kept once, the id marked) and unpack to the text.
    const data = dataOf(html);
    const i = data.entries.findIndex((e) => e[0] === 'PAYMENT_DOWN');
    const text = unpackExample(
      { mark: data.mark, shared: data.shared, examples: data.examples[0] ?? [] },
      i,
      'PAYMENT_DOWN',
    );
    expect(text).toMatch(/^HTTP\/1\.1 503 Service Unavailable\n/);
    expect(text).toContain('"code": "PAYMENT_DOWN"');
  });
});

interface PageData {
  entries: (string | number)[][];
  mark: string | null;
  shared: string[];
  examples: (number | string)[][][];
  type: string | null;
}
function dataOf(page: string): PageData {
  const raw = /<script type="application\/json" id="errata:data">([\s\S]*?)<\/script>/.exec(page)?.[1] ?? '';
  return JSON.parse(raw) as PageData;
}
