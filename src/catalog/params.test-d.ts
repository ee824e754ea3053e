// One rule for a message parameter's type, at compile time: the type its placeholder writes
// (`{n:integer}`), else the type `params` declares, else `string` (the model's and diff's rule).
import { describe, expectTypeOf, it } from 'vitest';
import { defineCatalog, type ParamsOf } from './define.js';
import type { TemplateParams } from './template.js';

const api = defineCatalog({
  errors: {
    ORDER_NOT_FOUND: {
      status: 404,
      message: 'No order with id {orderId} exists.',
      params: { orderId: { type: 'string', description: 'The id in the URL.' } },
    },
    PLAN_LIMIT: {
      status: 403,
      message: 'The {plan} plan allows {limit} projects.',
      params: { plan: 'string', limit: 'integer', seats: { type: 'integer' } },
    },
    DESCRIBED: {
      status: 409,
      message: 'Only {available:integer} left.',
      params: { available: { description: 'Items in stock.' } },
    },
    RETRY_IN: { status: 429, message: 'Try again in {seconds} seconds.' },
    FLAGGED: { status: 400, message: 'Flag {on:boolean}', params: { on: 'boolean' } },
  },
});

type Entries = NonNullable<(typeof api)['~entries']>;

describe('declared params drive inference', () => {
  it('a declared string rejects a number', () => {
    api.error('ORDER_NOT_FOUND', { orderId: 'ord_1' });
    // @ts-expect-error: orderId is declared a string
    api.error('ORDER_NOT_FOUND', { orderId: 42 });
  });

  it('a declared integer types an untyped placeholder as a number', () => {
    api.error('PLAN_LIMIT', { plan: 'free', limit: 3 });
    // @ts-expect-error: limit is declared an integer
    api.error('PLAN_LIMIT', { plan: 'free', limit: '3' });
    expectTypeOf<ParamsOf<Entries['PLAN_LIMIT']>>().toEqualTypeOf<{
      plan: string;
      limit: number;
      seats?: number;
    }>();
  });

  it('a declared parameter the message does not use is optional, and typed', () => {
    api.error('PLAN_LIMIT', { plan: 'free', limit: 3, seats: 2 });
    // @ts-expect-error: seats is declared an integer
    api.error('PLAN_LIMIT', { plan: 'free', limit: 3, seats: 'two' });
  });

  it('an entry whose declared parameters are all unused takes them optionally', () => {
    const noted = defineCatalog({
      errors: { NOTED: { status: 400, title: 'Noted', params: { reason: { type: 'string' } } } },
    });
    noted.error('NOTED');
    noted.error('NOTED', { reason: 'why' });
    // @ts-expect-error: reason is declared a string
    noted.error('NOTED', { reason: 1 });
  });

  it("a declaration without a type leaves the placeholder's own type", () => {
    api.error('DESCRIBED', { available: 2 });
    // @ts-expect-error: the placeholder writes {available:integer}
    api.error('DESCRIBED', { available: 'two' });
    api.error('FLAGGED', { on: true });
  });

  it('a name written untyped and typed takes the written type, as the runtime does', () => {
    expectTypeOf<TemplateParams<'{a} and {a:integer}, {b}'>>().toEqualTypeOf<{ a: number; b: string }>();
  });

  it('an untyped, undeclared placeholder is a string, as the normalized model says', () => {
    expectTypeOf(api.model.errors.RETRY_IN?.params.seconds?.type).toEqualTypeOf<
      'string' | 'number' | 'integer' | 'boolean' | undefined
    >();
    api.error('RETRY_IN', { seconds: '30' });
    // @ts-expect-error: an untyped placeholder takes a string: write {seconds:integer} for a number
    api.error('RETRY_IN', { seconds: 30 });
  });
});

describe('details: true and false', () => {
  const flags = defineCatalog({
    errors: {
      ANY: { status: 400, details: true },
      NONE: { status: 400, details: false },
    },
  });
  it('true takes any value, false none', () => {
    flags.error('ANY', {}, { details: 42 });
    flags.error('ANY', {}, { details: { a: 1 } });
    flags.error('NONE');
    // @ts-expect-error: false admits no details
    flags.error('NONE', {}, { details: 1 });
  });
});
