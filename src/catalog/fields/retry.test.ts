import { describe, expect, it } from 'vitest';
import { exportCatalog } from '../export.js';
import { normalizeCatalog } from '../normalize.js';

const model = (retry: unknown) =>
  normalizeCatalog({
    name: 't',
    errors: { E: retry === undefined ? { status: 503 } : { status: 503, retry } },
  });

describe('retry: not stated is not "no"', () => {
  it('leaves retry out of the model when the entry does not state it', () => {
    expect(model(undefined).model.errors.E).not.toHaveProperty('retry');
  });

  it('keeps false and a policy as stated', () => {
    expect(model(false).model.errors.E?.retry).toEqual({ retryable: false });
    expect(model({ retryable: false, note: 'Not idempotent.' }).model.errors.E?.retry).toEqual({
      retryable: false,
      note: 'Not idempotent.',
    });
    expect(model(true).model.errors.E?.retry).toEqual({
      retryable: true,
      strategy: 'exponential',
      baseMs: 500,
      maxMs: 30_000,
    });
  });

  it('round-trips through errata export: an entry that did not say still does not', () => {
    const exported = JSON.parse(exportCatalog(model(undefined).model));
    expect(exported.errors.E).not.toHaveProperty('retry');
    expect(normalizeCatalog(exported).model.errors.E).not.toHaveProperty('retry');
    const no = JSON.parse(exportCatalog(model(false).model));
    expect(normalizeCatalog(no).model.errors.E?.retry).toEqual({ retryable: false });
  });
});
