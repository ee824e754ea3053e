import { Ajv2020 } from 'ajv/dist/2020.js';
import { describe, expect, it } from 'vitest';
import { normalizeCatalog } from '../catalog/normalize.js';
import { dialects } from '../dialects/registry.js';
import { generateJsonSchema, generateJsonSchemas } from './json-schema.js';
import { generateLlms } from './llms.js';

const { model } = normalizeCatalog({
  name: 'shop',
  title: 'Shop API errors',
  version: '2.1.0',
  description: 'Errors of the shop.\nTwo lines.',
  docs: 'https://docs.example.com/shop/errors',
  categories: ['Orders', 'Payments'],
  errors: {
    ORDER_NOT_FOUND: {
      status: 404,
      category: 'Orders',
      description: 'No such order,\n  or not yours.',
      remediation: 'List the `orders` first.',
      retry: false,
    },
    OLD_ORDER: { status: 410, category: 'Orders', deprecated: { replacedBy: 'ORDER_NOT_FOUND' } },
    PAYMENT_DOWN: {
      code: 'payment_down',
      status: 503,
      category: 'Payments',
      title: 'Payments are down',
      retry: { strategy: 'exponential', baseMs: 500, maxMs: 30_000 },
      details: { type: 'object', properties: { provider: { enum: ['stripe', 'adyen'] } } },
    },
  },
});

describe('generateLlms', () => {
  const text = generateLlms(model, { dialect: 'problem' });

  it('follows llms.txt: a title, a summary quote, the envelope once, then one line per code', () => {
    expect(
      text.startsWith(
        '# Shop API errors\n\n> Errors of the shop. Two lines. Catalog `shop` version 2.1.0: 3 error codes',
      ),
    ).toBe(true);
    expect(text.match(/## Error format/g)).toHaveLength(1);
    expect(text.match(/```json/g)).toHaveLength(1);
    expect(text).toContain('Match on `code`: it is stable.');
    expect(text).toContain(
      '## Orders\n\n- `ORDER_NOT_FOUND` (404 Not Found, not retryable): No such order, or not yours. Fix: List the `orders` first. <https://docs.example.com/shop/errors#ORDER_NOT_FOUND>\n- `OLD_ORDER` (410 Gone, retry not stated): Deprecated, use `ORDER_NOT_FOUND`.',
    );
    expect(text).toContain(
      '- `payment_down` [id PAYMENT_DOWN] (503 Service Unavailable, retryable (exponential back-off, 500 ms to 30 s)): Payments are down',
    );
    // The server failures the catalog has no entry for, listed once after its own.
    expect(text).toContain('## Errors the server adds');
    expect(text).toMatch(
      /## Errors the server adds\n[\s\S]*\n- `method_not_allowed` \[id METHOD_NOT_ALLOWED\] \(405 Method Not Allowed, /,
    );
  });

  it('names every status of an entry that lists several', () => {
    const conflict = normalizeCatalog({
      name: 'shop',
      errors: { ORDER_CONFLICT: { status: [409, 400], message: 'The order changed.' } },
    }).model;
    expect(generateLlms(conflict, { dialect: 'problem' })).toContain(
      '- `ORDER_CONFLICT` (409 Conflict or 400 Bad Request, ',
    );
  });

  it('keeps every code on one line', () => {
    const lines = text.split('\n').filter((l) => l.startsWith('- `'));
    const codes = text.split('## Orders')[1] ?? '';
    expect(lines.filter((l) => codes.includes(l)).length).toBeGreaterThanOrEqual(3);
    for (const l of lines) expect(l).not.toContain('\n');
  });
});

describe('generateJsonSchema', () => {
  it('is the body schema of the dialect with the codes, details under $defs, and valid examples', () => {
    const schema = generateJsonSchema(model, { dialect: 'problem' });
    expect(schema.$schema).toBe('https://json-schema.org/draft/2020-12/schema');
    expect(schema.title).toBe('Shop API errors: the problem error body');
    expect((schema.properties as Record<string, { enum?: string[] }>).code?.enum).toEqual(
      expect.arrayContaining(['ORDER_NOT_FOUND', 'OLD_ORDER', 'payment_down']),
    );
    expect((schema.$defs as Record<string, unknown>)['details:PAYMENT_DOWN']).toMatchObject({
      properties: { provider: { enum: ['stripe', 'adyen'] } },
    });
    const ajv = new Ajv2020({ strict: false });
    const validate = ajv.compile(schema);
    for (const example of schema.examples as unknown[]) expect(validate(example)).toBe(true);
    expect(validate({ type: 'about:blank', title: 'x', status: 400, code: 'NOT_A_CODE' })).toBe(false);
  });

  it('gives one schema per registered dialect, each compiling', () => {
    const all = generateJsonSchemas(model);
    expect(Object.keys(all)).toEqual(Object.keys(dialects));
    const ajv = new Ajv2020({ strict: false });
    for (const [name, schema] of Object.entries(all)) {
      const validate = ajv.compile(schema);
      for (const example of schema.examples as unknown[]) expect(validate(example), name).toBe(true);
    }
  });
});
