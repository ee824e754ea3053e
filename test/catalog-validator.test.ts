/**
 * The catalog validator compiled ahead of time (src/catalog/_catalog-validator.ts)
 * is what Ajv compiles from schema/catalog.v1.json now, and judges documents as
 * Ajv's own compiled validator does.
 */
import { readFileSync } from 'node:fs';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { describe, expect, it } from 'vitest';
import { catalogValidatorSource, validatorFile } from '../scripts/catalog-validator.js';
import compiled from '../src/catalog/_catalog-validator.js';
import { catalogJsonSchema } from '../src/catalog/schema-check.js';

describe('the precompiled catalog validator', () => {
  it('is up to date with schema/catalog.v1.json (else: npx tsx scripts/catalog-validator.ts)', () => {
    expect(readFileSync(validatorFile, 'utf8')).toBe(catalogValidatorSource());
  });

  it('gives the errors Ajv gives when it compiles the schema itself', () => {
    const ajv = new Ajv2020({ allErrors: true, strict: false }).compile(catalogJsonSchema);
    const pre = compiled as unknown as ((doc: unknown) => boolean) & { errors?: unknown };
    const entry = { status: 404, title: 'Not found' };
    const docs: unknown[] = [
      { errata: 1, name: 'ok', errors: { A: entry } },
      { errata: 2, name: '', errors: { '1bad': entry, B: { ...entry, stauts: 1 } } },
      { errors: { A: { status: 600, retry: { strategy: 'fixed' }, deprecated: 3, links: ['a b'] } } },
      {
        errors: { A: { status: 429, retry: { retryable: true, strategy: 'after' }, params: { x: 'date' } } },
      },
      { name: '\u{1F600}', categories: ['a', 'a'], errors: {} },
      { name: '', errors: [] },
      'not an object',
      null,
    ];
    for (const doc of docs) {
      const valid = ajv(doc);
      expect(pre(doc), JSON.stringify(doc)).toBe(valid);
      expect(pre.errors ?? null).toEqual(ajv.errors ?? null);
    }
  });
});
