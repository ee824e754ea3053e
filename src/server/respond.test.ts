import { readFileSync } from 'node:fs';
import { Writable } from 'node:stream';
import { context } from '@opentelemetry/api';
import { AsyncLocalStorageContextManager } from '@opentelemetry/context-async-hooks';
import {
  BasicTracerProvider,
  InMemorySpanExporter,
  SimpleSpanProcessor,
} from '@opentelemetry/sdk-trace-base';
import createHttpError from 'http-errors';
import { AuthenticationError } from 'openai';
import pino from 'pino';
import { describe, expect, it } from 'vitest';
import { createCatalog, defineCatalog } from '../catalog/define.js';
import { normalizeDocument } from '../catalog/load.js';
import { problem } from '../dialects/problem/problem.js';
import type { Dialect } from '../dialects/types.js';
import { failures } from './builtin.js';
import { createNegotiator } from './negotiate.js';
import { createResponder, type ErrorEvent } from './respond.js';

const seed = (name: string) =>
  createCatalog(
    normalizeDocument(
      JSON.parse(readFileSync(new URL(`../../examples/catalogs/${name}.json`, import.meta.url), 'utf8')),
    ),
  );

const api = defineCatalog({
  name: 'core',
  errors: {
    BROKEN: { status: 500, message: 'Broken.' },
    GONE: { status: 404, message: 'Gone {what}.' },
    LOCKED: { status: 423, message: 'Locked.' },
  },
});

const parse = (body: string) => JSON.parse(body) as Record<string, unknown>;

describe('createResponder', () => {
  it('maps framework failures to a seed catalog’s own entries, else to the built-in ones in its casing', () => {
    const barekey = createResponder({ catalog: seed('barekey'), dialect: 'problem', onError: () => {} });
    const code = (e: unknown) => parse(barekey.respond(e).body).code;
    expect(code(failures.malformedBody())).toBe('INVALID_JSON');
    expect(code(failures.validation([{ pointer: '/a', message: 'bad' }]))).toBe('INVALID_REQUEST');
    expect(code(new Error('x'))).toBe('EVALUATION_FAILED');
    expect(code(failures.notFound('GET', '/x'))).toBe('NOT_FOUND');
    expect(code(failures.payloadTooLarge())).toBe('PAYLOAD_TOO_LARGE');
    const media = barekey.respond(failures.unsupportedMediaType());
    expect([media.status, parse(media.body).code]).toEqual([415, 'UNSUPPORTED_MEDIA_TYPE']);
    const own = createResponder({
      catalog: defineCatalog({ name: 'm', errors: { BAD_TYPE: { status: 415, message: 'Send JSON.' } } }),
    });
    expect(parse(own.respond(failures.unsupportedMediaType()).body).detail).toBe('Send JSON.');
    const sitescore = createResponder({ catalog: seed('sitescore'), onError: () => {} });
    expect(parse(sitescore.respond(new Error('x')).body).code).toBe('INTERNAL_ERROR');
  });

  it("trusts the status of a framework's own client error only (http-errors, Boom), not an SDK's", () => {
    const events: ErrorEvent[] = [];
    const r = createResponder({ catalog: api, onError: (e) => events.push(e) });
    const ctx = { method: 'DELETE', path: '/things/1' };
    const missing = r.respond(createHttpError(404, 'no row 17 in table things'), ctx);
    expect([missing.status, parse(missing.body).detail]).toEqual([404, 'No route matches DELETE /things/1.']);
    const method = r.respond(createHttpError(405, { headers: { Allow: 'GET, HEAD' } }), ctx);
    expect([method.status, method.headers.allow]).toEqual([405, 'GET, HEAD']);
    const conflict = r.respond(createHttpError(409, 'duplicate key value violates "things_pkey"'), ctx);
    expect([conflict.status, parse(conflict.body).code]).toEqual([409, 'CONFLICT']);
    expect(conflict.body).not.toContain('things_pkey');
    const teapot = r.respond(createHttpError(418), ctx);
    expect([teapot.status, parse(teapot.body).code]).toEqual([400, 'BAD_REQUEST']);
    expect(events).toEqual([]);
    // An upstream API's 401, thrown by its SDK, is this server's failure.
    const upstream = new AuthenticationError(
      401,
      { message: 'Incorrect API key sk-live' },
      'Incorrect API key',
      new Headers(),
    );
    const masked = r.respond(upstream, ctx);
    expect(masked.status).toBe(500);
    expect(masked.body).not.toContain('sk-live');
    expect(r.respond(Object.assign(new Error('x'), { status: 403 }), ctx).status).toBe(500);
    expect(r.respond(createHttpError(503, 'pool exhausted'), ctx).status).toBe(500);
    expect(events.map((e) => e.kind)).toEqual(['unexpected', 'unexpected', 'unexpected']);
  });

  it('keeps the violations, headers and params of a remapped failure', () => {
    const r = createResponder({ catalog: seed('barekey'), dialect: 'problem' });
    const v = parse(
      r.respond(failures.validation([{ pointer: '/a/b', message: 'too short', code: 'min' }])).body,
    );
    expect(v.errors).toEqual([{ detail: 'too short', pointer: '#/a/b', code: 'min' }]);
    const m = r.respond(failures.methodNotAllowed('PUT', ['GET', 'HEAD']));
    expect(m.status).toBe(405);
    expect(m.headers.allow).toBe('GET, HEAD');
    expect(parse(m.body).detail).toBe('The method PUT is not allowed on this route.');
  });

  it('honours explicit mappings and refuses ids the catalog lacks', () => {
    const r = createResponder({ catalog: api, notFound: 'GONE', internal: 'BROKEN', onError: () => {} });
    expect(parse(r.respond(failures.notFound('GET', '/x')).body).code).toBe('GONE');
    // An id the catalog's type lacks does not compile; one from an untyped catalog fails at once.
    // @ts-expect-error not an id of the catalog
    expect(() => createResponder({ catalog: api, validation: 'NOPE' })).toThrow(
      /"NOPE", which is not in catalog "core"/,
    );
    // @ts-expect-error not an id of the catalog
    expect(() => createResponder({ catalog: api, routes: { 'GET /x': ['NOPE'] } })).toThrow(
      /GET \/x declares "NOPE"/,
    );
    expect(() => createResponder({ catalog: api, routes: { '/x': [] } })).toThrow(/METHOD \/path/);
    expect(() => createResponder({ catalog: api, dialect: 'klingon' })).toThrow(/unknown dialect "klingon"/);
  });

  it('logs an unexpected exception with message and stack through a pino logger, never to the caller', () => {
    const lines: string[] = [];
    const stream = new Writable({
      write(chunk, _enc, cb) {
        lines.push(String(chunk));
        cb();
      },
    });
    const logger = pino({ level: 'error' }, stream);
    const r = createResponder({ catalog: api, onError: logger });
    const wire = r.respond(new Error('password=hunter2'), { method: 'GET', path: '/p', requestId: 'rid-1' });
    logger.flush();
    expect(wire.body).not.toContain('hunter2');
    expect(wire.status).toBe(500);
    const log = JSON.parse(lines.join('')) as {
      err: { message: string; stack: string };
      requestId: string;
      code: string;
    };
    expect(log.err.message).toBe('password=hunter2');
    expect(log.err.stack).toContain('respond.test.ts');
    expect(log.requestId).toBe('rid-1');
    expect(log.code).toBe('BROKEN');
  });

  it('answers a safe 500 when a dialect function or a user dialect fails', () => {
    const events: ErrorEvent[] = [];
    const broken: Dialect = {
      ...problem,
      name: 'broken',
      serialize: () => {
        throw new Error('serializer bug token=abc');
      },
    };
    const r = createResponder({
      catalog: api,
      dialects: { broken },
      dialect: () => 'broken',
      onError: (e) => events.push(e),
    });
    const wire = r.respond(api.error('GONE', { what: 'x' }), { requestId: 'q1' });
    expect(wire.status).toBe(500);
    expect(wire.headers['content-type']).toBe('application/problem+json');
    expect(wire.body).not.toContain('token=abc');
    expect(parse(wire.body).requestId).toBe('q1');
    expect(events.map((e) => (e.cause as Error).message)).toEqual(['serializer bug token=abc']);
  });

  it('survives a hook that throws', () => {
    const r = createResponder({
      catalog: api,
      onError: () => {
        throw new Error('logger down');
      },
    });
    expect(r.respond(new Error('x')).status).toBe(500);
  });

  it('reports an undeclared error in production and serves it as it is', () => {
    const events: ErrorEvent[] = [];
    const r = createResponder({
      catalog: api,
      development: false,
      routes: { 'GET /a/:id': ['GONE'] },
      onError: (e) => events.push(e),
    });
    r.declare('POST', '/a', ['LOCKED']);
    r.declare('GET', '/a/:id', ['LOCKED']);
    expect(r.respond(api.error('LOCKED'), { method: 'GET', route: '/a/:id' }).status).toBe(423);
    const wire = r.respond(api.error('GONE', { what: 'x' }), { method: 'POST', route: '/a' });
    expect(wire.status).toBe(404);
    const wire2 = r.respond(api.error('BROKEN'), { method: 'POST', route: '/a' });
    expect(wire2.status).toBe(500);
    expect(events.map((e) => e.kind)).toEqual(['undeclared', 'server']);
    expect(r.declarations()).toEqual([
      { method: 'GET', path: '/a/:id', errors: ['GONE', 'LOCKED'] },
      { method: 'POST', path: '/a', errors: ['LOCKED'] },
    ]);
  });

  it('sets error.type on the active span, and records the exception of a 5xx', async () => {
    const exporter = new InMemorySpanExporter();
    const provider = new BasicTracerProvider({ spanProcessors: [new SimpleSpanProcessor(exporter)] });
    const manager = new AsyncLocalStorageContextManager().enable();
    context.setGlobalContextManager(manager);
    try {
      const r = createResponder({ catalog: api, onError: () => {} });
      await r.ready;
      const tracer = provider.getTracer('t');
      for (const thrown of [api.error('GONE', { what: 'x' }), new Error('db down')]) {
        tracer.startActiveSpan('req', (span) => {
          r.respond(thrown);
          span.end();
        });
      }
      const [gone, boom] = exporter.getFinishedSpans();
      expect(gone?.attributes['error.type']).toBe('GONE');
      expect(gone?.events).toEqual([]);
      expect(boom?.attributes['error.type']).toBe('BROKEN');
      expect(boom?.events[0]?.name).toBe('exception');
      expect(boom?.events[0]?.attributes?.['exception.message']).toBe('db down');
      expect(boom?.status.code).toBe(2);
    } finally {
      context.disable();
      await provider.shutdown();
    }
  });

  it('sets WWW-Authenticate on a 401 from a function, and keeps a challenge the error carries', () => {
    const cat = defineCatalog({ name: 'a', errors: { NO: { status: 401, message: 'No.' } } });
    const r = createResponder({ catalog: cat, challenge: (e) => `Basic realm="${e.code}"` });
    expect(r.respond(cat.error('NO')).headers['www-authenticate']).toBe('Basic realm="NO"');
    const own = cat.error('NO', {}, { headers: { 'www-authenticate': 'DPoP algs="ES256"' } });
    expect(r.respond(own).headers['www-authenticate']).toBe('DPoP algs="ES256"');
    const d = createResponder({ catalog: cat });
    expect(d.respond(cat.error('NO')).headers['www-authenticate']).toBe('Bearer realm="a"');
  });
});

describe('a localizer of the app', () => {
  it('never sends a Content-Language that is not a language tag, and keeps the Vary it was given', () => {
    const api = defineCatalog({ errors: { GONE: { status: 410, title: 'Gone' } } });
    const localizer = (language: string) => ({
      source: language,
      forRequest: () => ({
        locale: language,
        texts: (error: import('../error.js').ErrataError) => ({
          locale: language,
          title: 'Parti',
          message: error.message,
        }),
        language: () => language,
      }),
    });
    const headers = (language: string) =>
      createResponder({ catalog: api, localize: localizer(language) }).respond(
        api.error('GONE', {}, { headers: { vary: 'Origin' } }),
      ).headers;
    expect(headers('fr')).toMatchObject({ 'content-language': 'fr', vary: 'Origin, Accept-Language' });
    for (const hostile of ['fr\r\nSet-Cookie: a=b', 'fr, en', '', 'x'.repeat(100)]) {
      const sent = headers(hostile);
      expect(sent['content-language'], hostile).toBeUndefined();
      expect(sent.vary, hostile).toBe('Origin');
      expect(JSON.stringify(sent), hostile).not.toContain('Set-Cookie');
    }
  });
});

describe('createNegotiator', () => {
  const vnd: Dialect = { ...problem, name: 'vnd', contentType: 'application/vnd.api+json' };
  const json: Dialect = { ...problem, name: 'json', contentType: 'application/json' };
  const pick = createNegotiator([problem, vnd, json], json);
  it('picks the dialect whose own media type the client ranks highest', () => {
    expect(pick(undefined).name).toBe('json');
    expect(pick('*/*').name).toBe('json');
    expect(pick('application/problem+json').name).toBe('problem');
    expect(pick('application/json, application/problem+json').name).toBe('problem');
    expect(pick('application/json;q=1, application/problem+json;q=0.5').name).toBe('json');
    expect(pick('application/problem+json;q=0.4, application/vnd.api+json;q=0.6').name).toBe('vnd');
    expect(pick('application/problem+json;q=0').name).toBe('json');
    expect(pick('APPLICATION/PROBLEM+JSON ; q=0.9').name).toBe('problem');
  });
  it('reads a hostile header only in part', () => {
    expect(pick(`${'x/y,'.repeat(100_000)}application/problem+json`).name).toBe('json');
    expect(pick(';;;,,,=q=,').name).toBe('json');
  });
});
