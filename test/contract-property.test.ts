/**
 * The contract of issue 13, as a property: for the five seed catalogs and for
 * generated ones (statuses, retry policies including "not said", parameters
 * of every declared type, details schemas, expose flags, deprecated entries,
 * every casing), one occurrence of every entry and each failure the runtime
 * answers itself (unknown route, 405, 413, 415, malformed JSON, a validation
 * failure, an exception, a framework's own 4xx) is served over real servers
 * on 127.0.0.1 (Express, Fastify, Hono, fetch) in every built-in dialect, and
 *   (a) the response is valid against the OpenAPI document errata generates
 *       for the catalog in that dialect: status, media type and body schema
 *       (a1), the headers errata sends listed on the response (a2);
 *   (b) the code in its body (read by the dialect's own parser) is one the
 *       catalog's generated client types accept (`ClientCode<typeof api>`,
 *       asked of the TypeScript checker);
 *   (c) errata's client reads back the entry's code and status (c1), whether
 *       it may be retried, the client's default for the status where the
 *       catalog does not say (c2), the delay the catalog states (c3), and
 *       `client.fetch` retries or not and first waits as the catalog says,
 *       its back-off where the dialect carries it (problem), else the
 *       client's own (c4);
 *   (m) no placeholder is sent as text, and an occurrence made with its
 *       parameters is rendered with no parameter mistake reported;
 *   (w) in the google and stripe dialects, the wire facts an entry states
 *       (Google's status, Stripe's type and doc_url) are sent, as the
 *       dialect's own parser reads them.
 * What does not hold yet is listed in contract/known.ts and runs as `it.fails`
 * (shown by the default catalogs: other CONTRACT_RUNS or CONTRACT_SEED may
 * not meet a known failure, and its `it.fails` then fails).
 *
 * Bounded: every entry in every dialect, each through one adapter turning
 * with the dialect (so through all four over the nine dialects); the server
 * failures of the seeds in every dialect, of a generated catalog in one
 * dialect each (turning too), each through one adapter. `CONTRACT_FULL=1`
 * serves everything through every adapter; `CONTRACT_RUNS` (30) and
 * `CONTRACT_SEED` set the generated catalogs, `CONTRACT_SHRINK=0` reports a
 * failing one unshrunk.
 */
import { resolve } from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { EntryModel } from '../src/catalog/model.js';
import { normalizeCatalog } from '../src/catalog/normalize.js';
import { getDialect, type ParsedError } from '../src/dialects/index.js';
import { type CatalogCase, catalogCaseArb } from './contract/catalogs.js';
import {
  backoffProblems,
  codeProblems,
  delayProblems,
  renderProblems,
  retryableProblems,
  wireProblems,
} from './contract/expectations.js';
import { Contract, DIALECTS, type Plan, type Registered, type Served } from './contract/harness.js';
import { knownFor, type Source } from './contract/known.js';
import { SEEDS, seedCase } from './contract/seeds.js';

const REPO = resolve(import.meta.dirname, '..');
const RUNS = Number(process.env.CONTRACT_RUNS ?? 30);
const SEED = Number(process.env.CONTRACT_SEED ?? 20261202);
const FULL = process.env.CONTRACT_FULL === '1';
const SEED_PLAN: Plan = { full: FULL, failureShare: 1 };
const GENERATED_PLAN: Plan = { full: FULL, failureShare: DIALECTS.length };
/** At most this many smaller catalogs are tried once one fails, so a failure stays quick to report. */
const MAX_SHRINKS = 40;
/** `CONTRACT_SHRINK=0`: report the first failing catalog as it was generated. */
const SHRINK = process.env.CONTRACT_SHRINK !== '0';

let contract: Contract;
let seeds: CatalogCase[];

beforeAll(async () => {
  contract = await Contract.start();
  seeds = SEEDS.map((name) => seedCase(REPO, name));
  const generated = fc.sample(catalogCaseArb, { seed: SEED, numRuns: RUNS });
  // One TypeScript program answers for all of them, in a worker, while the requests run.
  contract.prepareTypes([...seeds, ...generated]);
  for (const c of [...seeds, ...generated]) await contract.register(c);
}, 120_000);
afterAll(() => contract?.close());

const entryOf = (r: Registered, o: Served): EntryModel => {
  const entry = r.effective.errors[o.probe.entryId];
  if (entry === undefined)
    throw new Error(`no entry ${o.probe.entryId} in the effective contract of ${r.label}`);
  return entry;
};

/** The body as the dialect's own parser reads it, or why it cannot. */
function readBody(o: Served): ParsedError | string {
  let body: unknown;
  try {
    body = JSON.parse(o.body);
  } catch {
    return `the body is not JSON: ${o.body.slice(0, 80)}`;
  }
  const parsed = getDialect(o.dialect).parse(body, { status: o.status, headers: new Headers(o.headers) });
  return parsed ?? `the ${o.dialect} parser does not read the body ${o.body.slice(0, 120)}`;
}

/** (b): the code the dialect's own parser reads in the body, among those the client types accept. */
async function typeProblems(o: Served, r: Registered): Promise<string[]> {
  const union = await r.union;
  if ('error' in union) return [union.error];
  if ('loose' in union) return [`the client types accept any code (${union.loose}): they prove nothing`];
  const parsed = readBody(o);
  if (typeof parsed === 'string') return [parsed];
  return parsed.code !== undefined && union.codes.includes(parsed.code)
    ? []
    : [`code ${JSON.stringify(parsed.code)} is not in the client types' ${union.codes.length} codes`];
}

type Check = (o: Served, r: Registered) => string[] | Promise<string[]>;

const PROPERTIES: readonly (readonly [name: string, title: string, check: Check])[] = [
  [
    'a1',
    'has the status, media type and body the generated OpenAPI document describes',
    (o, r) => contract.checker(r, o.dialect).bodyProblems(o),
  ],
  [
    'a2',
    'sends only headers the generated OpenAPI document lists',
    (o, r) => contract.checker(r, o.dialect).headerProblems(o),
  ],
  ['b', 'carries a code the generated client types accept', typeProblems],
  ['c1', 'is read back by the client with its code and status', (o, r) => codeProblems(o, entryOf(r, o))],
  [
    'c2',
    'is read back as retryable exactly when the catalog says',
    (o, r) => retryableProblems(o, entryOf(r, o)),
  ],
  ['c3', 'is read back with the delay the catalog states', (o, r) => delayProblems(o, entryOf(r, o))],
  [
    'c4',
    'is retried (or not) and first waited on as the catalog says',
    (o, r) => backoffProblems(o, entryOf(r, o), o.dialect),
  ],
  [
    'm',
    "renders its entry's message from the occurrence's parameters",
    (o, r) => renderProblems(o, entryOf(r, o), r.events),
  ],
  [
    'w',
    'carries the wire facts its entry states',
    (o, r) => {
      const parsed = readBody(o);
      return typeof parsed === 'string' ? [parsed] : wireProblems(parsed, entryOf(r, o), o.dialect);
    },
  ],
];
/** The dialects with wire facts an entry may state: (w) is checked in these. */
const WIRE_DIALECTS = ['google', 'stripe'];

/** The problems of one catalog in one dialect for one property, one line each, those `counts` keeps. */
async function problemsOf(
  r: Registered,
  dialect: string,
  plan: Plan,
  check: Check,
  counts: (line: string) => boolean,
): Promise<string[]> {
  const out: string[] = [];
  for (const o of await contract.observations(r, dialect, plan)) {
    const where = `${r.label} [${o.adapter}, ${dialect}] ${o.probe.method} ${o.probe.path} (${o.probe.label})`;
    const transport = o.failure !== undefined && o.client === undefined ? [`not served: ${o.failure}`] : [];
    for (const p of transport.length > 0 ? transport : await check(o, r)) out.push(`${where}: ${p}`);
  }
  return out.filter(counts);
}

/** A failed run of fast-check: what failed, on the smallest catalog it found, and how to replay it. */
function counterexample(run: fc.RunDetails<[CatalogCase]>): string {
  const [c] = run.counterexample ?? [];
  const error = run.errorInstance instanceof Error ? run.errorInstance.message : String(run.errorInstance);
  return [
    error,
    '',
    `on this catalog (shrunk ${run.numShrinks} times; replay: CONTRACT_SEED=${run.seed}, path ${run.counterexamplePath}):`,
    JSON.stringify(c === undefined ? undefined : { document: c.document, occurrences: c.occurrences }),
  ].join('\n');
}

const summary = (lines: readonly string[]) =>
  lines.length <= 25 ? lines : [...lines.slice(0, 25), `… and ${lines.length - 25} more`];

/** Checks a property on the seed catalogs; the problems found, or `undefined`. */
async function onSeeds(dialect: string, check: Check, counts: (line: string) => boolean) {
  const lines: string[] = [];
  for (const c of seeds)
    lines.push(...(await problemsOf(await contract.register(c), dialect, SEED_PLAN, check, counts)));
  return lines.length > 0 ? summary(lines).join('\n') : undefined;
}

/** Checks a property on generated catalogs; the problems of the smallest failing one found, or `undefined`. */
async function onGenerated(
  dialect: string,
  check: Check,
  counts: (line: string) => boolean,
  shrink: boolean,
) {
  const run = await fc.check(
    fc.asyncProperty(fc.limitShrink(catalogCaseArb, MAX_SHRINKS), async (c) => {
      const lines = await problemsOf(await contract.register(c), dialect, GENERATED_PLAN, check, counts);
      if (lines.length > 0) throw new Error(summary(lines).join('\n'));
    }),
    { seed: SEED, numRuns: RUNS, endOnFailure: !(shrink && SHRINK) },
  );
  return run.failed ? counterexample(run) : undefined;
}

const verify = (
  source: Source,
  dialect: string,
  check: Check,
  counts: (line: string) => boolean,
  shrink: boolean,
) => (source === 'seed' ? onSeeds(dialect, check, counts) : onGenerated(dialect, check, counts, shrink));

/** The kinds of entry a generated catalog may have, as the model holds it. */
function kindsOf(entry: EntryModel): string[] {
  const r = entry.retry;
  const wire = (entry as { readonly wire?: { google?: unknown; stripe?: unknown } }).wire;
  return [
    entry.status >= 500 ? '5xx' : '4xx',
    r === undefined ? 'retry not said' : r.retryable ? `retry ${r.strategy}` : 'retry no',
    ...Object.values(entry.params).map((p) => `param ${p.type}`),
    entry.details === undefined ? 'no details' : 'details',
    entry.expose ? 'exposed' : 'masked',
    ...(entry.deprecated !== undefined ? ['deprecated'] : []),
    ...(wire?.google !== undefined ? ['google status'] : []),
    ...(wire?.stripe !== undefined ? ['stripe facts'] : []),
  ];
}

describe('the generated catalogs', () => {
  it('hold every kind of entry the contract is checked on', () => {
    const kinds = new Set(
      fc
        .sample(catalogCaseArb, { seed: SEED, numRuns: RUNS })
        .flatMap((c) => Object.values(normalizeCatalog(c.document).model.errors).flatMap(kindsOf)),
    );
    expect([...kinds].sort()).toEqual(
      [
        '4xx',
        '5xx',
        'retry not said',
        'retry no',
        'retry exponential',
        'retry fixed',
        'retry after',
        'param string',
        'param number',
        'param integer',
        'param boolean',
        'details',
        'no details',
        'exposed',
        'masked',
        'deprecated',
        'google status',
        'stripe facts',
      ].sort(),
    );
  });
});

describe.each(DIALECTS)('the contract in the %s dialect', (dialect) => {
  for (const [property, title, check] of PROPERTIES)
    for (const source of ['seed', 'generated'] as const) {
      if (property === 'w' && !WIRE_DIALECTS.includes(dialect)) continue;
      const known = knownFor(property, dialect, source);
      const unknown = (line: string) => !known.some((k) => k.pattern.test(line));
      it(`(${property}) every ${source} catalog's response ${title}`, async () => {
        const failure = await verify(source, dialect, check, unknown, true);
        if (failure !== undefined) throw new Error(failure);
      });
      // Known not to hold yet (test/contract/known.ts): fails the day it holds.
      for (const k of known)
        it.fails(`(${property}) ${source} catalogs, known not to hold yet: ${k.title}`, async () => {
          const failure = await verify(source, dialect, check, (line) => k.pattern.test(line), false);
          if (failure !== undefined) throw new Error(failure);
        });
    }
});
