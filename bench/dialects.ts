/**
 * Creating and serializing one 404 error (request id and details included) in
 * every dialect, side by side with a hand-written JSON.stringify of the same
 * envelope: the limit for that format. Ratios are errata / limit.
 * Run: npx tsx bench/dialects.ts
 */
import { defineCatalog } from '../src/catalog/define.js';
import { dialects } from '../src/dialects/index.js';

const api = defineCatalog({
  name: 'bench',
  docs: 'https://docs.example.com/errors',
  errors: {
    VARIABLE_NOT_FOUND: {
      status: 404,
      title: 'Variable not found',
      message: 'No variable named {name} exists in stage {stage}.',
      details: { type: 'object' },
    },
  },
});
const TYPE = 'https://docs.example.com/errors#VARIABLE_NOT_FOUND';
const G = 'type.googleapis.com/google.rpc.';
let i = 0;
const name = () => `API_URL_${i++ & 1023}`;
const msg = () => `No variable named ${name()} exists in stage prod.`;
const details = { stage: 'prod' };
const now = () => new Date(1_736_937_000_000);

/** The same envelope each dialect sends, written by hand. */
const limits: Record<string, () => string> = {
  azure: () =>
    JSON.stringify({
      error: { code: 'VARIABLE_NOT_FOUND', message: msg(), details: [], innererror: details },
    }),
  // No request naming an API version: GoTrue's older envelope.
  supabase: () =>
    JSON.stringify({ code: 404, error_code: 'VARIABLE_NOT_FOUND', msg: msg(), error_id: 'req_1', details }),
  problem: () =>
    JSON.stringify({
      type: TYPE,
      title: 'Variable not found',
      status: 404,
      code: 'VARIABLE_NOT_FOUND',
      detail: msg(),
      requestId: 'req_1',
      details,
    }),
  barekey: () =>
    JSON.stringify({ error: { code: 'VARIABLE_NOT_FOUND', message: msg(), requestId: 'req_1', details } }),
  clerk: () =>
    JSON.stringify({
      errors: [
        { message: 'Variable not found', long_message: msg(), code: 'VARIABLE_NOT_FOUND', meta: details },
      ],
      clerk_trace_id: 'req_1',
    }),
  simple: () => JSON.stringify({ code: 'VARIABLE_NOT_FOUND', message: msg(), details }),
  authos: () =>
    JSON.stringify({
      error: msg(),
      error_code: 'VARIABLE_NOT_FOUND',
      timestamp: now()
        .toISOString()
        .replace(/\.\d{3}Z$/, 'Z'),
      details,
    }),
  openai: () =>
    JSON.stringify({
      error: { message: msg(), type: 'not_found_error', param: null, code: 'VARIABLE_NOT_FOUND', details },
    }),
  stripe: () =>
    JSON.stringify({
      error: {
        type: 'invalid_request_error',
        code: 'VARIABLE_NOT_FOUND',
        message: msg(),
        doc_url: TYPE,
        details,
      },
    }),
  google: () => {
    const m = msg();
    return JSON.stringify({
      error: {
        code: 404,
        message: m,
        status: 'NOT_FOUND',
        details: [
          { '@type': `${G}ErrorInfo`, reason: 'VARIABLE_NOT_FOUND', domain: 'bench', metadata: details },
          { '@type': `${G}RequestInfo`, requestId: 'req_1' },
          { '@type': `${G}Help`, links: [{ description: 'Variable not found', url: TYPE }] },
          { '@type': `${G}LocalizedMessage`, locale: 'en-US', message: m },
        ],
      },
    });
  },
  jsonapi: () =>
    JSON.stringify({
      errors: [
        {
          id: 'req_1',
          links: { type: TYPE },
          status: '404',
          code: 'VARIABLE_NOT_FOUND',
          title: 'Variable not found',
          detail: msg(),
          meta: { details },
        },
      ],
    }),
  // The protobuf bytes are constants here (written once by hand): the limit does no encoding.
  connect: () =>
    JSON.stringify({
      code: 'not_found',
      message: msg(),
      details: [
        {
          type: 'google.rpc.ErrorInfo',
          value: 'ChJWQVJJQUJMRV9OT1RfRk9VTkQSBWJlbmNoGg0KBXN0YWdlEgRwcm9k',
          debug: { reason: 'VARIABLE_NOT_FOUND', domain: 'bench', metadata: details },
        },
        { type: 'google.rpc.RequestInfo', value: 'CgVyZXFfMQ==', debug: { requestId: 'req_1' } },
      ],
    }),
  kubernetes: () => {
    const m = msg();
    return JSON.stringify({
      kind: 'Status',
      apiVersion: 'v1',
      metadata: {},
      status: 'Failure',
      message: m,
      reason: 'NotFound',
      errorCode: 'VARIABLE_NOT_FOUND',
      details: { causes: [{ reason: 'VARIABLE_NOT_FOUND', message: m }], data: details },
      code: 404,
    });
  },
  oci: () => JSON.stringify({ errors: [{ code: 'VARIABLE_NOT_FOUND', message: msg(), detail: details }] }),
};

/** Mean nanoseconds per call: the best of several timed rounds after a warm-up. */
function measure(fn: () => string): number {
  let sink = 0;
  for (let k = 0; k < 20_000; k++) sink += fn().length;
  const n = 50_000;
  let best = Number.POSITIVE_INFINITY;
  for (let round = 0; round < 9; round++) {
    const t0 = process.hrtime.bigint();
    for (let k = 0; k < n; k++) sink += fn().length;
    best = Math.min(best, Number(process.hrtime.bigint() - t0) / n);
  }
  if (sink === -1) console.log(sink);
  return best;
}

interface Row {
  readonly dialect: string;
  readonly limit: number;
  readonly errata: number;
}

function table(): Row[] {
  const rows: Row[] = [];
  for (const [dialectName, d] of Object.entries(dialects)) {
    const limit = limits[dialectName];
    if (limit === undefined) continue;
    const ctx = { requestId: 'req_1', now };
    // Both sides produce the same body (checked once, so the ratio compares like with like).
    const sample = d.serialize(
      api.error('VARIABLE_NOT_FOUND', { name: 'X', stage: 'prod' }, { details }),
      ctx,
    ).body;
    const expected = limit().replace(/API_URL_\d+/g, 'X');
    if (JSON.stringify(JSON.parse(sample)) !== JSON.stringify(JSON.parse(expected)))
      throw new Error(
        `${dialectName}: the hand-written envelope differs from errata's:\n${sample}\n${expected}`,
      );
    rows.push({
      dialect: dialectName,
      limit: measure(limit),
      errata: measure(
        () =>
          d.serialize(api.error('VARIABLE_NOT_FOUND', { name: name(), stage: 'prod' }, { details }), ctx)
            .body,
      ),
    });
  }
  return rows;
}

// The first pass warms every code path up; the second is the one reported.
table();
console.log(
  '\nCreate and serialize one 404 (request id + details), errata vs a hand-written JSON.stringify\n',
);
console.log('| dialect | limit: JSON.stringify | errata (body + headers) | ratio |');
console.log('|---|---:|---:|---:|');
for (const r of table())
  console.log(
    `| ${r.dialect} | ${r.limit.toFixed(0)} ns | ${r.errata.toFixed(0)} ns | ${(r.errata / r.limit).toFixed(2)}x |`,
  );
