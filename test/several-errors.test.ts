/**
 * Several errors in one response (`also`): a responder on loopback answers
 * them in each list dialect, and errata's client reads every one back as
 * `err.errors`, each with its own code, message, status and violations. A
 * dialect with one error per body sends the first, and the client's list
 * holds that one.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { defineCatalog } from '../src/catalog/define.js';
import { createClient, type ErrataClientError } from '../src/client/index.js';
import { MAX_ERRORS } from '../src/dialects/_serialize.js';
import type { ErrataError } from '../src/error.js';
import { createResponder } from '../src/server/respond.js';

const api = defineCatalog({
  name: 'shop',
  docs: 'https://shop.example.com/errors',
  errors: {
    ORDER_NOT_FOUND: { status: 404, title: 'Order not found', message: 'No order {orderId}.' },
    CARD_DECLINED: { status: 402, title: 'Card declined', message: 'The card was declined.' },
    INVALID_ADDRESS: { status: 422, title: 'Invalid address', message: 'The address is invalid.' },
    LEDGER_DOWN: { status: 500, message: 'Ledger at {dsn} is down' },
  },
});

const several = (): ErrataError =>
  api.error(
    'ORDER_NOT_FOUND',
    { orderId: 'o_1' },
    {
      also: [
        api.error('CARD_DECLINED'),
        api.error(
          'INVALID_ADDRESS',
          {},
          {
            violations: [
              { pointer: '/address/zip', message: 'must be 5 digits', code: 'pattern' },
              { pointer: '/address/city', message: 'is required' },
            ],
          },
        ),
        api.error('LEDGER_DOWN', { dsn: 'postgres://user:pw@db' }),
      ],
    },
  );

let server: Server;
let base = '';
beforeAll(async () => {
  const responders = Object.fromEntries(
    ['jsonapi', 'clerk', 'problem', 'azure'].map((d) => [
      d,
      createResponder({ catalog: api, dialect: d, onError: () => {} }),
    ]),
  );
  server = createServer((req, res) => {
    const dialect = (req.url ?? '').slice(1);
    const responder = responders[dialect];
    if (responder === undefined) {
      res.writeHead(404).end();
      return;
    }
    const wire = responder.respond(several(), { request: req, requestId: 'req_9' });
    res.writeHead(wire.status, wire.headers).end(wire.body);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

const client = createClient<typeof api>({ retries: 0 });
async function failure(dialect: string): Promise<ErrataClientError> {
  try {
    await client.fetch(`${base}/${dialect}`);
  } catch (e) {
    return e as ErrataClientError;
  }
  throw new Error('the request succeeded');
}

describe('several errors in one response', () => {
  it.each(['jsonapi', 'clerk'])('%s sends them all; the client reads each back', async (dialect) => {
    const e = await failure(dialect);
    // The first error's status, code and request id answer.
    expect([e.status, e.code, e.requestId]).toEqual([404, 'ORDER_NOT_FOUND', 'req_9']);
    expect(e.errors.map((x) => [x.code, x.message])).toEqual([
      ['ORDER_NOT_FOUND', 'No order o_1.'],
      ['CARD_DECLINED', 'The card was declined.'],
      // A validation error with violations: its title (Clerk), its first field's message (JSON:API).
      ['INVALID_ADDRESS', dialect === 'clerk' ? 'Invalid address' : 'must be 5 digits'],
      // Each error is masked by its own entry.
      ['LEDGER_DOWN', 'An internal error occurred.'],
    ]);
    expect(e.errors[2]?.violations).toEqual([
      { pointer: '/address/zip', message: 'must be 5 digits', code: 'pattern' },
      { pointer: '/address/city', message: 'is required' },
    ]);
    expect(e.errors[0]?.violations).toEqual([]);
    // JSON:API states each error's status; Clerk's items do not, so they carry the response's.
    expect(e.errors.map((x) => x.status)).toEqual(
      dialect === 'jsonapi' ? [404, 402, 422, 500] : [404, 404, 404, 404],
    );
    expect(e.body).not.toContain('postgres');
  });

  it.each(['problem', 'azure'])(
    '%s, one error per body, sends the first; the list holds it alone',
    async (dialect) => {
      const e = await failure(dialect);
      expect([e.status, e.code]).toEqual([404, 'ORDER_NOT_FOUND']);
      expect(e.errors).toHaveLength(1);
      expect(e.errors[0]).toMatchObject({ code: 'ORDER_NOT_FOUND', message: 'No order o_1.', status: 404 });
      expect(e.body).not.toContain('CARD_DECLINED');
    },
  );

  it('sends at most MAX_ERRORS, and only errata errors', async () => {
    const { jsonapi } = await import('../src/dialects/jsonapi/jsonapi.js');
    const many = Array.from({ length: 150 }, () => api.error('CARD_DECLINED'));
    const err = api.error(
      'ORDER_NOT_FOUND',
      { orderId: 'x' },
      { also: [...many, { code: 'forged' } as never] },
    );
    expect(JSON.parse(jsonapi.serialize(err).body).errors).toHaveLength(MAX_ERRORS);
    const odd = api.error(
      'ORDER_NOT_FOUND',
      { orderId: 'x' },
      { also: [new Error('x') as never, api.error('CARD_DECLINED')] },
    );
    expect(JSON.parse(jsonapi.serialize(odd).body).errors.map((i: { code: string }) => i.code)).toEqual([
      'ORDER_NOT_FOUND',
      'CARD_DECLINED',
    ]);
  });

  it('bounds the violations of every error it sends, not only the first', () => {
    const many = Array.from({ length: 500 }, (_, i) => ({
      pointer: `/items/${i}`,
      message: 'x'.repeat(1000),
    }));
    const err = api.error(
      'ORDER_NOT_FOUND',
      { orderId: 'x' },
      { also: [api.error('INVALID_ADDRESS', {}, { violations: many })] },
    );
    const wire = createResponder({ catalog: api, dialect: 'jsonapi', onError: () => {} }).respond(err);
    const items = JSON.parse(wire.body).errors;
    expect(items).toHaveLength(1 + 100);
    expect(items[1].detail.length).toBeLessThanOrEqual(256);
    // The error thrown is left as it was.
    expect(err.also?.[0]?.violations).toHaveLength(500);
  });

  it('reads a real JSON:API document of two distinct errors and GitHub’s one error with several fields', () => {
    const twoErrors = client.parse(
      JSON.stringify({
        errors: [
          { status: '403', code: 'forbidden', title: 'Forbidden', detail: 'Not yours.' },
          {
            status: '422',
            code: 'invalid',
            title: 'Invalid',
            detail: 'must be blank',
            source: { pointer: '/data/attributes/x' },
          },
        ],
      }),
      { status: 403 },
    );
    expect(twoErrors.errors.map((x) => [x.code, x.status, x.violations.length])).toEqual([
      ['forbidden', 403, 0],
      ['invalid', 422, 1],
    ]);
    const github = client.parse(
      JSON.stringify({
        message: 'Validation Failed',
        errors: [{ resource: 'Issue', field: 'title', code: 'missing_field' }],
      }),
      { status: 422 },
    );
    expect(github.errors).toHaveLength(1);
    expect(github.errors[0]?.message).toBe('Validation Failed');
    // Not recognised: no errors.
    expect(client.parse('<html>', { status: 502 }).errors).toEqual([]);
    // A one-error body's list is the error itself, and JSON of the error stays finite.
    expect(JSON.stringify(github)).not.toContain('"errors":[{"code"');
  });
});
