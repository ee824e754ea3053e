/**
 * The `supabase` dialect against Supabase's real auth client
 * (@supabase/auth-js `AuthClient`): auth-js sends `X-Supabase-Api-Version:
 * 2024-01-01` on every call and reads `code` from the body only when the
 * response names that version too; without it, `error_code`. errata answers
 * each request in the envelope it asks for, so both paths must give
 * `AuthApiError` the catalog's code, status and message.
 *
 * auth-js never retries these calls: one request whatever the catalog says.
 * A 500 to 504 it does not read at all: `AuthRetryableFetchError` with the status.
 */
import { AuthApiError, AuthClient, AuthRetryableFetchError, AuthWeakPasswordError } from '@supabase/auth-js';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { defineCatalog } from '../../src/catalog/define.js';
import { type ErrataServer, startErrataServer } from './_errata-server.js';

const api = defineCatalog({
  name: 'auth',
  dialect: 'supabase',
  errors: {
    InvalidCredentials: { code: 'invalid_credentials', status: 400, message: 'Invalid login credentials' },
    WeakPassword: {
      code: 'weak_password',
      status: 422,
      message: 'Password should be at least 8 characters.',
    },
    RateLimited: {
      code: 'over_request_rate_limit',
      status: 429,
      retry: { afterMs: 60_000 },
      message: 'Request rate limit reached',
    },
    Unexpected: { code: 'unexpected_failure', status: 500, message: 'Database at {dsn} failed' },
  },
});

let server: ErrataServer;
beforeAll(async () => {
  server = await startErrataServer(api, 'supabase');
});
afterAll(() => server.close());
beforeEach(() => server.reset());

/** The responses auth-js received, for the headers it does not expose. */
let responses: Response[] = [];
beforeEach(() => {
  responses = [];
});
const auth = (legacy = false) =>
  new AuthClient({
    url: server.url,
    autoRefreshToken: false,
    persistSession: false,
    detectSessionInUrl: false,
    fetch: async (input, init) => {
      const headers = new Headers(init?.headers);
      // A client from before API versions: GoTrue then answers its older envelope.
      if (legacy) headers.delete('x-supabase-api-version');
      const res = await fetch(input, { ...init, headers });
      responses.push(res.clone());
      return res;
    },
  });
const signIn = (legacy?: boolean) =>
  auth(legacy).signInWithPassword({ email: 'a@example.com', password: 'wrong' });

describe('@supabase/auth-js against the supabase dialect', () => {
  it('gives AuthApiError the code, status and message of the {code, message} envelope it asked for', async () => {
    server.throwing(() => api.error('InvalidCredentials'));
    const { error } = await signIn();
    expect(error).toBeInstanceOf(AuthApiError);
    expect(error).toMatchObject({ name: 'AuthApiError', code: 'invalid_credentials', status: 400 });
    expect(error?.message).toBe('Invalid login credentials');
    const seen = server.requests.filter((r) => r.url.startsWith('/token'));
    expect(seen).toHaveLength(1);
    expect(seen[0]?.headers['x-supabase-api-version']).toBe('2024-01-01');
    const res = responses.at(-1) as Response;
    expect(res.headers.get('x-supabase-api-version')).toBe('2024-01-01');
    expect(res.headers.get('x-sb-error-code')).toBe('invalid_credentials');
    expect(res.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
    expect(await res.json()).toEqual({ code: 'invalid_credentials', message: 'Invalid login credentials' });
  });

  it('gives the same from the older envelope to a client that names no API version', async () => {
    server.throwing(() => api.error('InvalidCredentials'));
    const { error } = await signIn(true);
    expect(error).toBeInstanceOf(AuthApiError);
    expect(error).toMatchObject({
      code: 'invalid_credentials',
      status: 400,
      message: 'Invalid login credentials',
    });
    expect(server.requests[0]?.headers['x-supabase-api-version']).toBeUndefined();
    const res = responses.at(-1) as Response;
    const body = await res.json();
    expect(body).toMatchObject({
      code: 400,
      error_code: 'invalid_credentials',
      msg: 'Invalid login credentials',
    });
    // The request id is the body's error_id, and the header's.
    expect(body.error_id).toBe(res.headers.get('x-request-id'));
  });

  it('raises AuthWeakPasswordError for weak_password from signUp', async () => {
    server.throwing(() => api.error('WeakPassword'));
    const { error } = await auth().signUp({ email: 'a@example.com', password: 'x' });
    expect(error).toBeInstanceOf(AuthWeakPasswordError);
    expect(error).toMatchObject({
      code: 'weak_password',
      status: 422,
      message: 'Password should be at least 8 characters.',
    });
    expect(server.requests.filter((r) => r.url.startsWith('/signup'))).toHaveLength(1);
  });

  it('does not retry a rate limit: one request, the delay in Retry-After', async () => {
    server.throwing(() => api.error('RateLimited'));
    const { error } = await signIn();
    expect(error).toBeInstanceOf(AuthApiError);
    expect(error).toMatchObject({ code: 'over_request_rate_limit', status: 429 });
    expect(server.requests).toHaveLength(1);
    expect(responses.at(-1)?.headers.get('retry-after')).toBe('60');
  });

  it('gets AuthRetryableFetchError for a 500, whose body it does not read (and errata masks)', async () => {
    server.throwing(() => api.error('Unexpected', { dsn: 'postgres://user:pw@db' }));
    const { error } = await signIn();
    expect(error).toBeInstanceOf(AuthRetryableFetchError);
    expect(error?.status).toBe(500);
    expect(server.requests).toHaveLength(1);
    const text = await (responses.at(-1) as Response).text();
    expect(text).toBe('{"code":"unexpected_failure","message":"An internal error occurred."}');
  });
});
