/**
 * Page layouts the seeds do not have, and two OpenAPI specs split across
 * files, imported through `errata import`: every code and status right, the
 * guesses marked, and the draft a catalog `errata export` accepts.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli } from '../_cli.js';

const FIXTURES = fileURLToPath(new URL('../fixtures/import', import.meta.url));
const out = mkdtempSync(join(tmpdir(), 'errata-import-'));
afterAll(() => rmSync(out, { recursive: true, force: true }));

type Entry = {
  code?: string;
  status: number;
  category: string;
  message?: string;
  description?: string;
  remediation?: string;
  retry?: Record<string, unknown>;
  'x-import': { from: string[]; inferred: string[]; routes?: string[] };
};
type Draft = { title: string; dialect?: string; categories: string[]; errors: Record<string, Entry> };

async function imported(file: string): Promise<{ draft: Draft; stderr: string }> {
  const target = join(out, `${file.replace(/[/.]/g, '-')}.json`);
  const r = await runCli(['import', file, '-o', target], FIXTURES);
  expect(r.code, r.stderr).toBe(0);
  const exported = await runCli(['export', target], FIXTURES);
  expect(exported.code, `the draft passes errata export:\n${exported.stderr}`).toBe(0);
  const { readFileSync } = await import('node:fs');
  return { draft: JSON.parse(readFileSync(target, 'utf8')) as Draft, stderr: r.stderr };
}

const statuses = (d: Draft) =>
  Object.fromEntries(Object.entries(d.errors).map(([id, e]) => [e.code ?? id, e.status]));

describe('page layouts', () => {
  it('one table for every code: backticked codes, statuses written three ways, Category, Retryable and How to fix columns', async () => {
    const { draft } = await imported('pages/one-table.md');
    expect(draft.title).toBe('Payments API errors');
    expect(statuses(draft)).toEqual({
      card_declined: 402,
      expired_card: 402,
      amount_too_small: 400,
      idempotency_key_in_use: 409,
      rate_limited: 429,
      api_unavailable: 503,
      internal_error: 500,
    });
    expect(draft.categories).toEqual(['Cards', 'Amounts', 'Requests', 'Platform']);
    expect(draft.errors.expired_card?.retry).toEqual({ retryable: false, note: 'ask for another card' });
    expect(draft.errors.rate_limited).toMatchObject({
      remediation: 'Back off 2 seconds, then retry.',
      retry: { retryable: true, strategy: 'after', afterMs: 2000 },
    });
    expect(draft.errors.idempotency_key_in_use?.retry).toMatchObject({ retryable: true, maxAttempts: 2 });
    expect(draft.errors.rate_limited?.['x-import'].inferred).toContain('retry window 2000 ms from wording');
  });

  it('a section per code with a definition list of Key: value items', async () => {
    const { draft } = await imported('pages/definitions.md');
    expect(statuses(draft)).toEqual({
      BucketNotFound: 404,
      BucketAlreadyExists: 409,
      ObjectTooLarge: 413,
      SlowDown: 503,
    });
    expect(draft.errors.BucketNotFound).toMatchObject({
      category: 'Buckets',
      message: 'The bucket {bucket} does not exist.',
      description: 'The bucket was deleted, or its name is misspelt.',
      retry: { retryable: false },
    });
    expect(draft.errors.ObjectTooLarge).toMatchObject({
      category: 'Objects',
      remediation: 'Upload it in parts.',
    });
    expect(draft.errors.SlowDown?.retry).toMatchObject({ retryable: true });
    expect(draft.errors.SlowDown?.['x-import'].inferred.join(' ')).toContain(
      'retry from wording "Retry later"',
    );
  });

  it('a section per status, each with its example body; the dialect read from the bodies', async () => {
    const { draft, stderr } = await imported('pages/per-status.md');
    expect(statuses(draft)).toEqual({
      invalid_note: 400,
      token_expired: 401,
      note_not_found: 404,
      write_rate_limited: 429,
    });
    expect(draft.dialect).toBe('problem');
    expect(draft.errors.note_not_found?.description).toBe('No note has this id, or it was deleted.');
    expect(stderr).toContain('dialect problem: 4 of 4 example bodies read as problem');
  });

  it('an HTML page: a table whose spanning rows are categories, and a definition list', async () => {
    const { draft } = await imported('pages/reference.html');
    expect(statuses(draft)).toEqual({
      ADDRESS_INVALID: 422,
      ADDRESS_AMBIGUOUS: 422,
      LABEL_NOT_FOUND: 404,
      CARRIER_TIMEOUT: 504,
      PICKUP_WINDOW_CLOSED: 409,
      PICKUP_NOT_AVAILABLE: 400,
    });
    expect(draft.categories).toEqual(['Addresses', 'Labels', 'Pickups']);
    expect(draft.errors.CARRIER_TIMEOUT?.retry).toMatchObject({ retryable: true });
    expect(draft.errors.PICKUP_WINDOW_CLOSED?.description).toBe(
      'The pickup window for today has closed. Book tomorrow.',
    );
  });
});

describe('OpenAPI specs with $refs across files', () => {
  it('a 3.0 YAML spec: examples, an enum on the code, x-error-codes, default, routes', async () => {
    const { draft } = await imported('openapi/tasks/openapi.yaml');
    expect(draft.title).toBe('Tasks API');
    expect(statuses(draft)).toEqual({
      unauthorized: 401,
      rate_limited: 429,
      task_title_missing: 400,
      task_title_too_long: 400,
      task_not_found: 404,
      internal_error: 500,
      task_locked: 423,
      task_completed: 409,
      task_archived: 409,
    });
    expect(draft.errors.task_not_found?.['x-import'].routes).toEqual([
      'GET /tasks/{id}',
      'DELETE /tasks/{id}',
    ]);
    expect(draft.errors.internal_error?.['x-import'].inferred).toContain(
      'status 500 for the `default` response',
    );
    expect(draft.errors.task_completed?.['x-import'].inferred).toContain(
      'code from the enum of the response schema',
    );
    expect(draft.errors.unauthorized?.description).toBe('The bearer token is missing or expired.');
  });

  it('a 3.1 JSON spec of problem+json responses: the problem dialect, a 4XX range', async () => {
    const { draft } = await imported('openapi/billing/openapi.json');
    expect(statuses(draft)).toEqual({
      INVOICE_NOT_FOUND: 404,
      INVALID_CURRENCY: 400,
      AMOUNT_MISMATCH: 400,
      PAYMENT_DECLINED: 402,
      INVOICE_ALREADY_PAID: 409,
      PROVIDER_UNAVAILABLE: 503,
    });
    expect(draft.dialect).toBe('problem');
    expect(draft.categories).toEqual(['Invoices', 'Payments']);
    expect(draft.errors.INVALID_CURRENCY?.['x-import'].inferred).toContain('status 400 for the range 4XX');
  });
});
