/**
 * Creating and serializing one 404 in the caller's language (errata/i18n) against the same in
 * the catalog's own language: the dialect alone (RFC 9457 body) and the whole responder (request
 * id, headers, Content-Language and Vary), and a plural message that intl-messageformat renders.
 * Target: through the responder, localized within 10% of the source path.
 * Run: npx tsx bench/localize.ts (ROUNDS=15 ITERATIONS=20000 by default)
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
const headers = (lang: string | undefined) => ({
  get: (n: string) => (lang !== undefined && n === 'accept-language' ? lang : null),
});
const fr = headers('fr-FR,fr;q=0.9,en-US;q=0.8,en;q=0.7');
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

const pairs: readonly [string, Case, Case][] = [
  [
    'the dialect alone',
    { name: 'source: problem.serialize', fn: () => problem.serialize(create()).body },
    {
      name: 'fr: problem.serialize, localized',
      fn: () => problem.serialize(create(), { localized: localizer.forRequest(undefined, fr, noop) }).body,
    },
  ],
  [
    'the responder, Node request',
    { name: 'source: respond, Node request', fn: () => plainResponder.respond(create(), nodePlain).body },
    { name: 'fr: respond, Node request', fn: () => localResponder.respond(create(), nodeFr).body },
  ],
  [
    'one localizing responder, English vs French',
    {
      name: 'en: respond, Node request, localizing',
      fn: () => localResponder.respond(create(), nodeEn).body,
    },
    {
      name: 'fr: respond, Node request, localizing',
      fn: () => localResponder.respond(create(), nodeFr).body,
    },
  ],
  [
    'the responder, fetch Request',
    { name: 'source: respond, fetch Request', fn: () => plainResponder.respond(create(), fetchPlain).body },
    { name: 'fr: respond, fetch Request', fn: () => localResponder.respond(create(), fetchFr).body },
  ],
  [
    'a plural message (ICU) in the dialect',
    { name: 'source plural: problem.serialize', fn: () => problem.serialize(quota()).body },
    {
      name: 'fr plural: problem.serialize, localized',
      fn: () => problem.serialize(quota(), { localized: localizer.forRequest(undefined, fr, noop) }).body,
    },
  ],
];
// Alternating rounds: each round times every case once, in turn, so that a busy machine slows
// both sides of a pair alike; the ratio of a pair is the median of its per-round ratios.
const ROUNDS = Number(process.env.ROUNDS ?? 15);
const ITERATIONS = Number(process.env.ITERATIONS ?? 20_000);
const cases = pairs.flatMap(([, source, localized]) => [source, localized]);
const timeOf = (c: Case): number => {
  let sink: unknown;
  const start = process.hrtime.bigint();
  for (let n = 0; n < ITERATIONS; n++) sink = c.fn();
  if (sink === undefined) throw new Error(`${c.name} returned nothing`);
  return Number(process.hrtime.bigint() - start) / ITERATIONS;
};
for (const c of cases) timeOf(c); // warm-up
const times = new Map<string, number[]>(cases.map((c) => [c.name, []]));
for (let round = 0; round < ROUNDS; round++)
  for (const c of round % 2 === 0 ? cases : [...cases].reverse()) times.get(c.name)?.push(timeOf(c));
const median = (xs: readonly number[]) => [...xs].sort((a, b) => a - b)[xs.length >> 1] as number;
const fmt = (ns: number) => (ns >= 1e3 ? `${(ns / 1e3).toFixed(2)} µs` : `${ns.toFixed(0)} ns`);

console.log(
  `\nCreate and serialize one error (RFC 9457 body): source language vs French, ${ROUNDS} alternating rounds\n`,
);
console.log('| path | source (median) | French (median) | French / source (median of rounds) | target |');
console.log('|---|---:|---:|---:|---:|');
for (const [what, source, localized] of pairs) {
  const a = times.get(source.name) ?? [];
  const b = times.get(localized.name) ?? [];
  const ratio = median(a.map((t, r) => (b[r] as number) / t));
  const target = what.startsWith('the responder') ? '≤ 1.10x' : '';
  console.log(`| ${what} | ${fmt(median(a))} | ${fmt(median(b))} | ${ratio.toFixed(2)}x | ${target} |`);
}
