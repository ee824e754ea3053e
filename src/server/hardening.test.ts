// The responder against a careless application and hostile values.
import createHttpError from 'http-errors';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { defineCatalog } from '../catalog/define.js';
import { dialects } from '../dialects/index.js';
import { problem } from '../dialects/problem/problem.js';
import type { Dialect } from '../dialects/types.js';
import { failures } from './builtin.js';
import { createResponder, type ErrorEvent } from './respond.js';

const api = defineCatalog({
  name: 'core',
  errors: {
    BROKEN: { status: 500, message: 'Broken.' },
    LOCKED: { status: 423, message: 'Locked.' },
    SLOW_DOWN: { status: 429, message: 'Slow down.', retry: { strategy: 'after', afterMs: 30_000 } },
    BAD: { status: 400, message: 'Bad.' },
  },
});
const parse = (body: string) => JSON.parse(body) as Record<string, unknown>;

/** Unhandled rejections seen while `run` and a few turns after it. */
async function rejectionsDuring(run: () => void): Promise<unknown[]> {
  const seen: unknown[] = [];
  const listener = (reason: unknown) => seen.push(reason);
  process.on('unhandledRejection', listener);
  try {
    run();
    for (let i = 0; i < 5; i++) await new Promise((r) => setTimeout(r, 5));
  } finally {
    process.off('unhandledRejection', listener);
  }
  return seen;
}

afterEach(() => {
  vi.restoreAllMocks();
});

describe('responder hardening', () => {
  it('1: a hook that throws, rejects, never settles or logs into a rejecting logger leaves no unhandled rejection', async () => {
    const hooks = [
      () => {
        throw new Error('tracker down');
      },
      async () => {
        throw new Error('tracker down');
      },
      () => new Promise(() => {}),
      { error: () => Promise.reject(new Error('transport down')) },
      () => ({
        // biome-ignore lint/suspicious/noThenProperty: a hostile thenable is the point
        get then() {
          throw new Error('getter');
        },
      }),
    ];
    for (const onError of hooks) {
      const r = createResponder({ catalog: api, onError });
      const rejections = await rejectionsDuring(() => {
        expect(r.respond(new Error('db down')).status).toBe(500);
        expect(r.respond(api.error('BROKEN')).status).toBe(500);
      });
      expect(rejections).toEqual([]);
    }
  });

  it('2: bounds the violations an application attaches, in every dialect', () => {
    const violations = Array.from({ length: 5000 }, (_, i) => ({
      pointer: `/${'k'.repeat(2000)}/${i}`,
      message: 'm'.repeat(2000),
      code: 'c'.repeat(2000),
    }));
    for (const name of Object.keys(dialects)) {
      const r = createResponder({ catalog: api, dialect: name, onError: () => {} });
      const wire = r.respond(api.error('BAD', {}, { violations }));
      expect(wire.status, name).toBe(400);
      // 100 violations of three texts of at most 256 characters, with each dialect's envelope.
      expect(wire.body.length, name).toBeLessThan(200_000);
      expect(wire.body, name).not.toContain('k'.repeat(300));
    }
    const r = createResponder({ catalog: api, dialect: 'problem' });
    const errors = parse(r.respond(failures.validation(violations)).body).errors as unknown[];
    expect(errors.length).toBe(100);
  });

  it('3: sends only field values: a non-ASCII catalog name or value encoded, a CR/LF or bad name dropped, reported once', () => {
    const kessai = defineCatalog({
      name: '決済-api',
      errors: { NO_KEY: { status: 401, message: 'No key.' } },
    });
    const events: ErrorEvent[] = [];
    const r = createResponder({ catalog: kessai, onError: (e) => events.push(e) });
    const denied = r.respond(kessai.error('NO_KEY'));
    expect(denied.status).toBe(401);
    expect(denied.headers['www-authenticate']).toBe('Bearer realm="%E6%B1%BA%E6%B8%88-api"');
    expect(() => new Headers(denied.headers)).not.toThrow();
    const odd = kessai.error(
      'NO_KEY',
      {},
      { headers: { 'x-note': 'a\r\nset-cookie: s=1', 'bad name': 'x', 'x-jp': ' 決済 ', 'x-ok': 'fine' } },
    );
    for (let i = 0; i < 3; i++) {
      const wire = r.respond(odd);
      expect(wire.status).toBe(401);
      expect(wire.headers['content-type']).toBe('application/problem+json');
      expect(wire.headers['x-note']).toBeUndefined();
      expect(wire.headers['bad name']).toBeUndefined();
      expect(wire.headers['x-jp']).toBe('%E6%B1%BA%E6%B8%88');
      expect(wire.headers['x-ok']).toBe('fine');
      expect(() => new Headers(wire.headers)).not.toThrow();
    }
    const config = events.filter((e) => e.kind === 'config').map((e) => (e.cause as Error).message);
    expect(config).toHaveLength(3);
    expect(config.join('\n')).toMatch(/x-note/);
    // A custom dialect's header and the challenge option are held to the same rule.
    const loose: Dialect = {
      ...problem,
      name: 'loose',
      serialize: (e, c) => {
        const w = problem.serialize(e, c);
        return { ...w, headers: { ...w.headers, 'x-n': 42 as never, 'x-bad': 'a\nb' } };
      },
    };
    const l = createResponder({
      catalog: kessai,
      dialect: loose,
      challenge: 'Basic realm="\u0000"',
      onError: () => {},
    });
    const wire = l.respond(kessai.error('NO_KEY'));
    expect(wire.headers['x-n']).toBe('42');
    expect(wire.headers['x-bad']).toBeUndefined();
    expect(wire.headers['www-authenticate']).toBeUndefined();
    expect(() => new Headers(wire.headers)).not.toThrow();
  });

  it('6: reports a client abort as its own kind, quietly by default', () => {
    const events: ErrorEvent[] = [];
    const r = createResponder({ catalog: api, onError: (e) => events.push(e) });
    r.respond(failures.aborted(Object.assign(new Error('aborted'), { code: 'ECONNRESET' })));
    expect(events.map((e) => e.kind)).toEqual(['aborted']);
    expect(((events[0] as ErrorEvent).cause as Error).message).toBe('aborted');
    const error = vi.spyOn(console, 'error').mockImplementation(() => {});
    const quiet = createResponder({ catalog: api });
    quiet.respond(failures.aborted(new Error('aborted')));
    expect(error).not.toHaveBeenCalled();
  });

  it('7: accepts only finite, non-negative retry delays, capped at a day, in every dialect', () => {
    const header = (ms: number, dialect = 'problem', id: 'SLOW_DOWN' | 'BAD' = 'SLOW_DOWN') => {
      const r = createResponder({ catalog: api, dialect });
      return r.respond(api.error(id, {}, { retryAfterMs: ms }));
    };
    for (const ms of [Number.NaN, -5, Number.NEGATIVE_INFINITY, Number.POSITIVE_INFINITY]) {
      expect(header(ms).headers['retry-after'], String(ms)).toBe('30');
      expect(header(ms, 'problem', 'BAD').headers['retry-after'], String(ms)).toBeUndefined();
      expect(header(ms, 'openai', 'BAD').headers['retry-after-ms'], String(ms)).toBeUndefined();
      expect(header(ms, 'google', 'BAD').body, String(ms)).not.toContain('RetryInfo');
    }
    expect(header(1e300).headers['retry-after']).toBe('86400');
    expect(header(1e300, 'openai').headers['retry-after-ms']).toBe('86400000');
    expect(header(1e300, 'google').body).toContain('"retryDelay":"86400s"');
    expect(api.error('SLOW_DOWN', {}, { retryAfterMs: Number.NaN }).retryAfterMs).toBeUndefined();
    // A framework error's Retry-After is delay-seconds or nothing (a catalog without a 429 entry of its own).
    const r = createResponder({ catalog: defineCatalog({ errors: { BROKEN: { status: 500 } } }) });
    for (const [value, sent] of [
      ['1e20', undefined],
      ['-5', undefined],
      ['NaN', undefined],
      ['Infinity', undefined],
      ['100000000000000000000', undefined],
      ['7', '7'],
      ['864000', '86400'],
    ]) {
      const e = createHttpError(429, { headers: { 'Retry-After': value } });
      expect(r.respond(e).headers['retry-after'], value).toBe(sent);
    }
  });

  it('8: answers an unknown dialect name from a chooser in the default, reported once per name', () => {
    const events: ErrorEvent[] = [];
    let name: unknown;
    const r = createResponder({
      catalog: api,
      dialect: () => name as string,
      onError: (e) => events.push(e),
    });
    for (name of ['klingon', 'constructor', '__proto__', 'toString', 'hasOwnProperty', 42, {}, 'klingon']) {
      const wire = r.respond(api.error('LOCKED'), { accept: 'application/json' });
      expect(wire.status, String(name)).toBe(423);
      expect(wire.headers['content-type']).toBe('application/problem+json');
    }
    expect(events.map((e) => e.kind)).toEqual(Array(6).fill('config'));
    expect(((events[0] as ErrorEvent).cause as Error).message).toContain('"klingon"');
  });

  it('10: answers a forged errata brand as an unexpected error, never with what it claims', () => {
    const BRAND = Symbol.for('errata.error');
    const real = api.error('LOCKED');
    const forged = [
      { [BRAND]: true, message: 'forged <script>' },
      { [BRAND]: true, status: 401, code: 'PWNED', definition: null },
      Object.assign(Object.create(Object.getPrototypeOf(real)), {
        definition: { ...real.definition, entry: { ...real.definition.entry, status: 200 } },
        status: 200,
        code: 'LOCKED',
        message: 'forged',
        params: {},
      }),
      {
        [BRAND]: true,
        get definition() {
          throw new Error('getter');
        },
      },
      {
        [BRAND]: true,
        status: 423,
        code: 'PWNED',
        message: 'pwned',
        params: {},
        headers: { 'set-cookie': 'session=stolen' },
        definition: { id: 'X', entry: { status: 423, code: 'OTHER' }, catalog: {}, cache: {} },
      },
    ];
    for (const value of forged) {
      const events: ErrorEvent[] = [];
      const r = createResponder({ catalog: api, onError: (e) => events.push(e) });
      const wire = r.respond(value);
      expect(wire.status).toBe(500);
      expect(parse(wire.body).code).toBe('BROKEN');
      expect(wire.body).not.toMatch(/forged|PWNED|pwned/);
      expect(wire.headers['set-cookie']).toBeUndefined();
      expect(events.map((e) => e.kind)).toEqual(['unexpected']);
    }
  });
});
