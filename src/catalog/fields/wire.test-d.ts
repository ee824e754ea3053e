import { describe, it } from 'vitest';
import { defineCatalog } from '../define.js';

describe('wire facts in the TypeScript DSL', () => {
  it('take only the names the formats define', () => {
    defineCatalog({
      errors: {
        EXISTS: { status: 409, wire: { google: { status: 'ALREADY_EXISTS' } } },
        CARD: { status: 402, wire: { stripe: { type: 'card_error', docUrl: 'https://x.example.com/d' } } },
        // @ts-expect-error not a google.rpc.Code name
        LOWER: { status: 409, wire: { google: { status: 'already_exists' } } },
        // @ts-expect-error OK is not an error
        OK: { status: 400, wire: { google: { status: 'OK' } } },
        // @ts-expect-error not a type Stripe documents
        DECLINED: { status: 402, wire: { stripe: { type: 'card_declined' } } },
        // @ts-expect-error Stripe's member is docUrl in the catalog
        SNAKE: { status: 402, wire: { stripe: { doc_url: 'https://x.example.com/d' } } },
      },
    });
  });
});
