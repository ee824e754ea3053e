/**
 * Issue 13, "contract truth", for message parameters and details schemas: a message is never sent
 * with its template text, one rule types every parameter, and what a catalog cannot mean (an
 * unknown placeholder type, a details schema that is not JSON Schema) is refused at its path.
 */
import { describe, expect, it } from 'vitest';
import { createCatalog, defineCatalog } from './define.js';
import { CatalogError } from './errors.js';
import { jsonDetails } from './json-details.js';
import { catalogFromText } from './load.js';
import { effectiveParams } from './message-params.js';
import { normalizeCatalog } from './normalize.js';

const api = defineCatalog({
  errors: {
    ORDER_NOT_FOUND: { status: 404, title: 'Order not found', message: 'No order with id {orderId} exists.' },
    INSUFFICIENT_STOCK: {
      status: 409,
      title: 'Insufficient stock',
      message: 'Only {available:integer} of {sku} left.',
    },
    UNTITLED: { status: 400, message: 'Field {field} is {state:boolean}.' },
    UPSTREAM: { status: 502, expose: true, message: 'Upstream {service} did not answer.' },
  },
});

/** Every issue of a catalog document, as `path: message`. */
function issues(doc: unknown): string[] {
  try {
    normalizeCatalog(doc);
  } catch (e) {
    if (e instanceof CatalogError) return e.issues.map((i) => `${i.path}: ${i.message}`);
    throw e;
  }
  return [];
}

describe('a message whose parameters are missing or mistyped', () => {
  it('is never sent with its template text: the entry title takes its place', () => {
    // biome-ignore lint/suspicious/noExplicitAny: a caller without the compiler's check
    const missing = api.error('ORDER_NOT_FOUND', {} as any);
    expect(missing.message).toBe('Order not found');
    // biome-ignore lint/suspicious/noExplicitAny: as above
    expect(api.error('ORDER_NOT_FOUND', undefined as any).message).toBe('Order not found');
    // biome-ignore lint/suspicious/noExplicitAny: as above
    expect(api.error('INSUFFICIENT_STOCK', { sku: 'TEA' } as any).message).toBe('Insufficient stock');
  });

  it('checks each value against its type', () => {
    const stock = (params: Record<string, unknown>) =>
      api.error('INSUFFICIENT_STOCK', params as { available: number; sku: string }).message;
    expect(stock({ available: 3, sku: 'TEA' })).toBe('Only 3 of TEA left.');
    for (const available of [1.5, '3', Number.NaN, null, 3n, { n: 3 }, true])
      expect(stock({ available, sku: 'TEA' }), String(available)).toBe('Insufficient stock');
    // An untyped placeholder takes a string: a number or an object is a mistake, not text.
    expect(stock({ available: 3, sku: 42 })).toBe('Insufficient stock');
    expect(stock({ available: 3, sku: { toString: () => 'TEA' } })).toBe('Insufficient stock');
  });

  it('says the generic sentence of its status class when the entry has no title', () => {
    // biome-ignore lint/suspicious/noExplicitAny: as above
    expect(api.error('UNTITLED', { field: 'name', state: 'yes' } as any).message).toBe(
      'The request could not be completed.',
    );
    expect(api.error('UNTITLED', { field: 'name', state: true }).message).toBe('Field name is true.');
    // biome-ignore lint/suspicious/noExplicitAny: as above
    expect(api.error('UPSTREAM', {} as any).message).toBe('An internal error occurred.');
  });

  it('reads a prototype name only as an own parameter', () => {
    const protos = createCatalog(
      normalizeCatalog({ errors: { A: { status: 400, title: 'A', message: 'x {constructor}' } } }).model,
    );
    expect(protos.error('A', {}).message).toBe('A');
    expect(protos.error('A', { constructor: 'C' }).message).toBe('x C');
  });

  it('sends a title or description as it is when there is no message: only the message is a template', () => {
    const plain = defineCatalog({ errors: { T: { status: 400, title: 'Use {braces} freely' } } });
    expect(plain.error('T').message).toBe('Use {braces} freely');
  });
});

describe('one rule for a parameter type', () => {
  it('types an untyped placeholder by its declaration, else as a string', () => {
    const { model } = normalizeCatalog({
      errors: {
        A: {
          status: 403,
          message: 'The {plan} plan allows {limit} projects; {used:integer} used.',
          params: { plan: { description: 'The plan.' }, limit: 'integer', used: { description: 'Used.' } },
        },
        B: { status: 400, message: '{a} and {a:integer}' },
      },
    });
    expect(model.errors.A?.params).toEqual({
      plan: { type: 'string', description: 'The plan.' },
      limit: { type: 'integer' },
      used: { type: 'integer', description: 'Used.' },
    });
    expect(model.errors.B?.params).toEqual({ a: { type: 'integer' } });
    const a = createCatalog(model);
    expect(a.error('A', { plan: 'free', limit: 3, used: 1 }).message).toBe(
      'The free plan allows 3 projects; 1 used.',
    );
    expect(a.error('A', { plan: 'free', limit: '3', used: 1 }).message).toBe(
      'The request could not be completed.',
    );
  });

  it('counts a placeholder the declarations leave out, with its own type', () => {
    const { model } = normalizeCatalog({
      errors: { A: { status: 400, message: '{a} {n:number}', params: { a: 'string', extra: 'boolean' } } },
    });
    expect(effectiveParams(model.errors.A as never)).toEqual({
      a: { type: 'string' },
      n: { type: 'number' },
      extra: { type: 'boolean' },
    });
  });

  it('refuses a declared type that contradicts the placeholder, and one name written with two types', () => {
    expect(
      issues({
        errors: {
          A: { status: 400, message: 'Only {n:integer} left.', params: { n: 'string' } },
          B: { status: 400, message: '{n:integer}', params: { n: { type: 'boolean' } } },
          C: { status: 400, message: '{n:integer} or {n:string}' },
        },
      }),
    ).toEqual([
      'errors.A.params.n: is string, but the message writes {n:integer}: declare one type',
      'errors.B.params.n.type: is boolean, but the message writes {n:integer}: declare one type',
      'errors.C.message: the placeholder {n} is written both as integer and as string',
    ]);
  });
});

describe('what a catalog cannot mean is refused at load, at its path', () => {
  it('an unknown placeholder type, or a typed placeholder with spaces', () => {
    expect(
      issues({
        errors: {
          A: { status: 400, message: 'Ratio {n:float}.' },
          B: { status: 400, message: 'Count {n: integer} or {m:Integer}.' },
        },
      }),
    ).toEqual([
      'errors.A.message: {n:float} has an unknown parameter type "float" (types: string, number, integer, boolean)',
      'errors.B.message: {n: integer} is not a placeholder: write {n:integer}',
      'errors.B.message: {m:Integer} has an unknown parameter type "Integer" (types: string, number, integer, boolean)',
    ]);
    // Other braces stay text.
    expect(issues({ errors: { A: { status: 400, message: 'JSON {"a": 1}, {1x}, {a b}' } } })).toEqual([]);
  });

  it('a details schema that is not JSON Schema, in YAML with its line', () => {
    const yaml = [
      'errors:',
      '  A:',
      '    status: 400',
      '    details:',
      '      type: object',
      '      properties:',
      '        sku: { type: strin }',
      '        n: { minimum: "3" }',
      '      required: sku',
      '',
    ].join('\n');
    let caught: unknown;
    try {
      catalogFromText(yaml, 'yaml', 'errors.yaml');
    } catch (e) {
      caught = e;
    }
    expect(caught).toBeInstanceOf(CatalogError);
    const found = (caught as CatalogError).issues.map((i) => `${i.line}:${i.column} ${i.path}: ${i.message}`);
    expect(found).toEqual([
      '7:16 errors.A.details.properties.sku.type: must be one of "array", "boolean", "integer", "null", "number", "object", "string", got string "strin"',
      '8:14 errors.A.details.properties.n.minimum: must be a number, got string "3"',
      '9:7 errors.A.details.required: must be an array, got string "sku"',
    ]);
  });

  it('in TypeScript too, a plain JSON Schema or the jsonDetails() that `errata types` writes', () => {
    expect(issues({ errors: { A: { status: 400, details: { type: 'strin' } } } })).toEqual([
      'errors.A.details.type: must be one of "array", "boolean", "integer", "null", "number", "object", "string", got string "strin"',
    ]);
    expect(
      issues({ errors: { A: { status: 400, details: jsonDetails({ type: ['string', 'nul'] }) } } }),
    ).toEqual([
      'errors.A.details.type[1]: must be one of "array", "boolean", "integer", "null", "number", "object", "string", got string "nul"',
    ]);
  });

  it('keeps a valid schema as written', () => {
    const schema = { type: 'object', properties: { n: { type: 'integer', minimum: 0 } }, required: ['n'] };
    expect(
      normalizeCatalog({ errors: { A: { status: 400, details: schema } } }).model.errors.A?.details,
    ).toEqual(schema);
  });
});

describe('details: true and false', () => {
  it('true stays "any value" (the empty schema), false means no details', () => {
    const { model } = normalizeCatalog({
      errors: { ANY: { status: 400, details: true }, NONE: { status: 400, details: false } },
    });
    expect(model.errors.ANY?.details).toEqual({});
    expect(model.errors.NONE).not.toHaveProperty('details');
    expect(
      catalogFromText('errors:\n  A: { status: 400, details: true }\n', 'yaml').errors.A?.details,
    ).toEqual({});
  });
});
