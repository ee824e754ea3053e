import { describe, expect, it } from 'vitest';
import { served, shop } from '../../test/check/_shop.js';
import { CheckConfigError } from './errors.js';
import { checkResponse } from './index.js';

// A server that negotiates its dialect answers some requests in another one than the catalog's.
describe('negotiated: the other dialects a server may answer in', () => {
  const stripe = served(shop.error('ORDER_NOT_FOUND', { orderId: '42' }), 'stripe');

  it('reports a response in another dialect when the server is not said to negotiate', () => {
    const checks = checkResponse(shop, stripe).map((f) => f.check);
    expect(checks).toContain('body-parses');
    expect(checks).toContain('content-type');
  });

  it("checks a response in a negotiated dialect as that dialect's, with nothing to report", () => {
    expect(checkResponse(shop, stripe, { negotiated: ['stripe'] })).toEqual([]);
    expect(checkResponse(shop, stripe, { negotiated: true })).toEqual([]);
  });

  it('still reports what is wrong in the negotiated dialect', () => {
    const wrongStatus = { ...stripe, status: 400 };
    expect(checkResponse(shop, wrongStatus, { negotiated: true }).map((f) => f.check)).toEqual([
      'status-matches',
    ]);
  });

  it('refuses a dialect name it does not know', () => {
    expect(() => checkResponse(shop, stripe, { negotiated: ['strip'] })).toThrow(CheckConfigError);
    expect(() => checkResponse(shop, stripe, { negotiated: ['strip'] })).toThrow(
      'unknown dialect "strip" in negotiated',
    );
  });
});
