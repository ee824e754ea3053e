import { describe, expect, it } from 'vitest';
import type { CatalogModel } from '../../catalog/model.js';
import { normalizeCatalog } from '../../catalog/normalize.js';
import { checkLock, lockText } from '../lock.js';
import { diffCatalogs } from './catalogs.js';

const model = (errors: Record<string, unknown>): CatalogModel =>
  normalizeCatalog({ name: 'orders', docs: 'https://orders.example.com/errors', errors }).model;

const orders = { ORDER_NOT_FOUND: { status: 404, message: 'No such order.' } };

describe('diff of the effective contracts', () => {
  it('reports a 405 entry of your own replacing METHOD_NOT_ALLOWED on the wire as breaking', () => {
    const changes = diffCatalogs(model(orders), model({ ...orders, WRONG_METHOD: { status: 405 } }));
    const replaced = changes.filter((c) => c.kind === 'server-failure-changed');
    expect(replaced).toEqual([
      {
        kind: 'server-failure-changed',
        breaking: true,
        id: 'WRONG_METHOD',
        code: 'METHOD_NOT_ALLOWED',
        field: 'code',
        message:
          'the server\'s 405 (Method Not Allowed): sent as "METHOD_NOT_ALLOWED" → "WRONG_METHOD", by entry WRONG_METHOD',
        reason: expect.stringContaining('under another code'),
        before: { code: 'METHOD_NOT_ALLOWED', status: 405 },
        after: { code: 'WRONG_METHOD', status: 405 },
      },
    ]);
    // The entry itself is an addition, as before.
    expect(changes.find((c) => c.kind === 'entry-added')).toMatchObject({
      id: 'WRONG_METHOD',
      breaking: false,
    });
  });

  it('reports the way back (the entry removed, errata answers again) with the entry removal', () => {
    const changes = diffCatalogs(model({ ...orders, WRONG_METHOD: { status: 405 } }), model(orders));
    expect(changes.map((c) => [c.kind, c.breaking])).toEqual([
      ['entry-removed', true],
      ['code-removed', true],
      ['server-failure-changed', true],
    ]);
    expect(changes[2]?.message).toBe(
      'the server\'s 405 (Method Not Allowed): sent as "WRONG_METHOD" → "METHOD_NOT_ALLOWED", by errata',
    );
  });

  it("reports a framework's 409 now answered by the catalog's only 409 entry, as not breaking", () => {
    const changes = diffCatalogs(model(orders), model({ ...orders, ORDER_LOCKED: { status: 409 } }));
    expect(changes.filter((c) => c.kind === 'framework-status-changed')).toMatchObject([
      {
        breaking: false,
        message: 'the server\'s 409 (Conflict): sent as "CONFLICT" → "ORDER_LOCKED", by entry ORDER_LOCKED',
      },
    ]);
    expect(changes.filter((c) => c.breaking)).toEqual([]);
  });

  it('reports nothing when an own entry takes over with the same code and status', () => {
    const changes = diffCatalogs(
      model(orders),
      model({ ...orders, METHOD_NOT_ALLOWED: { status: 405, message: 'Use another method.' } }),
    );
    expect(changes.map((c) => c.kind)).toEqual(['entry-added']);
  });

  it('flags it in the lock check, whose file format is the catalog as written', () => {
    const locked = model(orders);
    const now = model({ ...orders, WRONG_METHOD: { status: 405 } });
    const check = checkLock(now, locked, lockText(locked));
    expect(check.upToDate).toBe(false);
    expect(check.changes.filter((c) => c.breaking).map((c) => c.kind)).toEqual(['server-failure-changed']);
    expect(lockText(locked)).not.toContain('METHOD_NOT_ALLOWED');
  });

  it('compares nothing with a catalog that is new (compared with an empty one): only additions', () => {
    const changes = diffCatalogs(model({}), model({ ...orders, WRONG_METHOD: { status: 405 } }));
    expect(changes.map((c) => c.kind)).toEqual(['entry-added', 'entry-added']);
  });
});
