import { describe, expect, it } from 'vitest';
import { inlineHtml, inlineMarkdown, isSafeHref } from './inline.js';

describe('the inline subset of catalog prose', () => {
  const text =
    'Send `Authorization: Bearer <token>`, see *the guide* at [docs](https://example.com/a?b=1&c=2) or [here](/errors#AUTH) — **now**.';

  it('renders code spans, http(s) and relative links and emphasis in HTML, escaping the rest', () => {
    expect(inlineHtml(text)).toBe(
      'Send <code>Authorization: Bearer &lt;token&gt;</code>, see <em>the guide</em> at <a href="https://example.com/a?b=1&amp;c=2" rel="noopener noreferrer">docs</a> or <a href="/errors#AUTH" rel="noopener noreferrer">here</a> — <strong>now</strong>.',
    );
  });

  it('keeps them as written in Markdown', () => {
    expect(inlineMarkdown(text)).toBe(text);
    expect(inlineMarkdown('a <b> & [x](javascript:alert(1)) `c`')).toBe(
      'a &lt;b&gt; &amp; \\[x\\](javascript:alert(1)) `c`',
    );
  });

  it('leaves hostile text inert: raw HTML, images, script and data links, block syntax', () => {
    const evil = [
      '<img src=x onerror=alert(1)>',
      '![i](https://example.com/i.png)',
      '[a](javascript:alert(1))',
      '[b](JaVaScRiPt:alert(1))',
      '[c](java&#115;cript:alert(1))',
      '[d](data:text/html,<script>alert(1)</script>)',
      '[e](//evil.example)',
      '*[f](vbscript:x)*',
      '<javascript:alert(1)>',
      '# heading',
    ].join('\n');
    const html = inlineHtml(evil);
    expect(html).not.toMatch(/<(img|script|a |h1)/);
    // Emphasis around a refused link: the emphasis is rendered, the link stays text.
    expect(inlineHtml('*[f](vbscript:x)*')).toBe('<em>[f](vbscript:x)</em>');
    expect(html).toContain('&lt;img src=x onerror=alert(1)&gt;');
    const md = inlineMarkdown(evil);
    expect(md).not.toMatch(/<img|<script|(?<!\\)\]\(javascript/i);
  });

  it('takes text without any of the subset as it is, escaped', () => {
    expect(inlineHtml('Tom & Jerry <3')).toBe('Tom &amp; Jerry &lt;3');
    expect(inlineHtml('snake_case_name stays')).toBe('snake_case_name stays');
  });

  it('allows http, https and relative link targets only', () => {
    for (const ok of [
      'https://x.example',
      'http://x.example/a',
      '/errors',
      'page.html#x',
      '#id',
      '../up',
      'a/b:c',
    ])
      expect(isSafeHref(ok), ok).toBe(true);
    for (const bad of [
      'javascript:alert(1)',
      'data:text/html,x',
      'mailto:a@b.c',
      '//evil.example',
      'ftp://x',
      'https://',
    ])
      expect(isSafeHref(bad), bad).toBe(false);
  });
});
