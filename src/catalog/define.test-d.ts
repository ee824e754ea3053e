import * as v from 'valibot';
import { describe, expectTypeOf, it } from 'vitest';
import { z } from 'zod';
import type { ErrataError } from '../error.js';
import { createCatalog, defineCatalog } from './define.js';
import { jsonDetails } from './json-details.js';
import type { TemplateParams } from './template.js';

const api = defineCatalog({
  errors: {
    VARIABLE_NOT_FOUND: { status: 404, message: 'No variable named {name} exists in stage {stage}.' },
    TOO_MANY: {
      status: 429,
      code: 'too_many',
      message: 'Retry in {seconds:number} s (strict: {strict:boolean}).',
    },
    INVALID: {
      status: 400,
      message: 'Invalid.',
      details: z.object({ field: z.string(), max: z.number().optional() }),
    },
    OPTIONAL_DETAILS: { status: 400, details: z.object({ a: z.string() }).optional() },
    VALIBOT: { status: 422, details: v.object({ n: v.number() }) },
    JSON: { status: 409, details: jsonDetails<{ id: string }>({ type: 'object' }) },
    PLAIN: { status: 500 },
  },
});

describe('TemplateParams', () => {
  it('infers names and types from placeholders (an untyped one is a string)', () => {
    expectTypeOf<TemplateParams<'a {x} b {y:number} {z:boolean} {w:integer} {s:string}'>>().toEqualTypeOf<{
      x: string;
      y: number;
      z: boolean;
      w: number;
      s: string;
    }>();
  });
  it('ignores braces that are not placeholders, like the runtime', () => {
    // biome-ignore lint/complexity/noBannedTypes: the expected type is the empty object
    expectTypeOf<TemplateParams<'JSON {"a":1} {bad name} {1x} {x:date}'>>().toEqualTypeOf<{}>();
    expectTypeOf<TemplateParams<'a {b {c} d'>>().toEqualTypeOf<{ c: string }>();
  });
  it('falls back to a record for a non-literal template', () => {
    expectTypeOf<TemplateParams<string>>().toEqualTypeOf<
      Record<string, string | number | boolean | bigint>
    >();
  });
});

describe('catalog.error', () => {
  it('returns an exactly typed error', () => {
    const e = api.error('VARIABLE_NOT_FOUND', { name: 'A', stage: 'prod' });
    expectTypeOf(e).toEqualTypeOf<ErrataError<'VARIABLE_NOT_FOUND', 'VARIABLE_NOT_FOUND', undefined>>();
    expectTypeOf(e.id).toEqualTypeOf<'VARIABLE_NOT_FOUND'>();
    const t = api.error('TOO_MANY', { seconds: 3, strict: true });
    expectTypeOf(t.code).toEqualTypeOf<'too_many'>();
    const d = api.error('INVALID', {}, { details: { field: 'x' } });
    expectTypeOf(d.details).toEqualTypeOf<{ field: string; max?: number | undefined }>();
    expectTypeOf(api.error('VALIBOT', {}, { details: { n: 1 } }).details).toEqualTypeOf<{ n: number }>();
    expectTypeOf(api.error('JSON', {}, { details: { id: 'x' } }).details).toEqualTypeOf<{ id: string }>();
  });

  it('rejects unknown ids', () => {
    // @ts-expect-error: not an id of the catalog
    api.error('VARIABLE_NOT_FOUNDX', { name: 'a', stage: 'b' });
  });

  it('rejects missing, extra, misspelt and mistyped parameters', () => {
    // @ts-expect-error: stage is missing
    api.error('VARIABLE_NOT_FOUND', { name: 'a' });
    // @ts-expect-error: parameters are required
    api.error('VARIABLE_NOT_FOUND');
    // @ts-expect-error: extra is not a parameter
    api.error('VARIABLE_NOT_FOUND', { name: 'a', stage: 'b', extra: 1 });
    // @ts-expect-error: misspelt
    api.error('VARIABLE_NOT_FOUND', { nmae: 'a', stage: 'b' });
    // @ts-expect-error: seconds must be a number
    api.error('TOO_MANY', { seconds: '3', strict: true });
    // @ts-expect-error: an entry without placeholders takes no parameters
    api.error('PLAIN', { x: 1 });
    api.error('PLAIN');
  });

  it('rejects wrong or missing details', () => {
    // @ts-expect-error: details are required by the schema
    api.error('INVALID', {});
    // @ts-expect-error: field must be a string
    api.error('INVALID', {}, { details: { field: 1 } });
    // @ts-expect-error: unknown detail
    api.error('INVALID', {}, { details: { field: 'x', nope: true } });
    // @ts-expect-error: an entry without a schema carries no details
    api.error('PLAIN', {}, { details: { a: 1 } });
    // Optional schema: details may be left out.
    api.error('OPTIONAL_DETAILS');
  });

  it('lists ids and narrows with is()', () => {
    expectTypeOf(api.ids).toEqualTypeOf<
      readonly (
        | 'VARIABLE_NOT_FOUND'
        | 'TOO_MANY'
        | 'INVALID'
        | 'OPTIONAL_DETAILS'
        | 'VALIBOT'
        | 'JSON'
        | 'PLAIN'
      )[]
    >();
    const x: unknown = null;
    if (api.is(x, 'INVALID'))
      expectTypeOf(x.details).toEqualTypeOf<{ field: string; max?: number | undefined }>();
  });

  it('is loosely typed for a catalog built from a plain model', () => {
    const loose = createCatalog(api.model);
    const e = loose.error('anything', { any: 'value' });
    expectTypeOf(e.id).toEqualTypeOf<string>();
    loose.error('other');
  });
});
