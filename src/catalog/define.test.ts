import { createJiti } from 'jiti';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { ErrataError, isErrataError } from '../error.js';
import { createCatalog, defineCatalog } from './define.js';
import { CatalogError, UnknownErrorIdError } from './errors.js';

const api = defineCatalog({
  name: 'barekey',
  docs: 'https://docs.example.com/errors',
  errors: {
    VARIABLE_NOT_FOUND: {
      status: 404,
      category: 'Variables',
      message: 'No variable named {name} exists in stage {stage}.',
      remediation: 'Use .default(value) in the SDK to avoid throwing.',
    },
    INVALID_REQUEST: {
      status: 400,
      code: 'invalid_request',
      message: 'Invalid request.',
      details: z.object({ field: z.string() }),
    },
    BILLING_UNAVAILABLE: {
      status: 503,
      retry: { strategy: 'exponential' },
      message: 'Billing down: {reason}',
    },
    RATE_LIMITED: { status: 429, retry: { afterMs: 60_000 } },
  },
});

describe('defineCatalog', () => {
  it('normalizes into an immutable model with defaults filled', () => {
    const e = api.model.errors.VARIABLE_NOT_FOUND;
    expect(e).toEqual({
      code: 'VARIABLE_NOT_FOUND',
      status: 404,
      category: 'Variables',
      message: 'No variable named {name} exists in stage {stage}.',
      remediation: 'Use .default(value) in the SDK to avoid throwing.',
      params: { name: { type: 'string' }, stage: { type: 'string' } },
      expose: true,
    });
    // An entry that does not state `retry` does not say: not the same as `retry: false`.
    expect(e).not.toHaveProperty('retry');
    expect(api.model.categories).toEqual(['Variables', 'General']);
    expect(api.model.errors.BILLING_UNAVAILABLE?.expose).toBe(false);
    expect(api.model.errors.BILLING_UNAVAILABLE?.retry).toEqual({
      retryable: true,
      strategy: 'exponential',
      baseMs: 500,
      maxMs: 30000,
    });
    expect(api.model.errors.RATE_LIMITED?.retry).toEqual({
      retryable: true,
      strategy: 'after',
      afterMs: 60000,
    });
    expect(Object.isFrozen(api.model)).toBe(true);
    expect(Object.isFrozen(e?.params)).toBe(true);
    expect(() => {
      (api.model as { name: string }).name = 'x';
    }).toThrow(TypeError);
  });

  it('turns a zod details schema into JSON Schema', () => {
    expect(api.model.errors.INVALID_REQUEST?.details).toMatchObject({
      type: 'object',
      properties: { field: { type: 'string' } },
      required: ['field'],
    });
  });

  it('throws a CatalogError listing every problem', () => {
    const bad = () =>
      defineCatalog({
        errors: { A: { status: 200 }, B: { status: 404, retry: { strategy: 'fixed' } as never } },
      });
    expect(bad).toThrow(CatalogError);
    try {
      bad();
    } catch (e) {
      expect((e as CatalogError).issues.map((i) => i.path)).toEqual([
        'errors.A.status',
        'errors.B.retry.delayMs',
      ]);
    }
  });
});

describe('catalog.error', () => {
  it('creates an ErrataError with everything a dialect needs', () => {
    const cause = new Error('db');
    const err = api.error(
      'VARIABLE_NOT_FOUND',
      { name: 'API_URL', stage: 'prod' },
      { cause, requestId: 'r1' },
    );
    expect(err).toBeInstanceOf(ErrataError);
    expect(err).toBeInstanceOf(Error);
    expect(err.name).toBe('ErrataError');
    expect(err.id).toBe('VARIABLE_NOT_FOUND');
    expect(err.code).toBe('VARIABLE_NOT_FOUND');
    expect(err.status).toBe(404);
    expect(err.message).toBe('No variable named API_URL exists in stage prod.');
    expect(err.params).toEqual({ name: 'API_URL', stage: 'prod' });
    expect(err.cause).toBe(cause);
    expect(err.requestId).toBe('r1');
    expect(err.expose).toBe(true);
    expect(err.definition.type).toBe('https://docs.example.com/errors#VARIABLE_NOT_FOUND');
  });

  it('renders the message from the parameters when it is read, and keeps one that is set', () => {
    let reads = 0;
    const params = {
      stage: 'prod',
      get name() {
        reads++;
        return 'API_URL';
      },
    };
    const err = api.error('VARIABLE_NOT_FOUND', params);
    // Made: the parameters are checked (one read), the message is not rendered yet.
    expect(reads).toBe(1);
    expect(Object.hasOwn(err, 'message')).toBe(false);
    expect(err.message).toBe('No variable named API_URL exists in stage prod.');
    expect(reads).toBe(2);
    expect(err.stack).toBe('ErrataError: No variable named API_URL exists in stage prod.');
    expect(String(err)).toBe('ErrataError: No variable named API_URL exists in stage prod.');
    expect(err.toJSON()).toMatchObject({ message: 'No variable named API_URL exists in stage prod.' });
    // Set, it is the error's own, as Error's is (not enumerable, writable), and no longer rendered.
    err.message = 'replaced';
    const before = reads;
    expect(err.message).toBe('replaced');
    expect(err.stack).toBe('ErrataError: replaced');
    expect(Object.getOwnPropertyDescriptor(err, 'message')).toMatchObject({
      enumerable: false,
      writable: true,
    });
    expect(reads).toBe(before);
    // A 5xx captures its stack with its message, rendered when it is made.
    const server = api.error('BILLING_UNAVAILABLE', { reason: 'db' });
    expect(Object.hasOwn(server, 'message')).toBe(true);
    expect(server.stack?.split('\n')[0]).toBe('ErrataError: Billing down: db');
    // Parameters that cannot render the message: the fallback text is the error's own.
    const wrong = api.error('VARIABLE_NOT_FOUND', { name: 'a' } as never);
    expect(Object.hasOwn(wrong, 'message')).toBe(true);
    expect(wrong.message).toBe('The request could not be completed.');
    // The prototype itself reads as an empty message.
    expect(ErrataError.prototype.message).toBe('');
  });

  it('uses the wire code, not the id, as code', () => {
    const err = api.error('INVALID_REQUEST', {}, { details: { field: 'name' } });
    expect(err.code).toBe('invalid_request');
    expect(err.id).toBe('INVALID_REQUEST');
    expect(err.details).toEqual({ field: 'name' });
  });

  it('skips the stack trace below 500 and keeps it at 500 and above', () => {
    const expected = api.error('VARIABLE_NOT_FOUND', { name: 'a', stage: 'b' });
    expect(expected.stack?.split('\n').length).toBe(1);
    const server = api.error('BILLING_UNAVAILABLE', { reason: 'x' });
    expect(server.stack?.split('\n').length).toBeGreaterThan(1);
    expect(server.stack).toContain('define.test.ts');
    const forced = api.error('VARIABLE_NOT_FOUND', { name: 'a', stage: 'b' }, { stack: true });
    expect(forced.stack).toContain('define.test.ts');
    // The global limit is restored.
    expect(Error.stackTraceLimit).toBeGreaterThan(0);
  });

  it('falls back to title, then description, when there is no message', () => {
    const c = createCatalog(
      defineCatalog({ errors: { A: { status: 400, title: 'T' }, B: { status: 400, description: 'D' } } })
        .model,
    );
    expect(c.error('A').message).toBe('T');
    expect(c.error('B').message).toBe('D');
  });

  it('rejects an unknown id at runtime with a clear error', () => {
    expect(() => (api.error as (id: string) => unknown)('NOPE')).toThrow(UnknownErrorIdError);
    expect(() => (api.error as (id: string) => unknown)('NOPE')).toThrow(
      'Unknown error id "NOPE" in catalog "barekey"',
    );
  });

  it('serializes to a safe summary with JSON.stringify', () => {
    const err = api.error(
      'BILLING_UNAVAILABLE',
      { reason: 'password=hunter2' },
      { cause: new Error('secret') },
    );
    const json = JSON.stringify(err);
    expect(JSON.parse(json)).toEqual({
      name: 'ErrataError',
      id: 'BILLING_UNAVAILABLE',
      code: 'BILLING_UNAVAILABLE',
      status: 503,
    });
    expect(json).not.toContain('hunter2');
    expect(json).not.toContain('secret');
  });

  it('narrows with catalog.is and isErrataError', () => {
    const err: unknown = api.error('RATE_LIMITED');
    expect(api.is(err)).toBe(true);
    expect(api.is(err, 'RATE_LIMITED')).toBe(true);
    expect(api.is(err, 'VARIABLE_NOT_FOUND')).toBe(false);
    expect(api.is(new Error('x'))).toBe(false);
    expect(isErrataError(err)).toBe(true);
    expect(isErrataError({ name: 'ErrataError' })).toBe(false);
    expect(isErrataError(null)).toBe(false);
  });

  it('is recognised across two copies of the package', async () => {
    const jiti = createJiti(import.meta.url, { moduleCache: false });
    const copy = (await jiti.import('./define.ts')) as typeof import('./define.js');
    const otherApi = copy.defineCatalog({ errors: { X: { status: 400 } } });
    const foreign = otherApi.error('X');
    expect(foreign).not.toBeInstanceOf(ErrataError);
    expect(isErrataError(foreign)).toBe(true);
  });
});
