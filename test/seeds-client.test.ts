/**
 * The seed pages' example responses read back on the client. Every body a
 * seed page quotes is fed, as the page prints it, to the universal reader
 * (`createClient().parse`), to a client fixed to the seed's dialect and to
 * `parseAny`; the three must agree with the page on code, status, message,
 * details, request id and retryability. Pages that quote no body (barekey,
 * sitescore) are read in the envelope errata serves for them, built from the
 * page's own rows. The pages' bodies and rows come from the fixtures that
 * `scripts/seeds.ts` extracts into `test/fixtures/seeds/`.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { createCatalog } from '../src/catalog/define.js';
import { normalizeDocument } from '../src/catalog/load.js';
import { createClient } from '../src/client/index.js';
import { dialects, parseAny } from '../src/dialects/index.js';
import { toResponse } from '../src/server/response.js';
import { seedFixture } from './fixtures/seeds.js';

const REPO = fileURLToPath(new URL('..', import.meta.url));

const load = (name: string) =>
  createCatalog(
    normalizeDocument(JSON.parse(readFileSync(join(REPO, 'examples/catalogs', `${name}.json`), 'utf8'))),
  );

const universal = createClient();

interface Expected {
  code: string;
  status: number;
  message: string;
  details?: unknown;
  requestId?: string;
  title?: string;
  retryable: boolean;
  retryAfterMs?: number;
}

/**
 * Reads one body three ways and checks each against what the page says. The
 * universal reader and the fixed-dialect client must give the same error;
 * `parseAny` the same fields (it leaves an unusable message as it is and
 * knows nothing of retrying).
 */
function expectRead(
  dialect: keyof typeof dialects,
  body: string,
  headers: Record<string, string>,
  want: Expected,
) {
  const response = { status: want.status, headers: new Headers(headers) };
  const fixed = createClient({ dialect: dialects[dialect] });
  for (const [who, client] of [
    ['universal reader', universal],
    [`fixed ${dialect}`, fixed],
  ] as const) {
    const e = client.parse(body, response);
    const got = {
      code: e.code,
      status: e.status,
      message: e.message,
      details: e.details,
      requestId: e.requestId,
      retryable: e.retryable,
      retryAfterMs: e.retryAfterMs,
      dialect: e.dialect,
      ...(want.title !== undefined ? { title: e.title } : {}),
    };
    expect(got, `${who}: ${body}`).toEqual({
      details: undefined,
      requestId: undefined,
      retryAfterMs: undefined,
      ...want,
      dialect,
    });
    expect(e.violations, who).toEqual([]);
  }
  const strict = parseAny(JSON.parse(body), { status: want.status, headers: new Headers(headers) });
  expect(strict, `parseAny: ${body}`).toMatchObject({ dialect, code: want.code, status: want.status });
  expect(strict?.details).toEqual(want.details);
  expect(strict?.requestId).toEqual(want.requestId);
}

// ---------------------------------------------------------------------------

describe('000 barekey: {error: {code, message, requestId}} for every row', () => {
  const page = seedFixture('barekey');
  const rows = page.rows;
  const guidance = new Map(page.retryGuidance.map((g) => [g.code, g.retry === 'Yes']));

  it('reads code, status, message and the requestId support asks for; retries exactly the rows marked Yes', () => {
    expect(rows).toHaveLength(13);
    expect(guidance.size).toBe(13);
    for (const { code, status, description } of rows) {
      const body = JSON.stringify({
        error: { code, message: description, requestId: 'req_4f1c' },
      });
      expectRead(
        'barekey',
        body,
        {},
        {
          code,
          status,
          message: description,
          requestId: 'req_4f1c',
          retryable: guidance.get(code) as boolean,
        },
      );
    }
  });

  it('reads what errata serves for every entry the same way', async () => {
    const api = load('barekey');
    for (const { code, status } of rows) {
      const e = await universal.fromResponse(toResponse(api.error(code), { requestId: 'req_5' }));
      expect(e, code).toMatchObject({
        code,
        status,
        requestId: 'req_5',
        retryable: guidance.get(code),
      });
    }
  });
});

// ---------------------------------------------------------------------------

describe('001 clerk: every block of the page, in its {errors: [...], clerk_trace_id} envelope', () => {
  const blocks = seedFixture('clerk').blocks.map((b) => ({
    status: b.status,
    json: b.json,
    body: JSON.parse(b.json) as {
      shortMessage: string;
      longMessage?: string;
      code: string;
      meta?: unknown;
    },
  }));

  it('reads code, status, long message, short message as title, meta as details, and the trace id', () => {
    expect(blocks).toHaveLength(183);
    for (const { status, body } of blocks) {
      // The page's error object as the Backend API sends it (and @clerk/backend reads it).
      const item: Record<string, unknown> = { message: body.shortMessage };
      if (body.longMessage !== undefined) item.long_message = body.longMessage;
      item.code = body.code;
      if (body.meta !== undefined) item.meta = body.meta;
      const wire = JSON.stringify({ errors: [item], clerk_trace_id: 'trace_8b1d' });
      expectRead(
        'clerk',
        wire,
        {},
        {
          code: body.code,
          status,
          // No long message and an empty short one: the status stands in.
          message: body.longMessage || body.shortMessage || `HTTP ${status}`,
          title: body.shortMessage,
          details: body.meta,
          requestId: 'trace_8b1d',
          // The page says nothing of retrying: the status decides.
          retryable: status === 429 || (status >= 500 && status !== 501),
        },
      );
    }
    // A meta the page shows as a JSON string stays the string it is.
    expect(blocks.filter((b) => typeof b.body.meta === 'string')).toHaveLength(1);
  });

  it('reads the code of a block printed bare, outside its envelope, as the page prints it', () => {
    for (const { status, json, body } of blocks) {
      expect(universal.parse(json, { status, headers: new Headers() }).code).toBe(body.code);
    }
  });
});

// ---------------------------------------------------------------------------

describe('002 sitescore (no body on its page): the problem errata serves for every row', () => {
  const rows = seedFixture('sitescore').rows;
  const api = load('sitescore');

  it('reads code, status, message, request id, the stated windows, and the page retry column', async () => {
    expect(rows).toHaveLength(19);
    const windows: Record<string, number> = { SCORING_RATE_LIMITED: 60_000, SIGNAL_RATE_LIMITED: 3_600_000 };
    // Marked Yes on the page though a client cannot fix them by repeating them
    // (the lint rule retry-4xx flags both): the wire still says what the catalog says.
    const fixFirst = new Set(['SIGNAL_VALIDATION_FAILED', 'EMPTY_CRAWL']);
    for (const { code, status, retryable, description } of rows) {
      const res = toResponse(api.error(code), { requestId: 'req_2a' });
      const body = await res.text();
      expectRead('problem', body, Object.fromEntries(res.headers), {
        code,
        status,
        message: status >= 500 ? 'An internal error occurred.' : description,
        title: JSON.parse(body).title,
        requestId: 'req_2a',
        retryable: retryable === 'Yes',
        ...(windows[code] !== undefined ? { retryAfterMs: windows[code] } : {}),
      });
    }
    expect(rows.filter((r) => fixFirst.has(r.code)).every((r) => r.retryable === 'Yes')).toBe(true);
  });
});

// ---------------------------------------------------------------------------

describe('003 flags: every example body of the page', () => {
  const sections = seedFixture('flags').sections;

  it('reads code, status, message, details (null is none) and the x-request-id header', () => {
    expect(sections.map((s) => s.status)).toEqual([400, 401, 403, 404, 409, 500]);
    for (const { status, json } of sections) {
      const body = JSON.parse(json) as { code: string; message: string; details: unknown };
      expectRead(
        'simple',
        json,
        { 'x-request-id': 'req_77' },
        {
          code: body.code,
          status,
          message: body.message,
          details: body.details ?? undefined,
          requestId: 'req_77',
          // The page says nothing of retrying: the status decides.
          retryable: status >= 500,
        },
      );
    }
  });
});

// ---------------------------------------------------------------------------

describe('004 authos: the page example and every row in its envelope', () => {
  const { example, rows } = seedFixture('authos');

  it('reads the example as the page prints it, its timestamp kept in the data', () => {
    expect(example).toBe(
      '{\n"error": "Detailed description of the error",\n"error_code": "MACHINE_READABLE_CODE",\n"timestamp": "2025-01-15T10:30:00Z"\n}',
    );
    expectRead(
      'authos',
      example,
      {},
      {
        code: 'MACHINE_READABLE_CODE',
        status: 400,
        message: 'Detailed description of the error',
        retryable: false,
      },
    );
    expect(universal.parse(example, { status: 400 }).data).toMatchObject({
      timestamp: '2025-01-15T10:30:00Z',
    });
  });

  it('reads every row: code, status, message, and the x-request-id header', () => {
    expect(rows).toHaveLength(23);
    for (const { code, status: s, description } of rows) {
      const body = `{\n"error": ${JSON.stringify(description)},\n"error_code": "${code}",\n"timestamp": "2025-01-15T10:30:00Z"\n}`;
      expectRead(
        'authos',
        body,
        { 'x-request-id': 'req_3c' },
        {
          code,
          status: s,
          message: description,
          requestId: 'req_3c',
          // The page says nothing of retrying: the status decides.
          retryable: s === 429 || s >= 500,
        },
      );
    }
  });
});

// ---------------------------------------------------------------------------

describe('the pages that never say whether to retry (clerk, flags, authos): errata says nothing either', () => {
  // Before issue #13 their entries were "not retryable" and every dialect said
  // so (x-should-retry: false), turning off the SDKs' own defaults.
  const VERDICTS = ['x-should-retry', 'stripe-should-retry', 'retry-after', 'retry-after-ms'];

  it.each(['clerk', 'flags', 'authos'])(
    'serves every %s entry in every dialect with no retry verdict; clients keep their defaults',
    async (name) => {
      const api = load(name);
      for (const id of Object.keys(api.model.errors)) {
        for (const dialect of Object.values(dialects)) {
          const res = toResponse(api.error(id), { dialect });
          const where = `${name} ${id} in ${dialect.name}`;
          expect(
            VERDICTS.filter((h) => res.headers.has(h)),
            where,
          ).toEqual([]);
          const status = res.status;
          const e = await universal.fromResponse(res);
          expect({ retryable: e.retryable, retryAfterMs: e.retryAfterMs }, where).toEqual({
            retryable: status === 408 || status === 429 || (status >= 500 && status !== 501),
            retryAfterMs: undefined,
          });
        }
      }
    },
  );
});
