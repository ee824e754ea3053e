import { describe, expect, it } from 'vitest';
import type { CatalogModel } from '../../catalog/model.js';
import { normalizeCatalog } from '../../catalog/normalize.js';
import { diffCatalogs } from './catalogs.js';
import type { ChangeKind } from './changes.js';

type Doc = Record<string, unknown>;
const base: Doc = {
  name: 't',
  docs: 'https://docs.example.com/errors',
  dialect: 'problem',
  errors: {
    USER_NOT_FOUND: {
      status: 404,
      title: 'User not found',
      message: 'No user {id} in {org}',
      description: 'The user does not exist.',
      details: {
        type: 'object',
        properties: {
          id: { type: 'string' },
          org: { type: ['string', 'null'] },
          count: { type: 'number' },
          kind: { enum: ['a', 'b'] },
          tags: { type: 'array', items: { type: 'object', properties: { name: { type: 'string' } } } },
        },
        required: ['id'],
      },
    },
    BUSY: { status: 503, retry: { strategy: 'exponential', baseMs: 100, maxMs: 1000 } },
    PLAN: { status: [402, 403], category: 'Billing' },
    GONE: { status: 410, retry: false },
  },
  translations: {
    fr: {
      USER_NOT_FOUND: { title: 'Utilisateur introuvable', message: 'Aucun utilisateur {id} dans {org}' },
    },
    'fr-CA': { USER_NOT_FOUND: { title: 'Usager introuvable' } },
  },
};

const clone = (d: Doc): Doc => structuredClone(d);
const model = (d: Doc): CatalogModel => normalizeCatalog(d).model;
const errs = (d: Doc) => d.errors as Record<string, Doc>;
const user = (d: Doc) => errs(d).USER_NOT_FOUND as Doc;
const fr = (d: Doc) => (d.translations as Record<string, Record<string, Doc>>).fr as Record<string, Doc>;
const translations = (d: Doc) => d.translations as Record<string, unknown>;
const props = (d: Doc) => (user(d).details as Doc).properties as Record<string, Doc>;

/** Each kind: an edit that must produce it, with its classification and messages; and an edit that must not. */
const cases: Record<
  ChangeKind,
  { breaking: boolean; messages: string[]; make: (d: Doc) => void; not: (d: Doc) => void }
> = {
  'entry-added': {
    breaking: false,
    messages: ['entry NEW added ("NEW", 400)'],
    make: (d) => {
      errs(d).NEW = { status: 400 };
    },
    not: () => {},
  },
  'entry-removed': {
    breaking: true,
    messages: ['entry PLAN removed'],
    make: (d) => {
      delete errs(d).PLAN;
    },
    not: (d) => {
      errs(d).NEW = { status: 400 };
    },
  },
  'entry-renamed': {
    breaking: false,
    messages: ['entry PLAN renamed to PAYMENT_REQUIRED (code "PLAN", status 402 kept)'],
    make: (d) => {
      errs(d).PAYMENT_REQUIRED = { ...errs(d).PLAN, code: 'PLAN' };
      delete errs(d).PLAN;
    },
    // Same code, other status: not a rename.
    not: (d) => {
      errs(d).PAYMENT_REQUIRED = { ...errs(d).PLAN, code: 'PLAN', status: 403 };
      delete errs(d).PLAN;
    },
  },
  'code-removed': {
    breaking: true,
    messages: ['wire code "PLAN" no longer sent by any entry'],
    make: (d) => {
      delete errs(d).PLAN;
    },
    // Removing one of two entries sharing a code keeps the code on the wire.
    not: (d) => {
      errs(d).PLAN2 = { status: 402, code: 'PLAN' };
    },
  },
  'code-changed': {
    breaking: true,
    messages: ['code "PLAN" → "PAYMENT_REQUIRED"'],
    make: (d) => {
      errs(d).PLAN = { ...errs(d).PLAN, code: 'PAYMENT_REQUIRED' };
    },
    not: (d) => {
      errs(d).PLAN = { ...errs(d).PLAN, code: 'PLAN' };
    },
  },
  'server-failure-changed': {
    breaking: true,
    messages: [
      'the server\'s 405 (Method Not Allowed): sent as "METHOD_NOT_ALLOWED" → "WRONG_METHOD", by entry WRONG_METHOD',
    ],
    make: (d) => {
      errs(d).WRONG_METHOD = { status: 405 };
    },
    // An entry of a status the catalog already answers (a second 410) replaces nothing.
    not: (d) => {
      errs(d).GONE_FOR_GOOD = { status: 410 };
    },
  },
  'framework-status-changed': {
    breaking: false,
    messages: ['the server\'s 409 (Conflict): sent as "CONFLICT" → "ORDER_LOCKED", by entry ORDER_LOCKED'],
    make: (d) => {
      errs(d).ORDER_LOCKED = { status: 409 };
    },
    // An entry of a status the catalog already answers (a second 410) replaces nothing.
    not: (d) => {
      errs(d).GONE_FOR_GOOD = { status: 410 };
    },
  },
  'status-changed': {
    breaking: true,
    messages: ['status 404 → 410'],
    make: (d) => {
      user(d).status = 410;
    },
    not: (d) => {
      user(d).title = 'No such user';
    },
  },
  'status-added': {
    breaking: false,
    messages: ['status 409 added to 404 (the first stays the default)'],
    make: (d) => {
      user(d).status = [404, 409];
    },
    not: (d) => {
      user(d).status = [404];
    },
  },
  'status-removed': {
    breaking: true,
    messages: ['status 403 removed (402 stays)'],
    make: (d) => {
      errs(d).PLAN = { ...errs(d).PLAN, status: 402 };
    },
    not: (d) => {
      user(d).title = 'No such user';
    },
  },
  'retry-removed': {
    breaking: true,
    messages: ['retryable (exponential 100–1000 ms) → not retryable'],
    make: (d) => {
      errs(d).BUSY = { status: 503, retry: false };
    },
    not: (d) => {
      errs(d).BUSY = { status: 503, retry: { afterMs: 5000 } };
    },
  },
  'retry-added': {
    breaking: false,
    messages: ['not retryable → retryable (exponential 500–30000 ms)'],
    make: (d) => {
      errs(d).GONE = { status: 410, retry: true };
    },
    not: (d) => {
      errs(d).PLAN = { ...errs(d).PLAN, retry: true };
    },
  },
  'retry-stated': {
    breaking: false,
    messages: ['retry not stated → not retryable'],
    make: (d) => {
      errs(d).PLAN = { ...errs(d).PLAN, retry: false };
    },
    not: (d) => {
      errs(d).GONE = { status: 410 };
    },
  },
  'retry-unstated': {
    breaking: false,
    messages: ['retry not retryable → not stated'],
    make: (d) => {
      errs(d).GONE = { status: 410 };
    },
    not: (d) => {
      errs(d).PLAN = { ...errs(d).PLAN, retry: false };
    },
  },
  'retry-changed': {
    breaking: false,
    messages: ['retry exponential 100–1000 ms → after 5000 ms'],
    make: (d) => {
      errs(d).BUSY = { status: 503, retry: { afterMs: 5000 } };
    },
    not: (d) => {
      errs(d).BUSY = { status: 503, retry: { strategy: 'exponential', baseMs: 100, maxMs: 1000 } };
    },
  },
  'details-removed': {
    breaking: true,
    messages: ['details removed'],
    make: (d) => {
      delete user(d).details;
    },
    not: () => {},
  },
  'details-added': {
    breaking: false,
    messages: ['details added'],
    make: (d) => {
      errs(d).PLAN = { ...errs(d).PLAN, details: { type: 'object' } };
    },
    not: () => {},
  },
  'details-field-removed': {
    breaking: true,
    messages: ['details.count removed'],
    make: (d) => {
      delete props(d).count;
    },
    not: (d) => {
      props(d).extra = { type: 'string' };
    },
  },
  'details-field-added': {
    breaking: false,
    messages: ['details.extra added'],
    make: (d) => {
      props(d).extra = { type: 'string' };
    },
    not: () => {},
  },
  'details-field-optional': {
    breaking: true,
    messages: ['details.id no longer required'],
    make: (d) => {
      (user(d).details as Doc).required = [];
    },
    not: (d) => {
      (user(d).details as Doc).required = ['id', 'count'];
    },
  },
  'details-field-required': {
    breaking: false,
    messages: ['details.count now required'],
    make: (d) => {
      (user(d).details as Doc).required = ['id', 'count'];
    },
    not: () => {},
  },
  'details-type-narrowed': {
    breaking: true,
    messages: ['details.org: string | null → string', 'details.count: number → integer'],
    make: (d) => {
      props(d).org = { type: 'string' };
      props(d).count = { type: 'integer' };
    },
    not: (d) => {
      props(d).org = { type: ['null', 'string'] };
    },
  },
  'details-type-widened': {
    breaking: true,
    messages: ['details.id: string → string | null'],
    make: (d) => {
      props(d).id = { type: ['string', 'null'] };
    },
    not: (d) => {
      props(d).id = { type: 'string', description: 'the id' };
    },
  },
  'details-type-changed': {
    breaking: true,
    messages: ['details.count: number → string'],
    make: (d) => {
      props(d).count = { type: 'string' };
    },
    not: (d) => {
      props(d).count = { type: 'number', minimum: 0 };
    },
  },
  'details-enum-narrowed': {
    breaking: true,
    messages: ['details.kind: enum values "b" removed'],
    make: (d) => {
      props(d).kind = { enum: ['a'] };
    },
    not: (d) => {
      props(d).kind = { enum: ['b', 'a', 'c'] };
    },
  },
  'details-enum-widened': {
    breaking: false,
    messages: ['details.kind: enum values "c" added'],
    make: (d) => {
      props(d).kind = { enum: ['a', 'b', 'c'] };
    },
    not: (d) => {
      props(d).kind = { enum: ['b', 'a'] };
    },
  },
  'param-removed': {
    breaking: true,
    messages: ['message parameter org removed'],
    make: (d) => {
      user(d).message = 'No user {id}';
    },
    not: (d) => {
      user(d).message = 'User {id} does not exist in {org}';
    },
  },
  'param-added': {
    breaking: false,
    messages: ['message parameter region added'],
    make: (d) => {
      user(d).message = 'No user {id} in {org} ({region})';
    },
    not: (d) => {
      user(d).message = 'User {id} is not in {org}';
    },
  },
  'param-type-changed': {
    breaking: true,
    messages: ['message parameter id: string → number'],
    make: (d) => {
      user(d).message = 'No user {id:number} in {org}';
    },
    not: () => {},
  },
  'type-changed': {
    breaking: true,
    messages: [
      'type https://docs.example.com/errors#PLAN → https://docs.example.com/errors#PAYMENT_REQUIRED',
    ],
    make: (d) => {
      errs(d).PAYMENT_REQUIRED = { ...errs(d).PLAN, code: 'PLAN' };
      delete errs(d).PLAN;
    },
    // Without a docs URL there is no type URI to change.
    not: (d) => {
      errs(d).PAYMENT_REQUIRED = { ...errs(d).PLAN, code: 'PLAN' };
      delete errs(d).PLAN;
      delete d.docs;
    },
  },
  'docs-changed': {
    breaking: true,
    messages: ['docs "https://docs.example.com/errors" → "https://example.com/api/errors"'],
    make: (d) => {
      d.docs = 'https://example.com/api/errors';
    },
    not: (d) => {
      d.docs = 'https://docs.example.com/errors';
    },
  },
  'dialect-changed': {
    breaking: true,
    messages: ['default dialect problem → clerk'],
    make: (d) => {
      d.dialect = 'clerk';
    },
    not: (d) => {
      d.title = 'Errors';
    },
  },
  'text-changed': {
    breaking: false,
    messages: ['message reworded'],
    make: (d) => {
      user(d).message = 'There is no user {id} in {org}.';
    },
    not: (d) => {
      user(d).message = 'No user {id} in {org}';
    },
  },
  'category-changed': {
    breaking: false,
    messages: ['category "Billing" → "General"'],
    make: (d) => {
      errs(d).PLAN = { status: 402 };
    },
    not: () => {},
  },
  deprecated: {
    breaking: false,
    messages: ['deprecated, replaced by USER_NOT_FOUND'],
    make: (d) => {
      errs(d).PLAN = { ...errs(d).PLAN, deprecated: { replacedBy: 'USER_NOT_FOUND' } };
    },
    not: () => {},
  },
  'expose-reduced': {
    breaking: true,
    messages: ['message and details no longer exposed to callers'],
    make: (d) => {
      user(d).expose = false;
    },
    not: (d) => {
      user(d).expose = true;
    },
  },
  'expose-extended': {
    breaking: false,
    messages: ['message and details now exposed to callers'],
    make: (d) => {
      errs(d).BUSY = { ...errs(d).BUSY, expose: true };
    },
    not: () => {},
  },
  'links-changed': {
    breaking: false,
    messages: ['documentation links changed'],
    make: (d) => {
      user(d).links = ['https://example.com/users'];
    },
    not: () => {},
  },
  'google-status-changed': {
    breaking: true,
    messages: ['Google status "FAILED_PRECONDITION" → "OUT_OF_RANGE"'],
    make: (d) => {
      errs(d).PLAN = { status: 402, category: 'Billing', wire: { google: { status: 'OUT_OF_RANGE' } } };
    },
    // The status a 410 already gives: nothing changes on the wire.
    not: (d) => {
      errs(d).GONE = { status: 410, retry: false, wire: { google: { status: 'NOT_FOUND' } } };
    },
  },
  'stripe-type-changed': {
    breaking: true,
    messages: ['Stripe type "invalid_request_error" → "card_error"'],
    make: (d) => {
      errs(d).PLAN = { status: 402, category: 'Billing', wire: { stripe: { type: 'card_error' } } };
    },
    not: (d) => {
      errs(d).BUSY = { ...errs(d).BUSY, wire: { stripe: { type: 'api_error' } } };
    },
  },
  'stripe-doc-url-changed': {
    breaking: false,
    messages: ['Stripe doc_url the reference URL → "https://stripe.example.com/docs/plan"'],
    make: (d) => {
      errs(d).PLAN = {
        status: 402,
        category: 'Billing',
        wire: { stripe: { docUrl: 'https://stripe.example.com/docs/plan' } },
      };
    },
    not: () => {},
  },
  'locale-added': {
    breaking: false,
    messages: ['locale de added (1 entry)'],
    make: (d) => {
      translations(d).de = { GONE: { title: 'Weg' } };
    },
    // A new entry of a locale the catalog has already: a translation, not a locale.
    not: (d) => {
      fr(d).GONE = { title: 'Disparu' };
    },
  },
  'locale-removed': {
    breaking: true,
    messages: ['locale fr-CA removed (it translated 1 entry): callers asking for fr-CA now read en'],
    make: (d) => {
      delete translations(d)['fr-CA'];
    },
    // The same locale written in another case is the same language.
    not: (d) => {
      translations(d)['FR-ca'] = translations(d)['fr-CA'];
      delete translations(d)['fr-CA'];
    },
  },
  'translation-added': {
    breaking: false,
    messages: ['fr title added'],
    make: (d) => {
      fr(d).GONE = { title: 'Disparu' };
    },
    // The translations of a new entry come with it.
    not: (d) => {
      errs(d).NEW = { status: 400, title: 'New' };
      fr(d).NEW = { title: 'Nouveau' };
    },
  },
  'translation-changed': {
    breaking: false,
    messages: ['fr title reworded'],
    make: (d) => {
      (fr(d).USER_NOT_FOUND as Doc).title = 'Aucun utilisateur';
    },
    // The source text reworded is a text change.
    not: (d) => {
      user(d).title = 'No such user';
    },
  },
  'translation-removed': {
    breaking: false,
    messages: ['fr-CA title removed: it falls back to fr'],
    make: (d) => {
      (translations(d)['fr-CA'] as Record<string, Doc>).USER_NOT_FOUND = {
        description: 'Cet usager n’existe pas.',
      };
    },
    // A whole locale removed is one change of its own.
    not: (d) => {
      delete translations(d).fr;
    },
  },
};

describe('diffCatalogs', () => {
  const old = model(base);

  it('finds no change between a catalog and itself', () => {
    expect(diffCatalogs(old, model(clone(base)))).toEqual([]);
  });

  for (const [kind, c] of Object.entries(cases)) {
    it(`${kind}: ${c.breaking ? 'breaking' : 'not breaking'}, with its message, and not reported for a neighbouring edit`, () => {
      const after = clone(base);
      c.make(after);
      const changes = diffCatalogs(old, model(after));
      const hit = changes.filter((x) => x.kind === kind);
      expect(hit.map((h) => h.message)).toEqual(c.messages);
      for (const h of hit) expect(h.breaking).toBe(c.breaking);
      const other = clone(base);
      c.not(other);
      expect(diffCatalogs(old, model(other)).filter((x) => x.kind === kind)).toEqual([]);
    });
  }

  it('names the field inside details, nested and in arrays', () => {
    const after = clone(base);
    (props(after).tags as { items: { properties: Doc } }).items.properties = {};
    const [c] = diffCatalogs(old, model(after));
    expect(c).toMatchObject({
      kind: 'details-field-removed',
      field: 'details.tags[].name',
      id: 'USER_NOT_FOUND',
    });
  });

  it('reads types from anyOf/oneOf unions', () => {
    const after = clone(base);
    props(after).org = { anyOf: [{ type: 'string' }, { type: 'null' }, { type: 'number' }] };
    expect(diffCatalogs(old, model(after))).toMatchObject([
      {
        kind: 'details-type-widened',
        field: 'details.org',
        before: ['string', 'null'],
        after: ['string', 'null', 'number'],
      },
    ]);
  });

  it('follows local $ref into $defs', () => {
    const withRef = (t: string) => {
      const d = clone(base);
      user(d).details = {
        type: 'object',
        properties: { owner: { $ref: '#/$defs/User' } },
        $defs: { User: { type: 'object', properties: { id: { type: t } } } },
      };
      return model(d);
    };
    expect(diffCatalogs(withRef('string'), withRef('string'))).toEqual([]);
    const recursive = clone(base);
    user(recursive).details = {
      $ref: '#/$defs/Node',
      $defs: {
        Node: {
          type: 'object',
          properties: { next: { $ref: '#/$defs/Node' }, prev: { $ref: '#/$defs/Node' } },
        },
      },
    };
    expect(diffCatalogs(model(recursive), model(recursive))).toEqual([]);
    expect(diffCatalogs(withRef('string'), withRef('number'))).toMatchObject([
      { kind: 'details-type-changed', field: 'details.owner.id' },
    ]);
  });

  it('lists breaking changes first', () => {
    const after = clone(base);
    errs(after).NEW = { status: 400 };
    user(after).status = 410;
    const kinds = diffCatalogs(old, model(after)).map((c) => c.breaking);
    expect(kinds).toEqual([...kinds].sort((a, b) => Number(b) - Number(a)));
    expect(kinds[0]).toBe(true);
  });

  it('can leave wording out', () => {
    const after = clone(base);
    user(after).description = 'Reworded.';
    (fr(after).USER_NOT_FOUND as Doc).title = 'Reformulé';
    expect(diffCatalogs(old, model(after), { wording: false })).toEqual([]);
  });

  it('reports a locale removed with wording left out, and a translation that falls back to the source', () => {
    const after = clone(base);
    delete translations(after)['fr-CA'];
    delete (fr(after).USER_NOT_FOUND as Doc).message;
    expect(diffCatalogs(old, model(after), { wording: false }).map((c) => c.kind)).toEqual([
      'locale-removed',
    ]);
    expect(diffCatalogs(old, model(after)).map((c) => [c.kind, c.breaking, c.field, c.message])).toEqual([
      [
        'locale-removed',
        true,
        'translations.fr-CA',
        'locale fr-CA removed (it translated 1 entry): callers asking for fr-CA now read en',
      ],
      ['translation-removed', false, 'translations.fr.message', 'fr message removed: it falls back to en'],
    ]);
  });
});
