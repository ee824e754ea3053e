/**
 * Creating and serializing one 404 in the caller's language (errata/i18n) against the same in
 * the catalog's own language: by the dialect (RFC 9457 body) with the language chosen, and by one
 * localizing responder (request id, headers, Accept-Language read, Content-Language and Vary) for
 * an English and a French reader. Target: localized within 10% of the source-language path.
 * Also measured: a responder with the localizer against one without (what reading
 * Accept-Language costs), and a plural message that intl-messageformat renders.
 * Run: npx tsx bench/localize.ts (PROCESSES=7 ROUNDS=101 ITERATIONS=2000 by default)
 */

import { localize } from '../src/i18n/index.js';
import { defineCatalog, problem } from '../src/index.js';
import { createResponder } from '../src/server/respond.js';
import type { Case } from './_ratio.js';

const api = defineCatalog({
  name: 'bench',
  docs: 'https://docs.example.com/errors',
  errors: {
    VARIABLE_NOT_FOUND: {
      status: 404,
      title: 'Variable not found',
      message: 'No variable named {name} exists in stage {stage}.',
      translations: {
        fr: {
          title: 'Variable introuvable',
          message: "Aucune variable {name} n'existe dans l'étape {stage}.",
        },
      },
    },
    QUOTA: {
      status: 429,
      title: 'Quota exceeded',
      message: 'Only {left:integer} calls left.',
      translations: {
        fr: {
          title: 'Quota dépassé',
          message: '{left, plural, one {Plus qu’un seul appel.} other {Plus que # appels.}}',
        },
      },
    },
  },
});
const localizer = localize(api);
let i = 0;
const name = () => `API_URL_${i++ & 1023}`;
const noop = () => {};
const create = () => api.error('VARIABLE_NOT_FOUND', { name: name(), stage: 'prod' });
const quota = () => api.error('QUOTA', { left: i++ & 7 });

const plainResponder = createResponder({ catalog: api, negotiate: false, telemetry: false, onError: noop });
const localResponder = createResponder({
  catalog: api,
  negotiate: false,
  telemetry: false,
  onError: noop,
  localize: localizer,
});
// The adapters pass the framework's request; its headers are what the localizer reads: a Node
// request's headers object (Express, Fastify), or a fetch Request's Headers (fetch, Hono).
const AL = 'fr-FR,fr;q=0.9,en-US;q=0.8,en;q=0.7';
const nodeRequest = (lang: string | undefined) => ({
  headers: lang === undefined ? {} : { 'accept-language': lang },
});
const fetchRequest = (lang: string | undefined) =>
  new Request('http://localhost/v', { headers: lang === undefined ? {} : { 'accept-language': lang } });
const ctx = (request: unknown) => ({ method: 'GET', path: '/v', requestId: 'req-1', request });
const [nodePlain, nodeFr] = [ctx(nodeRequest(undefined)), ctx(nodeRequest(AL))];
// An English reader of the same localizing server: the catalog's own language, chosen from the header.
const nodeEn = ctx(nodeRequest('en-US,en;q=0.9'));
const [fetchPlain, fetchFr] = [ctx(fetchRequest(undefined)), ctx(fetchRequest(AL))];
const fetchEn = ctx(fetchRequest('en-US,en;q=0.9'));

// The target pairs: creating and serializing an error in French against the same in the
// catalog's own language, (a) by the dialect with the language chosen, (b) by one localizing
// responder for an English reader and a French one (each reads and looks up Accept-Language).
// The last pairs measure what is not a localized create-and-serialize: turning the localizer on
// (reading Accept-Language: a fetch Headers.get alone is about 0.1 µs) and an ICU plural.
const pairs: readonly [string, Case, Case, boolean][] = [
  [
    'the dialect, one localizer, English vs French',
    {
      name: 'en: problem.serialize, localized',
      fn: () => problem.serialize(create(), { localized: localizer.forLocale('en') }).body,
    },
    {
      name: 'fr: problem.serialize, localized',
      fn: () => problem.serialize(create(), { localized: localizer.forLocale('fr') }).body,
    },
    true,
  ],
  [
    'one localizing responder, Node request',
    { name: 'en: respond, Node request', fn: () => localResponder.respond(create(), nodeEn).body },
    { name: 'fr: respond, Node request', fn: () => localResponder.respond(create(), nodeFr).body },
    true,
  ],
  [
    'one localizing responder, fetch Request',
    { name: 'en: respond, fetch Request', fn: () => localResponder.respond(create(), fetchEn).body },
    { name: 'fr: respond, fetch Request', fn: () => localResponder.respond(create(), fetchFr).body },
    true,
  ],
  [
    'the dialect, no localizer vs French',
    { name: 'off: problem.serialize', fn: () => problem.serialize(create()).body },
    {
      name: 'on, fr: problem.serialize, localized',
      fn: () => problem.serialize(create(), { localized: localizer.forLocale('fr') }).body,
    },
    false,
  ],
  [
    'the localizer on and off, Node request',
    { name: 'off: respond, Node request', fn: () => plainResponder.respond(create(), nodePlain).body },
    { name: 'on, fr: respond, Node request', fn: () => localResponder.respond(create(), nodeFr).body },
    false,
  ],
  [
    'the localizer on and off, fetch Request',
    { name: 'off: respond, fetch Request', fn: () => plainResponder.respond(create(), fetchPlain).body },
    { name: 'on, fr: respond, fetch Request', fn: () => localResponder.respond(create(), fetchFr).body },
    false,
  ],
  [
    'a plural message (ICU) in the dialect',
    { name: 'source plural: problem.serialize', fn: () => problem.serialize(quota()).body },
    {
      name: 'fr plural: problem.serialize, localized',
      fn: () => problem.serialize(quota(), { localized: localizer.forLocale('fr') }).body,
    },
    false,
  ],
];
// Each pair runs in processes of its own, so that what one pair teaches the JIT (the shapes a
// dialect sees) does not slow another. Within a process, rounds alternate the two sides in short
// runs, so that a machine whose speed drifts slows both alike, and the process's ratio is the
// median of its per-round ratios. The JIT does not compile alike in every process (the same side
// may take 30% longer in one than in the next), so each pair runs in several and its ratio is the
// median of theirs.
const ROUNDS = Number(process.env.ROUNDS ?? 101);
const ITERATIONS = Number(process.env.ITERATIONS ?? 2_000);
const PROCESSES = Number(process.env.PROCESSES ?? 7);
const median = (xs: readonly number[]) => [...xs].sort((a, b) => a - b)[xs.length >> 1] as number;
const fmt = (ns: number) => (ns >= 1e3 ? `${(ns / 1e3).toFixed(2)} µs` : `${ns.toFixed(0)} ns`);

function timeOf(c: Case): number {
  let sink: unknown;
  const start = process.hrtime.bigint();
  for (let n = 0; n < ITERATIONS; n++) sink = c.fn();
  if (sink === undefined) throw new Error(`${c.name} returned nothing`);
  return Number(process.hrtime.bigint() - start) / ITERATIONS;
}

/** One pair, measured in this process: the median times of each side and of their ratio. */
function measure([, source, localized]: (typeof pairs)[number]): [number, number, number] {
  for (let n = 0; n < 10; n++) {
    timeOf(source); // warm-up
    timeOf(localized);
  }
  const a: number[] = [];
  const b: number[] = [];
  for (let round = 0; round < ROUNDS; round++) {
    // Each side first in every other round.
    const first = round % 2 === 0 ? timeOf(source) : undefined;
    b.push(timeOf(localized));
    a.push(first ?? timeOf(source));
  }
  return [median(a), median(b), median(a.map((t, r) => (b[r] as number) / t))];
}

const PAIR = process.env.ERRATA_BENCH_PAIR;
if (PAIR !== undefined) {
  const pair = pairs[Number(PAIR)];
  if (pair === undefined) throw new Error(`no pair ${PAIR}`);
  console.log(JSON.stringify(measure(pair)));
} else {
  console.log(
    `\nCreate and serialize one error (RFC 9457 body): source language vs French; each pair in ${PROCESSES} processes of ${ROUNDS} alternating rounds of ${ITERATIONS} errors\n`,
  );
  console.log(
    '| path | source | French | French / source (median of processes) | spread of processes | target |',
  );
  console.log('|---|---:|---:|---:|---:|---:|');
  const { execFileSync } = await import('node:child_process');
  const script = process.argv[1] as string;
  for (const [i, [what, , , targeted]] of pairs.entries()) {
    const runs: [number, number, number][] = [];
    for (let p = 0; p < PROCESSES; p++) {
      const out = execFileSync(process.execPath, [...process.execArgv, script], {
        env: { ...process.env, ERRATA_BENCH_PAIR: String(i) },
        encoding: 'utf8',
      });
      runs.push(JSON.parse(out) as [number, number, number]);
    }
    const ratios = runs.map((r) => r[2]);
    const spread = `${Math.min(...ratios).toFixed(2)}–${Math.max(...ratios).toFixed(2)}`;
    console.log(
      `| ${what} | ${fmt(median(runs.map((r) => r[0])))} | ${fmt(median(runs.map((r) => r[1])))} | ${median(ratios).toFixed(2)}x | ${spread} | ${targeted ? '≤ 1.10x' : ''} |`,
    );
  }
}
