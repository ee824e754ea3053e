/**
 * Creating and serializing one 404 in the caller's language (errata/i18n) against the same in
 * the catalog's own language: the dialect alone (RFC 9457 body) and the whole responder (request
 * id, headers, Content-Language and Vary). Target: localized within 10% of the source path.
 * Run: npx tsx bench/localize.ts
 */

import { localize } from '../src/i18n/index.js';
import { defineCatalog, problem } from '../src/index.js';
import { createResponder } from '../src/server/respond.js';
import { type Case, compare } from './_ratio.js';

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
// The adapters pass the framework's request; its headers are what the localizer reads.
const request = (lang: string | undefined) =>
  new Request('http://localhost/v', { headers: lang === undefined ? {} : { 'accept-language': lang } });
const plainCtx = { method: 'GET', path: '/v', requestId: 'req-1', request: request(undefined) };
const frCtx = {
  method: 'GET',
  path: '/v',
  requestId: 'req-1',
  request: request('fr-FR,fr;q=0.9,en-US;q=0.8,en;q=0.7'),
};

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
    'the responder',
    { name: 'source: responder.respond', fn: () => plainResponder.respond(create(), plainCtx).body },
    { name: 'fr: responder.respond, localizer', fn: () => localResponder.respond(create(), frCtx).body },
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
const means = await compare(
  'Create and serialize one error (RFC 9457 body): source language vs French',
  pairs.flatMap(([, source, localized]) => [source, localized]),
);
console.log('\n| path | French / source | target |\n|---|---:|---:|');
for (const [what, source, localized] of pairs) {
  const ratio = (means.get(localized.name) ?? Number.NaN) / (means.get(source.name) ?? Number.NaN);
  console.log(`| ${what} | ${ratio.toFixed(2)}x | ${what === 'the responder' ? '≤ 1.10x' : ''} |`);
}
