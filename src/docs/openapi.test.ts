import { readFileSync } from 'node:fs';
import { createConfig, lintFromString } from '@redocly/openapi-core';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { describe, expect, it } from 'vitest';
import { effectiveModel } from '../catalog/contract.js';
import { createCatalog, defineCatalog } from '../catalog/define.js';
import { normalizeDocument } from '../catalog/load.js';
import { dialects } from '../dialects/index.js';
import { localize } from '../i18n/index.js';
import { createResponder } from '../server/respond.js';
import { generateOpenApi, mergeOpenApi, OpenApiMergeError } from './index.js';

// The tests read deep into generated documents; a loose type keeps them legible.
// biome-ignore lint/suspicious/noExplicitAny: see above
type Doc = any;

/** Lints a document with Redocly; returns the problems of error severity. */
async function validate(doc: unknown, ruleset: 'minimal' | 'recommended' = 'minimal') {
  const config = await createConfig({ extends: [ruleset] });
  const problems = await lintFromString({
    source: JSON.stringify(doc),
    absoluteRef: '/virtual/openapi.json',
    config,
  });
  return problems
    .filter((p) => p.severity === 'error')
    .map((p) => `${p.ruleId}: ${p.message} at ${p.location[0]?.pointer ?? '?'}`);
}

const api = defineCatalog({
  name: 'shop',
  version: '2.1.0',
  docs: 'https://docs.example.com/shop/errors',
  errors: {
    ORDER_NOT_FOUND: { status: 404, message: 'No order {orderId}.' },
    CUSTOMER_NOT_FOUND: { status: 404, message: 'No customer.' },
    INVALID_REQUEST: { status: 400, message: 'Invalid.' },
    RATE_LIMITED: { status: 429, retry: { afterMs: 60_000 } },
    DOWN: { status: 503, retry: true, deprecated: { replacedBy: 'RATE_LIMITED' } },
  },
});

const spec = {
  openapi: '3.1.0',
  info: { title: 'Shop', version: '1.0.0', license: { name: 'MIT', identifier: 'MIT' } },
  servers: [{ url: 'https://api.example.com' }],
  security: [],
  paths: {
    '/orders/{id}': {
      get: {
        operationId: 'getOrder',
        summary: 'Get an order',
        description: 'Returns one order.',
        parameters: [{ name: 'id', in: 'path', required: true, schema: { type: 'string' } }],
        'x-errata-errors': ['ORDER_NOT_FOUND', 'RATE_LIMITED'],
        responses: {
          '200': {
            description: 'The order',
            content: { 'application/json': { schema: { type: 'object' } } },
          },
        },
      },
    },
    '/orders': {
      post: {
        operationId: 'createOrder',
        summary: 'Create an order',
        description: 'Creates an order.',
        responses: {
          '201': { description: 'Created' },
          '400': { description: 'Our own bad-request response' },
        },
      },
    },
  },
};

describe('generateOpenApi', () => {
  it('passes the Redocly validator for every built-in dialect', async () => {
    for (const name of Object.keys(dialects)) {
      const doc = generateOpenApi(api.model, { dialect: name });
      expect({ name, errors: await validate(doc) }).toEqual({ name, errors: [] });
    }
  });

  it('the validator does reject a broken document (it can fail)', async () => {
    const doc = generateOpenApi(api.model, { dialect: 'problem' }) as {
      components: { responses: Record<string, { content: Record<string, { examples: object }> }> };
    };
    const content = doc.components.responses.ErrataError404?.content['application/problem+json'];
    (content as { examples: object }).examples = { X: { $ref: '#/components/examples/MISSING' } };
    expect((await validate(doc)).length).toBeGreaterThan(0);
  });

  it('has the error schema with the codes as an enum, an example per entry and a response per status', () => {
    // The catalog's own entries (the server failures it lacks: test/contract.test.ts).
    const doc = generateOpenApi(api.model, { dialect: 'problem', contract: false }) as Doc;
    expect(doc.openapi).toBe('3.1.0');
    const schema = doc.components.schemas.ErrataError;
    expect(schema.properties.code.enum).toEqual([
      'ORDER_NOT_FOUND',
      'CUSTOMER_NOT_FOUND',
      'INVALID_REQUEST',
      'RATE_LIMITED',
      'DOWN',
    ]);
    expect(schema.required).toEqual(expect.arrayContaining(['title', 'status', 'code', 'detail']));
    expect(Object.keys(doc.components.examples)).toEqual(Object.keys(api.model.errors));
    expect(doc.components.examples.ORDER_NOT_FOUND.value).toMatchObject({
      status: 404,
      code: 'ORDER_NOT_FOUND',
    });
    expect(doc.components.examples.DOWN.description).toContain('Deprecated: use RATE_LIMITED instead.');
    expect(Object.keys(doc.components.responses)).toEqual([
      'ErrataError400',
      'ErrataError404',
      'ErrataError429',
      'ErrataError503',
    ]);
    const r404 = doc.components.responses.ErrataError404;
    expect(Object.keys(r404.content['application/problem+json'].examples)).toEqual([
      'ORDER_NOT_FOUND',
      'CUSTOMER_NOT_FOUND',
    ]);
    expect(doc.components.responses.ErrataError429.headers['Retry-After']).toEqual({
      description: 'Seconds to wait before retrying (RFC 9110 section 10.2.3).',
      schema: { type: 'string' },
    });
  });

  it('documents WWW-Authenticate on a 401, which every adapter sends with one', () => {
    const auth = defineCatalog({ errors: { UNAUTHORIZED: { status: 401 }, GONE: { status: 410 } } });
    for (const dialect of Object.keys(dialects)) {
      const responses = (generateOpenApi(auth.model, { dialect }) as Doc).components.responses;
      const names = (r: Doc) => Object.keys(r.headers ?? {}).map((h) => h.toLowerCase());
      expect(names(responses.ErrataError401), dialect).toContain('www-authenticate');
      expect(names(responses.ErrataError410), dialect).not.toContain('www-authenticate');
    }
  });

  it("documents Content-Language with the catalog's languages, as a localized responder sends it", () => {
    const shop = defineCatalog({
      errors: {
        GONE: { status: 410, title: 'Gone', translations: { fr: { title: 'Disparu' } } },
        LIMIT: { status: 429, title: 'Too many' },
      },
      translations: { de: { LIMIT: { title: 'Zu viele' } } },
    });
    const responses = (generateOpenApi(shop.model, { dialect: 'problem' }) as Doc).components.responses;
    const header = responses.ErrataError410.headers['Content-Language'];
    expect(header.schema.enum).toEqual(['en', 'fr', 'de']);
    expect(responses.ErrataError429.headers['Content-Language'].schema.enum).toEqual(['en', 'fr', 'de']);
    const responder = createResponder({ catalog: shop, localize: localize(shop) });
    for (const [id, accept, expected] of [
      ['GONE', 'fr-CA, en;q=0.5', 'fr'],
      ['LIMIT', 'de', 'de'],
      ['GONE', 'de', 'en'],
      ['GONE', 'ja', 'en'],
    ] as const) {
      const wire = responder.respond(shop.error(id), {
        request: new Request('http://x/', { headers: { 'accept-language': accept } }),
      });
      expect(wire.headers['content-language'], accept).toBe(expected);
      expect(header.schema.enum).toContain(wire.headers['content-language']);
    }
    const plain = (generateOpenApi(defineCatalog({ errors: { GONE: { status: 410 } } }).model) as Doc)
      .components.responses;
    expect(Object.keys(plain.ErrataError410.headers ?? {})).not.toContain('Content-Language');
  });

  it('has a schema every occurrence validates against: details, violations, both or neither', () => {
    const ajv = new Ajv2020({ strict: false });
    const violations = [{ pointer: '/name', message: 'is required', code: 'required' }];
    for (const dialect of Object.values(dialects)) {
      const check = ajv.compile(
        (generateOpenApi(api.model, { dialect }) as Doc).components.schemas.ErrataError,
      );
      for (const extra of [{}, { details: {} }, { violations }, { details: {}, violations }]) {
        // The loose catalog: any details on any entry, as an occurrence may carry.
        const error = createCatalog(api.model).error('INVALID_REQUEST', {}, { stack: false, ...extra });
        const body = JSON.parse(dialect.serialize(error, { requestId: 'r1' }).body);
        expect(check(body), `${dialect.name} ${Object.keys(extra)}: ${ajv.errorsText(check.errors)}`).toBe(
          true,
        );
      }
    }
  });

  it('works for each seed catalog in its own dialect', async () => {
    for (const name of ['barekey', 'clerk', 'sitescore', 'flags', 'authos']) {
      const file = new URL(`../../examples/catalogs/${name}.json`, import.meta.url);
      const model = normalizeDocument(JSON.parse(readFileSync(file, 'utf8')), `${name}.json`);
      const doc = generateOpenApi(model) as Doc;
      expect({ name, errors: await validate(doc) }).toEqual({ name, errors: [] });
      // One example per entry of its effective contract: its own, then the server failures it lacks.
      expect(Object.keys(doc.components.examples)).toEqual(Object.keys(effectiveModel(model).errors));
    }
  });
});

describe('mergeOpenApi', () => {
  it('adds error responses from x-errata-errors and routes; the result passes the recommended ruleset', async () => {
    const { document, warnings, added } = mergeOpenApi(spec, api.model, {
      dialect: 'problem',
      contract: false,
      routes: [
        { method: 'POST', path: '/orders', errors: ['INVALID_REQUEST', 'DOWN'] },
        { method: 'get', path: '/orders/:orderId', errors: ['CUSTOMER_NOT_FOUND'] },
      ],
    });
    const doc = document as Doc;
    const get = doc.paths['/orders/{id}'].get.responses;
    // Both 404 entries are on this operation: the shared response is referenced.
    expect(get['404']).toEqual({ $ref: '#/components/responses/ErrataError404' });
    expect(get['429']).toEqual({ $ref: '#/components/responses/ErrataError429' });
    // The operation's own success response is left as it was.
    expect(get['200']).toEqual((spec as Doc).paths['/orders/{id}'].get.responses['200']);
    const post = doc.paths['/orders'].post.responses;
    expect(post['400']).toEqual({ description: 'Our own bad-request response' });
    expect(post['503']).toEqual({ $ref: '#/components/responses/ErrataError503' });
    expect(added).toBe(3);
    expect(warnings).toEqual([
      { kind: 'kept', message: `paths["/orders"].post.responses.400: kept the operation's own response` },
    ]);
    expect(spec.paths['/orders/{id}'].get.responses).not.toHaveProperty('404'); // input untouched
    const config = await createConfig({ extends: ['recommended'] });
    const problems = await lintFromString({
      source: JSON.stringify(doc),
      absoluteRef: '/virtual/merged.json',
      config,
    });
    expect(problems.filter((p) => p.severity === 'error')).toEqual([]);
  });

  it('uses a response with only the listed examples when an operation has some of a status', () => {
    const one = structuredClone(spec);
    one.paths['/orders/{id}'].get['x-errata-errors'] = ['ORDER_NOT_FOUND'];
    const doc = mergeOpenApi(one, api.model, { dialect: 'problem' }).document as Doc;
    const r = doc.paths['/orders/{id}'].get.responses['404'];
    expect(Object.keys(r.content['application/problem+json'].examples)).toEqual(['ORDER_NOT_FOUND']);
    expect(r.content['application/problem+json'].schema).toEqual({
      $ref: '#/components/schemas/ErrataError',
    });
  });

  it('writes OpenAPI 3.0 schemas into a 3.0 document', async () => {
    const flags = normalizeDocument(
      JSON.parse(readFileSync(new URL('../../examples/catalogs/flags.json', import.meta.url), 'utf8')),
      'flags.json',
    );
    const v30 = {
      ...structuredClone(spec),
      openapi: '3.0.3',
      info: {
        title: 'Shop',
        version: '1.0.0',
        license: { name: 'MIT', url: 'https://opensource.org/license/mit' },
      },
    };
    v30.paths['/orders/{id}'].get['x-errata-errors'] = ['validation_error', 'not_found'];
    const { document } = mergeOpenApi(v30, flags, { dialect: 'simple' });
    const details = (document as Doc).components.schemas.ErrataError.properties.details;
    expect(details.type).toBe('object');
    expect(details.nullable).toBe(true);
    expect(JSON.stringify(document)).not.toMatch(/"type":\[/);
    expect(await validate(document, 'recommended')).toEqual([]);
  });

  it('is idempotent', () => {
    const once = mergeOpenApi(spec, api.model, { dialect: 'problem' }).document;
    const twice = mergeOpenApi(once, api.model, { dialect: 'problem' });
    expect(twice.document).toEqual(once);
    expect(twice.warnings.filter((w) => w.kind === 'kept')).toEqual([]);
  });

  it("adds the ids of the routes to each operation's x-errata-errors, a server failure's included", () => {
    const routes = [
      { method: 'POST', path: '/orders', errors: ['RATE_LIMITED', 'METHOD_NOT_ALLOWED'] },
      { method: 'get', path: '/orders/:orderId', errors: ['ORDER_NOT_FOUND', 'CUSTOMER_NOT_FOUND'] },
    ];
    const { document } = mergeOpenApi(spec, api.model, { dialect: 'problem', routes });
    const doc = document as Doc;
    expect(doc.paths['/orders'].post['x-errata-errors']).toEqual(['RATE_LIMITED', 'METHOD_NOT_ALLOWED']);
    expect(doc.paths['/orders'].post.responses['405']).toEqual({
      $ref: '#/components/responses/ErrataError405',
    });
    expect(doc.paths['/orders/{id}'].get['x-errata-errors']).toEqual([
      'ORDER_NOT_FOUND',
      'RATE_LIMITED',
      'CUSTOMER_NOT_FOUND',
    ]);
    expect(mergeOpenApi(document, api.model, { dialect: 'problem', routes }).document).toEqual(document);
  });

  it('names the path of an unknown id, and reports routes with no operation', () => {
    const bad = structuredClone(spec);
    bad.paths['/orders/{id}'].get['x-errata-errors'] = ['ORDER_NOT_FOUND', 'NOPE'];
    try {
      mergeOpenApi(bad, api.model, { routes: [{ method: 'get', path: '/x', errors: ['ALSO_NOPE'] }] });
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(OpenApiMergeError);
      expect((e as OpenApiMergeError).issues).toEqual([
        {
          path: 'paths["/orders/{id}"].get.x-errata-errors[1]',
          message: 'unknown error id "NOPE" (not in catalog "shop")',
        },
        { path: 'routes[0].errors[0]', message: 'unknown error id "ALSO_NOPE" (not in catalog "shop")' },
      ]);
    }
    const { warnings } = mergeOpenApi(spec, api.model, {
      routes: [{ method: 'delete', path: '/orders', errors: ['DOWN'] }],
    });
    expect(warnings).toContainEqual({
      kind: 'unmatched',
      message: 'route DELETE /orders has no operation in the document',
    });
    expect(() => mergeOpenApi({ swagger: '2.0' }, api.model)).toThrow(OpenApiMergeError);
  });
});
