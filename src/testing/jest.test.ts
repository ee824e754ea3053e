// The matchers in Jest's `expect` (the `expect` package Jest itself uses),
// synchronous and asynchronous, against a real server on 127.0.0.1.
import { expect as jestExpect } from 'expect';
import supertest from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { shop } from '../../test/check/_shop.js';
import { type ShopServer, startShop } from '../../test/check/_shop-server.js';
import { type ErrataMatchers, errataMatchers } from './index.js';

declare module 'expect' {
  interface Matchers<R extends void | Promise<void>, T = unknown> extends ErrataMatchers<R> {}
}

jestExpect.extend(errataMatchers);

let server: ShopServer;
beforeAll(async () => {
  server = await startShop();
});
afterAll(() => server.app.close());

describe("Jest's expect", () => {
  it('passes and fails synchronously on a response whose body is read', async () => {
    const res = await supertest(server.url).get('/orders/5');
    jestExpect(res).toBeErrataError('ORDER_NOT_FOUND', { catalog: shop });
    jestExpect(res).toConformTo(shop);
    expect(() => jestExpect(res).not.toConformTo(shop)).toThrow(
      'expected the response not to conform to catalog "shop", but it does (404)',
    );
    const broken = await server.app.inject({ url: '/broken' });
    expect(() => jestExpect(broken).toConformTo(shop)).toThrow(/- status-matches \(error\)/);
  });

  it('is asynchronous on a fetch Response', async () => {
    const res = await fetch(`${server.url}/orders/5`);
    const pending = jestExpect(res).toBeErrataError('ORDER_NOT_FOUND', { catalog: shop });
    expect(pending).toBeInstanceOf(Promise);
    await pending;
    await expect(jestExpect(res).toBeErrataError('RATE_LIMITED')).rejects.toThrow(
      'its code is "ORDER_NOT_FOUND", not "RATE_LIMITED"',
    );
  });
});
