/**
 * Answering in the caller's language (`errata/i18n`'s `localize` as the responder's `localize`
 * option) over real servers on 127.0.0.1: the fetch adapter on node:http and Express. Every
 * built-in dialect's body in French is its English body with the texts translated, nothing
 * else (the wire code never changes); headers say `Content-Language` and `Vary`.
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';
import express from 'express';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { errata as expressErrata } from '../src/adapters/express.js';
import { errata as fetchErrata } from '../src/adapters/fetch.js';
import { defineCatalog } from '../src/catalog/define.js';
import { publicMessage, publicTitle } from '../src/dialects/expose.js';
import { parseAny } from '../src/dialects/parsers.js';
import { dialects } from '../src/dialects/registry.js';
import type { Dialect, SerializeContext } from '../src/dialects/types.js';
import type { ErrataError } from '../src/error.js';
import { localize } from '../src/i18n/index.js';
import { createResponder, type ErrorEvent, type ServerOptions } from '../src/server/respond.js';

const api = defineCatalog({
  name: 'shop',
  errors: {
    OUT_OF_STOCK: {
      status: 409,
      title: 'Out of stock',
      message: 'Only {left:integer} left of {sku}.',
      translations: {
        fr: { title: 'Rupture de stock', message: 'Plus que {left} pour {sku}.' },
        'fr-CA': { title: 'En rupture' },
      },
    },
    BROKEN: {
      status: 400,
      title: 'Broken',
      message: 'Broken {x}.',
      translations: { fr: { message: 'Cassé {x' }, de: { message: 'Kaputt {y}.' } },
    },
    DB_DOWN: {
      status: 503,
      title: 'Unavailable',
      message: 'Database {host} is down.',
      translations: { fr: { title: 'Indisponible', message: 'La base {host} est en panne.' } },
    },
  },
});

const EN = { title: 'Out of stock', message: 'Only 3 left of A1.' };
const FR = { title: 'Rupture de stock', message: 'Plus que 3 pour A1.' };

const events: ErrorEvent[] = [];
const closers: (() => Promise<void>)[] = [];
afterAll(async () => {
  for (const close of closers) await close();
});

/** A fetch server on loopback throwing what `/<id>?dialect=<name>` names. */
async function fetchServer(options: Partial<ServerOptions>): Promise<string> {
  const app = fetchErrata({
    catalog: api,
    negotiate: false,
    dialect: (ctx) => new URL(ctx.url ?? '/', 'http://x').searchParams.get('dialect') ?? undefined,
    onError: (e) => {
      events.push(e);
    },
    ...options,
  });
  const handler = app.handle(async (request: Request) => {
    const id = new URL(request.url).pathname.slice(1);
    if (id === 'BROKEN') throw api.error('BROKEN', { x: 'glass' });
    if (id === 'DB_DOWN') throw api.error('DB_DOWN', { host: 'db1.internal' });
    if (id === 'VARY')
      throw api.error('OUT_OF_STOCK', { left: 3, sku: 'A1' }, { headers: { Vary: 'Origin' } });
    throw api.error('OUT_OF_STOCK', { left: 3, sku: 'A1' });
  });
  const server = serve({ fetch: handler, port: 0, hostname: '127.0.0.1' });
  await new Promise((r) => server.once('listening', r));
  closers.push(() => new Promise<void>((r) => server.close(() => r())));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

let localized: string;
let plain: string;
beforeAll(async () => {
  localized = await fetchServer({ localize: localize(api) });
  plain = await fetchServer({});
});

/** A request with a fixed request id, so that two answers can be compared byte for byte. */
const ask = (url: string, acceptLanguage?: string) =>
  fetch(url, {
    headers: {
      'x-request-id': 'req-1',
      ...(acceptLanguage !== undefined && { 'accept-language': acceptLanguage }),
    },
  });
const json = (s: string) => JSON.stringify(s).slice(1, -1);
const noClock = (body: string) => body.replace(/"timestamp":"[^"]*"/, '"timestamp":"T"');

describe('every built-in dialect answers in the caller language', () => {
  for (const name of Object.keys(dialects)) {
    it(`${name}: the English body with the texts translated, the code unchanged`, async () => {
      const res = await ask(`${localized}/OUT_OF_STOCK?dialect=${name}`, 'fr-FR, en;q=0.5');
      const source = await ask(`${plain}/OUT_OF_STOCK?dialect=${name}`, 'fr-FR, en;q=0.5');
      const [fr, en] = [noClock(await res.text()), noClock(await source.text())];
      expect(res.status).toBe(source.status);
      expect(res.headers.get('content-language')).toBe('fr');
      expect(res.headers.get('vary')).toBe('Accept-Language');
      expect(source.headers.get('content-language')).toBeNull();
      expect(source.headers.get('vary')).toBeNull();

      expect(fr).toContain(json(FR.message));
      let back = fr;
      if (name === 'google') {
        // AIP-193: `message` stays in the source language; LocalizedMessage carries French.
        expect(fr).toContain(`"message":${JSON.stringify(EN.message)},`);
        expect(fr).toContain(
          `{"@type":"type.googleapis.com/google.rpc.LocalizedMessage","locale":"fr","message":${JSON.stringify(FR.message)}}`,
        );
        back = fr.replace('"locale":"fr"', '"locale":"en-US"');
      } else expect(fr).not.toContain(json(EN.message));
      if (['problem', 'jsonapi', 'clerk'].includes(name)) {
        expect(fr).toContain(`"${json(FR.title)}"`);
        expect(fr).not.toContain(`"${json(EN.title)}"`);
      }
      back = back.replaceAll(json(FR.message), json(EN.message)).replaceAll(json(FR.title), json(EN.title));
      expect(back).toBe(en);

      const parsed = parseAny(JSON.parse(fr), { status: res.status, headers: res.headers });
      expect(parsed?.dialect).toBe(name);
      expect(parsed?.code).toBe('OUT_OF_STOCK');
    });
  }
});

describe('Content-Language and Vary', () => {
  it('name the language the message went out in after fallback: fr-CA asked, the message is French', async () => {
    const res = await ask(`${localized}/OUT_OF_STOCK?dialect=problem`, 'fr-CA');
    expect(res.headers.get('content-language')).toBe('fr');
    expect(await res.json()).toMatchObject({ title: 'En rupture', detail: FR.message, code: 'OUT_OF_STOCK' });
  });

  it('say the source language when nothing fits or nothing is asked', async () => {
    for (const header of [undefined, 'ja', '*'])
      for (const res of [await ask(`${localized}/OUT_OF_STOCK?dialect=simple`, header)]) {
        expect(res.headers.get('content-language')).toBe('en');
        expect(res.headers.get('vary')).toBe('Accept-Language');
        expect((await res.json()).message).toBe(EN.message);
      }
  });

  it('merge with a Vary the error carries', async () => {
    const res = await ask(`${localized}/VARY?dialect=problem`, 'fr');
    expect(res.headers.get('vary')).toBe('Origin, Accept-Language');
  });

  it('answer a malformed, 10 KB or 500-range Accept-Language in the source language', async () => {
    const huge = `fr, ${'x'.repeat(10 * 1024)}`;
    const many = `${Array.from({ length: 500 }, (_, i) => `x${i};q=0.5`).join(', ')}, fr`;
    for (const header of ['*;q=abc', huge, many, ';;;,,,', 'fr;q=0']) {
      const res = await ask(`${localized}/OUT_OF_STOCK?dialect=problem`, header);
      expect(res.status).toBe(409);
      expect(res.headers.get('content-language')).toBe('en');
      expect(await res.json()).toMatchObject({ title: EN.title, detail: EN.message });
    }
  });

  it('masked 5xx: the title translated, the generic sentence in the same language', async () => {
    const res = await ask(`${localized}/DB_DOWN?dialect=problem`, 'fr');
    const body = await res.json();
    expect(body).toMatchObject({
      title: 'Indisponible',
      detail: 'Une erreur interne s’est produite.',
      code: 'DB_DOWN',
    });
    expect(JSON.stringify(body)).not.toContain('db1');
    expect(res.headers.get('content-language')).toBe('fr');
  });
});

describe('a translation that cannot be rendered', () => {
  it('sends the source text and reports it through onError once, whether it does not compile or lacks a parameter', async () => {
    events.length = 0;
    for (const lang of ['fr', 'fr', 'de']) {
      const res = await ask(`${localized}/BROKEN?dialect=problem`, lang);
      expect(res.status).toBe(400);
      expect(res.headers.get('content-language')).toBe('en');
      expect(await res.json()).toMatchObject({ code: 'BROKEN', detail: 'Broken glass.' });
    }
    const reported = events.map((e) => [e.kind, e.error.code, String((e.cause as Error).message)]);
    expect(reported).toEqual([
      [
        'config',
        'BROKEN',
        expect.stringMatching(
          /^errata: the fr message of BROKEN does not compile as ICU MessageFormat \(.+\); sent in the source language$/,
        ),
      ],
      [
        'config',
        'BROKEN',
        'errata: the de message of BROKEN could not be rendered (parameter y is missing); sent in the source language',
      ],
    ]);
  });
});

describe('through Express, the language chosen by a function of the request', () => {
  it('takes the signed-in user language over Accept-Language, else Accept-Language', async () => {
    const app = express();
    app.get('/stock', (req) => {
      (req as { userLocale?: string }).userLocale = req.query.user === 'ann' ? 'fr-CA' : undefined;
      throw api.error('OUT_OF_STOCK', { left: 3, sku: 'A1' });
    });
    app.use(
      expressErrata({
        catalog: api,
        dialect: 'jsonapi',
        localize: localize(api, { locale: (ctx) => (ctx.request as { userLocale?: string }).userLocale }),
        onError: () => {},
      }).handler,
    );
    const server = createServer(app);
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    closers.push(() => new Promise<void>((r) => server.close(() => r())));
    const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}/stock`;

    const ann = await fetch(`${base}?user=ann`, { headers: { 'accept-language': 'de' } });
    expect(ann.headers.get('content-language')).toBe('fr');
    expect((await ann.json()).errors[0]).toMatchObject({
      title: 'En rupture',
      detail: FR.message,
      code: 'OUT_OF_STOCK',
    });
    const guest = await fetch(base, { headers: { 'accept-language': 'fr' } });
    expect(guest.headers.get('vary')).toMatch(/Accept-Language/);
    expect((await guest.json()).errors[0]).toMatchObject({ title: FR.title, detail: FR.message });
    const english = await fetch(base);
    expect((await english.json()).errors[0]).toMatchObject({ title: EN.title, detail: EN.message });
    expect(english.headers.get('content-language')).toBe('en');
  });
});

describe('custom dialects', () => {
  const own = (name: string, text: (error: ErrataError, context?: SerializeContext) => string): Dialect => ({
    name,
    contentType: 'application/json',
    serialize: (error, context) => ({
      status: error.status,
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ code: error.code, text: text(error, context) }),
    }),
    parse: () => undefined,
  });
  const request = { headers: { 'accept-language': 'fr' } };

  it('read the caller language through publicMessage and publicTitle, and the response names it', () => {
    const responder = createResponder({
      catalog: api,
      localize: localize(api),
      dialect: own('mine', (e, c) => `${publicTitle(e, c)}: ${publicMessage(e, c)}`),
    });
    const wire = responder.respond(api.error('OUT_OF_STOCK', { left: 3, sku: 'A1' }), { request });
    expect(JSON.parse(wire.body)).toEqual({ code: 'OUT_OF_STOCK', text: `${FR.title}: ${FR.message}` });
    expect(wire.headers['content-language']).toBe('fr');
  });

  it('that write the catalog text are answered as in the source language', () => {
    const responder = createResponder({
      catalog: api,
      localize: localize(api),
      dialect: own('plain', (e) => e.message),
    });
    const wire = responder.respond(api.error('OUT_OF_STOCK', { left: 3, sku: 'A1' }), { request });
    expect(JSON.parse(wire.body).text).toBe(EN.message);
    expect(wire.headers['content-language']).toBe('en');
    expect(wire.headers.vary).toBe('Accept-Language');
  });
});
