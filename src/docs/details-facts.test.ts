import { describe, expect, it } from 'vitest';
import type { JsonSchema } from '../catalog/model.js';
import { normalizeCatalog } from '../catalog/normalize.js';
import { rootFacts, schemaFacts, schemaFieldRows } from './_schema-facts.js';
import { generateHtml } from './html.js';
import { generateMarkdown } from './markdown.js';

const details: JsonSchema = {
  type: 'object',
  description: 'What could not be shipped.',
  required: ['requested', 'carrier'],
  additionalProperties: false,
  properties: {
    requested: { type: 'integer', minimum: 1, maximum: 99, description: 'How many were asked for.' },
    carrier: { type: 'string', enum: ['ups', 'fedex', 'dhl'] },
    at: { type: 'string', format: 'date-time' },
    sku: { type: 'string', pattern: '^[A-Z]{3}-\\d+$', minLength: 5, maxLength: 12 },
    lines: {
      type: 'array',
      minItems: 1,
      uniqueItems: true,
      items: {
        type: 'object',
        required: ['qty'],
        properties: { qty: { type: 'integer', exclusiveMinimum: 0 } },
      },
    },
    window: { type: 'object', properties: { from: { type: 'string', format: 'date' } } },
  },
};

describe('schema facts', () => {
  it('lists every field, nested objects and array items included, with its constraints', () => {
    const rows = schemaFieldRows(details);
    expect(rows.map((r) => [r.path, r.type, r.required])).toEqual([
      ['requested', 'integer', true],
      ['carrier', 'string', true],
      ['at', 'string', false],
      ['sku', 'string', false],
      ['lines', 'array of object', false],
      ['lines[].qty', 'integer', true],
      ['window', 'object', false],
      ['window.from', 'string', false],
    ]);
    const facts = Object.fromEntries(rows.map((r) => [r.path, r.facts]));
    expect(facts.requested).toEqual([{ label: '≥ 1, ≤ 99' }]);
    expect(facts.carrier).toEqual([{ label: 'one of', values: ['ups', 'fedex', 'dhl'] }]);
    expect(facts.at).toEqual([{ label: 'format', values: ['date-time'] }]);
    expect(facts.sku).toEqual([
      { label: '5 to 12 characters' },
      { label: 'matches', values: ['^[A-Z]{3}-\\d+$'] },
    ]);
    expect(facts.lines).toEqual([{ label: 'at least 1 item' }, { label: 'unique items' }]);
    expect(facts['lines[].qty']).toEqual([{ label: '> 0' }]);
    expect(rows[0]?.description).toBe('How many were asked for.');
    expect(rootFacts(details)).toEqual({
      type: 'object',
      description: 'What could not be shipped.',
      facts: [],
    });
    expect(schemaFacts({ const: 'x', default: 'x', examples: ['x'] }).map((f) => f.label)).toEqual([
      'always',
      'default',
      'for example',
    ]);
  });
});

describe('details on the pages', () => {
  const { model } = normalizeCatalog({
    name: 'shop',
    version: '1',
    errors: { CANNOT_SHIP: { status: 422, title: 'Cannot ship', details, expose: true } },
  });

  it('HTML: a row per field with its description and constraints, values as code', () => {
    const html = generateHtml(model, { dialect: 'problem', contract: false });
    expect(html).toContain(
      '<tr><td><code>carrier</code></td><td>string</td><td>yes</td><td><ul class="facts"><li>one of <code>ups</code>, <code>fedex</code>, <code>dhl</code></li></ul></td></tr>',
    );
    expect(html).toContain('<td><code>lines[].qty</code></td><td>integer</td><td>yes</td>');
    expect(html).toContain('How many were asked for.<ul class="facts"><li>≥ 1, ≤ 99</li></ul>');
    expect(html).toContain('What could not be shipped.');
    // The example uses the schema's first allowed value and its lower bound.
    expect(html).toContain('"carrier": "ups"');
    expect(html).toContain('"requested": 1');
  });

  it('Markdown: the same facts, values as code spans', () => {
    const md = generateMarkdown(model, { dialect: 'problem', contract: false });
    expect(md).toContain('**Details:** object. What could not be shipped.');
    expect(md).toContain('| `carrier` | string | yes | one of `ups`, `fedex`, `dhl` |');
    expect(md).toContain('| `requested` | integer | yes | How many were asked for.; ≥ 1, ≤ 99 |');
    expect(md).toContain('| `sku` | string | no | 5 to 12 characters; matches `^[A-Z]{3}-\\d+$` |');
  });
});
