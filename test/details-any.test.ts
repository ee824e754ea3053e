/**
 * `details: true` (JSON Schema for "any value", normalized to `{}`) is any
 * value everywhere: a real occurrence with `details: 42` validates against the
 * OpenAPI document generated for the catalog, in every built-in dialect, and
 * the pages say "any value" rather than `null | object`.
 */
import { createRequire } from 'node:module';
import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';
import type Validator from 'openapi-response-validator';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { errata } from '../src/adapters/fetch.js';
import { defineCatalog } from '../src/catalog/define.js';
import { dialects, google } from '../src/dialects/index.js';
import { generateMarkdown } from '../src/docs/markdown.js';
import { generateOpenApi } from '../src/docs/openapi.js';

const OpenAPIResponseValidator = (
  createRequire(import.meta.url)('openapi-response-validator') as { default: typeof Validator.default }
).default;

const api = defineCatalog({
  name: 'config',
  docs: 'https://config.example.com/errors',
  errors: {
    CONFIG_INVALID: { status: 422, message: 'The configuration is not valid.', details: true },
    QUOTA_EXCEEDED: {
      status: 422,
      message: 'Quota exceeded.',
      details: { type: 'object', properties: { quota: { type: 'integer' } }, required: ['quota'] },
    },
    PLAN_LIMIT: {
      status: 402,
      message: 'Plan limit reached.',
      details: { type: 'object', properties: { limit: { type: 'integer' } }, required: ['limit'] },
    },
  },
});

const VALUES: readonly unknown[] = [42, 'text', [1, 'two'], { any: ['thing'] }, true];

describe('details: true is any value', () => {
  let base: string;
  let server: ReturnType<typeof serve>;
  beforeAll(async () => {
    const handle = async (request: Request) => {
      const url = new URL(request.url);
      const dialect = url.searchParams.get('dialect') as string;
      const details = JSON.parse(url.searchParams.get('details') as string) as unknown;
      const id = (url.searchParams.get('id') ?? 'CONFIG_INVALID') as 'CONFIG_INVALID';
      return errata({ catalog: api, dialect }).handle(() => {
        throw api.error(id, {}, { details } as never);
      })(request);
    };
    server = await new Promise<ReturnType<typeof serve>>((resolve) => {
      const s = serve({ fetch: handle, port: 0, hostname: '127.0.0.1' }, () => resolve(s));
    });
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => new Promise<void>((r) => server.close(() => r())));

  for (const dialect of Object.keys(dialects))
    it(`${dialect}: a served occurrence with details 42, a string, an array … validates against the generated OpenAPI`, async () => {
      const openapi = generateOpenApi(api.model, { dialect }) as {
        components: { responses: Record<string, object>; schemas: object };
      };
      const validator = new OpenAPIResponseValidator({
        responses: { 422: openapi.components.responses.ErrataError422 } as never,
        components: openapi.components as never,
      });
      // Another entry's object details: no member of PLAN_LIMIT's is required of them (google's metadata).
      const cases: [string, unknown][] = [
        ...VALUES.map((v): [string, unknown] => ['CONFIG_INVALID', v]),
        ['QUOTA_EXCEEDED', { quota: 3 }],
      ];
      for (const [id, value] of cases) {
        const query = new URLSearchParams({ id, dialect, details: JSON.stringify(value) });
        const response = await fetch(`${base}/?${query}`);
        expect(response.status).toBe(422);
        const body = (await response.json()) as unknown;
        expect(validator.validateResponse(422, body), `${dialect} ${JSON.stringify(body)}`).toBeUndefined();
      }
    });

  it('the OpenAPI body schema has an empty schema for the details member', () => {
    const doc = generateOpenApi(api.model) as {
      components: { schemas: { ErrataError: { properties: Record<string, unknown> } } };
    };
    expect(doc.components.schemas.ErrataError.properties.details).toEqual({});
  });

  it('the page says any value, and its example shows no null', () => {
    const md = generateMarkdown(api.model, { contract: false });
    expect(md).toContain('| `details` | any value | no |');
    const section = md.slice(md.indexOf('### CONFIG_INVALID'), md.indexOf('### QUOTA_EXCEEDED'));
    expect(section).toContain('**Details:** any value');
    expect(section).not.toContain('"details": null');
    // An entry with an object schema keeps its field table.
    const plan = md.slice(md.indexOf('### PLAN_LIMIT'));
    expect(plan).toContain('| `limit` | integer | yes |');
  });

  it("google: a details member one entry requires is not required of another's metadata", () => {
    const two = defineCatalog({
      name: 'two',
      errors: {
        A: {
          status: 409,
          details: { type: 'object', properties: { reason: { type: 'string' } }, required: ['reason'] },
        },
        B: {
          status: 409,
          details: { type: 'object', properties: { reason: { type: 'string' }, code: { type: 'string' } } },
        },
      },
    });
    const openapi = generateOpenApi(two.model, { dialect: 'google' }) as {
      components: { responses: Record<string, object>; schemas: object };
    };
    const validator = new OpenAPIResponseValidator({
      responses: { 409: openapi.components.responses.ErrataError409 } as never,
      components: openapi.components as never,
    });
    const wire = google.serialize(two.error('B', {}, { details: { code: 'x' } }), {});
    expect(validator.validateResponse(409, JSON.parse(wire.body))).toBeUndefined();
  });
});
