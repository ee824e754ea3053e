/**
 * The `oci` dialect, the error body of the OCI distribution spec (container
 * registries). npm has no well-known JavaScript registry client to drive, so
 * the proof is twofold: every body errata sends validates against the shape
 * the spec documents (`{errors: [{code, message, detail}]}`, codes of upper
 * case letters and underscores, nothing else in an error), checked by Ajv;
 * and errata's own client reads a registry catalog's errors served on
 * loopback, given the dialect (`createClient({ dialect: oci })`; its universal
 * reader gets the code, message, request id and detail too): code, status,
 * message, request id, detail, violations, and retries as the catalog states them.
 */
import { Ajv2020 } from 'ajv/dist/2020.js';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { defineCatalog } from '../../src/catalog/define.js';
import { createClient } from '../../src/client/index.js';
import { oci } from '../../src/dialects/oci/oci.js';
import { parseAny } from '../../src/dialects/parsers.js';
import type { ErrataError } from '../../src/error.js';
import { startWireServer, type WireServer } from './_server.js';

/** The error body of the OCI distribution spec (section "Error Codes"), as a JSON Schema. */
const specShape = {
  type: 'object',
  required: ['errors'],
  additionalProperties: false,
  properties: {
    errors: {
      type: 'array',
      minItems: 1,
      items: {
        type: 'object',
        required: ['code'],
        additionalProperties: false,
        properties: {
          // "a unique identifier, containing only uppercase alphabetic characters and underscores"
          code: { type: 'string', pattern: '^[A-Z_]+$' },
          message: { type: 'string' },
          // "MAY contain arbitrary JSON data"
          detail: true,
        },
      },
    },
  },
};
const validate = new Ajv2020({ strict: true }).compile(specShape);

// A registry's catalog: codes of the spec's table.
const registry = defineCatalog({
  name: 'registry',
  errors: {
    MANIFEST_UNKNOWN: { status: 404, message: 'manifest unknown', details: { type: 'object' } },
    NAME_INVALID: { status: 400, message: 'invalid repository name' },
    UNAUTHORIZED: { status: 401, message: 'authentication required' },
    DENIED: { status: 403, retry: false, message: 'requested access to the resource is denied' },
    TOOMANYREQUESTS: { status: 429, retry: { afterMs: 200 }, message: 'too many requests' },
    BLOB_UPLOAD_INVALID: { status: 500, message: 'blob upload invalid' },
  },
});

let server: WireServer;
beforeAll(async () => {
  server = await startWireServer();
});
afterAll(() => server.close());
beforeEach(() => server.reset());

function serve(make: () => ErrataError, requestId = 'req_oci_1'): void {
  server.answer(() => oci.serialize(make(), { requestId }));
}
const url = () => `http://127.0.0.1:${server.port}/v2/library/web/manifests/latest`;

describe('the oci dialect against the OCI distribution spec', () => {
  it('sends bodies that validate against the shape the spec documents', () => {
    const bodies = [
      oci.serialize(registry.error('MANIFEST_UNKNOWN', {}, { details: { Tag: 'latest' } })),
      oci.serialize(
        registry.error('NAME_INVALID', {}, { violations: [{ pointer: '/name', message: 'bad' }] }),
      ),
      oci.serialize(registry.error('TOOMANYREQUESTS')),
      oci.serialize(registry.error('BLOB_UPLOAD_INVALID')),
    ].map((w) => JSON.parse(w.body));
    for (const body of bodies) expect(validate(body), JSON.stringify(validate.errors)).toBe(true);
    // The schema is no rubber stamp: a lower-case code or a member of another format fails.
    expect(validate({ errors: [{ code: 'manifest_unknown', message: 'x' }] })).toBe(false);
    expect(validate({ errors: [{ code: 'DENIED', message: 'x', long_message: 'y' }] })).toBe(false);
  });

  it("errata's client reads a 404: code, status, message, request id and detail", async () => {
    serve(() => registry.error('MANIFEST_UNKNOWN', {}, { details: { Tag: 'latest' } }));
    for (const c of [createClient({ dialect: oci }), createClient()]) {
      const e = await c.fromResponse(await fetch(url()));
      expect([e.code, e.status, e.message, e.requestId]).toEqual([
        'MANIFEST_UNKNOWN',
        404,
        'manifest unknown',
        'req_oci_1',
      ]);
      expect(e.details).toEqual({ Tag: 'latest' });
      expect([e.retryable, e.retryAfterMs]).toEqual([false, undefined]);
    }
    // The dialects' parsers agree.
    const wire = oci.serialize(registry.error('MANIFEST_UNKNOWN', {}, { details: { Tag: 'latest' } }));
    expect(
      parseAny(JSON.parse(wire.body), { status: 404, headers: new Headers(wire.headers) }),
    ).toMatchObject({
      dialect: 'oci',
      code: 'MANIFEST_UNKNOWN',
      details: { Tag: 'latest' },
    });
  });

  it("errata's client reads field violations out of detail", async () => {
    serve(() =>
      registry.error(
        'NAME_INVALID',
        {},
        { violations: [{ pointer: '/name', message: 'must be lower case' }] },
      ),
    );
    const e = await createClient({ dialect: oci }).fromResponse(await fetch(url()));
    expect(e.dialect).toBe('oci');
    expect(e.code).toBe('NAME_INVALID');
    expect(e.violations).toEqual([{ pointer: '/name', message: 'must be lower case' }]);
  });

  it('client.fetch retries a retryable 429 after the delay sent, and a denied request never', async () => {
    serve(() => registry.error('TOOMANYREQUESTS'));
    const limited = await createClient({ dialect: oci, retries: 2 })
      .fetch(url())
      .catch((x: unknown) => x);
    expect(limited).toMatchObject({
      code: 'TOOMANYREQUESTS',
      status: 429,
      retryable: true,
      retryAfterMs: 1000,
    });
    expect(server.requests).toHaveLength(3);
    // Retry-After is whole seconds: 200 ms is sent as 1 s, and the client waits it.
    for (const gap of server.gaps()) expect(gap).toBeGreaterThanOrEqual(950);

    server.reset();
    serve(() => registry.error('DENIED'));
    const denied = await createClient({ dialect: oci, retries: 2 })
      .fetch(url())
      .catch((x: unknown) => x);
    expect(denied).toMatchObject({ code: 'DENIED', status: 403, retryable: false });
    expect(server.requests).toHaveLength(1);
  });

  it('masks a 500 and keeps the status default for retries when the catalog says nothing', async () => {
    serve(() => registry.error('BLOB_UPLOAD_INVALID'));
    const e = await createClient({ dialect: oci, retries: 1, baseDelayMs: 1 })
      .fetch(url())
      .catch((x: unknown) => x);
    expect(e).toMatchObject({
      code: 'BLOB_UPLOAD_INVALID',
      message: 'An internal error occurred.',
      retryable: true,
    });
    expect(server.requests).toHaveLength(2);
  });

  it('sends several errors in one response, as registries do, and the client reads each', async () => {
    serve(() =>
      registry.error(
        'UNAUTHORIZED',
        {},
        { also: [registry.error('DENIED'), registry.error('NAME_INVALID')] },
      ),
    );
    const e = await createClient({ dialect: oci }).fromResponse(await fetch(url()));
    expect(validate(JSON.parse(e.body))).toBe(true);
    expect([e.status, e.code]).toEqual([401, 'UNAUTHORIZED']);
    expect(e.errors.map((x) => [x.code, x.message])).toEqual([
      ['UNAUTHORIZED', 'authentication required'],
      ['DENIED', 'requested access to the resource is denied'],
      ['NAME_INVALID', 'invalid repository name'],
    ]);
  });
});
