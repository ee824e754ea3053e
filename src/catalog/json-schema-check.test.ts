/**
 * The JSON Schema meta-schema validator compiled ahead of time (src/catalog/_json-schema-validator.ts)
 * is what Ajv generates now, and judges schemas as Ajv's own compiled validator does.
 */
import { readFileSync } from 'node:fs';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { describe, expect, it } from 'vitest';
import { jsonSchemaValidatorFile, jsonSchemaValidatorSource } from '../../scripts/json-schema-validator.js';
import compiled from './_json-schema-validator.js';
import { jsonSchemaIssues } from './json-schema-check.js';

describe('the precompiled JSON Schema meta-schema validator', () => {
  it('is up to date with Ajv (else: npx tsx scripts/json-schema-validator.ts)', () => {
    expect(readFileSync(jsonSchemaValidatorFile, 'utf8')).toBe(jsonSchemaValidatorSource());
  });

  it('gives the verdicts Ajv gives with its own meta-schema', () => {
    const ajv = new Ajv2020({ allErrors: true, strict: false });
    const meta = ajv.getSchema('https://json-schema.org/draft/2020-12/schema');
    const pre = compiled as unknown as (schema: unknown) => boolean;
    const schemas: unknown[] = [
      true,
      false,
      {},
      { type: 'object', properties: { a: { type: 'string' } }, required: ['a'] },
      { type: 'strin' },
      { type: ['string', 'null'] },
      { enum: [1, 1] },
      { const: { a: [1, 2] } },
      { required: ['a', 'a'] },
      { items: [{ type: 'string' }] },
      { prefixItems: [{ type: 'string' }], items: false },
      { $defs: { x: { type: 'integer' } }, $ref: '#/$defs/x' },
      { minimum: '3' },
      { properties: { a: 1 } },
      'object',
    ];
    for (const schema of schemas) expect(pre(schema), JSON.stringify(schema)).toBe(meta?.(schema));
  });

  it('words each problem at its path, the most precise one per value', () => {
    expect(jsonSchemaIssues({ type: ['string', 'nul'], required: ['a', 'a'] }, 'd')).toEqual([
      {
        path: 'd.type[1]',
        message:
          'must be one of "array", "boolean", "integer", "null", "number", "object", "string", got string "nul"',
      },
      {
        path: 'd.required',
        message: 'is not valid JSON Schema: must NOT have duplicate items (items ## 1 and 0 are identical)',
      },
    ]);
    expect(jsonSchemaIssues({ type: 'object' }, 'd')).toEqual([]);
  });
});
