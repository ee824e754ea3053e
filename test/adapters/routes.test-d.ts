// Route declarations are typed by the catalog's ids wherever its type is known.
import Fastify from 'fastify';
import { Hono } from 'hono';
import { describe, expectTypeOf, test } from 'vitest';
import { errata as expressErrata } from '../../src/adapters/express.js';
import { errata as fastifyErrata } from '../../src/adapters/fastify.js';
import { errata as fetchErrata, withErrata } from '../../src/adapters/fetch.js';
import { errata as honoErrata } from '../../src/adapters/hono.js';
import { createCatalog } from '../../src/catalog/define.js';
import type { CatalogModel } from '../../src/catalog/model.js';
import { createResponder, type EntryId } from '../../src/server/respond.js';
import { api } from './_app.js';

const handler = () => new Response('ok');

describe('route declarations typed by the catalog', () => {
  test('the ids of a defineCatalog catalog', () => {
    expectTypeOf<EntryId<typeof api>>().toEqualTypeOf<
      | 'INTERNAL'
      | 'INVALID_JSON'
      | 'VALIDATION_FAILED'
      | 'NOT_FOUND'
      | 'UNAUTHORIZED'
      | 'RATE_LIMITED'
      | 'THING_NOT_FOUND'
      | 'USAGE_LIMIT'
      | 'BILLING_UNAVAILABLE'
    >();
  });

  test('the responder: routes and failure entries', () => {
    createResponder({ catalog: api, routes: { 'GET /things/:name': ['THING_NOT_FOUND'] } });
    // @ts-expect-error a typo of THING_NOT_FOUND
    createResponder({ catalog: api, routes: { 'GET /things/:name': ['THING_NOT_FOUN'] } });
    createResponder({ catalog: api, notFound: 'NOT_FOUND', internal: 'INTERNAL' });
    // @ts-expect-error a typo of NOT_FOUND
    createResponder({ catalog: api, notFound: 'NOT_FOUN' });
    const r = createResponder({ catalog: api });
    r.declare('GET', '/x', ['USAGE_LIMIT']);
    // @ts-expect-error a typo of USAGE_LIMIT
    r.declare('GET', '/x', ['USAGE_LIMT']);
  });

  test("every adapter's declare", () => {
    const express = expressErrata({ catalog: api, routes: { 'GET /a': ['RATE_LIMITED'] } });
    express.declare('GET', '/a', ['RATE_LIMITED']);
    // @ts-expect-error a typo of RATE_LIMITED
    express.declare('GET', '/a', ['RATE_LIMTED']);
    // @ts-expect-error a typo in the routes option
    expressErrata({ catalog: api, routes: { 'GET /a': ['RATE_LIMTED'] } });

    const fastify = fastifyErrata({ catalog: api });
    Fastify().register(fastify);
    fastify.declare('GET', '/a', ['UNAUTHORIZED']);
    // @ts-expect-error a typo of UNAUTHORIZED
    fastify.declare('GET', '/a', ['UNAUTHORISED']);

    const hono = honoErrata(new Hono(), { catalog: api });
    hono.declare('GET', '/a', ['THING_NOT_FOUND']);
    // @ts-expect-error a typo of THING_NOT_FOUND
    hono.declare('GET', '/a', ['THING_NOT_FOUN']);
  });

  test('fetch routes', () => {
    const errors = fetchErrata({ catalog: api });
    errors.handle(handler, { method: 'GET', path: '/a', errors: ['THING_NOT_FOUND'] });
    // @ts-expect-error a typo of THING_NOT_FOUND
    errors.handle(handler, { method: 'GET', path: '/a', errors: ['THING_NOT_FOUN'] });
    withErrata(handler, { catalog: api, route: { method: 'GET', path: '/a', errors: ['USAGE_LIMIT'] } });
    // @ts-expect-error a typo of USAGE_LIMIT
    withErrata(handler, { catalog: api, route: { method: 'GET', path: '/a', errors: ['USAGE_LIMT'] } });
  });

  test('plain strings where the catalog type is unknown (a JSON catalog loaded at run time)', () => {
    const loaded = createCatalog({} as CatalogModel);
    expectTypeOf<EntryId<typeof loaded>>().toEqualTypeOf<string>();
    createResponder({ catalog: loaded, routes: { 'GET /a': ['ANYTHING'] }, notFound: 'WHATEVER' });
    expressErrata({ catalog: loaded }).declare('GET', '/a', ['ANY_ID']);
    fetchErrata({ catalog: loaded }).handle(handler, { method: 'GET', path: '/a', errors: ['ANY_ID'] });
  });
});
