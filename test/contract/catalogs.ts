// The generated catalogs the contract is checked on (fast-check), each with
// one occurrence of every entry.
import fc from 'fast-check';
import type { ParamType } from '../../src/catalog/model.js';
import { normalizeCatalog } from '../../src/catalog/normalize.js';

/** One occurrence of an entry: what the application passes to `catalog.error(id, params, { details })`. */
export interface Occurrence {
  readonly id: string;
  readonly params: Readonly<Record<string, string | number | boolean>>;
  readonly details?: unknown;
}

/** A catalog document as authored, and an occurrence of each of its entries. */
export interface CatalogCase {
  readonly label: string;
  readonly document: Readonly<Record<string, unknown>>;
  readonly occurrences: readonly Occurrence[];
}

const CASINGS = ['SCREAMING_SNAKE', 'snake_case', 'camelCase', 'PascalCase', 'kebab-case'] as const;
type Casing = (typeof CASINGS)[number];

/** Words joined in a casing (written here, not taken from errata, so the generator does not share its rules). */
function cased(words: readonly string[], casing: Casing): string {
  const cap = (w: string) => w.charAt(0).toUpperCase() + w.slice(1);
  switch (casing) {
    case 'SCREAMING_SNAKE':
      return words.join('_').toUpperCase();
    case 'snake_case':
      return words.join('_');
    case 'kebab-case':
      return words.join('-');
    case 'camelCase':
      return words.map((w, i) => (i === 0 ? w : cap(w))).join('');
    case 'PascalCase':
      return words.map(cap).join('');
  }
}

const STATUSES = [400, 401, 402, 403, 404, 405, 408, 409, 410, 413, 415, 422, 429, 500, 501, 502, 503, 504];
/** Names the server reads as the entry of one of its failures, at their status. */
const NAMED: readonly (readonly [readonly string[], number])[] = [
  [['not', 'found'], 404],
  [['route', 'not', 'found'], 404],
  [['invalid', 'json'], 400],
  [['validation', 'failed'], 422],
  [['invalid', 'request'], 400],
  [['rate', 'limited'], 429],
  [['internal', 'error'], 500],
  [['unauthorized'], 401],
  [['already', 'exists'], 409],
  [['method', 'not', 'allowed'], 405],
];
const WORDS = [
  'order',
  'user',
  'card',
  'stock',
  'quota',
  'token',
  'plan',
  'file',
  'not',
  'found',
  'bad',
  'late',
];
const PARAM_NAMES = ['id', 'name', 'count', 'limit', 'flag', 'seconds'];
const TYPES: readonly ParamType[] = ['string', 'number', 'integer', 'boolean'];

const paramValue = (type: ParamType): fc.Arbitrary<string | number | boolean> =>
  type === 'string'
    ? fc.string({ maxLength: 12 })
    : type === 'integer'
      ? fc.integer({ min: -1000, max: 1_000_000 })
      : type === 'number'
        ? fc.double({ noNaN: true, noDefaultInfinity: true, min: -1e6, max: 1e6 })
        : fc.boolean();

/** How a parameter is authored: in the template typed or not, declared in `params` or not. */
const paramArb = fc.record({
  name: fc.constantFrom(...PARAM_NAMES),
  mode: fc.constantFrom('typed', 'declared', 'both', 'declaredOnly', 'untyped'),
  type: fc.constantFrom(...TYPES),
});
type ParamSpec = { name: string; mode: string; type: ParamType };

const retryArb = fc.oneof(
  fc.constant(undefined), // not said
  fc.constant(false),
  fc.constant(true),
  fc.record({ retryable: fc.constant(false as const), note: fc.constant('fix the request') }),
  fc.record(
    {
      strategy: fc.constant('exponential' as const),
      baseMs: fc.integer({ min: 1, max: 5000 }),
      maxMs: fc.integer({ min: 5000, max: 60_000 }),
      maxAttempts: fc.integer({ min: 1, max: 5 }),
    },
    { requiredKeys: ['strategy', 'baseMs', 'maxMs'] },
  ),
  fc.record(
    {
      strategy: fc.constant('fixed' as const),
      delayMs: fc.integer({ min: 0, max: 120_000 }),
      maxAttempts: fc.integer({ min: 1, max: 5 }),
    },
    { requiredKeys: ['strategy', 'delayMs'] },
  ),
  fc.record(
    {
      strategy: fc.constant('after' as const),
      afterMs: fc.integer({ min: 0, max: 3_600_000 }),
      maxAttempts: fc.integer({ min: 1, max: 5 }),
    },
    { requiredKeys: ['strategy', 'afterMs'] },
  ),
);

/** A details schema and a value it accepts. */
const FIELD_TYPES = ['string', 'integer', 'boolean'] as const;
const detailsArb: fc.Arbitrary<{ schema: unknown; value: unknown } | undefined> = fc.oneof(
  fc.constant(undefined),
  fc.record({ schema: fc.constant(true), value: fc.jsonValue({ maxDepth: 2 }) }),
  fc
    .uniqueArray(
      fc.record({
        name: fc.constantFrom('field', 'limit', 'reason', 'ok'),
        type: fc.constantFrom(...FIELD_TYPES),
        required: fc.boolean(),
      }),
      { selector: (f) => f.name, minLength: 1, maxLength: 3 },
    )
    .chain((fields) =>
      fc
        .tuple(...fields.map((f) => (f.type === 'string' ? fc.string({ maxLength: 8 }) : paramValue(f.type))))
        .map((values) => ({
          schema: {
            type: 'object',
            properties: Object.fromEntries(fields.map((f) => [f.name, { type: f.type }])),
            required: fields.filter((f) => f.required).map((f) => f.name),
          },
          value: Object.fromEntries(fields.map((f, i) => [f.name, values[i]])),
        })),
    ),
);

/**
 * Wire facts an entry may state instead of those its status gives (Google's
 * canonical status, Stripe's error type and doc_url), generated once the
 * catalog model takes them (`wire`); until then no entry states any.
 */
const WIRE = (() => {
  try {
    const { model } = normalizeCatalog({
      errors: { X: { status: 409, wire: { google: { status: 'ALREADY_EXISTS' } } } },
    });
    return (model.errors.X as { wire?: unknown }).wire !== undefined;
  } catch {
    return false;
  }
})();
const GOOGLE = [
  'ALREADY_EXISTS',
  'FAILED_PRECONDITION',
  'OUT_OF_RANGE',
  'UNKNOWN',
  'DATA_LOSS',
  'ABORTED',
  'INTERNAL',
];
const STRIPE = ['card_error', 'idempotency_error', 'api_error', 'invalid_request_error'];
const wireArb = WIRE
  ? fc.option(
      fc.record(
        {
          google: fc.record({ status: fc.constantFrom(...GOOGLE) }),
          stripe: fc.record(
            {
              type: fc.constantFrom(...STRIPE),
              docUrl: fc.constantFrom(
                'https://docs.example.com/errors/card',
                'https://stripe.com/docs/error-codes',
              ),
            },
            { requiredKeys: [] },
          ),
        },
        { requiredKeys: [] },
      ),
      { nil: undefined, freq: 3 },
    )
  : fc.constant(undefined);

const entryArb = fc.record({
  name: fc.oneof(
    { weight: 3, arbitrary: fc.array(fc.constantFrom(...WORDS), { minLength: 1, maxLength: 3 }) },
    { weight: 1, arbitrary: fc.constantFrom(...NAMED.map(([w]) => w)) },
  ),
  status: fc.constantFrom(...STATUSES),
  namedStatus: fc.boolean(),
  ownCode: fc.option(fc.array(fc.constantFrom(...WORDS), { minLength: 1, maxLength: 2 }), { nil: undefined }),
  params: fc.uniqueArray(paramArb, { selector: (p) => p.name, maxLength: 3 }),
  retry: retryArb,
  details: detailsArb,
  expose: fc.constantFrom(undefined, true, false),
  deprecated: fc.constantFrom(false, false, false, true),
  title: fc.option(fc.constantFrom('Something failed', 'Not allowed'), { nil: undefined }),
  wire: wireArb,
});

/** A generated catalog: 1 to 6 entries of one casing, each with one occurrence. */
export const catalogCaseArb: fc.Arbitrary<CatalogCase> = fc
  .record({
    name: fc.constantFrom('shop', 'orders-api', 'billing'),
    docs: fc.option(fc.constant('https://docs.example.com/errors'), { nil: undefined }),
    casing: fc.constantFrom(...CASINGS),
    entries: fc.uniqueArray(entryArb, { selector: (e) => e.name.join(' '), minLength: 1, maxLength: 6 }),
  })
  .chain((spec) => {
    const errors: Record<string, unknown> = {};
    const values: fc.Arbitrary<Occurrence>[] = [];
    for (const e of spec.entries) {
      const id = cased(e.name, spec.casing);
      const named = NAMED.find(([w]) => w.join(' ') === e.name.join(' '));
      const status = named !== undefined && e.namedStatus ? named[1] : e.status;
      const params = e.params as ParamSpec[];
      const message = [
        'It failed',
        ...params
          .filter((p) => p.mode !== 'declaredOnly')
          .map((p) => (p.mode === 'typed' || p.mode === 'both' ? `{${p.name}:${p.type}}` : `{${p.name}}`)),
      ].join(' ');
      const declared = params.filter(
        (p) => p.mode === 'declared' || p.mode === 'both' || p.mode === 'declaredOnly',
      );
      errors[id] = {
        status,
        message: `${message}.`,
        ...(e.ownCode !== undefined && { code: cased(e.ownCode, spec.casing) }),
        ...(e.title !== undefined && { title: e.title }),
        ...(declared.length > 0 && {
          params: Object.fromEntries(declared.map((p) => [p.name, { type: p.type }])),
        }),
        ...(e.retry !== undefined && { retry: e.retry }),
        ...(e.details !== undefined && { details: e.details.schema }),
        ...(e.expose !== undefined && { expose: e.expose }),
        ...(e.deprecated && { deprecated: true }),
        ...(e.wire !== undefined && Object.keys(e.wire).length > 0 && { wire: e.wire }),
      };
      const typeOf = (p: ParamSpec): ParamType => (p.mode === 'untyped' ? 'string' : p.type);
      values.push(
        fc.tuple(...params.map((p) => paramValue(typeOf(p)))).map((vs) => ({
          id,
          params: Object.fromEntries(params.map((p, i) => [p.name, vs[i] as string | number | boolean])),
          ...(e.details !== undefined && { details: e.details.value }),
        })),
      );
    }
    const document = {
      errata: 1,
      name: spec.name,
      version: '1.0.0',
      ...(spec.docs !== undefined && { docs: spec.docs }),
      errors,
    };
    return fc
      .tuple(...values)
      .map((occurrences) => ({ label: `generated ${spec.name}`, document, occurrences }));
  });
