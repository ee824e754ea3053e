import { describe, expect, it } from 'vitest';
import { normalizeCatalog } from '../../catalog/normalize.js';
import { diffCatalogs } from './catalogs.js';

/** The wire-fact changes between two versions of one entry (`undefined`: `wire` left out). */
function wireChanges(before: { status: number; wire?: unknown }, after: { status: number; wire?: unknown }) {
  const at = (e: { status: number; wire?: unknown }) =>
    normalizeCatalog({ name: 't', docs: 'https://t.example.com/errors', errors: { E: e } }).model;
  return diffCatalogs(at(before), at(after))
    .filter((c) => c.field.startsWith('wire.'))
    .map((c) => ({ kind: c.kind, field: c.field, breaking: c.breaking, message: c.message }));
}

describe('diff: an entry’s wire facts', () => {
  it('a Google status that changes what is sent breaks clients that branch on it', () => {
    expect(
      wireChanges({ status: 409 }, { status: 409, wire: { google: { status: 'ALREADY_EXISTS' } } }),
    ).toEqual([
      {
        kind: 'google-status-changed',
        field: 'wire.google.status',
        breaking: true,
        message: 'Google status "ABORTED" → "ALREADY_EXISTS"',
      },
    ]);
    expect(
      wireChanges(
        { status: 400, wire: { google: { status: 'OUT_OF_RANGE' } } },
        { status: 400, wire: { google: { status: 'FAILED_PRECONDITION' } } },
      ),
    ).toEqual([
      {
        kind: 'google-status-changed',
        field: 'wire.google.status',
        breaking: true,
        message: 'Google status "OUT_OF_RANGE" → "FAILED_PRECONDITION"',
      },
    ]);
  });

  it('stating the status the HTTP status already gives changes nothing on the wire', () => {
    expect(wireChanges({ status: 404 }, { status: 404, wire: { google: { status: 'NOT_FOUND' } } })).toEqual(
      [],
    );
    expect(wireChanges({ status: 503, wire: { stripe: { type: 'api_error' } } }, { status: 503 })).toEqual(
      [],
    );
  });

  it('a Stripe type that changes breaks clients; a doc_url that changes does not', () => {
    expect(wireChanges({ status: 402 }, { status: 402, wire: { stripe: { type: 'card_error' } } })).toEqual([
      {
        kind: 'stripe-type-changed',
        field: 'wire.stripe.type',
        breaking: true,
        message: 'Stripe type "invalid_request_error" → "card_error"',
      },
    ]);
    expect(
      wireChanges(
        { status: 402 },
        { status: 402, wire: { stripe: { docUrl: 'https://stripe.example.com/x' } } },
      ),
    ).toEqual([
      {
        kind: 'stripe-doc-url-changed',
        field: 'wire.stripe.docUrl',
        breaking: false,
        message: 'Stripe doc_url the reference URL → "https://stripe.example.com/x"',
      },
    ]);
  });
});
