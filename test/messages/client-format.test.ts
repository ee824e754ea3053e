/**
 * errata/messages on the client: a fetch-adapter app on 127.0.0.1 answers in each built-in
 * dialect, the real `createClient` reads the response, and `format` renders the entry's French
 * message from the table `errata messages` builds, with the parameters the body carries in its
 * details. A body that does not carry them, or a code the table has not, gives the server's own
 * message: never a half-rendered template.
 */
import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { errata } from '../../src/adapters/fetch.js';
import { defineCatalog } from '../../src/catalog/define.js';
import { createClient, type ErrataClientError } from '../../src/client/index.js';
import { dialects } from '../../src/dialects/registry.js';
import { localize } from '../../src/i18n/index.js';
import { buildMessageTable, format } from '../../src/messages/index.js';
import { createResponder } from '../../src/server/respond.js';

const api = defineCatalog({
  name: 'shop',
  errors: {
    OUT_OF_STOCK: {
      status: 409,
      title: 'Out of stock',
      message: 'Only {left:integer} left of {sku}.',
      details: {
        type: 'object',
        properties: { left: { type: 'integer' }, sku: { type: 'string' } },
      },
      translations: {
        fr: {
          title: 'Rupture de stock',
          message: "{left, plural, one {Plus qu'un seul {sku}.} other {Plus que # {sku}.}}",
        },
      },
    },
    CARD_DECLINED: {
      status: 402,
      title: 'Card declined',
      message: 'The card was declined.',
      translations: { fr: { message: 'La carte a été refusée.' } },
    },
    SLOW_DOWN: {
      status: 429,
      description: 'You sent too many requests {this minute}.',
      translations: {
        fr: { description: "Vous avez envoyé trop de requêtes {cette minute}, n'est-ce pas." },
      },
    },
    LEDGER_DOWN: {
      status: 503,
      title: 'Ledger unavailable',
      message: 'Ledger {dsn} is down.',
      translations: { fr: { title: 'Grand livre indisponible' } },
    },
  },
});

const table = buildMessageTable(api.model, 'fr');
const names = Object.keys(dialects);

let close: () => Promise<void>;
let base = '';
beforeAll(async () => {
  const apps = Object.fromEntries(
    names.map((d) => [d, errata({ catalog: api, dialect: d, onError: () => {} })]),
  );
  const handler = async (req: Request): Promise<Response> => {
    const [, dialect, what, left] = new URL(req.url).pathname.split('/');
    const app = apps[dialect ?? ''];
    if (app === undefined) return new Response('no such dialect', { status: 404 });
    return app.handle(() => {
      if (what === 'stock') {
        const n = Number(left);
        throw api.error(
          'OUT_OF_STOCK',
          { left: n, sku: 'TEA-001' },
          { details: { left: n, sku: 'TEA-001' } },
        );
      }
      if (what === 'bare-stock') throw api.error('OUT_OF_STOCK', { left: Number(left), sku: 'TEA-001' });
      if (what === 'card') throw api.error('CARD_DECLINED');
      if (what === 'slow') throw api.error('SLOW_DOWN');
      throw api.error('LEDGER_DOWN', { dsn: 'postgres://db' });
    })(req);
  };
  const server = await new Promise<ReturnType<typeof serve>>((resolve) => {
    const s = serve({ fetch: handler, port: 0, hostname: '127.0.0.1' }, () => resolve(s));
  });
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  close = () => new Promise((r) => server.close(() => r()));
});
afterAll(() => close?.());

/** The error the real client rejects with for a path. */
async function failure(path: string): Promise<ErrataClientError> {
  const client = createClient({ baseUrl: base, retries: 0 });
  try {
    await client.fetch(path);
  } catch (e) {
    return e as ErrataClientError;
  }
  throw new Error(`${path} did not fail`);
}

describe('format(err, table) over each dialect, through createClient', () => {
  for (const dialect of names) {
    it(`${dialect}: a message with no parameters is rendered in French`, async () => {
      const err = await failure(`/${dialect}/card`);
      expect(err.code).toBe('CARD_DECLINED');
      expect(format(err, table)).toBe('La carte a été refusée.');
    });

    it(`${dialect}: a plural message from the parameters its details carry`, async () => {
      const one = await failure(`/${dialect}/stock/1`);
      const many = await failure(`/${dialect}/stock/1200`);
      expect(one.code).toBe('OUT_OF_STOCK');
      expect(format(one, table)).toBe("Plus qu'un seul TEA-001.");
      // French groups thousands with a narrow no-break space.
      expect(format(many, table)).toBe('Plus que 1\u202f200 TEA-001.');
      // google.rpc.ErrorInfo's metadata is a map of strings: the table's types read the count back.
      if (dialect === 'google' || dialect === 'connect')
        expect((one.details as Record<string, unknown>).left).toBe('1');
    });

    it(`${dialect}: without details, the server's own message (never a broken template)`, async () => {
      const err = await failure(`/${dialect}/bare-stock/3`);
      expect(format(err, table)).toBe(err.message);
      expect(format(err, table)).not.toMatch(/[{}]/);
    });

    it(`${dialect}: a masked 5xx gives its translated title`, async () => {
      const err = await failure(`/${dialect}/ledger`);
      expect(err.status).toBe(503);
      expect(format(err, table)).toBe('Grand livre indisponible');
    });
  }
});

describe('an entry with neither message nor title', () => {
  it('formats its translated description, as a localizing server sends it', async () => {
    const err = await failure('/problem/slow');
    expect(format(err, table)).toBe("Vous avez envoyé trop de requêtes {cette minute}, n'est-ce pas.");
    const wire = createResponder({ catalog: api, localize: localize(api) }).respond(api.error('SLOW_DOWN'), {
      request: new Request('http://x/', { headers: { 'accept-language': 'fr' } }),
    });
    expect((JSON.parse(wire.body as string) as { detail: string }).detail).toBe(format(err, table));
  });
});

describe('format without a usable entry', () => {
  it('a code the table has not, and an error with no code, give the fallback or the server message', async () => {
    const err = await failure('/problem/card');
    const other = { ...err, code: 'NOT_IN_TABLE', message: err.message };
    expect(format(other, table)).toBe('The card was declined.');
    expect(format({ code: undefined, message: 'HTTP 502' }, table, 'Erreur')).toBe('Erreur');
  });

  it("reads one of a response's several errors (`err.errors` items) as well", async () => {
    const err = await failure('/jsonapi/card');
    expect(format(err.errors[0] as NonNullable<(typeof err.errors)[0]>, table)).toBe(
      'La carte a été refusée.',
    );
  });
});
