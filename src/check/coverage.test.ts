import { describe, expect, it } from 'vitest';
import { served, shop } from '../../test/check/_shop.js';
import { failures } from '../server/builtin.js';
import { createChecker } from './checker.js';
import { type CoverageSummary, mergeCoverage } from './coverage.js';
import { coverageFindings } from './coverage-findings.js';

const routes = {
  'GET /orders/:id': ['ORDER_NOT_FOUND', 'UNAUTHENTICATED'],
  'POST /orders': ['OUT_OF_STOCK', 'UNAUTHENTICATED'],
};
const notFound = () => served(shop.error('ORDER_NOT_FOUND', { orderId: '7' }));
const stock = () => ({
  ...served(shop.error('OUT_OF_STOCK', { available: 1, sku: 'A' }, { details: { sku: 'A', available: 1 } })),
  method: 'POST',
  url: 'http://127.0.0.1:3000/orders?x=1',
});
const unknown = () => ({
  ...notFound(),
  body: notFound().body?.replace('"ORDER_NOT_FOUND"', '"ORDER_VANISHED"'),
});

describe('coverage', () => {
  it('counts entries per code and per route, unknown codes, and what was never seen', () => {
    const checker = createChecker(shop, { routes });
    checker.check(notFound());
    checker.check(notFound());
    checker.check(stock());
    checker.check(unknown());
    checker.check({ status: 200, headers: {}, body: '{}' });
    checker.check({ status: 502, headers: {}, body: '<html>bad gateway</html>' });
    checker.check({ status: 503, headers: {}, code: 'DB_DOWN', url: '/orders/1', method: 'GET' });
    const summary = checker.coverage();
    expect(summary).toEqual({
      kind: 'errata-coverage',
      version: 1,
      catalog: 'shop',
      ids: ['ORDER_NOT_FOUND', 'OUT_OF_STOCK', 'UNAUTHENTICATED', 'RATE_LIMITED', 'DB_DOWN', 'INTERNAL'],
      responses: 7,
      errors: 6,
      uncoded: 1,
      seen: { ORDER_NOT_FOUND: 2, OUT_OF_STOCK: 1, DB_DOWN: 1 },
      unknown: { ORDER_VANISHED: 1 },
      routes: {
        'GET /orders/:id': {
          declared: ['ORDER_NOT_FOUND', 'UNAUTHENTICATED'],
          seen: { ORDER_NOT_FOUND: 2, DB_DOWN: 1 },
        },
        'POST /orders': { declared: ['OUT_OF_STOCK', 'UNAUTHENTICATED'], seen: { OUT_OF_STOCK: 1 } },
      },
      neverSeen: ['UNAUTHENTICATED', 'RATE_LIMITED', 'INTERNAL'],
      neverSeenByRoute: { 'GET /orders/:id': ['UNAUTHENTICATED'], 'POST /orders': ['UNAUTHENTICATED'] },
    });
    expect(JSON.parse(JSON.stringify(summary))).toEqual(summary);
  });

  it("counts a server failure the catalog lacks under the contract's id, not as unknown", () => {
    const checker = createChecker(shop);
    checker.check(served(failures.payloadTooLarge()));
    expect(checker.coverage().seen).toEqual({ PAYLOAD_TOO_LARGE: 1 });
    expect(checker.coverage().unknown).toEqual({});
  });

  it('merges shards: counts add up, never-seen is what no shard saw', () => {
    const a = createChecker(shop, { routes });
    const b = createChecker(shop, { routes });
    a.check(notFound());
    a.check(unknown());
    b.check(stock());
    b.check(unknown());
    b.check(served(shop.error('UNAUTHENTICATED')));
    const merged = mergeCoverage(a.coverage(), b.coverage());
    expect(merged.responses).toBe(5);
    expect(merged.seen).toEqual({ ORDER_NOT_FOUND: 1, OUT_OF_STOCK: 1, UNAUTHENTICATED: 1 });
    expect(merged.unknown).toEqual({ ORDER_VANISHED: 2 });
    expect(merged.neverSeen).toEqual(['RATE_LIMITED', 'DB_DOWN', 'INTERNAL']);
    expect(merged.neverSeenByRoute).toEqual({ 'POST /orders': ['UNAUTHENTICATED'] });
    // Merging is associative and takes JSON round trips.
    const c = createChecker(shop, { routes }).coverage();
    const json = (s: CoverageSummary) => JSON.parse(JSON.stringify(s)) as CoverageSummary;
    expect(mergeCoverage(json(a.coverage()), mergeCoverage(json(b.coverage()), c))).toEqual(
      mergeCoverage(merged, c),
    );
    expect(mergeCoverage(a.coverage())).toEqual(a.coverage());
  });

  it('refuses what is not a summary, and summaries of two catalogs', () => {
    const s = createChecker(shop).coverage();
    expect(() => mergeCoverage()).toThrow('errata: mergeCoverage needs at least one summary');
    expect(() => mergeCoverage(s, { ...s, catalog: 'other' })).toThrow(
      'errata: cannot merge coverage of catalog "other" into "shop"',
    );
    expect(() => mergeCoverage(s, { hello: 1 } as unknown as CoverageSummary)).toThrow(
      'errata: coverage summary 2 is not an errata coverage summary (kind "errata-coverage", version 1)',
    );
    expect(() => mergeCoverage({ ...s, seen: { A: -1 } })).toThrow(
      'errata: coverage summary 1 has malformed "seen" or "unknown" counts',
    );
    expect(() => mergeCoverage(null as unknown as CoverageSummary)).toThrow(
      'errata: coverage summary 1 is not an object',
    );
  });

  it('lists what was never seen and unknown codes as coverage findings', () => {
    const checker = createChecker(shop, {
      routes: { 'GET /orders/:id': ['ORDER_NOT_FOUND', 'UNAUTHENTICATED'] },
    });
    checker.check(notFound());
    checker.check(unknown());
    checker.check(unknown());
    const found = coverageFindings(checker.coverage());
    expect(found.map((f) => f.message)).toEqual([
      'OUT_OF_STOCK was never observed',
      'UNAUTHENTICATED was never observed',
      'RATE_LIMITED was never observed',
      'DB_DOWN was never observed',
      'INTERNAL was never observed',
      'GET /orders/:id declares UNAUTHENTICATED, never observed on it',
      'code "ORDER_VANISHED" was observed 2 times; catalog "shop" does not have it',
    ]);
    expect(new Set(found.map((f) => `${f.check} ${f.severity}`))).toEqual(new Set(['coverage warn']));
    expect(coverageFindings(checker.coverage(), { severity: 'error' })[0]?.severity).toBe('error');
  });
});
