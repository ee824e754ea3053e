import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { typeUri } from '../catalog/anchor.js';
import { defineCatalog } from '../catalog/define.js';
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
    for (const id of api.ids) {
      const type = typeUri(api.model, id) as string;
      expect(html).toContain(`<article class="entry" id="${id}"`);
      expect(html).toContain(`<code>${type}</code>`);
      expect(new URL(type).hash).toBe(`#${id}`);
    }
  });

  it('keeps catalog text out of markup and out of the data block', () => {
    expect(html.match(/<script/g)).toHaveLength(2); // the JSON data and the page script
    const data =
      /<script type="application\/json" id="errata:data">([\s\S]*?)<\/script>/.exec(html)?.[1] ?? '';
    expect(data).not.toContain('<');
    expect(JSON.parse(data).entries[1][1]).toContain('</script><script>alert(1)</script>');
  });
});
