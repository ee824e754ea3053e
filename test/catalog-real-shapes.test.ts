/**
 * Real catalogs' shapes end to end: namespaced codes (`auth/email-already-in-use`) and an
 * entry answered with several statuses (`status: [400, 409]`), each loaded from YAML, served
 * by a real server on 127.0.0.1, read back, typed, checked, diffed, documented and linted.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateTypes } from '../src/catalog/codegen.js';
import { createCatalog } from '../src/catalog/define.js';
import { exportCatalog } from '../src/catalog/export.js';
import { catalogFromText, loadCatalog } from '../src/catalog/load.js';
import { checkResponse } from '../src/check/check-response.js';
import { createClient } from '../src/client/index.js';
import { generateOpenApi } from '../src/docs/openapi.js';
import { diffCatalogs } from '../src/govern/diff/catalogs.js';
import { lint } from '../src/govern/lint.js';
import { createResponder } from '../src/server/respond.js';
import { toWire } from '../src/server/response.js';

const REPO = fileURLToPath(new URL('..', import.meta.url));

/** Serves `api.error(id, params, options)` for `/<id>?status=<n>`, through the responder. */
async function serve(catalog: ReturnType<typeof createCatalog>): Promise<{ url: string; server: Server }> {
  const responder = createResponder({ catalog });
  const server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const status = url.searchParams.get('status');
    let thrown: unknown;
    try {
      thrown = catalog.error(
        decodeURIComponent(url.pathname.slice(1)),
        {},
        status ? { status: Number(status) } : {},
      );
    } catch (e) {
      thrown = e;
    }
    const wire = responder.respond(thrown);
    res.writeHead(wire.status, wire.headers);
    res.end(wire.body);
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, server };
}

describe('a namespaced catalog (Firebase Authentication)', () => {
  let model: Awaited<ReturnType<typeof loadCatalog>>;
  let running: { url: string; server: Server };
  beforeAll(async () => {
    model = await loadCatalog(join(REPO, 'test/fixtures/real-catalogs/firebase-auth.yaml'));
    running = await serve(createCatalog(model));
  });
  afterAll(() => running.server.close());

  it('loads with the codes exactly as written, under the ids it states', () => {
    expect(model.errors.emailAlreadyInUse?.code).toBe('auth/email-already-in-use');
    expect(model.errors.installationsRequestFailed?.code).toBe('installations/request-failed');
  });

  it('serves the wire code intact, and the client reads it back', async () => {
    const response = await fetch(`${running.url}/emailAlreadyInUse`);
    const text = await response.text();
    expect(response.status).toBe(400);
    expect(JSON.parse(text).error.details[0].reason).toBe('auth/email-already-in-use');
    const read = createClient().parse(text, { status: response.status, headers: response.headers });
    expect(read.code).toBe('auth/email-already-in-use');
  });

  it('types each entry with its namespaced code', () => {
    const types = generateTypes(model);
    expect(types).toContain('code: "auth/email-already-in-use"');
    expect(types).toContain('emailAlreadyInUse: {');
  });

  it('passes code-format and code-casing by default, and a configured style per segment', () => {
    const rules = { 'code-format': ['error', { separator: '/', segments: ['kebab', 'kebab'] }] } as const;
    const findings = lint(model, { config: { rules } }).filter((f) => f.rule.startsWith('code-'));
    expect(findings).toEqual([]);
  });

  it('tells an id holding "/" how to state it', () => {
    expect(() => catalogFromText('errors:\n  auth/weak-password:\n    status: 400\n', 'yaml')).toThrow(
      /"auth\/weak-password" holds a "\/": state the id \(auth\.weak-password, authWeakPassword\) and keep "auth\/weak-password" as its code/,
    );
  });
});

const SHOP = `
name: shop
docs: https://docs.example.com/errors
errors:
  ORDER_CONFLICT:
    status: [400, 409]
    title: Order cannot be changed
    retry: false
  ORDER_NOT_FOUND:
    status: 404
    title: Order not found
`;

describe('an entry answered with several statuses', () => {
  const model = catalogFromText(SHOP, 'yaml');
  const catalog = createCatalog(model);
  let running: { url: string; server: Server };
  beforeAll(async () => {
    running = await serve(catalog);
  });
  afterAll(() => running.server.close());

  it('keeps the first as the default status and lists them all', () => {
    expect(model.errors.ORDER_CONFLICT).toMatchObject({ status: 400, statuses: [400, 409] });
    expect(model.errors.ORDER_NOT_FOUND?.statuses).toBeUndefined();
  });

  it('sends the default, or the listed status an occurrence chooses', async () => {
    expect((await fetch(`${running.url}/ORDER_CONFLICT`)).status).toBe(400);
    const chosen = await fetch(`${running.url}/ORDER_CONFLICT?status=409`);
    expect(chosen.status).toBe(409);
    expect(JSON.parse(await chosen.text())).toMatchObject({ status: 409, code: 'ORDER_CONFLICT' });
  });

  it('writes the chosen status into every dialect body that states one', () => {
    const error = catalog.error('ORDER_CONFLICT', {}, { status: 409 });
    const google = JSON.parse(toWire(error, { dialect: 'google' }).body);
    expect(google.error).toMatchObject({ code: 409, status: 'ABORTED' });
    const jsonapi = JSON.parse(toWire(error, { dialect: 'jsonapi' }).body);
    expect(jsonapi.errors[0].status).toBe('409');
    // The default occurrence is not changed by the other.
    expect(JSON.parse(toWire(catalog.error('ORDER_CONFLICT'), { dialect: 'google' }).body).error.code).toBe(
      400,
    );
  });

  it('refuses a status the entry does not list', () => {
    expect(() => catalog.error('ORDER_CONFLICT', {}, { status: 422 })).toThrow(
      'errata: status 422 is not one entry "ORDER_CONFLICT" lists (400, 409); list it in the catalog first',
    );
  });

  it('passes the check at any listed status, and fails it at another', () => {
    const body = (status: number) =>
      JSON.stringify({
        type: 'https://docs.example.com/errors#ORDER_CONFLICT',
        title: 'Order cannot be changed',
        status,
        code: 'ORDER_CONFLICT',
      });
    const at = (status: number) =>
      checkResponse(model, {
        status,
        headers: { 'content-type': 'application/problem+json' },
        body: body(status),
      }).filter((f) => f.check === 'status-matches');
    expect(at(400)).toEqual([]);
    expect(at(409)).toEqual([]);
    expect(at(422).map((f) => f.message)).toEqual([
      'code "ORDER_CONFLICT" is sent with status 422; the catalog gives it 400 or 409',
    ]);
  });

  it('is documented under each status in OpenAPI', () => {
    const components = generateOpenApi(model).components as { responses?: unknown };
    const responses = components.responses as Record<
      string,
      { content: Record<string, { examples: Record<string, unknown> }> }
    >;
    const ids = (status: number) =>
      Object.keys(Object.values(responses[`ErrataError${status}`]?.content ?? {})[0]?.examples ?? {});
    expect(ids(400)).toContain('ORDER_CONFLICT');
    expect(ids(409)).toContain('ORDER_CONFLICT');
    expect(ids(404)).toContain('ORDER_NOT_FOUND');
    expect(ids(404)).not.toContain('ORDER_CONFLICT');
  });

  it('diffs an added status as weakening and a removed one as breaking', () => {
    const one = catalogFromText(SHOP.replace('status: [400, 409]', 'status: 400'), 'yaml');
    expect(diffCatalogs(one, model).map((c) => [c.kind, c.breaking])).toEqual([['status-added', false]]);
    expect(diffCatalogs(model, one).map((c) => [c.kind, c.breaking])).toEqual([['status-removed', true]]);
  });

  it('round-trips through errata export (a lock file), and refuses a statuses list that disagrees', () => {
    expect(catalogFromText(exportCatalog(model), 'json')).toEqual(model);
    expect(() =>
      catalogFromText('errors:\n  A:\n    status: 409\n    statuses: [400, 409]\n', 'yaml'),
    ).toThrow(
      'errors.A.statuses: must list every status, the default (status) first, as errata export writes it',
    );
  });

  it('is typed as authored: the list as its status, no model-only field', () => {
    const types = generateTypes(model);
    expect(types).toContain('status: [400,409],');
    expect(types).not.toContain('statuses');
  });

  it('is linted once for the catalog, not once per status', () => {
    const findings = lint(model).filter((f) => f.rule === 'status-multiple');
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ id: null, field: 'errors' });
  });
});
