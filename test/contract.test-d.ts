// The client types accept every code the server can send: the catalog's, and
// the server failures it has no entry for, in its casing (contract.test.ts
// checks the same catalogs at run time).
import { describe, expectTypeOf, it } from 'vitest';
import type { Casing } from '../src/catalog/casing.js';
import { defineCatalog } from '../src/catalog/define.js';
import type { CasingOf, GenericStatuses, ServerCodes } from '../src/catalog/server-codes.js';
import { type ClientCode, createClient } from '../src/client/index.js';
import type { shop } from './fixtures/contract-shop.js';

type Entries<C> = C extends { readonly '~entries'?: infer E } ? NonNullable<E> : never;

const generic = [
  'bad_request',
  'unauthorized',
  'payment_required',
  'forbidden',
  'not_acceptable',
  'proxy_authentication_required',
  'request_timeout',
  'conflict',
  'gone',
  'length_required',
  'precondition_failed',
  'uri_too_long',
  'range_not_satisfiable',
  'expectation_failed',
  'misdirected_request',
  'unprocessable_content',
  'locked',
  'failed_dependency',
  'too_early',
  'upgrade_required',
  'precondition_required',
  'too_many_requests',
  'request_header_fields_too_large',
  'unavailable_for_legal_reasons',
] as const;

describe('ServerCodes', () => {
  it('lists the generic statuses the runtime lists', () => {
    expectTypeOf<keyof GenericStatuses>().toEqualTypeOf<(typeof generic)[number]>();
  });

  it('a SCREAMING_SNAKE catalog without 405, 413, 415 or a malformed-body entry', () => {
    type Added = ServerCodes<Entries<typeof shop>>;
    expectTypeOf<'METHOD_NOT_ALLOWED'>().toExtend<Added>();
    expectTypeOf<'PAYLOAD_TOO_LARGE'>().toExtend<Added>();
    expectTypeOf<'UNSUPPORTED_MEDIA_TYPE'>().toExtend<Added>();
    expectTypeOf<'MALFORMED_BODY'>().toExtend<Added>();
    expectTypeOf<'PAYMENT_REQUIRED'>().toExtend<Added>();
    // Covered by the catalog's own entries.
    expectTypeOf<
      Extract<Added, 'NOT_FOUND' | 'VALIDATION_FAILED' | 'INTERNAL_ERROR' | 'UNAUTHORIZED'>
    >().toBeNever();
    expectTypeOf<Extract<Added, 'method_not_allowed'>>().toBeNever();
  });

  it('narrows a client by a code only the server sends', () => {
    const client = createClient<typeof shop>();
    const e: unknown = undefined;
    if (client.is(e, 'METHOD_NOT_ALLOWED')) expectTypeOf(e.details).toEqualTypeOf<undefined>();
    // @ts-expect-error the server sends METHOD_NOT_ALLOWED in this catalog's casing
    client.is(e, 'method_not_allowed');
  });

  it('a catalog covering every failure kind gets only the framework statuses', () => {
    const api = defineCatalog({
      errors: {
        internal: { status: 500 },
        invalid_json: { status: 400 },
        validation_error: { status: 422 },
        route_not_found: { status: 404 },
        wrong_method: { status: 405 },
        too_big: { status: 413 },
        wrong_type: { status: 415 },
      },
    });
    type Added = ServerCodes<Entries<typeof api>>;
    // A framework's 400 or 422 is not a malformed body nor a validation failure: it keeps its own entry.
    expectTypeOf<Added>().toEqualTypeOf<(typeof generic)[number]>();
    expectTypeOf<ClientCode<typeof api>>().toExtend<string>();
  });

  it('a framework status is covered by its named entry, or by the only entry of its status', () => {
    const api = defineCatalog({
      errors: {
        PLAN_LIMIT: { status: 402 },
        GONE_FOR_GOOD: { status: 410 },
        CARD_DECLINED: { status: 402 },
        INVALID_JSON: { status: 400 },
        RATE_LIMITED: { status: 429 },
        OLD: { status: 423, deprecated: true },
      },
    });
    type Added = ServerCodes<Entries<typeof api>>;
    expectTypeOf<'PAYMENT_REQUIRED' | 'BAD_REQUEST' | 'LOCKED'>().toExtend<Added>();
    expectTypeOf<Extract<Added, 'GONE' | 'TOO_MANY_REQUESTS' | 'MALFORMED_BODY'>>().toBeNever();
  });

  it('takes the casing of the codes, not of the ids', () => {
    const api = defineCatalog({
      errors: {
        ResourceNotFound: { status: 404, code: 'resource_not_found' },
        AuthenticationInvalid: { status: 401, code: 'authentication_invalid' },
      },
    });
    expectTypeOf<'method_not_allowed'>().toExtend<ServerCodes<Entries<typeof api>>>();
  });

  it('detects each casing as detectCasing does', () => {
    expectTypeOf<CasingOf<'ORDER_NOT_FOUND' | 'OUT_OF_STOCK'>>().toEqualTypeOf<'SCREAMING_SNAKE'>();
    expectTypeOf<CasingOf<'ORDER-NOT-FOUND' | 'GONE'>>().toEqualTypeOf<'SCREAMING-KEBAB'>();
    expectTypeOf<CasingOf<'order_not_found' | 'gone'>>().toEqualTypeOf<'snake_case'>();
    expectTypeOf<CasingOf<'order-not-found' | 'gone'>>().toEqualTypeOf<'kebab-case'>();
    expectTypeOf<CasingOf<'orders.not_found' | 'auth.expired'>>().toEqualTypeOf<'dot.case'>();
    expectTypeOf<CasingOf<'orderNotFound' | 'gone'>>().toEqualTypeOf<'camelCase'>();
    expectTypeOf<CasingOf<'OrderNotFound' | 'Gone'>>().toEqualTypeOf<'PascalCase'>();
    expectTypeOf<CasingOf<'E1001' | 'E1002'>>().toEqualTypeOf<'SCREAMING_SNAKE'>();
    expectTypeOf<CasingOf<'OrderNotFound' | 'gone_away'>>().toEqualTypeOf<'snake_case'>();
    expectTypeOf<CasingOf<never>>().toEqualTypeOf<'snake_case'>();
    expectTypeOf<CasingOf<''>>().toEqualTypeOf<'snake_case'>();
    expectTypeOf<CasingOf<'x'>>().toExtend<Casing>();
  });
});
