// The matchers in Vitest, on each kind of response a test holds: fetch,
// supertest, light-my-request (Fastify inject) and a collected Node response,
// from a real server on 127.0.0.1.
import http from 'node:http';
import supertest from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { shop } from '../../test/check/_shop.js';
import { type ShopServer, startShop } from '../../test/check/_shop-server.js';
import { type ErrataMatchers, errataMatchers } from './index.js';

declare module 'vitest' {
  // biome-ignore lint/suspicious/noExplicitAny: vitest's own declaration reads `T = any`
  interface Matchers<T = any> extends ErrataMatchers<T> {}
}

expect.extend(errataMatchers);

let server: ShopServer;
beforeAll(async () => {
  server = await startShop();
});
afterAll(() => server.app.close());

/** A Node response with its body collected, as a test written with node:http holds it. */
function nodeGet(path: string): Promise<http.IncomingMessage & { body: string }> {
  return new Promise((resolve, reject) => {
    http
      .get(server.url + path, (res) => {
        let body = '';
        res.setEncoding('utf8');
        res.on('data', (c: string) => {
          body += c;
        });
        res.on('end', () => resolve(Object.assign(res, { body })));
      })
      .on('error', reject);
  });
}

describe('each kind of response', () => {
  it('a fetch Response: asynchronous, its body still readable afterwards', async () => {
    const res = await fetch(`${server.url}/orders/42`);
    await expect(res).toBeErrataError('ORDER_NOT_FOUND');
    await expect(res).toBeErrataError('ORDER_NOT_FOUND', { catalog: shop, message: 'No order 42 exists.' });
    await expect(res).toConformTo(shop);
    await expect(res).not.toBeErrataError('OUT_OF_STOCK');
    await expect(expect(res).toBeErrataError('OUT_OF_STOCK')).rejects.toThrow(
      'expected the response to be the OUT_OF_STOCK error, but its code is "ORDER_NOT_FOUND", not "OUT_OF_STOCK"',
    );
    expect(((await res.json()) as { code: string }).code).toBe('ORDER_NOT_FOUND');
  });

  it("supertest's response", async () => {
    const res = await supertest(server.url).post('/orders');
    expect(res).toBeErrataError('OUT_OF_STOCK', {
      catalog: shop,
      status: 409,
      details: expect.objectContaining({ available: 2 }),
    });
    expect(res).toConformTo(shop);
    expect(res).not.toBeErrataError('OUT_OF_STOCK', { details: { sku: 'MUG', available: 2 } });
  });

  it("light-my-request's (Fastify inject)", async () => {
    const res = await server.app.inject({ method: 'GET', url: '/orders/7' });
    expect(res).toBeErrataError('ORDER_NOT_FOUND', { catalog: shop });
    expect(res).toConformTo(shop, { routes: { 'GET /orders/:id': ['ORDER_NOT_FOUND'] } });
    // The request's method and URL are read from it: a route that does not declare the error fails.
    expect(res).not.toConformTo(shop, { routes: { 'GET /orders/:id': ['OUT_OF_STOCK'] } });
  });

  it('a Node IncomingMessage with its collected body', async () => {
    const res = await nodeGet('/orders/9');
    expect(res).toBeErrataError('ORDER_NOT_FOUND', { catalog: shop, status: 404 });
    expect(res).toConformTo(shop);
    const ok = await nodeGet('/ok');
    expect(ok).toConformTo(shop);
    expect(ok).not.toBeErrataError('ORDER_NOT_FOUND');
  });
});

describe('failures say what is wrong', () => {
  it('toConformTo lists each finding with its check', async () => {
    const res = await supertest(server.url).get('/broken');
    let message = '';
    try {
      expect(res).toConformTo(shop);
    } catch (e) {
      message = (e as Error).message;
    }
    expect(message).toContain('expected the response to conform to catalog "shop", but:');
    expect(message).toContain(
      '- status-matches (error): code "ORDER_NOT_FOUND" is sent with status 400; the catalog gives it 404',
    );
    expect(message).toContain(
      '- message-rendered (error): the message still holds the template placeholder {orderId}',
    );
    expect(message).toContain('- content-type (error)');
    expect(res).not.toConformTo(shop);
  });

  it('toBeErrataError names the code, the status and the checks that failed', async () => {
    const res = await supertest(server.url).get('/broken');
    expect(() => expect(res).toBeErrataError('OUT_OF_STOCK')).toThrow(
      'expected the response to be the OUT_OF_STOCK error, but its code is "ORDER_NOT_FOUND", not "OUT_OF_STOCK"',
    );
    expect(() => expect(res).toBeErrataError('ORDER_NOT_FOUND', { catalog: shop })).toThrow(
      /its status is 400, not 404; it fails the checks of catalog "shop":\n {2}- status-matches/,
    );
    const ok = await supertest(server.url).get('/ok');
    expect(() => expect(ok).toBeErrataError('ORDER_NOT_FOUND')).toThrow(
      'expected the response to be the ORDER_NOT_FOUND error, but the body is not an error errata reads: 200 {"ok":true}',
    );
  });

  it('refuses what is not a response, and a fetch Response already read', async () => {
    expect(() => expect(42).toConformTo(shop)).toThrow('expected a response, got number');
    expect(() => expect({ headers: {} }).toConformTo(shop)).toThrow(
      /an object with a status \(or statusCode\)/,
    );
    const res = await fetch(`${server.url}/orders/1`);
    await res.text();
    expect(() => expect(res).toConformTo(shop)).toThrow('the Response body was already read');
  });
});
