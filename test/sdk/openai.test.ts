/**
 * The `openai` dialect against the real OpenAI SDK (openai v6, Stainless):
 * the SDK must raise its own error class for the status, carrying errata's
 * code, message, param and request id, and retry exactly when the catalog
 * says so, after the delay errata sent.
 */
import OpenAI, {
  BadRequestError,
  ConflictError,
  InternalServerError,
  NotFoundError,
  RateLimitError,
} from 'openai';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { defineCatalog } from '../../src/catalog/define.js';
import { openai } from '../../src/dialects/openai/openai.js';
import type { ErrataError } from '../../src/error.js';
import { startWireServer, type WireServer } from './_server.js';

const api = defineCatalog({
  name: 'models',
  docs: 'https://docs.example.com/errors',
  errors: {
    MODEL_NOT_FOUND: { status: 404, title: 'Model not found', message: 'No model named {name}.' },
    INVALID_REQUEST: { status: 400, message: 'The request failed validation.' },
    VERSION_CONFLICT: { status: 409, retry: false, message: 'The model was changed by another request.' },
    QUOTA_EXCEEDED: { status: 429, retry: false, message: 'The monthly quota is used up.' },
    // No retry stated: the SDK keeps its own defaults.
    ENGINE_CRASHED: { status: 500, message: 'The engine crashed.' },
    LOCK_TIMEOUT: { status: 409, message: 'The model is locked.' },
    OVERLOADED: { status: 503, retry: { strategy: 'fixed', delayMs: 700 }, message: 'Try again shortly.' },
    RATE_LIMITED: { status: 429, retry: { afterMs: 600 }, message: 'Slow down.' },
    UPSTREAM_FAILED: { status: 502, retry: true, message: 'An upstream failed.' },
    SIGNAL_INCOMPLETE: { status: 400, retry: { strategy: 'fixed', delayMs: 600 }, message: 'Not ready yet.' },
  },
});

// Time measured at the server can come in a little early against the SDK's sleep.
const TOLERANCE_MS = 25;
// The SDK's own first back-off is at most 0.5 s (initialRetryDelay 0.5 s, minus jitter).
const OPENAI_DEFAULT_FIRST_DELAY_MAX_MS = 500;

let server: WireServer;
beforeAll(async () => {
  server = await startWireServer();
});
afterAll(() => server.close());
beforeEach(() => server.reset());

function client(maxRetries: number): OpenAI {
  return new OpenAI({ baseURL: `http://127.0.0.1:${server.port}/v1`, apiKey: 'x', maxRetries });
}
function serve(make: () => ErrataError, requestId = 'req_openai_1'): void {
  server.answer(() => openai.serialize(make(), { requestId }));
}
async function failure(c: OpenAI): Promise<unknown> {
  try {
    await c.models.retrieve('gpt-errata');
  } catch (e) {
    return e;
  }
  throw new Error('the SDK call succeeded');
}

describe('openai SDK against the openai dialect', () => {
  it('raises NotFoundError with errata code, message and request id; no retry', async () => {
    serve(() => api.error('MODEL_NOT_FOUND', { name: 'gpt-errata' }));
    const err = await failure(client(2));
    expect(err).toBeInstanceOf(NotFoundError);
    const e = err as NotFoundError;
    expect(e.status).toBe(404);
    expect(e.code).toBe('MODEL_NOT_FOUND');
    expect(e.type).toBe('not_found_error');
    expect(e.param).toBeNull();
    expect(e.message).toBe('404 No model named gpt-errata.');
    expect(e.requestID).toBe('req_openai_1');
    expect(server.requests).toHaveLength(1);
    expect(server.requests[0]?.url).toBe('/v1/models/gpt-errata');
  });

  it('raises BadRequestError whose param is the first violation; every violation is kept', async () => {
    serve(() =>
      api.error(
        'INVALID_REQUEST',
        {},
        {
          violations: [
            { pointer: '/messages/0/content', message: 'is required', code: 'required' },
            { pointer: '/temperature', message: 'must be at most 2' },
          ],
        },
      ),
    );
    const e = (await failure(client(2))) as BadRequestError;
    expect(e).toBeInstanceOf(BadRequestError);
    expect(e.code).toBe('INVALID_REQUEST');
    expect(e.param).toBe('messages[0].content');
    expect((e.error as { details: unknown }).details).toEqual({
      errors: [
        { pointer: '/messages/0/content', message: 'is required', code: 'required' },
        { pointer: '/temperature', message: 'must be at most 2' },
      ],
    });
    expect(server.requests).toHaveLength(1);
  });

  it('does not retry a 409 or a 429 the catalog calls non-retryable (x-should-retry: false)', async () => {
    serve(() => api.error('VERSION_CONFLICT'));
    expect(await failure(client(3))).toBeInstanceOf(ConflictError);
    expect(server.requests).toHaveLength(1);
    server.reset();
    serve(() => api.error('QUOTA_EXCEEDED'));
    const e = (await failure(client(3))) as RateLimitError;
    expect(e).toBeInstanceOf(RateLimitError);
    expect(e.code).toBe('QUOTA_EXCEEDED');
    expect(server.requests).toHaveLength(1);
  });

  it('retries a retryable 503 exactly maxRetries times, each after the delay errata sent', async () => {
    serve(() => api.error('OVERLOADED'));
    const e = (await failure(client(2))) as InternalServerError;
    expect(e).toBeInstanceOf(InternalServerError);
    expect(e.status).toBe(503);
    expect(e.code).toBe('OVERLOADED');
    expect(e.headers?.get('retry-after-ms')).toBe('700');
    expect(server.requests).toHaveLength(3);
    const gaps = server.gaps();
    for (const gap of gaps) expect(gap).toBeGreaterThanOrEqual(700 - TOLERANCE_MS);
    // The first default back-off is at most 500 ms: waiting 700 ms is errata's delay, not the SDK's.
    expect(gaps[0]).toBeGreaterThan(OPENAI_DEFAULT_FIRST_DELAY_MAX_MS);
    // Each retry is the same request, counted by the SDK's own retry header.
    expect(server.requests.map((r) => r.headers['x-stainless-retry-count'])).toEqual(['0', '1', '2']);
  });

  it('retries a retryable 429 after its stated window and raises RateLimitError at the end', async () => {
    serve(() => api.error('RATE_LIMITED'));
    const e = (await failure(client(1))) as RateLimitError;
    expect(e).toBeInstanceOf(RateLimitError);
    expect(server.requests).toHaveLength(2);
    expect(server.gaps()[0]).toBeGreaterThanOrEqual(600 - TOLERANCE_MS);
    expect(server.gaps()[0]).toBeGreaterThan(OPENAI_DEFAULT_FIRST_DELAY_MAX_MS);
  });

  it('honours a per-occurrence delay (a rate limit reset) over the entry policy', async () => {
    serve(() => api.error('UPSTREAM_FAILED', {}, { retryAfterMs: 800 }));
    const e = (await failure(client(1))) as InternalServerError;
    expect(e).toBeInstanceOf(InternalServerError);
    expect(e.status).toBe(502);
    expect(server.requests).toHaveLength(2);
    expect(server.gaps()[0]).toBeGreaterThanOrEqual(800 - TOLERANCE_MS);
  });

  it('retries a retryable error with no stated delay on the SDK back-off, 1 + maxRetries requests', async () => {
    serve(() => api.error('UPSTREAM_FAILED'));
    const e = (await failure(client(1))) as InternalServerError;
    expect(e.code).toBe('UPSTREAM_FAILED');
    expect(e.headers?.get('x-should-retry')).toBe('true');
    expect(e.headers?.get('retry-after-ms')).toBeNull();
    expect(server.requests).toHaveLength(2);
  });

  it('retries a 400 the catalog calls retryable, which the SDK never would by default', async () => {
    serve(() => api.error('SIGNAL_INCOMPLETE'));
    const e = (await failure(client(1))) as BadRequestError;
    expect(e).toBeInstanceOf(BadRequestError);
    expect(e.code).toBe('SIGNAL_INCOMPLETE');
    expect(server.requests).toHaveLength(2);
    expect(server.gaps()[0]).toBeGreaterThanOrEqual(600 - TOLERANCE_MS);
  });

  it('keeps its own defaults where the catalog does not say: retries a 500 and a 409, not a 400', async () => {
    for (const id of ['ENGINE_CRASHED', 'LOCK_TIMEOUT'] as const) {
      server.reset();
      serve(() => api.error(id));
      const e = (await failure(client(1))) as InternalServerError | ConflictError;
      expect(e.code).toBe(id);
      expect(e.headers?.get('x-should-retry')).toBeNull();
      expect(server.requests).toHaveLength(2);
    }
    server.reset();
    serve(() => api.error('INVALID_REQUEST'));
    await failure(client(2));
    expect(server.requests).toHaveLength(1);
  });

  it('gets a masked message for a 5xx, never the internal one', async () => {
    const secret = defineCatalog({
      errors: { DB_FAILED: { status: 500, message: 'Cannot reach {dsn}' } },
    });
    server.answer(() => openai.serialize(secret.error('DB_FAILED', { dsn: 'postgres://u:pw@db' })));
    const e = (await failure(client(0))) as InternalServerError;
    expect(e).toBeInstanceOf(InternalServerError);
    expect(e.message).toBe('500 An internal error occurred.');
    expect(JSON.stringify(e.error)).not.toContain('postgres');
    expect(server.requests).toHaveLength(1);
  });
});
