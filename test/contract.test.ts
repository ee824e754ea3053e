/**
 * Every error an errata server can send is in its catalog's contract: a
 * catalog without a 405, 413 or 415 entry (etc.) gets the server's entries for
 * them in its own casing and with its own `type` URIs, in the reference pages,
 * the OpenAPI document, the export and the client types; and a real response
 * validates against the OpenAPI document generated for the catalog.
 */
import { createRequire } from 'node:module';
import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';
import type Validator from 'openapi-response-validator';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { errata, failures, readJson } from '../src/adapters/fetch.js';
import { applyCasing, type Casing, detectCasing } from '../src/catalog/casing.js';
import { effectiveModel, serverContract } from '../src/catalog/contract.js';
import { defineCatalog } from '../src/catalog/define.js';
import { exportContract } from '../src/catalog/export.js';
import type { CatalogModel } from '../src/catalog/model.js';
import { GENERIC_STATUSES, SERVER_ENTRIES, serverEntryOfStatus } from '../src/catalog/server-failures.js';
import { generateHtml } from '../src/docs/html.js';
import { generateMarkdown } from '../src/docs/markdown.js';
import { generateOpenApi } from '../src/docs/openapi.js';
import { shop } from './fixtures/contract-shop.js';

const OpenAPIResponseValidator = (
  createRequire(import.meta.url)('openapi-response-validator') as { default: typeof Validator.default }
).default;

const codes = (model: CatalogModel) => Object.values(model.errors).map((e) => e.code);

describe('the effective contract of a catalog', () => {
  it('adds the server failures a catalog does not cover, in its casing, after its own entries', () => {
    const contract = serverContract(shop.model);
    expect([...contract.added.keys()].slice(0, 4)).toEqual([
      'malformed_body',
      'method_not_allowed',
      'payload_too_large',
      'unsupported_media_type',
    ]);
    const model = contract.model;
    expect(model.errors.METHOD_NOT_ALLOWED).toMatchObject({ code: 'METHOD_NOT_ALLOWED', status: 405 });
    expect(model.errors.PAYLOAD_TOO_LARGE).toMatchObject({ code: 'PAYLOAD_TOO_LARGE', status: 413 });
    expect(model.errors.UNSUPPORTED_MEDIA_TYPE).toMatchObject({
      code: 'UNSUPPORTED_MEDIA_TYPE',
      status: 415,
    });
    expect(model.errors.MALFORMED_BODY).toMatchObject({ code: 'MALFORMED_BODY', status: 400 });
    // The catalog's own entries keep answering what they cover.
    expect(contract.answers.get('not_found')).toBe('ROUTE_NOT_FOUND');
    expect(contract.answers.get('validation_failed')).toBe('VALIDATION_FAILED');
    expect(contract.answers.get('internal_error')).toBe('INTERNAL_ERROR');
    expect(contract.answers.get('unauthorized')).toBe('UNAUTHORIZED');
    expect(codes(model)).not.toContain('NOT_FOUND');
    expect(codes(model)).not.toContain('VALIDATION_FAILED_2');
    expect(codes(model).filter((c) => c === c.toUpperCase())).toEqual(codes(model));
    expect(model.categories).toEqual(['General', 'Server failures']);
    expect(Object.keys(model.errors).slice(0, 5)).toEqual(Object.keys(shop.model.errors));
  });

  it('is whole: applying it again adds nothing', () => {
    const once = effectiveModel(shop.model);
    expect(effectiveModel(once)).toEqual(once);
    expect(serverContract(once).added.size).toBe(0);
  });

  it('covers every failure kind and every status a framework error may carry', () => {
    const model = effectiveModel(shop.model);
    const answered = serverContract(model).answers;
    for (const id of Object.keys(SERVER_ENTRIES))
      expect(model.errors[answered.get(id) as string]).toBeTypeOf('object');
    for (const status of GENERIC_STATUSES)
      expect(model.errors[answered.get(serverEntryOfStatus(status)) as string]?.status).toBe(status);
  });

  it('maps a framework error to the only entry of its status that answers no failure kind', () => {
    const c = serverContract(
      defineCatalog({
        errors: {
          PLAN_LIMIT: { status: 402 },
          GONE_FOR_GOOD: { status: 410 },
          CARD_DECLINED: { status: 402 },
          INVALID_JSON: { status: 400 },
        },
      }).model,
    );
    expect(c.answers.get('gone')).toBe('GONE_FOR_GOOD');
    // Two 402 entries: neither is the server's "payment required".
    expect(c.answers.get('payment_required')).toBe('PAYMENT_REQUIRED');
    // INVALID_JSON answers a malformed body: a framework's 400 is not it.
    expect(c.answers.get('malformed_body')).toBe('INVALID_JSON');
    expect(c.answers.get('bad_request')).toBe('BAD_REQUEST');
  });

  it('adds the codes its types add (contract.test-d.ts checks the same catalogs on types)', () => {
    const codesAdded = (errors: Record<string, { status: number; deprecated?: boolean }>) => {
      const c = serverContract(defineCatalog({ errors }).model);
      return [...c.added.values()].map((id) => c.model.errors[id]?.code);
    };
    const all = codesAdded({
      internal: { status: 500 },
      invalid_json: { status: 400 },
      validation_error: { status: 422 },
      route_not_found: { status: 404 },
      wrong_method: { status: 405 },
      too_big: { status: 413 },
      wrong_type: { status: 415 },
    });
    expect(all).toEqual(GENERIC_STATUSES.map(serverEntryOfStatus));
    const some = codesAdded({
      PLAN_LIMIT: { status: 402 },
      GONE_FOR_GOOD: { status: 410 },
      CARD_DECLINED: { status: 402 },
      INVALID_JSON: { status: 400 },
      RATE_LIMITED: { status: 429 },
      OLD: { status: 423, deprecated: true },
    });
    expect(some).toEqual(expect.arrayContaining(['PAYMENT_REQUIRED', 'BAD_REQUEST', 'LOCKED']));
    expect(some.filter((c) => c === 'GONE' || c === 'TOO_MANY_REQUESTS' || c === 'MALFORMED_BODY')).toEqual(
      [],
    );
  });

  it('takes the casing of the catalog’s ids and codes apart (Clerk: PascalCase ids, snake_case codes)', () => {
    const model = effectiveModel(
      defineCatalog({
        errors: {
          ResourceNotFound: { status: 404, code: 'resource_not_found' },
          AuthenticationInvalid: { status: 401, code: 'authentication_invalid' },
        },
      }).model,
    );
    expect(model.errors.MethodNotAllowed?.code).toBe('method_not_allowed');
    expect(model.errors.UnsupportedMediaType?.code).toBe('unsupported_media_type');
  });

  it('gives an added entry whose id the catalog uses another id, its code unchanged', () => {
    const model = effectiveModel(
      defineCatalog({
        errors: { CONFLICT: { status: 400, message: 'Not this.' }, A: { status: 409 }, B: { status: 409 } },
      }).model,
    );
    expect(model.errors.ERRATA_CONFLICT).toMatchObject({ code: 'CONFLICT', status: 409 });
    expect(model.errors.CONFLICT?.status).toBe(400);
  });

  it('detects each casing from the catalog’s codes', () => {
    const cases: [string[], Casing, string][] = [
      [['ORDER_NOT_FOUND', 'OUT_OF_STOCK'], 'SCREAMING_SNAKE', 'METHOD_NOT_ALLOWED'],
      [['ORDER-NOT-FOUND', 'GONE'], 'SCREAMING-KEBAB', 'METHOD-NOT-ALLOWED'],
      [['order_not_found', 'gone'], 'snake_case', 'method_not_allowed'],
      [['order-not-found', 'gone'], 'kebab-case', 'method-not-allowed'],
      [['orders.not_found', 'auth.expired'], 'dot.case', 'method.not.allowed'],
      [['orderNotFound', 'gone'], 'camelCase', 'methodNotAllowed'],
      [['OrderNotFound', 'Gone'], 'PascalCase', 'MethodNotAllowed'],
      [['E1001', 'E1002'], 'SCREAMING_SNAKE', 'METHOD_NOT_ALLOWED'],
      [['OrderNotFound', 'gone_away'], 'snake_case', 'method_not_allowed'],
      [[], 'snake_case', 'method_not_allowed'],
      [['', ''], 'snake_case', 'method_not_allowed'],
    ];
    for (const [names, casing, cased] of cases) {
      expect(detectCasing(names), names.join(' ')).toBe(casing);
      expect(applyCasing(['method', 'not', 'allowed'], casing)).toBe(cased);
    }
  });
});

describe('every view shows the effective contract', () => {
  it('the reference pages list and anchor the added entries', () => {
    const md = generateMarkdown(shop.model);
    // One table, a row each anchored by its id: the fragment of its type URI.
    expect(md).toContain('## Errors the server adds');
    expect(md).toContain('| <a id="METHOD_NOT_ALLOWED"></a>`METHOD_NOT_ALLOWED` | 405 |');
    expect(md).toContain('<a id="PAYLOAD_TOO_LARGE"></a>');
    const html = generateHtml(shop.model);
    expect(html).toContain('id="UNSUPPORTED_MEDIA_TYPE"');
  });

  it('the OpenAPI code enum and responses include them', () => {
    const doc = generateOpenApi(shop.model) as {
      components: {
        schemas: { ErrataError: { properties: { code: { enum: string[] } } } };
        responses: object;
      };
    };
    const codeEnum = doc.components.schemas.ErrataError.properties.code.enum;
    expect(codeEnum).toContain('METHOD_NOT_ALLOWED');
    expect(codeEnum).toContain('TOO_MANY_REQUESTS');
    expect(codeEnum).not.toContain('method_not_allowed');
    expect(Object.keys(doc.components.responses)).toEqual(
      expect.arrayContaining(['ErrataError405', 'ErrataError413', 'ErrataError415']),
    );
  });

  it('the export is the effective catalog', () => {
    const exported = JSON.parse(exportContract(shop.model)) as CatalogModel;
    expect(exported.errors.METHOD_NOT_ALLOWED?.code).toBe('METHOD_NOT_ALLOWED');
    expect(exported).toEqual(JSON.parse(JSON.stringify(effectiveModel(shop.model))));
  });
});

describe('a real server for a catalog without 405, 413 and 415 entries', () => {
  let base: string;
  let server: ReturnType<typeof serve>;
  const errors = errata({ catalog: shop });
  beforeAll(async () => {
    const handle = errors.handle(async (request: Request) => {
      const { pathname } = new URL(request.url);
      if (pathname === '/orders') {
        if (request.method !== 'POST') throw failures.methodNotAllowed(request.method, ['POST']);
        await readJson(request, { limit: 64 });
        return Response.json({}, { status: 201 });
      }
      if (pathname === '/pay')
        throw Object.assign(new Error('pay'), { status: 402, statusCode: 402, expose: true });
      return undefined;
    });
    server = await new Promise<ReturnType<typeof serve>>((resolve) => {
      const s = serve({ fetch: handle, port: 0, hostname: '127.0.0.1' }, () => resolve(s));
    });
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => new Promise<void>((r) => server.close(() => r())));

  const openapi = generateOpenApi(shop.model) as {
    components: { responses: Record<string, object>; schemas: object };
  };
  const validate = (status: number, body: unknown) =>
    new OpenAPIResponseValidator({
      responses: { [status]: openapi.components.responses[`ErrataError${status}`] } as never,
      components: openapi.components as never,
    }).validateResponse(status, body);

  const requests: [string, RequestInit, number, string][] = [
    ['/orders', { method: 'GET' }, 405, 'METHOD_NOT_ALLOWED'],
    [
      '/orders',
      { method: 'POST', headers: { 'content-type': 'application/json' }, body: 'x'.repeat(100) },
      413,
      'PAYLOAD_TOO_LARGE',
    ],
    [
      '/orders',
      { method: 'POST', headers: { 'content-type': 'text/plain' }, body: '{}' },
      415,
      'UNSUPPORTED_MEDIA_TYPE',
    ],
    [
      '/orders',
      { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{' },
      400,
      'MALFORMED_BODY',
    ],
    ['/pay', {}, 402, 'PAYMENT_REQUIRED'],
    ['/nowhere', {}, 404, 'ROUTE_NOT_FOUND'],
  ];
  for (const [path, init, status, code] of requests)
    it(`answers ${status} with ${code}, its type URI, valid against the generated OpenAPI`, async () => {
      const res = await fetch(base + path, init);
      const body = (await res.json()) as { code: string; type?: string };
      expect(res.status).toBe(status);
      expect(body.code).toBe(code);
      expect(body.type).toBe(`https://shop.example.com/errors#${code}`);
      expect(validate(status, body)).toBeUndefined();
    });
});
