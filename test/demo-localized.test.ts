// The demo in French: `Accept-Language: fr` over the real demo server on 127.0.0.1 answers with the
// French texts of examples/catalogs/barekey.fr.json and of the demo's own entries, the same codes,
// Content-Language and Vary; without the header, or with one that does not parse, in English.
import { readFileSync } from 'node:fs';
import { parse } from '@formatjs/icu-messageformat-parser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoCatalog } from '../examples/demo/catalog.js';
import { type Demo, startDemo } from '../examples/demo/server.js';
import { localizedField } from '../src/catalog/locales.js';
import type { TranslatedField } from '../src/catalog/model.js';
import { lint } from '../src/govern/index.js';

const seedFr = JSON.parse(
  readFileSync(new URL('../examples/catalogs/barekey.fr.json', import.meta.url), 'utf8'),
) as Record<string, { description: string }>;
const seed = JSON.parse(
  readFileSync(new URL('../examples/catalogs/barekey.json', import.meta.url), 'utf8'),
) as { errors: Record<string, { description: string }> };

const auth = { authorization: 'Bearer demo-token' };
let demo: Demo;
beforeAll(async () => {
  demo = await startDemo(0, { onError: () => {} });
});
afterAll(() => demo.close());

interface Problem {
  type: string;
  title: string;
  code: string;
  detail: string;
}

async function get(path: string, headers: Record<string, string> = {}) {
  const res = await fetch(`${demo.url}${path}`, { headers });
  return { res, body: (await res.json()) as Problem };
}

describe('the demo in French', () => {
  it('answers Accept-Language: fr in French: the seed’s description as the detail, the same code and type', async () => {
    const { res, body } = await get('/v1/variables/staging/MISSING', { ...auth, 'accept-language': 'fr' });
    expect(res.status).toBe(404);
    expect(res.headers.get('content-type')).toBe('application/problem+json');
    expect(res.headers.get('content-language')).toBe('fr');
    expect(res.headers.get('vary')).toMatch(/\baccept-language\b/i);
    expect(body.code).toBe('VARIABLE_NOT_FOUND');
    expect(body.type).toBe(`${demo.url}/errors#VARIABLE_NOT_FOUND`);
    expect(body.detail).toBe(seedFr.VARIABLE_NOT_FOUND?.description);
    expect(body.detail).toMatch(/^Aucune variable portant le nom demandé/);
  });

  it('answers in English without the header, with the same code, type and Vary', async () => {
    const { res, body } = await get('/v1/variables/staging/MISSING', auth);
    expect(res.status).toBe(404);
    expect(res.headers.get('content-language')).toBe('en');
    expect(res.headers.get('vary')).toMatch(/\baccept-language\b/i);
    expect(body.code).toBe('VARIABLE_NOT_FOUND');
    expect(body.type).toBe(`${demo.url}/errors#VARIABLE_NOT_FOUND`);
    expect(body.detail).toBe(seed.errors.VARIABLE_NOT_FOUND?.description);
  });

  it('writes the title and the detail of the demo’s own entries in French, with their parameters', async () => {
    const fr = await get('/v2/nothing', { 'accept-language': 'fr-FR,fr;q=0.9,en;q=0.5' });
    expect(fr.res.status).toBe(404);
    expect(fr.res.headers.get('content-language')).toBe('fr');
    expect(fr.body).toMatchObject({
      code: 'ROUTE_NOT_FOUND',
      title: 'Route introuvable',
      detail: 'Aucune route ne correspond à GET /v2/nothing.',
    });
    const en = await get('/v2/nothing');
    expect(en.body).toMatchObject({
      code: 'ROUTE_NOT_FOUND',
      title: 'No such route',
      detail: 'No route matches GET /v2/nothing.',
    });
  });

  it('writes the message of the barekey dialect in French too', async () => {
    const { res, body } = (await get('/v1/variables/production/API_URL?dialect=barekey', {
      'accept-language': 'fr',
    })) as unknown as { res: Response; body: { error: { code: string; message: string } } };
    expect(res.status).toBe(401);
    expect(res.headers.get('content-language')).toBe('fr');
    expect(body.error.code).toBe('UNAUTHORIZED');
    expect(body.error.message).toBe(seedFr.UNAUTHORIZED?.description);
  });

  it('answers a language the demo lacks, and a malformed Accept-Language, in English', async () => {
    for (const header of ['de', 'fr;q=nope,,;;', `${'x'.repeat(5000)}`, 'fr;q=0']) {
      const { res, body } = await get('/v2/nothing', { 'accept-language': header });
      expect(res.status, header).toBe(404);
      expect(res.headers.get('content-language'), header).toBe('en');
      expect(body, header).toMatchObject({ code: 'ROUTE_NOT_FOUND', title: 'No such route' });
    }
  });

  it('falls back from fr-CA to fr', async () => {
    const { res, body } = await get('/v1/variables/production/API_URL', { 'accept-language': 'fr-CA' });
    expect(res.status).toBe(401);
    expect(res.headers.get('content-language')).toBe('fr');
    expect(body.detail).toBe(seedFr.UNAUTHORIZED?.description);
  });

  it('chooses the plural form the count needs', async () => {
    for (const [limit, text] of [
      [1, 'la limite est de 1 requête par minute'],
      [3, 'la limite est de 3 requêtes par minute'],
    ] as const) {
      const one = await startDemo(0, { onError: () => {}, rateLimit: limit });
      try {
        let last: Response | undefined;
        for (let i = 0; i <= limit; i++)
          last = await fetch(`${one.url}/v1/usage`, { headers: { 'accept-language': 'fr' } });
        const res = last as Response;
        expect(res.status).toBe(429);
        expect(res.headers.get('content-language')).toBe('fr');
        const body = (await res.json()) as Problem;
        expect(body).toMatchObject({ code: 'RATE_LIMITED', title: 'Trop de requêtes' });
        expect(body.detail).toContain(text);
      } finally {
        await one.close();
      }
    }
  });
});

describe('the demo’s catalog in French', () => {
  const model = demoCatalog().model;
  const fields: TranslatedField[] = ['title', 'message', 'description', 'remediation'];

  it('translates every field of every entry, the seed’s and the demo’s own', () => {
    const untranslated: string[] = [];
    for (const [id, entry] of Object.entries(model.errors))
      for (const field of fields)
        if (entry[field] !== undefined && localizedField(model, id, field, 'fr')?.locale !== 'fr')
          untranslated.push(`${id}.${field}`);
    expect(untranslated).toEqual([]);
    expect(Object.keys(model.translations?.fr ?? {}).sort()).toEqual(Object.keys(model.errors).sort());
  });

  it('lints with no translation finding (ICU syntax, parameters, coverage)', () => {
    const findings = lint(model, { parseMessage: parse }).filter(
      (f) => f.rule.startsWith('translation') || f.rule.startsWith('locale'),
    );
    expect(findings).toEqual([]);
  });
});
