import { describe, expectTypeOf, it } from 'vitest';
import { z } from 'zod';
import { defineCatalog } from '../catalog/define.js';
import { jsonDetails } from '../catalog/json-details.js';
import type { ServerCodes } from '../catalog/server-codes.js';
import { clerk, parseClerk } from '../dialects/index.js';
import {
  type BrandedClientError,
  type ClientCode,
  type ClientDetails,
  type ClientOptions,
  type ClientRequestInit,
  createClient,
  defineClientError,
  type ErrataClient,
  type ErrataClientError,
} from './index.js';

const api = defineCatalog({
  errors: {
    VARIABLE_NOT_FOUND: { status: 404, message: 'No variable named {name}.' },
    INVALID: { status: 400, details: z.object({ field: z.string() }) },
    // Two entries answer with one wire code, as Clerk's do.
    USER_NOT_FOUND: { status: 404, code: 'resource_not_found', details: z.object({ userId: z.string() }) },
    ORG_NOT_FOUND: { status: 404, code: 'resource_not_found', details: z.object({ orgId: z.number() }) },
    SESSION_GONE: { status: 404, code: 'resource_not_found' },
    TYPED_JSON: { status: 409, code: 'conflict', details: jsonDetails<{ id: string }>({ type: 'object' }) },
  },
});
const client = createClient<typeof api>();
declare const err: unknown;

describe('createClient<typeof api>()', () => {
  it('knows the wire codes of the catalog, not its ids', () => {
    // Beside them, the server failures the catalog has no entry for (test/contract.test-d.ts).
    type Server = ServerCodes<NonNullable<(typeof api)['~entries']>>;
    expectTypeOf<Exclude<ClientCode<typeof api>, Server>>().toEqualTypeOf<
      'VARIABLE_NOT_FOUND' | 'INVALID' | 'resource_not_found' | 'conflict'
    >();
    expectTypeOf<'method_not_allowed'>().toExtend<ClientCode<typeof api>>();
  });

  it('narrows details by a known code', () => {
    if (client.is(err, 'INVALID')) {
      expectTypeOf(err).toEqualTypeOf<ErrataClientError<'INVALID', { field: string }>>();
      expectTypeOf(err.code).toEqualTypeOf<'INVALID'>();
      expectTypeOf(err.details).toEqualTypeOf<{ field: string }>();
      expectTypeOf(err.status).toEqualTypeOf<number>();
    }
    if (client.is(err, 'VARIABLE_NOT_FOUND')) expectTypeOf(err.details).toEqualTypeOf<undefined>();
    if (client.is(err, 'conflict')) expectTypeOf(err.details).toEqualTypeOf<{ id: string }>();
  });

  it('gives the union of the details of the entries that share a code', () => {
    expectTypeOf<ClientDetails<typeof api, 'resource_not_found'>>().toEqualTypeOf<
      { userId: string } | { orgId: number } | undefined
    >();
    if (client.is(err, 'resource_not_found')) {
      expectTypeOf(err.details).toEqualTypeOf<{ userId: string } | { orgId: number } | undefined>();
    }
  });

  it('refuses a code the catalog does not have, and an id that is not a code', () => {
    // @ts-expect-error not a code of the catalog
    client.is(err, 'NO_SUCH_CODE');
    // @ts-expect-error USER_NOT_FOUND is an id; its wire code is resource_not_found
    client.is(err, 'USER_NOT_FOUND');
    // @ts-expect-error a code is a string
    client.is(err, 404);
  });

  it('narrows to any client error without a code', () => {
    if (client.is(err)) {
      expectTypeOf(err).toEqualTypeOf<ErrataClientError>();
      expectTypeOf(err.code).toEqualTypeOf<string | undefined>();
      expectTypeOf(err.details).toEqualTypeOf<unknown>();
    }
  });

  it('types fromResponse, parse and fetch', () => {
    expectTypeOf(client.fromResponse).returns.toEqualTypeOf<Promise<ErrataClientError>>();
    expectTypeOf(client.parse).returns.toEqualTypeOf<ErrataClientError>();
    expectTypeOf(client.fetch).returns.toEqualTypeOf<Promise<Response>>();
    client.fetch('https://api.example.com', { method: 'POST' }, { retries: 1, onRetry: (i) => i.delayMs });
    // @ts-expect-error retries is a number
    client.fetch('https://api.example.com', {}, { retries: '1' });
  });
});

describe('createClient() without a catalog', () => {
  const loose = createClient();
  it('takes any code and leaves details unknown', () => {
    expectTypeOf<ClientCode<unknown>>().toEqualTypeOf<string>();
    if (loose.is(err, 'anything')) {
      expectTypeOf(err.code).toEqualTypeOf<'anything'>();
      expectTypeOf(err.details).toEqualTypeOf<unknown>();
    }
  });

  it('takes a fixed dialect or a parser of your own', () => {
    createClient({ dialect: clerk });
    createClient({ dialect: parseClerk });
    createClient({ dialect: { name: 'mine', parse: () => undefined } });
    // @ts-expect-error the string form would bundle every parser: pass the dialect itself
    createClient({ dialect: 'clerk' });
    // @ts-expect-error a dialect is a parser or { name, parse }
    createClient({ dialect: 42 });
  });
});

describe('createClient({ baseUrl, headers })', () => {
  it('takes a base URL as a string or a URL', () => {
    createClient({ baseUrl: 'https://api.example.com/v1' });
    createClient({ baseUrl: new URL('https://api.example.com/v1') });
    // @ts-expect-error a base URL is a string or a URL
    createClient({ baseUrl: 42 });
  });

  it('takes default headers in every form fetch does, and undefined values in a record', () => {
    const token: string | undefined = undefined as string | undefined;
    createClient({ headers: { authorization: token } });
    createClient({ headers: new Headers({ accept: 'application/json' }) });
    createClient({ headers: [['accept', 'application/json']] });
    expectTypeOf<ClientOptions['headers']>().toEqualTypeOf<
      HeadersInit | Record<string, string | undefined> | undefined
    >();
    // @ts-expect-error a header value is a string
    createClient({ headers: { 'x-count': 1 } });
  });

  it('takes per-call headers with undefined values too', () => {
    const token: string | undefined = undefined as string | undefined;
    client.fetch('/orders/1', { headers: { authorization: token } });
    expectTypeOf(client.fetch).parameter(1).toEqualTypeOf<ClientRequestInit | undefined>();
    // @ts-expect-error a header value is a string
    client.fetch('/orders/1', { headers: { 'x-count': 1 } });
  });
});

describe('defineClientError<typeof api>(name, subclasses)', () => {
  const AppError = defineClientError<typeof api>()('AppError', {
    AppAuthError: [401, 403],
    AppNotFoundError: ['VARIABLE_NOT_FOUND', 'resource_not_found'],
  });
  type AppNames = 'AppError' | 'AppAuthError' | 'AppNotFoundError';
  const branded = createClient({ error: AppError, baseUrl: 'https://api.example.com' });

  it('gives a client typed by the class: its catalog and its names', () => {
    expectTypeOf(branded).toEqualTypeOf<ErrataClient<typeof api, AppNames>>();
    expectTypeOf(branded.parse('')).toEqualTypeOf<BrandedClientError<AppNames>>();
    expectTypeOf(branded.fromResponse).returns.toEqualTypeOf<Promise<BrandedClientError<AppNames>>>();
    if (branded.is(err, 'INVALID')) {
      expectTypeOf(err).toEqualTypeOf<BrandedClientError<AppNames, 'INVALID', { field: string }>>();
      expectTypeOf(err.details).toEqualTypeOf<{ field: string }>();
    }
    // @ts-expect-error not a code of the catalog
    branded.is(err, 'NO_SUCH_CODE');
  });

  it('narrows by instanceof, to the brand and to each subclass', () => {
    if (err instanceof AppError) {
      expectTypeOf(err).toEqualTypeOf<BrandedClientError<AppNames>>();
      expectTypeOf(err.name).toEqualTypeOf<AppNames>();
      expectTypeOf(err).toExtend<ErrataClientError>();
      expectTypeOf(err.status).toEqualTypeOf<number>();
      expectTypeOf(err.retryAfterMs).toEqualTypeOf<number | undefined>();
      if (err instanceof AppError.AppAuthError) {
        expectTypeOf(err.name).toEqualTypeOf<'AppAuthError'>();
      } else {
        // The brand's other errors are left, not `never`.
        expectTypeOf(err.name).toEqualTypeOf<AppNames>();
      }
    }
    const plain = createClient<typeof api>().parse('');
    if (plain instanceof AppError) expectTypeOf(plain.name).toEqualTypeOf<AppNames>();
    // An unbranded error stays one when it is not of the brand.
    else expectTypeOf(plain).toEqualTypeOf<ErrataClientError>();
  });

  it('narrows per code with the class alone, details typed by the catalog', () => {
    if (AppError.is(err, 'conflict')) {
      expectTypeOf(err.code).toEqualTypeOf<'conflict'>();
      expectTypeOf(err.details).toEqualTypeOf<{ id: string }>();
      expectTypeOf(err.name).toEqualTypeOf<AppNames>();
    }
    if (AppError.AppNotFoundError.is(err, 'resource_not_found')) {
      expectTypeOf(err.name).toEqualTypeOf<'AppNotFoundError'>();
      expectTypeOf(err.details).toEqualTypeOf<{ userId: string } | { orgId: number } | undefined>();
    }
    if (AppError.is(err)) expectTypeOf(err.details).toEqualTypeOf<unknown>();
    // @ts-expect-error not a code of the catalog
    AppError.is(err, 'NOPE');
  });

  it('takes subclasses by status or wire code, named …Error', () => {
    // @ts-expect-error USER_NOT_FOUND is an id; its wire code is resource_not_found
    defineClientError<typeof api>()('AppError', { AppUserError: ['USER_NOT_FOUND'] });
    // @ts-expect-error a subclass is named …Error
    defineClientError<typeof api>()('AppError', { prototype: [401] });
    const Loose = defineClientError()('LooseError', { LooseAuthError: [401, 'anything'] });
    expectTypeOf(Loose.LooseAuthError.prototype.name).toEqualTypeOf<'LooseAuthError'>();
    expectTypeOf(createClient({ error: Loose })).toEqualTypeOf<
      ErrataClient<unknown, 'LooseError' | 'LooseAuthError'>
    >();
  });
});
