/**
 * An entry's stated wire facts on the wire: a YAML catalog's Google status
 * and Stripe type, served over loopback, read back by errata's client and by
 * the dialects' parsers. Without them the dialects derive both from the
 * status: ABORTED at 409, invalid_request_error at 402.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCatalog } from '../src/catalog/define.js';
import { catalogFromText } from '../src/catalog/load.js';
import { createClient } from '../src/client/index.js';
import { parseAny } from '../src/dialects/index.js';
import type { WireError } from '../src/dialects/types.js';
import { toWire } from '../src/server/response.js';

const api = createCatalog(
  catalogFromText(
    `name: accounts
docs: https://accounts.example.com/errors
errors:
  ACCOUNT_EXISTS:
    status: 409
    title: Account exists
    wire:
      google: { status: ALREADY_EXISTS }
  CARD_DECLINED:
    status: 402
    title: Card declined
    wire:
      stripe: { type: card_error }
`,
    'yaml',
  ),
);

let server: Server;
let base = '';
let wire: WireError = { status: 500, headers: {}, body: '' };
beforeAll(async () => {
  server = createServer((_req, res) => res.writeHead(wire.status, wire.headers).end(wire.body));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});

async function served(id: string, dialect: string): Promise<{ body: unknown; response: Response }> {
  wire = toWire(api.error(id), { dialect, requestId: 'req_1' });
  const response = await fetch(`${base}/x`);
  const body = await response.clone().json();
  return { body, response };
}

describe('stated wire facts over loopback', () => {
  it('sends an ALREADY_EXISTS entry at 409 as ALREADY_EXISTS in the google dialect', async () => {
    const { body, response } = await served('ACCOUNT_EXISTS', 'google');
    expect(response.status).toBe(409);
    expect(body).toMatchObject({ error: { code: 409, status: 'ALREADY_EXISTS' } });
    const parsed = parseAny(body, { status: 409, headers: response.headers });
    expect(parsed).toMatchObject({ dialect: 'google', code: 'ACCOUNT_EXISTS', title: 'ALREADY_EXISTS' });
    const e = await createClient().fromResponse(response);
    expect([e.code, e.status, e.title]).toEqual(['ACCOUNT_EXISTS', 409, 'ALREADY_EXISTS']);
  });

  it('sends a card_error entry at 402 as card_error in the stripe dialect', async () => {
    const { body, response } = await served('CARD_DECLINED', 'stripe');
    expect(response.status).toBe(402);
    expect(body).toMatchObject({
      error: {
        type: 'card_error',
        code: 'CARD_DECLINED',
        doc_url: 'https://accounts.example.com/errors#CARD_DECLINED',
      },
    });
    const parsed = parseAny(body, { status: 402, headers: response.headers });
    expect(parsed).toMatchObject({ dialect: 'stripe', code: 'CARD_DECLINED', title: 'card_error' });
    const e = await createClient().fromResponse(response);
    expect([e.code, e.status, e.dialect]).toEqual(['CARD_DECLINED', 402, 'stripe']);
  });
});
