import { describe, expect, it } from 'vitest';
import { defineCatalog } from '../define.js';
import { CatalogError } from '../errors.js';
import { exportContract } from '../export.js';
import { catalogFromText, validateCatalogDocument } from '../load.js';
import { googleStatusOf, stripeDocUrlOf, stripeTypeOf } from '../wire-facts.js';

const YAML = `name: payments
docs: https://docs.example.com/errors
errors:
  CUSTOMER_EXISTS:
    status: 409
    wire:
      google: { status: ALREADY_EXISTS }
  CARD_DECLINED:
    status: 402
    wire:
      stripe: { type: card_error, docUrl: https://stripe.example.com/docs/card-declined }
  ORDER_NOT_FOUND:
    status: 404
`;

/** Every problem of a rejected YAML catalog, as `line:column path: message`. */
function problems(text: string): string[] {
  try {
    catalogFromText(text, 'yaml', 'errors.yaml');
  } catch (e) {
    expect(e).toBeInstanceOf(CatalogError);
    return (e as CatalogError).issues.map((i) => `${i.line}:${i.column} ${i.path}: ${i.message}`);
  }
  throw new Error('expected the catalog to be rejected');
}

const entry = (wire: string) => `errors:\n  A:\n    status: 409\n    wire: ${wire}\n`;

describe('an entry’s wire facts', () => {
  it('are kept in the model as stated, in YAML and in the TypeScript DSL alike', () => {
    const model = catalogFromText(YAML, 'yaml');
    expect(model.errors.CUSTOMER_EXISTS?.wire).toEqual({ google: { status: 'ALREADY_EXISTS' } });
    expect(model.errors.CARD_DECLINED?.wire).toEqual({
      stripe: { type: 'card_error', docUrl: 'https://stripe.example.com/docs/card-declined' },
    });
    expect(model.errors.ORDER_NOT_FOUND && 'wire' in model.errors.ORDER_NOT_FOUND).toBe(false);
    const api = defineCatalog({
      name: 'payments',
      docs: 'https://docs.example.com/errors',
      errors: {
        CUSTOMER_EXISTS: { status: 409, wire: { google: { status: 'ALREADY_EXISTS' } } },
        CARD_DECLINED: {
          status: 402,
          wire: { stripe: { type: 'card_error', docUrl: 'https://stripe.example.com/docs/card-declined' } },
        },
        ORDER_NOT_FOUND: { status: 404 },
      },
    });
    expect(api.model).toEqual(model);
  });

  it('are printed by errata export', () => {
    const exported = JSON.parse(exportContract(catalogFromText(YAML, 'yaml')));
    expect(exported.errors.CUSTOMER_EXISTS.wire).toEqual({ google: { status: 'ALREADY_EXISTS' } });
    expect(exported.errors.CARD_DECLINED.wire.stripe.type).toBe('card_error');
  });

  it('give the value each dialect sends: the stated one, else the one the status gives', () => {
    const model = catalogFromText(YAML, 'yaml');
    const [exists, card, missing] = [
      model.errors.CUSTOMER_EXISTS,
      model.errors.CARD_DECLINED,
      model.errors.ORDER_NOT_FOUND,
    ] as const;
    if (!exists || !card || !missing) throw new Error('entries missing');
    expect(googleStatusOf(exists)).toBe('ALREADY_EXISTS');
    expect(googleStatusOf(missing)).toBe('NOT_FOUND');
    expect(googleStatusOf(card)).toBe('FAILED_PRECONDITION');
    expect(stripeTypeOf(card)).toBe('card_error');
    expect(stripeTypeOf(exists)).toBe('invalid_request_error');
    expect(stripeTypeOf({ ...missing, status: 503 })).toBe('api_error');
    expect(stripeDocUrlOf(card, 'https://docs.example.com/errors#CARD_DECLINED')).toBe(
      'https://stripe.example.com/docs/card-declined',
    );
    expect(stripeDocUrlOf(missing, 'https://docs.example.com/errors#ORDER_NOT_FOUND')).toBe(
      'https://docs.example.com/errors#ORDER_NOT_FOUND',
    );
    expect(stripeDocUrlOf(missing, undefined)).toBeUndefined();
  });

  it('are refused at load with their path and line when they name what the format does not have', () => {
    expect(problems(entry('{ google: { status: already_exists } }'))).toEqual([
      '4:23 errors.A.wire.google.status: must be a canonical google.rpc.Code name other than OK (CANCELLED, UNKNOWN, INVALID_ARGUMENT, DEADLINE_EXCEEDED, NOT_FOUND, ALREADY_EXISTS, PERMISSION_DENIED, UNAUTHENTICATED, RESOURCE_EXHAUSTED, FAILED_PRECONDITION, ABORTED, OUT_OF_RANGE, UNIMPLEMENTED, INTERNAL, UNAVAILABLE, DATA_LOSS), got string "already_exists" (did you mean "ALREADY_EXISTS"?)',
    ]);
    expect(problems(entry('{ google: { status: OK } }'))[0]).toMatch(
      /^4:23 errors\.A\.wire\.google\.status: must be a canonical google\.rpc\.Code name other than OK .*got string "OK"$/,
    );
    expect(problems(entry('{ stripe: { type: card_eror } }'))).toEqual([
      '4:23 errors.A.wire.stripe.type: must be an error type Stripe documents (api_error, card_error, idempotency_error, invalid_request_error), got string "card_eror" (did you mean "card_error"?)',
    ]);
    expect(problems(entry('{ stripe: { docUrl: "not a url" } }'))).toEqual([
      '4:23 errors.A.wire.stripe.docUrl: must be a URL, got string "not a url"',
    ]);
    expect(problems(entry('{ gogle: { status: ABORTED } }'))).toEqual([
      '4:13 errors.A.wire.gogle: unknown field (did you mean "google"?)',
    ]);
    expect(problems(entry('{ stripe: { type: card_error, doc_url: x } }'))).toEqual([
      '4:41 errors.A.wire.stripe.doc_url: unknown field (did you mean "docUrl"?)',
    ]);
    expect(problems(entry('{ google: {} }'))).toEqual(['4:13 errors.A.wire.google.status: is required']);
    expect(problems(entry('[google]'))).toEqual([
      '4:5 errors.A.wire: must be an object ({ google, stripe }), got an array',
    ]);
  });

  it('are described alike by the published JSON Schema, for editors', () => {
    const doc = (wire: unknown) => ({ errors: { A: { status: 409, wire } } });
    expect(validateCatalogDocument(doc({ google: { status: 'ALREADY_EXISTS' } }))).toEqual([]);
    expect(
      validateCatalogDocument(doc({ stripe: { type: 'card_error', docUrl: 'https://x.example.com/d' } })),
    ).toEqual([]);
    expect(validateCatalogDocument(doc({ google: { status: 'OK' } })).map((i) => i.path)).toEqual([
      'errors.A.wire.google.status',
    ]);
    expect(validateCatalogDocument(doc({ stripe: { type: 'rate_limit_error' } })).map((i) => i.path)).toEqual(
      ['errors.A.wire.stripe.type'],
    );
    expect(validateCatalogDocument(doc({ stripe: { doc_url: 'x' } })).map((i) => i.path)).toEqual([
      'errors.A.wire.stripe.doc_url',
    ]);
    expect(validateCatalogDocument(doc({ google: {} })).map((i) => i.path)).toEqual([
      'errors.A.wire.google.status',
    ]);
  });
});
