import { describe, expect, it } from 'vitest';
import { normalizeCatalog } from '../../catalog/normalize.js';
import { diffCatalogs } from './catalogs.js';

/** The retry change between two versions of one entry at `status` (`undefined`: `retry` left out). */
function retryChange(status: number, before: unknown, after: unknown) {
  const at = (retry: unknown) =>
    normalizeCatalog({ name: 't', errors: { E: retry === undefined ? { status } : { status, retry } } })
      .model;
  const changes = diffCatalogs(at(before), at(after)).filter((c) => c.field === 'retry');
  return changes.map((c) => ({ kind: c.kind, breaking: c.breaking, message: c.message }));
}

describe('diff: a retry policy stated or withdrawn', () => {
  it('sees no change while neither version says anything', () => {
    expect(retryChange(503, undefined, undefined)).toEqual([]);
  });

  it('not stated → not retryable breaks a status clients retried on their own (408, 409, 429, 5xx), not another', () => {
    for (const status of [408, 409, 429, 500, 501, 503])
      expect(retryChange(status, undefined, false), `${status}`).toEqual([
        { kind: 'retry-stated', breaking: true, message: 'retry not stated → not retryable' },
      ]);
    for (const status of [400, 404, 422])
      expect(retryChange(status, undefined, false), `${status}`).toEqual([
        { kind: 'retry-stated', breaking: false, message: 'retry not stated → not retryable' },
      ]);
  });

  it('not stated → retryable breaks nothing, at any status', () => {
    for (const status of [400, 503])
      expect(retryChange(status, undefined, { afterMs: 2000 })).toEqual([
        { kind: 'retry-stated', breaking: false, message: 'retry not stated → after 2000 ms' },
      ]);
  });

  it('retryable → not stated breaks a status clients do not retry on their own', () => {
    expect(retryChange(422, true, undefined)).toEqual([
      { kind: 'retry-unstated', breaking: true, message: 'retry exponential 500–30000 ms → not stated' },
    ]);
    expect(retryChange(503, true, undefined)).toEqual([
      { kind: 'retry-unstated', breaking: false, message: 'retry exponential 500–30000 ms → not stated' },
    ]);
  });

  it('not retryable → not stated breaks a status clients retry on their own: they may repeat it', () => {
    expect(retryChange(500, { retryable: false, note: 'Not idempotent.' }, undefined)).toEqual([
      { kind: 'retry-unstated', breaking: true, message: 'retry not retryable → not stated' },
    ]);
    expect(retryChange(404, false, undefined)).toEqual([
      { kind: 'retry-unstated', breaking: false, message: 'retry not retryable → not stated' },
    ]);
  });

  it('says why, in each case', () => {
    const reason = (status: number, before: unknown, after: unknown) => {
      const at = (retry: unknown) =>
        normalizeCatalog({ name: 't', errors: { E: retry === undefined ? { status } : { status, retry } } })
          .model;
      return diffCatalogs(at(before), at(after))[0]?.reason;
    };
    expect(reason(503, undefined, false)).toMatch(/now told not to, they fail where a retry used to succeed/);
    expect(reason(422, true, undefined)).toMatch(/which do not retry this status/);
    expect(reason(500, false, undefined)).toMatch(
      /a request the catalog said not to repeat may be sent again/,
    );
  });
});
