/**
 * The `azure` dialect against Azure's real client runtime (@azure/core-client
 * on @azure/core-rest-pipeline): a `ServiceClient` sending an operation whose
 * error response deserializes through the core-client deserialization policy
 * must throw `RestError` with errata's code, status and message, the request
 * id in `x-ms-request-id` and its own `x-ms-client-request-id` echoed.
 *
 * Retries are the pipeline's default policy: on 429 and 503 with a delay
 * header (`retry-after-ms`, `x-ms-retry-after-ms`, `Retry-After`) it waits
 * that long, up to `maxRetries` (3 by default); other 5xx but 501/505 and 408
 * it retries with its own exponential back-off; a 4xx never. It reads no
 * should-retry header: a non-retryable 503 is still retried.
 */
import { createSerializer, type OperationSpec, ServiceClient } from '@azure/core-client';
import { isRestError, type RestError } from '@azure/core-rest-pipeline';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { defineCatalog } from '../../src/catalog/define.js';
import { type ErrataServer, startErrataServer } from './_errata-server.js';

const api = defineCatalog({
  name: 'storage',
  dialect: 'azure',
  errors: {
    ContainerNotFound: { status: 404, message: 'The container {name} does not exist.' },
    InvalidInput: { status: 400, message: 'One of the request inputs is not valid.' },
    Throttled: { status: 429, retry: { afterMs: 150 }, message: 'Too many requests.' },
    ServerBusy: { status: 503, retry: { afterMs: 120 }, message: 'The server is busy.' },
    InternalError: { status: 500, message: 'Decrypt failed for {name}' },
    NotImplemented: { status: 501, message: 'Not implemented.' },
  },
});

const errorMapper = {
  type: {
    name: 'Composite' as const,
    className: 'ErrorResponse',
    modelProperties: {
      error: {
        serializedName: 'error',
        type: {
          name: 'Composite' as const,
          className: 'ErrorDetail',
          modelProperties: {
            code: { serializedName: 'code', type: { name: 'String' as const } },
            message: { serializedName: 'message', type: { name: 'String' as const } },
          },
        },
      },
    },
  },
};
const getContainer: OperationSpec = {
  path: '/containers/photos',
  httpMethod: 'GET',
  responses: { 200: {}, default: { bodyMapper: errorMapper } },
  serializer: createSerializer(),
};

let server: ErrataServer;
beforeAll(async () => {
  server = await startErrataServer(api, 'azure');
});
afterAll(() => server.close());
beforeEach(() => server.reset());

const client = () =>
  new ServiceClient({
    endpoint: server.url,
    // Loopback over plain HTTP.
    allowInsecureConnection: true,
    // Short exponential back-off for the 500s, so the test does not wait seconds.
    retryOptions: { retryDelayInMs: 10, maxRetryDelayInMs: 20 },
  });
async function failure(): Promise<RestError> {
  try {
    await client().sendOperationRequest({}, getContainer);
  } catch (e) {
    if (isRestError(e)) return e;
    throw e;
  }
  throw new Error('the SDK call succeeded');
}

describe('@azure/core-client against the azure dialect', () => {
  it('throws RestError with the code, status, message, x-ms-request-id and the echoed client request id', async () => {
    server.throwing(() => api.error('ContainerNotFound', { name: 'photos' }));
    const e = await failure();
    expect(e.name).toBe('RestError');
    expect(e.code).toBe('ContainerNotFound');
    expect(e.statusCode).toBe(404);
    expect(e.message).toBe('The container photos does not exist.');
    const seen = server.requests[0]?.headers;
    expect(e.response?.headers.get('x-ms-request-id')).toMatch(/^[0-9a-f-]{36}$/);
    expect(e.response?.headers.get('x-ms-error-code')).toBe('ContainerNotFound');
    expect(seen?.['x-ms-client-request-id']).toMatch(/^[0-9a-f-]{36}$/);
    expect(e.response?.headers.get('x-ms-client-request-id')).toBe(seen?.['x-ms-client-request-id']);
    // A 4xx is never retried.
    expect(server.requests).toHaveLength(1);
  });

  it('reads field violations as details[] with targets from the deserialized body', async () => {
    server.throwing(() =>
      api.error(
        'InvalidInput',
        {},
        { violations: [{ pointer: '/metadata/owner', message: 'is required', code: 'missing' }] },
      ),
    );
    const e = await failure();
    expect(e.code).toBe('InvalidInput');
    expect(e.statusCode).toBe(400);
    const body = JSON.parse(e.response?.bodyAsText ?? '{}');
    expect(body.error.details).toEqual([
      { code: 'missing', message: 'is required', target: 'metadata.owner' },
    ]);
  });

  it('retries a 429 after the exact delay errata sends (x-ms-retry-after-ms), 3 times', async () => {
    server.throwing(() => api.error('Throttled'));
    const e = await failure();
    expect(e.code).toBe('Throttled');
    expect(e.statusCode).toBe(429);
    expect(e.response?.headers.get('retry-after')).toBe('1');
    expect(e.response?.headers.get('x-ms-retry-after-ms')).toBe('150');
    expect(server.requests).toHaveLength(4);
    // 150 ms, not the whole second of Retry-After.
    for (const gap of server.gaps()) expect(gap).toBeGreaterThanOrEqual(140);
    for (const gap of server.gaps()) expect(gap).toBeLessThan(900);
  });

  it('retries a 503 with a delay the same way, and masks a 500 it retries with its own back-off', async () => {
    server.throwing(() => api.error('ServerBusy'));
    const busy = await failure();
    expect([busy.code, busy.statusCode, busy.message]).toEqual([
      'ServerBusy',
      503,
      'An internal error occurred.',
    ]);
    expect(server.requests).toHaveLength(4);
    for (const gap of server.gaps()) expect(gap).toBeGreaterThanOrEqual(110);
    server.reset();
    server.throwing(() => api.error('InternalError', { name: 'postgres://user:pw@db' }));
    const internal = await failure();
    expect([internal.code, internal.statusCode, internal.message]).toEqual([
      'InternalError',
      500,
      'An internal error occurred.',
    ]);
    expect(internal.response?.bodyAsText).not.toContain('postgres');
    expect(server.requests).toHaveLength(4);
  });

  it('does not retry a 501', async () => {
    server.throwing(() => api.error('NotImplemented'));
    const e = await failure();
    expect([e.code, e.statusCode]).toEqual(['NotImplemented', 501]);
    expect(server.requests).toHaveLength(1);
  });
});
