// A test API seeded with each kind of violation: every one is caught by its
// named check, and the clean response the server sends yields no finding.
import { describe, expect, it } from 'vitest';
import { served, shop } from '../../test/check/_shop.js';
import { defineCatalog } from '../catalog/define.js';
import type { CatalogModel } from '../catalog/model.js';
import { type Dialect, dialects } from '../dialects/index.js';
import type { ErrataError } from '../error.js';
import { failures } from '../server/builtin.js';
import { createResponder } from '../server/respond.js';
import { checkResponse } from './check-response.js';
import { builtinChecks } from './checks/index.js';
import type { Finding, Observation } from './types.js';

const ERRORS = (): ErrataError[] => [
  shop.error('ORDER_NOT_FOUND', { orderId: '42' }),
  shop.error('OUT_OF_STOCK', { available: 2, sku: 'CUP' }, { details: { sku: 'CUP', available: 2 } }),
  shop.error('UNAUTHENTICATED'),
  shop.error('RATE_LIMITED'),
  shop.error('DB_DOWN', { host: 'db.internal' }),
  shop.error('INTERNAL'),
];

const names = (findings: readonly Finding[]) => findings.map((f) => f.check);

/** The observation with its body's JSON changed. */
const withJson = (o: Observation, change: (body: Record<string, unknown>) => void): Observation => {
  const body = JSON.parse(o.body as string) as Record<string, unknown>;
  change(body);
  return { ...o, body: JSON.stringify(body) };
};
const withHeaders = (o: Observation, change: (h: Record<string, string>) => void): Observation => {
  const headers = { ...(o.headers as Record<string, string>) };
  change(headers);
  return { ...o, headers };
};

describe('a clean response', () => {
  it('yields no finding for any entry, in every built-in dialect', () => {
    for (const dialect of Object.keys(dialects))
      for (const error of ERRORS()) {
        const found = checkResponse(shop, served(error, dialect), { dialect });
        expect(found, `${dialect} ${error.id}`).toEqual([]);
      }
  });

  it("yields no finding for the server's own failures (a 405 with Allow, a 413), the catalog's contract", () => {
    const o = served(failures.methodNotAllowed('DELETE', ['GET']));
    expect(o.headers).toMatchObject({ allow: 'GET' });
    expect(JSON.parse(o.body as string)).toMatchObject({ code: 'METHOD_NOT_ALLOWED' });
    const routes = { 'GET /orders/:id': ['ORDER_NOT_FOUND'] };
    expect(checkResponse(shop, { ...o, method: 'DELETE' }, { routes })).toEqual([]);
    expect(checkResponse(shop, served(failures.payloadTooLarge()), { routes })).toEqual([]);
    expect(names(checkResponse(shop, { ...o, method: 'DELETE' }, { serverFailures: false }))).toEqual([
      'code-known',
    ]);
  });

  it('checks nothing below 400', () => {
    expect(checkResponse(shop, { status: 200, headers: {}, body: 'not json' })).toEqual([]);
  });
});

describe('each violation is caught by its named check', () => {
  const notFound = () => served(shop.error('ORDER_NOT_FOUND', { orderId: '42' }));
  const cases: [check: string, observation: () => Observation][] = [
    ['body-parses', () => ({ ...notFound(), body: '<html>502 Bad Gateway</html>' })],
    ['body-parses', () => ({ ...notFound(), body: '{"hello":"world"}' })],
    [
      'body-parses',
      () => ({
        ...notFound(),
        body: JSON.stringify({ code: 'ORDER_NOT_FOUND', message: 'No order 42 exists.', details: null }),
      }),
    ],
    ['code-known', () => withJson(notFound(), (b) => delete b.code)],
    ['status-matches', () => ({ ...withJson(notFound(), (b) => (b.status = 400)), status: 400 })],
    ['status-matches', () => withJson(notFound(), (b) => (b.status = 410))],
    [
      'details-schema',
      () =>
        withJson(
          served(
            shop.error(
              'OUT_OF_STOCK',
              { available: 2, sku: 'CUP' },
              { details: { sku: 'CUP', available: 2 } },
            ),
          ),
          (b) => (b.details = { sku: 'CUP', available: 'two' }),
        ),
    ],
    ['message-rendered', () => withJson(notFound(), (b) => (b.detail = 'No order {orderId} exists.'))],
    [
      'masked-leak',
      () => withJson(served(shop.error('DB_DOWN', { host: 'x' })), (b) => (b.detail = 'Database x is down.')),
    ],
    [
      'masked-leak',
      () => withJson(served(shop.error('INTERNAL')), (b) => (b.details = { query: 'SELECT 1' })),
    ],
    ['content-type', () => withHeaders(notFound(), (h) => (h['content-type'] = 'application/json'))],
    [
      'retry-after',
      // The problem body's retry member states the delay too: both must be gone.
      () =>
        withJson(
          withHeaders(served(shop.error('RATE_LIMITED')), (h) => delete h['retry-after']),
          (b) => delete b.retry,
        ),
    ],
    [
      'retry-after',
      () => withHeaders(served(shop.error('RATE_LIMITED')), (h) => (h['retry-after'] = 'soon')),
    ],
    ['should-retry', () => withHeaders(notFound(), (h) => (h['x-should-retry'] = 'true'))],
    ['should-retry', () => withHeaders(notFound(), (h) => (h['retry-after'] = '5'))],
    [
      'www-authenticate',
      () => withHeaders(served(shop.error('UNAUTHENTICATED')), (h) => delete h['www-authenticate']),
    ],
    [
      'allow',
      () => ({
        ...withJson(notFound(), (b) => (b.status = 405)),
        status: 405,
        body: JSON.stringify({ ...JSON.parse(notFound().body as string), status: 405, code: 'NOT_ALLOWED' }),
      }),
    ],
    [
      'request-id',
      () =>
        withJson(
          withHeaders(notFound(), (h) => delete h['x-request-id']),
          (b) => delete b.requestId,
        ),
    ],
    [
      'type-uri',
      () => withJson(notFound(), (b) => (b.type = 'https://shop.example.com/errors#OUT_OF_STOCK')),
    ],
  ];
  for (const [check, observation] of cases)
    it(`${check}: ${JSON.stringify(observation().body).slice(0, 60)}`, () => {
      const found = checkResponse(shop, observation());
      expect(names(found).filter((n) => n !== 'code-known' || check === 'code-known')).toContain(check);
      // Only that check fires (a 405 of an unknown code also fails code-known).
      expect(new Set(names(found))).toEqual(new Set(check === 'allow' ? ['allow', 'code-known'] : [check]));
    });

  it('route-declared: a route answering an error it does not declare', () => {
    const o = served(
      shop.error('OUT_OF_STOCK', { available: 2, sku: 'CUP' }, { details: { sku: 'CUP', available: 2 } }),
    );
    const routes = { 'GET /orders/:id': ['ORDER_NOT_FOUND'] };
    const found = checkResponse(shop, o, { routes });
    expect(found).toEqual([
      expect.objectContaining({
        check: 'route-declared',
        severity: 'error',
        id: 'OUT_OF_STOCK',
        route: 'GET /orders/:id',
        message: 'GET /orders/:id does not declare OUT_OF_STOCK (it declares ORDER_NOT_FOUND)',
      }),
    ]);
    expect(checkResponse(shop, notFound(), { routes })).toEqual([]);
    expect(
      checkResponse(shop, o, {
        routes,
        config: { checks: { 'route-declared': ['error', { implicit: ['OUT_OF_STOCK'] }] } },
      }),
    ).toEqual([]);
  });

  it('code-known: a code the catalog does not have, with where it was seen', () => {
    const o = withJson(notFound(), (b) => (b.code = 'ORDER_GONE'));
    expect(checkResponse(shop, { ...o, source: { file: 'traffic.har', line: 3 } })).toEqual([
      {
        check: 'code-known',
        severity: 'error',
        message: 'code "ORDER_GONE" is not in catalog "shop"',
        code: 'ORDER_GONE',
        status: 404,
        method: 'GET',
        url: '/orders/42',
        source: { file: 'traffic.har', line: 3 },
      },
    ]);
  });

  it('masked-leak: secret-shaped text in a masked body or header, never repeated in the finding', () => {
    const secrets = [
      'postgres://admin:hunter2@db.internal:5432/prod',
      'Bearer abcdefghijklmnopqrstuvwxyz012345',
      'eyJhbGciOiJIUzI1NiJ9.c2VjcmV0.c2lnbmF0dXJl',
      'at handler (/srv/app/orders.js:42:13)',
      '/srv/app/orders.ts:42',
      'sk_live_51H8secretSECRETsecret',
    ];
    for (const secret of secrets) {
      const o = withJson(served(shop.error('INTERNAL')), (b) => (b.instance = secret));
      const found = checkResponse(shop, o);
      expect(names(found), secret).toEqual(['masked-leak']);
      expect(JSON.stringify(found)).not.toContain(secret);
      const h = withHeaders(served(shop.error('INTERNAL')), (hs) => (hs['x-debug'] = secret));
      expect(names(checkResponse(shop, h)), secret).toEqual(['masked-leak']);
    }
  });

  it('masked-leak: a masked message may be the title in a language the catalog translates it into', () => {
    const api = defineCatalog({
      name: 'vault',
      errors: {
        LOCKED: {
          status: 423,
          title: 'Vault locked',
          message: 'Vault {name} is locked by {owner}.',
          expose: false,
          translations: { fr: { title: 'Coffre verrouillé' } },
        },
      },
    });
    const observed = (message: string): Observation => {
      const wire = createResponder({ catalog: api, dialect: 'simple' }).respond(
        api.error('LOCKED', { name: 'v1', owner: 'ops' }),
        { method: 'GET', path: '/v' },
      );
      const body = JSON.parse(wire.body as string) as { message: string };
      body.message = message;
      return {
        status: wire.status,
        headers: wire.headers,
        body: JSON.stringify(body),
        method: 'GET',
        url: '/v',
      };
    };
    expect(names(checkResponse(api, observed('Vault locked'), { dialect: 'simple' }))).toEqual([]);
    expect(names(checkResponse(api, observed('Coffre verrouillé'), { dialect: 'simple' }))).toEqual([]);
    // errata/i18n's generic sentence in the caller's language (no title to show).
    expect(
      names(checkResponse(api, observed('La requête n’a pas pu aboutir.'), { dialect: 'simple' })),
    ).toEqual([]);
    expect(
      names(checkResponse(api, observed('Coffre v1 verrouillé par ops'), { dialect: 'simple' })),
    ).toEqual(['masked-leak']);
  });

  it('details-schema: says which member is wrong', () => {
    const o = withJson(
      served(
        shop.error('OUT_OF_STOCK', { available: 2, sku: 'CUP' }, { details: { sku: 'CUP', available: 2 } }),
      ),
      (b) => (b.details = { sku: 1 }),
    );
    expect(checkResponse(shop, o).map((f) => f.message)).toEqual([
      "the details do not match OUT_OF_STOCK's schema: /: must have required property 'available'; /sku: must be string",
    ]);
  });

  it('details-schema with required: an entry with a schema sent without details', () => {
    const o = withJson(
      served(shop.error('OUT_OF_STOCK', { available: 2, sku: 'CUP' })),
      (b) => delete b.details,
    );
    expect(checkResponse(shop, o)).toEqual([]);
    const config = { checks: { 'details-schema': ['error', { required: true }] as const } };
    expect(checkResponse(shop, o, { config }).map((f) => f.message)).toEqual([
      'the response has no details; OUT_OF_STOCK defines them',
    ]);
  });
});

describe('configuration', () => {
  const bad = withJson(served(shop.error('ORDER_NOT_FOUND', { orderId: '1' })), (b) => (b.code = 'NOPE'));
  it('turns a check off or down to a warning', () => {
    expect(checkResponse(shop, bad, { config: { checks: { 'code-known': 'off' } } })).toEqual([]);
    expect(checkResponse(shop, bad, { config: { checks: { 'code-known': 'warn' } } })[0]?.severity).toBe(
      'warn',
    );
  });

  it('refuses an unknown check, severity or option, saying which', () => {
    expect(() => checkResponse(shop, bad, { config: { checks: { 'code-knwon': 'off' } } })).toThrow(
      /unknown check "code-knwon" \(known: body-parses, code-known/,
    );
    expect(() =>
      checkResponse(shop, bad, { config: { checks: { 'code-known': 'fatal' as 'off' } } }),
    ).toThrow('check "code-known": severity must be "off", "warn" or "error", got "fatal"');
    expect(() =>
      checkResponse(shop, bad, { config: { checks: { 'request-id': ['warn', { heder: 'x' }] } } }),
    ).toThrow('check "request-id": unknown option "heder" (options: header)');
    expect(() =>
      checkResponse(shop, bad, { config: { checks: { 'request-id': ['warn', { header: 1 }] } } }),
    ).toThrow(
      'check "request-id": option "header" must be of the type of its default, "x-request-id" (got 1)',
    );
  });

  it('names every built-in check once, each with a description', () => {
    expect(builtinChecks.map((c) => c.name)).toEqual([
      'body-parses',
      'code-known',
      'status-matches',
      'details-schema',
      'message-rendered',
      'masked-leak',
      'content-type',
      'retry-after',
      'should-retry',
      'www-authenticate',
      'allow',
      'request-id',
      'type-uri',
      'route-declared',
    ]);
    for (const c of builtinChecks) expect(c.description.length, c.name).toBeGreaterThan(20);
  });
});

describe('dialects', () => {
  const inDialect = (error: ErrataError, dialect: string) => served(error, dialect);
  const notFound = () => shop.error('ORDER_NOT_FOUND', { orderId: '42' });

  it('takes the dialect a content type names (a negotiated JSON:API answer to a problem catalog)', () => {
    const o = inDialect(notFound(), 'jsonapi');
    expect(o.headers).toMatchObject({ 'content-type': 'application/vnd.api+json' });
    expect(checkResponse(shop, o)).toEqual([]);
    const mislabelled = withHeaders(o, (h) => (h['content-type'] = 'application/json'));
    expect(checkResponse(shop, mislabelled).map((f) => f.message)).toEqual([
      'the body is a jsonapi error, not problem (the dialect the response should be in)',
      'the Content-Type is "application/json"; problem errors are application/problem+json',
    ]);
  });

  it("reads each dialect's own retry signals: OpenAI's and Stripe's should-retry headers, retry-after-ms, AIP-193 RetryInfo", () => {
    const openaiNotFound = withHeaders(
      inDialect(notFound(), 'openai'),
      (h) => (h['x-should-retry'] = 'true'),
    );
    expect(checkResponse(shop, openaiNotFound, { dialect: 'openai' }).map((f) => f.message)).toEqual([
      'x-should-retry: true, but ORDER_NOT_FOUND is not retryable',
    ]);
    const stripeLimited = withHeaders(inDialect(shop.error('RATE_LIMITED'), 'stripe'), (h) => {
      h['stripe-should-retry'] = 'maybe';
    });
    expect(checkResponse(shop, stripeLimited, { dialect: 'stripe' }).map((f) => f.message)).toEqual([
      'stripe-should-retry is "maybe", not true or false',
    ]);
    const openaiMs = withHeaders(
      inDialect(shop.error('RATE_LIMITED'), 'openai'),
      (h) => delete h['retry-after'],
    );
    expect(checkResponse(shop, openaiMs, { dialect: 'openai' })).toEqual([]);
    const google = withHeaders(
      inDialect(shop.error('RATE_LIMITED'), 'google'),
      (h) => delete h['retry-after'],
    );
    expect(checkResponse(shop, google, { dialect: 'google' })).toEqual([]);
    const withoutRetryInfo = withJson(google, (b) => {
      const error = b.error as { details: { '@type': string }[] };
      error.details = error.details.filter((d) => !d['@type'].endsWith('RetryInfo'));
    });
    expect(names(checkResponse(shop, withoutRetryInfo, { dialect: 'google' }))).toEqual(['retry-after']);
    const notFoundSaysRetry = withJson(inDialect(notFound(), 'google'), (b) => {
      (b.error as { details: unknown[] }).details.push({
        '@type': 'type.googleapis.com/google.rpc.RetryInfo',
        retryDelay: '5s',
      });
    });
    expect(checkResponse(shop, notFoundSaysRetry, { dialect: 'google' }).map((f) => f.message)).toEqual([
      'the body says retry, but ORDER_NOT_FOUND is not retryable',
    ]);
  });

  it("checks JSON:API's links.type as the reference URL, and AIP-193 metadata as JSON text", () => {
    const o = withJson(inDialect(notFound(), 'jsonapi'), (b) => {
      for (const e of b.errors as { links: { type: string } }[])
        e.links.type = 'https://elsewhere.example.com/e';
    });
    expect(checkResponse(shop, o).map((f) => f.message)).toEqual([
      'the reference link is "https://elsewhere.example.com/e"; ORDER_NOT_FOUND\'s is https://shop.example.com/errors#ORDER_NOT_FOUND',
    ]);
    const stock = shop.error(
      'OUT_OF_STOCK',
      { available: 2, sku: 'CUP' },
      { details: { sku: 'CUP', available: 2 } },
    );
    const bad = withJson(inDialect(stock, 'google'), (b) => {
      const info = (
        b.error as { details: { '@type': string; metadata?: Record<string, string> }[] }
      ).details.find((d) => d['@type'].endsWith('ErrorInfo'));
      if (info?.metadata) info.metadata.available = 'two';
    });
    expect(names(checkResponse(shop, bad, { dialect: 'google' }))).toEqual(['details-schema']);
  });

  it('reads a dialect of your own, given in dialects', () => {
    const envelope: Dialect = {
      name: 'envelope',
      contentType: 'application/vnd.envelope+json',
      serialize: (error) => ({
        status: error.status,
        headers: { 'content-type': 'application/vnd.envelope+json', 'x-request-id': 'r' },
        body: JSON.stringify({ fault: { code: error.code, text: error.message } }),
      }),
      parse(body, { status }) {
        const fault = (body as { fault?: { code?: unknown; text?: unknown } } | null)?.fault;
        if (typeof fault?.code !== 'string') return undefined;
        return { dialect: 'envelope', status, code: fault.code, message: String(fault.text) };
      },
    };
    const wire = envelope.serialize(notFound());
    expect(checkResponse(shop, wire, { dialects: { envelope } })).toEqual([]);
    const raw = { ...wire, body: JSON.stringify({ fault: { code: 'NOPE', text: 'x' } }) };
    expect(names(checkResponse(shop, raw, { dialects: { envelope } }))).toEqual(['code-known']);
    expect(() => checkResponse(shop, wire, { dialect: 'nope' })).toThrow(
      /unknown dialect "nope" \(known: problem/,
    );
  });

  it('takes a fetch Headers, and a catalog model as well as a catalog', () => {
    const o = served(notFound());
    const headers = new Headers(o.headers as Record<string, string>);
    expect(checkResponse(shop.model, { ...o, headers })).toEqual([]);
    headers.delete('content-type');
    expect(names(checkResponse(shop.model, { ...o, headers }))).toEqual(['content-type']);
    expect(() => checkResponse({} as never, o)).toThrow('errata: check needs a catalog');
  });
});

describe('an entry whose catalog does not say whether to retry', () => {
  it('is not judged on what the response says of retrying', () => {
    const model = {
      ...shop.model,
      errors: {
        ...shop.model.errors,
        ORDER_NOT_FOUND: { ...shop.model.errors.ORDER_NOT_FOUND, retry: undefined },
      },
    } as unknown as CatalogModel;
    const o = served(shop.error('ORDER_NOT_FOUND', { orderId: '1' }));
    for (const said of ['true', 'false'])
      expect(
        checkResponse(
          model,
          withHeaders(o, (h) => (h['x-should-retry'] = said)),
        ),
      ).toEqual([]);
  });
});
