import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { describe, expect, it } from 'vitest';
import type { JsonSchema } from '../catalog/model.js';
import { normalizeCatalog } from '../catalog/normalize.js';
import { exampleParam, exampleValue } from './example-value.js';
import { buildReference } from './reference.js';

const ajv = new Ajv2020({ strict: false, allErrors: true });
addFormats.default(ajv);

/** The example of a schema, asserted to validate against it. */
function valid(schema: JsonSchema): unknown {
  const value = exampleValue(schema);
  const check = ajv.compile(schema);
  if (!check(value)) throw new Error(`${JSON.stringify(value)}: ${ajv.errorsText(check.errors)}`);
  return value;
}

describe('exampleValue', () => {
  it('takes the schema’s own example, const, default or first enum value, in that order', () => {
    expect(valid({ type: 'string', examples: ['ups'], default: 'fedex', enum: ['dhl', 'ups'] })).toBe('ups');
    expect(valid({ const: 7 })).toBe(7);
    expect(valid({ type: 'string', default: 'fedex', enum: ['dhl', 'fedex'] })).toBe('fedex');
    expect(valid({ type: 'string', enum: ['ups', 'fedex', 'dhl'] })).toBe('ups');
  });

  it('keeps numbers within their bounds and multiples', () => {
    expect(valid({ type: 'integer', minimum: 1 })).toBe(1);
    expect(valid({ type: 'integer', exclusiveMinimum: 0 })).toBe(1);
    expect(valid({ type: 'integer', minimum: 10, maximum: 20, multipleOf: 7 })).toBe(14);
    expect(valid({ type: 'number', maximum: -5 })).toBe(-5);
    expect(valid({ type: 'integer', exclusiveMaximum: 0 })).toBe(-1);
    expect(valid({ type: 'number', exclusiveMinimum: 0.5, exclusiveMaximum: 1 })).toBe(0.75);
    expect(valid({ type: 'number', multipleOf: 0.25, minimum: 0.3 })).toBe(0.5);
  });

  it('writes strings in their format, length and pattern', () => {
    for (const format of [
      'date-time',
      'date',
      'time',
      'email',
      'uri',
      'uuid',
      'ipv4',
      'ipv6',
      'hostname',
      'duration',
    ])
      expect(typeof valid({ type: 'string', format })).toBe('string');
    expect(valid({ type: 'string', format: 'email' })).toBe('ada@example.com');
    expect((valid({ type: 'string', minLength: 20 }) as string).length).toBe(20);
    expect((valid({ type: 'string', maxLength: 3 }) as string).length).toBeLessThanOrEqual(3);
    expect(valid({ type: 'string', pattern: '^[A-Z0-9]+$' })).toBe('EXAMPLE');
    expect(valid({ type: 'string', pattern: '^\\d+$' })).toBe('1');
  });

  it('names a plain string after its property', () => {
    expect(
      valid({ type: 'object', properties: { carrier: { type: 'string' }, order_id: { type: 'string' } } }),
    ).toEqual({
      carrier: 'carrier',
      order_id: 'order_123',
    });
  });

  it('builds nested objects and arrays with every declared member, and the counts they require', () => {
    const schema: JsonSchema = {
      type: 'object',
      required: ['items', 'requested'],
      additionalProperties: false,
      properties: {
        requested: { type: 'integer', minimum: 1, description: 'How many were asked for' },
        carrier: { enum: ['ups', 'fedex', 'dhl'] },
        items: {
          type: 'array',
          minItems: 2,
          uniqueItems: true,
          items: {
            type: 'object',
            required: ['sku'],
            properties: { sku: { type: 'string', pattern: '^[A-Z]{3}-\\d+$', examples: ['ABC-1', 'XYZ-2'] } },
          },
        },
        tags: { type: 'array', items: { enum: ['a', 'b'] }, uniqueItems: true, minItems: 2 },
        window: { type: ['object', 'null'], properties: { from: { type: 'string', format: 'date' } } },
        any: {},
      },
    };
    expect(valid(schema)).toEqual({
      items: [{ sku: 'ABC-1' }, { sku: 'XYZ-2' }],
      requested: 1,
      carrier: 'ups',
      tags: ['a', 'b'],
      window: { from: '2025-01-15' },
      any: {},
    });
  });

  it('folds allOf and takes the first branch of anyOf/oneOf', () => {
    expect(
      valid({
        allOf: [
          { type: 'object', properties: { a: { type: 'integer', minimum: 5 } }, required: ['a'] },
          { properties: { b: { type: 'boolean' } } },
        ],
      }),
    ).toEqual({ a: 5, b: true });
    expect(valid({ oneOf: [{ type: 'string', format: 'uuid' }, { type: 'integer' }] })).toMatch(
      /^[0-9a-f-]{36}$/,
    );
  });

  it('respects the property counts of an object', () => {
    expect(valid({ type: 'object', minProperties: 2 })).toEqual({ key_1: {}, key_2: {} });
    expect(
      Object.keys(
        valid({
          type: 'object',
          maxProperties: 1,
          properties: { a: { type: 'string' }, b: { type: 'string' } },
        }) as object,
      ),
    ).toHaveLength(1);
  });

  it('is any value (an empty object) for an open schema, and stops in a recursive one', () => {
    expect(exampleValue(undefined)).toEqual({});
    expect(exampleValue(true)).toEqual({});
    const deep: JsonSchema = { type: 'object', properties: {} };
    let cur = deep as { properties: Record<string, unknown> };
    for (let i = 0; i < 20; i++) {
      const next = { type: 'object', properties: {} };
      cur.properties.child = next;
      cur = next;
    }
    expect(() => valid(deep)).not.toThrow();
  });
});

describe('exampleParam', () => {
  it('shows a string as its placeholder and other types as values of their type', () => {
    expect(exampleParam('orderId', 'string')).toBe('<orderId>');
    expect(exampleParam('count', 'integer')).toBe(3);
    expect(exampleParam('ratio', 'number')).toBe(2.5);
    expect(exampleParam('dry', 'boolean')).toBe(true);
  });
});

describe('the examples of the reference', () => {
  it('carry details built from the entry’s schema, which validate against it', () => {
    const details: JsonSchema = {
      type: 'object',
      required: ['requested', 'carrier'],
      properties: {
        requested: { type: 'integer', minimum: 1 },
        carrier: { type: 'string', enum: ['ups', 'fedex', 'dhl'] },
        at: { type: 'string', format: 'date-time' },
      },
    };
    const { model } = normalizeCatalog({
      name: 'shop',
      version: '1',
      errors: {
        OUT_OF_STOCK: { status: 409, message: 'Only {left:integer} of {sku} left', details, expose: true },
      },
    });
    for (const dialect of ['problem', 'simple', 'stripe']) {
      const [e] = buildReference(model, { dialect }).entries;
      expect(e?.exampleDetails).toEqual({ requested: 1, carrier: 'ups', at: '2025-01-15T10:30:00Z' });
      expect(ajv.validate(details, e?.exampleDetails)).toBe(true);
      expect(e?.exampleParams).toEqual({ left: 3, sku: '<sku>' });
      expect(e?.exampleText).toContain('Only 3 of <sku> left');
    }
    const [problem] = buildReference(model, { dialect: 'problem' }).entries;
    expect(problem?.exampleText).toContain('"carrier": "ups"');
  });
});
