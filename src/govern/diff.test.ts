import { describe, expect, it } from 'vitest';
import type { CatalogModel } from '../catalog/model.js';
import { normalizeCatalog } from '../catalog/normalize.js';
import { type ChangeKind, diffCatalogs, formatChanges } from './diff.js';

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
    PLAN: { status: 402, category: 'Billing' },
  },
};

const clone = (d: Doc): Doc => structuredClone(d);
const model = (d: Doc): CatalogModel => normalizeCatalog(d).model;
const errs = (d: Doc) => d.errors as Record<string, Doc>;
const user = (d: Doc) => errs(d).USER_NOT_FOUND as Doc;
const props = (d: Doc) => (user(d).details as Doc).properties as Record<string, Doc>;

/** Each kind: an edit that must produce it, with its classification; and an edit that must not. */
const cases: Record<ChangeKind, { breaking: boolean; make: (d: Doc) => void; not: (d: Doc) => void }> = {
  'entry-added': {
    breaking: false,
    make: (d) => {
      errs(d).NEW = { status: 400 };
    },
    not: () => {},
  },
  'entry-removed': {
    breaking: true,
    make: (d) => {
      delete errs(d).PLAN;
    },
    not: (d) => {
      errs(d).NEW = { status: 400 };
    },
  },
  'entry-renamed': {
    breaking: false,
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
    make: (d) => {
      errs(d).PLAN = { ...errs(d).PLAN, code: 'PAYMENT_REQUIRED' };
    },
    not: (d) => {
      errs(d).PLAN = { ...errs(d).PLAN, code: 'PLAN' };
    },
  },
  'status-changed': {
    breaking: true,
    make: (d) => {
      user(d).status = 410;
    },
    not: (d) => {
      user(d).title = 'No such user';
    },
  },
  'retry-removed': {
    breaking: true,
    make: (d) => {
      errs(d).BUSY = { status: 503 };
    },
    not: (d) => {
      errs(d).BUSY = { status: 503, retry: { afterMs: 5000 } };
    },
  },
  'retry-added': {
    breaking: false,
    make: (d) => {
      errs(d).PLAN = { ...errs(d).PLAN, retry: true };
    },
    not: () => {},
  },
  'retry-changed': {
    breaking: false,
    make: (d) => {
      errs(d).BUSY = { status: 503, retry: { afterMs: 5000 } };
    },
    not: (d) => {
      errs(d).BUSY = { status: 503, retry: { strategy: 'exponential', baseMs: 100, maxMs: 1000 } };
    },
  },
  'details-removed': {
    breaking: true,
    make: (d) => {
      delete user(d).details;
    },
    not: () => {},
  },
  'details-added': {
    breaking: false,
    make: (d) => {
      errs(d).PLAN = { ...errs(d).PLAN, details: { type: 'object' } };
    },
    not: () => {},
  },
  'details-field-removed': {
    breaking: true,
    make: (d) => {
      delete props(d).count;
    },
    not: (d) => {
      props(d).extra = { type: 'string' };
    },
  },
  'details-field-added': {
    breaking: false,
    make: (d) => {
      props(d).extra = { type: 'string' };
    },
    not: () => {},
  },
  'details-field-optional': {
    breaking: true,
    make: (d) => {
      (user(d).details as Doc).required = [];
    },
    not: (d) => {
      (user(d).details as Doc).required = ['id', 'count'];
    },
  },
  'details-field-required': {
    breaking: false,
    make: (d) => {
      (user(d).details as Doc).required = ['id', 'count'];
    },
    not: () => {},
  },
  'details-type-narrowed': {
    breaking: true,
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
    make: (d) => {
      props(d).id = { type: ['string', 'null'] };
    },
    not: (d) => {
      props(d).id = { type: 'string', description: 'the id' };
    },
  },
  'details-type-changed': {
    breaking: true,
    make: (d) => {
      props(d).count = { type: 'string' };
    },
    not: (d) => {
      props(d).count = { type: 'number', minimum: 0 };
    },
  },
  'details-enum-narrowed': {
    breaking: true,
    make: (d) => {
      props(d).kind = { enum: ['a'] };
    },
    not: (d) => {
      props(d).kind = { enum: ['b', 'a', 'c'] };
    },
  },
  'details-enum-widened': {
    breaking: false,
    make: (d) => {
      props(d).kind = { enum: ['a', 'b', 'c'] };
    },
    not: (d) => {
      props(d).kind = { enum: ['b', 'a'] };
    },
  },
  'param-removed': {
    breaking: true,
    make: (d) => {
      user(d).message = 'No user {id}';
    },
    not: (d) => {
      user(d).message = 'User {id} does not exist in {org}';
    },
  },
  'param-added': {
    breaking: false,
    make: (d) => {
      user(d).message = 'No user {id} in {org} ({region})';
    },
    not: (d) => {
      user(d).message = 'User {id} is not in {org}';
    },
  },
  'param-type-changed': {
    breaking: true,
    make: (d) => {
      user(d).message = 'No user {id:number} in {org}';
    },
    not: () => {},
  },
  'type-changed': {
    breaking: true,
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
    make: (d) => {
      d.docs = 'https://example.com/api/errors';
    },
    not: (d) => {
      d.docs = 'https://docs.example.com/errors';
    },
  },
  'dialect-changed': {
    breaking: true,
    make: (d) => {
      d.dialect = 'clerk';
    },
    not: (d) => {
      d.title = 'Errors';
    },
  },
  'text-changed': {
    breaking: false,
    make: (d) => {
      user(d).message = 'There is no user {id} in {org}.';
    },
    not: (d) => {
      user(d).message = 'No user {id} in {org}';
    },
  },
  'category-changed': {
    breaking: false,
    make: (d) => {
      errs(d).PLAN = { status: 402 };
    },
    not: () => {},
  },
  deprecated: {
    breaking: false,
    make: (d) => {
      errs(d).PLAN = { ...errs(d).PLAN, deprecated: { replacedBy: 'USER_NOT_FOUND' } };
    },
    not: () => {},
  },
  'expose-reduced': {
    breaking: true,
    make: (d) => {
      user(d).expose = false;
    },
    not: (d) => {
      user(d).expose = true;
    },
  },
  'expose-extended': {
    breaking: false,
    make: (d) => {
      errs(d).BUSY = { ...errs(d).BUSY, expose: true };
    },
    not: () => {},
  },
  'links-changed': {
    breaking: false,
    make: (d) => {
      user(d).links = ['https://example.com/users'];
    },
    not: () => {},
  },
};

describe('diffCatalogs', () => {
  const old = model(base);

  it('finds no change between a catalog and itself', () => {
    expect(diffCatalogs(old, model(clone(base)))).toEqual([]);
  });

  for (const [kind, c] of Object.entries(cases)) {
    it(`${kind}: ${c.breaking ? 'breaking' : 'not breaking'}, and not reported for a neighbouring edit`, () => {
      const after = clone(base);
      c.make(after);
      const changes = diffCatalogs(old, model(after));
      const hit = changes.filter((x) => x.kind === kind);
      expect(hit.length, JSON.stringify(changes, null, 1)).toBeGreaterThan(0);
      for (const h of hit) {
        expect(h.breaking).toBe(c.breaking);
        expect(h.reason.length).toBeGreaterThan(10);
        expect(h.message.length).toBeGreaterThan(3);
      }
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
    expect(diffCatalogs(old, model(after), { wording: false })).toEqual([]);
  });
});

describe('formatChanges', () => {
  const after = clone(base);
  user(after).status = 410;
  user(after).description = 'A | pipe\nand a newline';
  errs(after).NEW = { status: 400 };
  const changes = diffCatalogs(model(base), model(after));

  it('markdown has a breaking table and the rest folded, with cells escaped', () => {
    const md = formatChanges(changes, 'md', { before: 'main', after: 'HEAD' });
    expect(md).toMatch(/^### errata: ⚠️ 1 breaking change in the error catalog \(`main` → `HEAD`\)/);
    expect(md).toContain('| `USER_NOT_FOUND` | status 404 → 410 |');
    expect(md).toContain('<details><summary>2 non-breaking changes</summary>');
    for (const line of md.split('\n').filter((l) => l.startsWith('|'))) expect(line.endsWith('|')).toBe(true);
    expect(formatChanges([], 'md')).toBe(
      '### errata: no breaking changes in the error catalog\n\nNo changes.\n',
    );
  });

  it('json carries the count and every change; text one line each and a summary', () => {
    const json = JSON.parse(formatChanges(changes, 'json', { before: 'a', after: 'b' }));
    expect(json).toMatchObject({ before: 'a', after: 'b', breaking: 1 });
    expect(json.changes).toHaveLength(changes.length);
    const text = formatChanges(changes, 'text');
    expect(text).toMatch(/^ {2}BREAKING {2}USER_NOT_FOUND: status 404 → 410 {2}— .+ \(status-changed\)$/m);
    expect(text.trimEnd().split('\n').at(-1)).toBe('1 breaking change, 2 other changes');
    expect(formatChanges([], 'text')).toBe('no changes\n');
  });
});
