import { describe, expect, it } from 'vitest';
import { detailsProblems } from './details-validator.js';

describe('detailsProblems', () => {
  it('reads the drafts catalogs write ($schema of draft-07 or 2020-12, $defs and $ref)', () => {
    const draft7 = { $schema: 'http://json-schema.org/draft-07/schema#', type: 'object', required: ['a'] };
    expect(detailsProblems(draft7, { a: 1 })).toEqual([]);
    expect(detailsProblems(draft7, {})).toEqual(["/: must have required property 'a'"]);
    const refs = {
      $schema: 'https://json-schema.org/draft/2020-12/schema',
      $id: 'https://example.com/details.json',
      $defs: { qty: { type: 'integer', minimum: 0 } },
      type: 'object',
      properties: { available: { $ref: '#/$defs/qty' } },
    };
    expect(detailsProblems(refs, { available: -1 })).toEqual(['/available: must be >= 0']);
    // The same $id compiled again (another entry, another catalog) is no conflict.
    expect(detailsProblems({ ...refs }, { available: 2 })).toEqual([]);
  });

  it('ignores formats and unknown keywords instead of refusing the schema', () => {
    const schema = {
      type: 'object',
      properties: { at: { type: 'string', format: 'date-time' } },
      'x-note': 1,
    };
    expect(detailsProblems(schema, { at: 'not a date' })).toEqual([]);
    expect(detailsProblems(schema, { at: 1 })).toEqual(['/at: must be string']);
  });

  it('says why a schema cannot be used, each time, without throwing', () => {
    const broken = { type: 'object', properties: { a: { $ref: '#/nowhere' } } };
    const first = detailsProblems(broken, {});
    expect(first).toHaveLength(1);
    expect(first[0]).toMatch(
      /^the entry's details schema cannot be compiled: can't resolve reference #\/nowhere/,
    );
    expect(detailsProblems(broken, { a: 1 })).toEqual(first);
  });
});
