import { describe, expect, it } from 'vitest';
import { routeIndex } from './routes.js';

describe('routeIndex', () => {
  const index = routeIndex([
    { method: 'get', path: '/orders/:id', errors: ['A'] },
    { method: 'GET', path: '/orders/latest', errors: ['B'] },
    { method: 'GET', path: '/files/*', errors: ['C'] },
    { method: 'DELETE', path: '/orders/{id}', errors: ['D'] },
  ]);
  const key = (m: string | undefined, route: string | undefined, url: string | undefined) =>
    index.match(m, route, url)?.key;

  it('matches a URL to the most specific declared route of its method', () => {
    expect(key('GET', undefined, '/orders/42?x=1')).toBe('GET /orders/:id');
    expect(key('get', undefined, 'https://api.example.com/orders/latest')).toBe('GET /orders/latest');
    expect(key('GET', undefined, '/files/a/b/c.txt')).toBe('GET /files/*');
    expect(key('DELETE', undefined, '/orders/42')).toBe('DELETE /orders/{id}');
  });

  it('matches nothing for another method, a longer path, no URL or no method', () => {
    expect(key('POST', undefined, '/orders/42')).toBeUndefined();
    expect(key('GET', undefined, '/orders/42/items')).toBeUndefined();
    expect(key('GET', undefined, undefined)).toBeUndefined();
    expect(key(undefined, undefined, '/orders/42')).toBeUndefined();
    expect(key('GET', undefined, 'http://[bad')).toBeUndefined();
  });

  it('takes a route template as the input names it', () => {
    expect(key('GET', '/orders/:id', '/whatever')).toBe('GET /orders/:id');
    expect(index.match('GET', '/orders/:id', undefined)?.errors).toEqual(new Set(['A']));
  });

  it("reads the server's routes option form, and refuses a key that is not METHOD /path", () => {
    const r = routeIndex({ 'GET /a/:x': ['A'], 'GET /a/:x ': ['B'] });
    expect(r.match('GET', undefined, '/a/1')?.errors).toEqual(new Set(['A', 'B']));
    expect(() => routeIndex({ '/a': ['A'] })).toThrow('errata: route key "/a" must read "METHOD /path"');
  });
});
