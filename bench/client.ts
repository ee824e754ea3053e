/**
 * Parsing one error response on the client: errata's `client.parse` (a body
 * string) and `client.fromResponse` (a fetch Response) side by side with a
 * bare `JSON.parse` of the same body, and with the OpenAI SDK's error factory.
 * Target: the pure parse within 1.5x of `JSON.parse`.
 * Run: npx tsx bench/client.ts
 */
import { bench, do_not_optimize, run } from 'mitata';
import { APIError } from 'openai';
import { createClient } from '../src/client/index.js';
import { parseProblem } from '../src/dialects/index.js';

const client = createClient();
const fixed = createClient({ dialect: parseProblem });

const problemBody = JSON.stringify({
  type: 'https://docs.example.com/errors#VARIABLE_NOT_FOUND',
  title: 'Variable not found',
  status: 404,
  code: 'VARIABLE_NOT_FOUND',
  detail: 'No variable named API_URL exists in stage prod.',
  requestId: 'req_8f2a1c',
});
// Clerk's envelope: one of the last shapes detection tries.
const clerkBody = JSON.stringify({
  errors: [
    {
      message: 'Not found',
      long_message: 'No user was found with id user_123.',
      code: 'resource_not_found',
      meta: { userId: 'user_123' },
    },
  ],
  clerk_trace_id: 'trace_42',
});
const init = (type: string) => ({ status: 404, statusText: 'Not Found', headers: { 'content-type': type } });
const problemInit = init('application/problem+json');
const problemHeaders = new Headers(problemInit.headers);
const problemLike = { status: 404, statusText: 'Not Found', headers: problemHeaders };
const clerkLike = {
  status: 404,
  statusText: 'Not Found',
  headers: new Headers(init('application/json').headers),
};

interface Case {
  readonly group: string;
  readonly name: string;
  readonly fn: () => unknown;
}
const cases: Case[] = [
  { group: 'problem body string', name: 'JSON.parse (baseline)', fn: () => JSON.parse(problemBody) },
  {
    group: 'problem body string',
    name: 'client.parse (detect)',
    fn: () => client.parse(problemBody, problemLike),
  },
  {
    group: 'problem body string',
    name: 'client.parse (fixed dialect)',
    fn: () => fixed.parse(problemBody, problemLike),
  },
  {
    group: 'problem body string',
    name: 'openai APIError.generate',
    fn: () => APIError.generate(404, JSON.parse(problemBody), undefined, problemHeaders),
  },
  { group: 'clerk body string', name: 'JSON.parse (baseline)', fn: () => JSON.parse(clerkBody) },
  { group: 'clerk body string', name: 'client.parse (detect)', fn: () => client.parse(clerkBody, clerkLike) },
  {
    group: 'problem Response',
    name: 'res.json() (baseline)',
    fn: () => new Response(problemBody, problemInit).json(),
  },
  {
    group: 'problem Response',
    name: 'JSON.parse(await res.text())',
    fn: async () => JSON.parse(await new Response(problemBody, problemInit).text()),
  },
  {
    group: 'problem Response',
    name: 'client.fromResponse',
    fn: () => client.fromResponse(new Response(problemBody, problemInit)),
  },
];

for (const c of cases) {
  const fn = c.fn;
  bench(`${c.group}: ${c.name}`, () => do_not_optimize(fn()));
}
// mitata awaits a bench function's promise; `do_not_optimize` passes it through.
const result = (await run({ format: 'quiet', throw: true } as never)) as {
  benchmarks: { alias: string; runs: { stats?: { avg: number } }[] }[];
};
const means = new Map(result.benchmarks.map((b) => [b.alias, b.runs[0]?.stats?.avg ?? Number.NaN]));
const fmt = (ns: number) => (ns >= 1e3 ? `${(ns / 1e3).toFixed(2)} µs` : `${ns.toFixed(1)} ns`);

console.log('\nParsing one error response (ratio to the first row of each group)\n');
console.log('| group | case | mean | ratio |');
console.log('|---|---|---:|---:|');
for (const group of new Set(cases.map((c) => c.group))) {
  const rows = cases.filter((c) => c.group === group);
  const base = means.get(`${group}: ${rows[0]?.name}`) ?? Number.NaN;
  for (const c of rows) {
    const m = means.get(`${group}: ${c.name}`) ?? Number.NaN;
    console.log(`| ${group} | ${c.name} | ${fmt(m)} | ${(m / base).toFixed(2)}x |`);
  }
}
