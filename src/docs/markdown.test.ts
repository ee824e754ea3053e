import { describe, expect, it } from 'vitest';
import { defineCatalog } from '../catalog/define.js';
import { dialects } from '../dialects/index.js';
import { escapeCell, escapeHtml, escapeMarkdown, inlineCode, jsonForScript } from './escape.js';
import { generateHtml, generateMarkdown, retryText } from './index.js';
import { buildReference, resolveDocsDialect, UnknownDialectError } from './reference.js';

const api = defineCatalog({
  name: 'shop',
  title: 'Shop API errors',
  version: '2.1.0',
  description: 'Errors of the shop.',
  docs: 'https://docs.example.com/shop/errors',
  categories: ['Orders', 'Billing'],
  errors: {
    ORDER_NOT_FOUND: {
      status: 404,
      category: 'Orders',
      title: 'Order not found',
      message: 'No order {orderId} for customer {customer:integer}.',
      params: { orderId: { type: 'string', description: 'The order asked for' } },
      description: 'The order does not exist or belongs to someone else.',
      remediation: 'List the orders first.',
    },
    OLD_ORDER_GONE: {
      status: 410,
      category: 'Orders',
      description: 'Old endpoint.',
      deprecated: { since: '2.0', replacedBy: 'ORDER_NOT_FOUND', note: 'Merged.' },
    },
    PAYMENT_BACKEND_DOWN: {
      code: 'payment_unavailable',
      status: 503,
      category: 'Billing',
      retry: { strategy: 'exponential', baseMs: 500, maxMs: 30_000 },
      description: 'The payment provider is down.',
    },
    RATE_LIMITED: {
      status: 429,
      category: 'Billing',
      retry: { afterMs: 60_000, note: 'then retry' },
      message: 'Slow down.',
      details: { type: 'object', properties: { limit: { type: 'integer' } } },
    },
  },
});
const model = api.model;

describe('generateMarkdown', () => {
  const md = generateMarkdown(model, { dialect: 'problem' });

  it('shows the envelope with an example and its fields', () => {
    expect(md).toMatch(/^# Shop API errors\n\nErrors of the shop\.\n/);
    expect(md).toContain('## Error format');
    expect(md).toContain('a body of type `application/problem+json` in the `problem` format');
    expect(md).toContain('| `code` | string | yes |');
    expect(md).toContain('The `code` field is stable and machine-readable');
  });

  it('has a table per category with code, status, retryable, description and remediation', () => {
    const orders = md.slice(md.indexOf('### Orders'), md.indexOf('### Billing'));
    expect(orders).toContain('| Code | HTTP | Retryable | Description | Remediation |');
    expect(orders).toContain(
      '| [`ORDER_NOT_FOUND`](#ORDER_NOT_FOUND) | 404 | Not stated | The order does not exist or belongs to someone else. | List the orders first. |',
    );
    expect(orders).toContain('**Deprecated**: use `ORDER_NOT_FOUND`. Old endpoint.');
    expect(md).toContain(
      '| [`payment_unavailable`](#PAYMENT_BACKEND_DOWN) | 503 | Yes | The payment provider is down. |  |',
    );
  });

  it('has a section per entry: anchor, example response, parameters, details', () => {
    const start = md.indexOf('<a id="ORDER_NOT_FOUND"></a>');
    expect(start).toBeGreaterThan(0);
    const section = md.slice(start, md.indexOf('<a id="OLD_ORDER_GONE"></a>'));
    expect(section).toContain('### ORDER_NOT_FOUND\n');
    expect(section).toContain('- **Type:** <https://docs.example.com/shop/errors#ORDER_NOT_FOUND>');
    expect(section).toContain('**Message:** `No order {orderId} for customer {customer:integer}.`');
    expect(section).toContain('| `orderId` | string | The order asked for |');
    expect(section).toContain('| `customer` | integer |  |');
    expect(section).toContain('```http\nHTTP/1.1 404 Not Found\ncontent-type: application/problem+json\n');
    // A string parameter shows as its placeholder, an integer as a number of its type.
    expect(section).toContain('"detail": "No order <orderId> for customer 3."');
    const rate = md.slice(md.indexOf('<a id="RATE_LIMITED"></a>'));
    expect(rate).toContain('retry-after: 60\n');
    expect(rate).toContain('| `limit` | integer | no |');
  });

  it('marks deprecated entries with their replacement', () => {
    expect(md).toContain(
      '> **Deprecated** since 2.0. Use [`ORDER_NOT_FOUND`](#ORDER_NOT_FOUND) instead. Merged.',
    );
  });

  it('ends with a retry-guidance table', () => {
    const guide = md.slice(md.indexOf('## Retry guidance'));
    expect(guide).toContain('| [`ORDER_NOT_FOUND`](#ORDER_NOT_FOUND) | 404 | Not stated |');
    expect(guide).toContain(
      '| [`payment_unavailable`](#PAYMENT_BACKEND_DOWN) | 503 | Yes — exponential back-off, 500 ms to 30 s |',
    );
    expect(guide).toContain(
      '| [`RATE_LIMITED`](#RATE_LIMITED) | 429 | Yes — after 60 s (Retry-After); then retry |',
    );
  });

  it('is a pure function of the model', () => {
    expect(generateMarkdown(model, { dialect: 'problem' })).toBe(md);
    expect(generateHtml(model, { dialect: 'problem' })).toBe(generateHtml(model, { dialect: 'problem' }));
  });

  it('keeps catalog text from becoming Markdown or HTML', () => {
    const evil = defineCatalog({
      name: 'evil',
      title: '<script>alert(1)</script> *bold*',
      categories: ['A | B'],
      errors: {
        X: {
          status: 400,
          category: 'A | B',
          description:
            'pipe | here\n# not a heading\n<img src=x onerror=alert(1)> [link](javascript:alert(1)) & `tick`',
          remediation: 'line one\nline two',
        },
      },
    });
    const out = generateMarkdown(evil.model, { dialect: 'problem' });
    expect(out).toContain('# &lt;script&gt;alert(1)&lt;/script&gt; \\*bold\\*');
    // Outside code blocks (which show text literally) no tag survives.
    expect(out.replace(/```[\s\S]*?```/g, '')).not.toMatch(/<script|<img/);
    expect(out).toContain(
      // The inline subset is kept (a code span); a script link, raw HTML and block syntax stay text.
      '| pipe \\| here<br>\\# not a heading<br>&lt;img src=x onerror=alert(1)&gt; \\[link\\](javascript:alert(1)) &amp; `tick` | line one<br>line two |',
    );
    // Every table row still has exactly the five cells.
    const row = out.split('\n').find((l) => l.startsWith('| [`X`]')) as string;
    expect(row.replace(/\\\|/g, '').split('|').length - 2).toBe(5);
  });
});

describe('escaping helpers', () => {
  it('escapes HTML text and attributes', () => {
    expect(escapeHtml(`<a href="x" title='y'>&</a>`)).toBe(
      '&lt;a href=&quot;x&quot; title=&#39;y&#39;&gt;&amp;&lt;/a&gt;',
    );
  });
  it('makes JSON safe inside a script element', () => {
    const text = jsonForScript({ a: '</script><!-- \u2028' });
    expect(text).not.toContain('<');
    expect(JSON.parse(text)).toEqual({ a: '</script><!-- \u2028' });
  });
  it('escapes Markdown prose and cells', () => {
    expect(escapeMarkdown('create_only and _x_ 1. a')).toBe('create_only and \\_x\\_ 1. a');
    expect(escapeMarkdown('1. first')).toBe('1\\. first');
    expect(escapeCell('a|b\nc')).toBe('a\\|b<br>c');
    expect(inlineCode('a `b` c')).toBe('``a `b` c``');
  });
});

describe('dialects', () => {
  it('uses the catalog dialect, and falls back to problem with a note when it is not registered', () => {
    const custom = defineCatalog({
      name: 'c',
      dialect: 'nonexistent-dialect',
      errors: { X: { status: 400 } },
    });
    const { dialect, note } = resolveDocsDialect(custom.model);
    expect(dialect.name).toBe('problem');
    expect(note).toContain('"nonexistent-dialect" is not available');
    expect(generateMarkdown(custom.model)).toContain('> **Note:** The catalog');
    expect(generateHtml(custom.model)).toContain('<p class="note">');
    expect(resolveDocsDialect({ ...custom.model, dialect: 'problem' }).note).toBeUndefined();
  });

  it('rejects an unknown dialect name', () => {
    expect(() => buildReference(model, { dialect: 'nope' })).toThrow(UnknownDialectError);
    expect(() => buildReference(model, { dialect: 'nope' })).toThrow(/known: .*problem/);
  });

  /** Where each built-in dialect puts the code, as the reference finds it in the examples. */
  const CODE_PATHS: Record<string, readonly string[]> = {
    problem: ['code'],
    barekey: ['error', 'code'],
    clerk: ['errors', '[]', 'code'],
    simple: ['code'],
    authos: ['error_code'],
    openai: ['error', 'code'],
    stripe: ['error', 'code'],
    google: ['error', 'details', '[]', 'reason'],
    jsonapi: ['errors', '[]', 'code'],
  };

  it.each(Object.keys(dialects))('renders examples in the %s dialect and finds its code field', (name) => {
    const ref = buildReference(model, { dialect: name });
    expect(ref.dialect.name).toBe(name);
    // The catalog's 4 entries, then the server failures it has no entry for: each rendered in the dialect.
    expect(ref.entries.map((e) => e.id).slice(0, 4)).toEqual(Object.keys(model.errors));
    expect(ref.entries.map((e) => e.id)).toContain('METHOD_NOT_ALLOWED');
    for (const e of ref.entries) {
      expect(e.example.status).toBe(e.entry.status);
      expect(e.exampleText).toContain(e.entry.code);
    }
    // A pinned dialect's path as pinned; a dialect registered since, a path that reads each entry's code.
    const pinned = CODE_PATHS[name];
    if (pinned !== undefined) expect(ref.codePath).toEqual(pinned);
    else {
      const path = ref.codePath ?? [];
      expect(path.length).toBeGreaterThan(0);
      const read = (body: unknown) =>
        path.reduce<unknown>(
          (v, seg) =>
            seg === '[]'
              ? Array.isArray(v)
                ? v[0]
                : undefined
              : (v as Record<string, unknown> | undefined)?.[seg],
          body,
        );
      for (const e of ref.entries) if (e.entry.code !== '') expect(read(e.exampleBody)).toBe(e.entry.code);
    }
    const md = generateMarkdown(model, { dialect: name });
    expect(md).toContain(`in the \`${name}\` format`);
  });

  it('writes retry guidance in words', () => {
    expect(retryText(undefined)).toBe('Not stated');
    expect(retryText({ retryable: false })).toBe('No');
    expect(retryText({ retryable: false, note: 'fix the request' })).toBe('No — fix the request');
    expect(retryText({ retryable: true, strategy: 'fixed', delayMs: 1500, maxAttempts: 3 })).toBe(
      'Yes — after 1.5 s; at most 3 attempts',
    );
    expect(retryText({ retryable: true, strategy: 'after', afterMs: 3_600_000 })).toBe(
      'Yes — after 60 min (Retry-After)',
    );
  });
});
