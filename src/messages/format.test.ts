import { describe, expect, it } from 'vitest';
import { normalizeCatalog } from '../catalog/normalize.js';
import { tableProblems } from './check-icu.js';
import { format } from './format.js';
import { buildMessageTable, type TableMessage } from './table.js';

const { model } = normalizeCatalog({
  name: 'shop',
  errors: {
    OUT_OF_STOCK: {
      status: 409,
      title: 'Out of stock',
      message: 'Only {left:integer} left of {sku}. {a < b} stays',
      translations: {
        fr: {
          title: 'Rupture de stock',
          message: '{left, plural, one {Plus qu’un seul {sku}.} other {Plus que # {sku}.}}',
        },
        'fr-CA': { title: 'En rupture de stock' },
      },
    },
    NOT_FOUND_ORDER: {
      status: 404,
      code: 'NOT_FOUND',
      message: 'No order {orderId}.',
      translations: { fr: { message: 'Aucune commande {orderId}.' } },
    },
    NOT_FOUND_USER: {
      status: 410,
      code: 'NOT_FOUND',
      message: 'No user {userId}.',
      translations: { fr: { message: 'Aucun utilisateur {userId}.' } },
    },
    SECRET: { status: 400, expose: false, title: 'Refused', message: 'Key {key} is revoked' },
  },
});

describe('buildMessageTable', () => {
  it('takes each field from the most specific language that has it (fr-CA, then fr, then the source)', () => {
    const ca = buildMessageTable(model, 'fr-CA');
    const m = ca.codes.OUT_OF_STOCK as TableMessage;
    expect(m.title).toBe('En rupture de stock');
    expect(m.message).toMatch(/^\{left, plural/);
    expect(m.messageLocale).toBe('fr');
    expect(m.params).toEqual({ left: 'integer' });
  });

  it("writes the catalog's own message as ICU text that renders the same, literal braces quoted", () => {
    const de = buildMessageTable(model, 'de');
    const m = de.codes.OUT_OF_STOCK as TableMessage;
    expect(m.messageLocale).toBe('en');
    expect(format({ code: 'OUT_OF_STOCK', message: '', details: { left: 2, sku: 'X' } }, de)).toBe(
      'Only 2 left of X. {a < b} stays',
    );
    expect(tableProblems(de)).toEqual([]);
  });

  it('keeps every entry of a shared code, with its statuses, and picks by status', () => {
    const fr = buildMessageTable(model, 'fr');
    expect(Array.isArray(fr.codes.NOT_FOUND)).toBe(true);
    expect((fr.codes.NOT_FOUND as TableMessage[]).map((m) => [m.id, m.statuses])).toEqual([
      ['NOT_FOUND_ORDER', [404]],
      ['NOT_FOUND_USER', [410]],
    ]);
    const user = {
      code: 'NOT_FOUND',
      status: 410,
      message: 'No user u1.',
      details: { userId: 'u1', orderId: 'o1' },
    };
    expect(format(user, fr)).toBe('Aucun utilisateur u1.');
    expect(format({ ...user, status: 404 }, fr)).toBe('Aucune commande o1.');
    // No status matches: the first entry whose parameters the body carries.
    expect(format({ ...user, status: 400, details: { userId: 'u1' } }, fr)).toBe('Aucun utilisateur u1.');
  });

  it('leaves out the message of an entry that never sends it (expose: false), keeping the title', () => {
    const fr = buildMessageTable(model, 'fr');
    expect(fr.codes.SECRET).toEqual({ id: 'SECRET', title: 'Refused' });
    expect(format({ code: 'SECRET', message: 'Refused', details: { key: 'k' } }, fr)).toBe('Refused');
  });

  it('reads a code like __proto__ as an own key', () => {
    const { model: odd } = normalizeCatalog({
      name: 'x',
      errors: { P: { status: 400, code: '__proto__', message: 'proto' } },
    });
    const t = buildMessageTable(odd, 'fr');
    expect(Object.keys(t.codes)).toEqual(['__proto__']);
    expect(format({ code: '__proto__', message: 'server' }, t)).toBe('proto');
    expect(format({ code: 'toString', message: 'server' }, t)).toBe('server');
  });
});

describe('format', () => {
  const fr = buildMessageTable(model, 'fr');

  it('falls back to the server message, or the fallback given, when a parameter is missing', () => {
    const err = { code: 'OUT_OF_STOCK', message: 'Only 3 left of X.', details: { left: 3 } };
    expect(format(err, fr)).toBe('Only 3 left of X.');
    expect(format(err, fr, 'Stock insuffisant')).toBe('Stock insuffisant');
    expect(format({ ...err, details: 'not an object' }, fr)).toBe('Only 3 left of X.');
    expect(format({ ...err, details: { left: { n: 3 }, sku: 'X' } }, fr)).toBe('Only 3 left of X.');
  });

  it('reads digits as the number a parameter is typed as, and cleans text as the server does', () => {
    expect(
      format({ code: 'OUT_OF_STOCK', message: '', details: { left: '1', sku: 'A\u202eB\u0000' } }, fr),
    ).toBe('Plus qu’un seul AB.');
  });

  it('gives the server message for whatever a mangled table holds', () => {
    const err = { code: 'X', status: 400, message: 'server', details: { n: 1 } };
    for (const codes of [
      null,
      'x',
      { X: 5 },
      { X: { message: 5 } },
      { X: { message: '{n}', messageLocale: '../x' } },
      { X: [null] },
    ])
      expect(format(err, { ...fr, codes } as never)).toBe('server');
  });

  it('gives the server message for a table whose message is not ICU (a hand-edited table)', () => {
    const broken = {
      ...fr,
      codes: { OUT_OF_STOCK: { id: 'OUT_OF_STOCK', message: '{left, plural, one {' } },
    };
    expect(tableProblems(broken)[0]).toMatch(/^OUT_OF_STOCK \(fr\): its message is not valid ICU/);
    expect(format({ code: 'OUT_OF_STOCK', message: 'server', details: { left: 1 } }, broken)).toBe('server');
  });
});
