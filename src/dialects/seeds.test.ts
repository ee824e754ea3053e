/**
 * Every seed catalog, served in its default dialect, looks on the wire the
 * way its seed page shows its envelope. Built from `examples/catalogs/<name>.json`
 * through `normalizeDocument` + `createCatalog`, like a JSON catalog in production.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { seedFixture } from '../../test/fixtures/seeds.js';
import { createCatalog } from '../catalog/define.js';
import { normalizeDocument } from '../catalog/load.js';
import { toWire } from '../server/response.js';
import { dialects } from './index.js';

const REPO = fileURLToPath(new URL('../..', import.meta.url));
const load = (name: string) =>
  createCatalog(normalizeDocument(JSON.parse(readFileSync(`${REPO}examples/catalogs/${name}.json`, 'utf8'))));
const NOW = () => new Date('2025-01-15T10:30:00Z');

describe('seed envelopes in their default dialects', () => {
  it('000 barekey: {error: {code, message, requestId}}; the SDK reads error.code', () => {
    expect(seedFixture('barekey').handling).toContain('Check theerror.code field in the response body:');
    const api = load('barekey');
    expect(api.model.dialect).toBe('barekey');
    const wire = toWire(api.error('VARIABLE_NOT_FOUND', {}, { requestId: 'req_123' }));
    expect(wire.status).toBe(404);
    expect(wire.headers['content-type']).toBe('application/json');
    expect(JSON.parse(wire.body)).toEqual({
      error: {
        code: 'VARIABLE_NOT_FOUND',
        message:
          'No variable with the requested name exists in the specified stage. In the SDK, handle this with .default(value) to avoid throwing.',
        requestId: 'req_123',
      },
    });
    // A 5xx keeps the envelope and hides its text; the requestId is what support asks for.
    const internal = JSON.parse(toWire(api.error('EVALUATION_FAILED', {}, { requestId: 'req_9' })).body);
    expect(internal).toEqual({
      error: { code: 'EVALUATION_FAILED', message: 'An internal error occurred.', requestId: 'req_9' },
    });
  });

  it('001 clerk: every entry as {errors: [{message, long_message, code, meta}]}, field for field with the page', () => {
    const blocks = seedFixture('clerk').blocks.map((b) => ({
      status: b.status,
      json: JSON.parse(b.json) as {
        shortMessage: string;
        longMessage?: string;
        code: string;
        meta?: unknown;
      },
    }));
    const api = load('clerk');
    expect(api.model.dialect).toBe('clerk');
    expect(blocks).toHaveLength(api.ids.length);
    let compared = 0;
    for (const [i, id] of api.ids.entries()) {
      const block = blocks[i] as (typeof blocks)[number];
      const entry = api.model.errors[id];
      const examples = (entry?.details as { examples?: unknown[] } | undefined)?.examples;
      const wire = toWire(api.error(id, {}, { requestId: 'trace_1', details: examples?.[0] }));
      expect(wire.status).toBe(block.status);
      const body = JSON.parse(wire.body);
      expect(body.clerk_trace_id).toBe('trace_1');
      expect(body.errors).toHaveLength(1);
      const item = body.errors[0];
      expect(item.code).toBe(block.json.code);
      expect(item.message).toBe(block.json.shortMessage);
      if (!entry?.expose) {
        expect(item.long_message).toBe('An internal error occurred.');
        continue;
      }
      const expected: Record<string, unknown> = { message: block.json.shortMessage };
      if (block.json.longMessage !== undefined) expected.long_message = block.json.longMessage;
      expected.code = block.json.code;
      if (block.json.meta !== undefined) expected.meta = block.json.meta;
      // Same members, same values, same order as the page.
      expect(JSON.stringify(item)).toBe(JSON.stringify(expected));
      compared++;
    }
    expect(compared).toBeGreaterThan(170);
  });

  it('002 sitescore (no envelope on its page): served in problem, its retry policy reaches the dialects that carry one', () => {
    const api = load('sitescore');
    expect(api.model.dialect).toBe('problem');
    const wire = toWire(api.error('SCORING_RATE_LIMITED'));
    expect(wire.headers['content-type']).toBe('application/problem+json');
    expect(wire.headers['retry-after']).toBe('60');
    expect(JSON.parse(wire.body)).toMatchObject({ status: 429, code: 'SCORING_RATE_LIMITED' });
    const openai = toWire(api.error('SCORING_RATE_LIMITED'), { dialect: 'openai' });
    expect(openai.headers).toMatchObject({ 'x-should-retry': 'true', 'retry-after-ms': '60000' });
    const stripe = toWire(api.error('FORBIDDEN'), { dialect: 'stripe' });
    expect(stripe.headers['stripe-should-retry']).toBe('false');
    const google = JSON.parse(toWire(api.error('SCORING_RATE_LIMITED'), { dialect: 'google' }).body);
    const kinds = google.error.details.map((d: { '@type': string }) => d['@type'].split('.').pop());
    expect(kinds).toEqual(['ErrorInfo', 'RetryInfo', 'Help', 'LocalizedMessage']);
    // The remediation travels as the description of the entry's reference link.
    expect(google.error.details[2].links[0]).toEqual({
      description: 'Back off 60 seconds, then retry. See Rate Limits.',
      url: 'https://docs.example.com/sitescore/errors#SCORING_RATE_LIMITED',
    });
    // Every entry serializes in every built-in dialect, and reads back to its code.
    for (const id of api.ids) {
      for (const d of Object.values(dialects)) {
        const w = d.serialize(api.error(id));
        const parsed = d.parse(JSON.parse(w.body), { status: w.status, headers: new Headers(w.headers) });
        expect(parsed?.code, `${d.name} ${id}`).toBe(api.model.errors[id]?.code);
      }
    }
  });

  it('003 flags: {code, message, details} exactly as the page shows, details null when absent', () => {
    const examples = seedFixture('flags').sections.map((s) => JSON.parse(s.json));
    expect(examples.length).toBeGreaterThanOrEqual(6);
    const api = load('flags');
    expect(api.model.dialect).toBe('simple');
    for (const example of examples) {
      const id = api.ids.find((i) => api.model.errors[i]?.code === example.code) as string;
      const entry = api.model.errors[id];
      const err = api.error(id, {}, example.details === null ? {} : { details: example.details });
      const body = toWire(err).body;
      if (entry?.expose) {
        expect(body).toBe(JSON.stringify(example));
      } else {
        // errata hides a 5xx's message unless the entry sets expose: true.
        expect(JSON.parse(body)).toEqual({ ...example, message: 'An internal error occurred.' });
        const open = createCatalog({ ...api.model, errors: { [id]: { ...entry, expose: true } } } as never);
        expect(toWire(open.error(id)).body).toBe(JSON.stringify(example));
      }
    }
  });

  it('004 authos: {error, error_code, timestamp} with the ISO 8601 timestamp the page shows', () => {
    const example = JSON.parse(seedFixture('authos').example);
    const api = load('authos');
    expect(api.model.dialect).toBe('authos');
    const wire = toWire(api.error('TOKEN_EXPIRED'), { now: NOW, requestId: 'r' });
    const body = JSON.parse(wire.body);
    expect(Object.keys(body)).toEqual(Object.keys(example));
    expect(body).toEqual({
      error: 'The JWT access token has expired. Use the refresh token to obtain a new one.',
      error_code: 'TOKEN_EXPIRED',
      timestamp: example.timestamp,
    });
    expect(wire.headers['x-request-id']).toBe('r');
  });
});
