/**
 * The `kubernetes` dialect against the real Kubernetes client
 * (`@kubernetes/client-node` 1.x): `CoreV1Api`, pointed at a loopback server
 * through a KubeConfig whose cluster is `http://127.0.0.1:PORT` (with
 * `skipTLSVerify`, without which it refuses plain HTTP), reads a
 * ConfigMap and gets errata's `metav1.Status`. The SDK raises `ApiException`
 * with the HTTP status as `code`, the response headers, and the body as text,
 * which must be a Status that `V1Status` models: reason, message, the
 * catalog's code as the first cause, field violations as causes with their
 * `field`, the delay as `details.retryAfterSeconds`.
 *
 * client-node 1.x never retries an API call (only its port-forward and
 * WebSocket helpers reconnect), and on a 401 it drops the body: the generated
 * code throws `ApiException(401, "Unauthorized", undefined, headers)`. The
 * test pins both.
 */
import {
  ApiException,
  CoreV1Api,
  KubeConfig,
  V1Status,
  V1StatusCause,
  V1StatusDetails,
} from '@kubernetes/client-node';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { defineCatalog } from '../../src/catalog/define.js';
import { createClient } from '../../src/client/index.js';
import { kubernetes } from '../../src/dialects/kubernetes/kubernetes.js';
import type { ErrataError } from '../../src/error.js';
import { startWireServer, type WireServer } from './_server.js';

const api = defineCatalog({
  name: 'cluster',
  errors: {
    CONFIG_NOT_FOUND: { status: 404, message: 'configmaps "{name}" not found', details: { type: 'object' } },
    CONFIG_INVALID: { status: 422, message: 'The ConfigMap is invalid.' },
    CONFIG_EXISTS: { status: 409, wire: { google: { status: 'ALREADY_EXISTS' } }, message: 'It exists.' },
    CONFIG_LOCKED: { status: 409, retry: false, message: 'Another writer holds it.' },
    NO_TOKEN: { status: 401, message: 'Unauthorized' },
    THROTTLED: { status: 429, retry: { afterMs: 1500 }, message: 'Too many requests.' },
    ETCD_DOWN: { status: 503, retry: true, message: 'etcd is down.' },
  },
});

let server: WireServer;
beforeAll(async () => {
  server = await startWireServer();
});
afterAll(() => server.close());
beforeEach(() => server.reset());

function core(): CoreV1Api {
  const kc = new KubeConfig();
  kc.loadFromOptions({
    // client-node allows a plain-HTTP server only with skipTLSVerify set.
    clusters: [{ name: 'loopback', server: `http://127.0.0.1:${server.port}`, skipTLSVerify: true }],
    users: [{ name: 'tester', token: 'token-1' }],
    contexts: [{ name: 'loopback', cluster: 'loopback', user: 'tester' }],
    currentContext: 'loopback',
  });
  return kc.makeApiClient(CoreV1Api);
}
function serve(make: () => ErrataError, requestId = 'req_k8s_1'): void {
  server.answer(() => kubernetes.serialize(make(), { requestId }));
}
async function failure(): Promise<ApiException<unknown>> {
  try {
    await core().readNamespacedConfigMap({ name: 'web', namespace: 'default' });
  } catch (e) {
    expect(e).toBeInstanceOf(ApiException);
    return e as ApiException<unknown>;
  }
  throw new Error('the API call succeeded');
}
/** The members the SDK's generated model of each object knows. */
const modelled = (model: { getAttributeTypeMap(): { baseName: string }[] }) =>
  model.getAttributeTypeMap().map((a) => a.baseName);

/** The body, checked member by member against the SDK's models of Status, StatusDetails and StatusCause. */
function status(e: ApiException<unknown>): V1Status {
  const body = JSON.parse(e.body as string) as V1Status;
  // `errorCode` (the catalog's code, for JSON readers; typed ones get it in the first cause) is the one
  // top-level member the model does not know.
  expect(modelled(V1Status)).toEqual(
    expect.arrayContaining(Object.keys(body).filter((k) => k !== 'errorCode')),
  );
  // `data` (errata's details) is the one member the model does not know.
  const details = Object.keys(body.details ?? {}).filter((k) => k !== 'data');
  expect(modelled(V1StatusDetails)).toEqual(expect.arrayContaining(details));
  for (const cause of body.details?.causes ?? [])
    expect(modelled(V1StatusCause)).toEqual(expect.arrayContaining(Object.keys(cause)));
  return body;
}

describe('Kubernetes client against the kubernetes dialect', () => {
  it('raises ApiException 404 whose body is a NotFound Status with the catalog code as first cause', async () => {
    serve(() => api.error('CONFIG_NOT_FOUND', { name: 'web' }, { details: { namespace: 'default' } }));
    const e = await failure();
    expect(e.code).toBe(404);
    expect(e.headers['x-request-id']).toBe('req_k8s_1');
    const s = status(e);
    expect(s).toMatchObject({
      kind: 'Status',
      apiVersion: 'v1',
      status: 'Failure',
      reason: 'NotFound',
      code: 404,
      message: 'configmaps "web" not found',
    });
    expect(s.details?.causes).toEqual([
      { reason: 'CONFIG_NOT_FOUND', message: 'configmaps "web" not found' },
    ]);
    expect(JSON.parse(e.body as string).errorCode).toBe('CONFIG_NOT_FOUND');
    // The details travel in a member the SDK's model does not know: the raw body keeps them.
    expect(JSON.parse(e.body as string).details.data).toEqual({ namespace: 'default' });
    expect(server.requests).toHaveLength(1);
    expect(server.requests[0]?.url).toBe('/api/v1/namespaces/default/configmaps/web');
    expect(server.requests[0]?.headers.authorization).toBe('Bearer token-1');
  });

  it('carries field violations as Status causes with their field', async () => {
    serve(() =>
      api.error(
        'CONFIG_INVALID',
        {},
        {
          violations: [
            { pointer: '/data/API_URL', message: 'must be a URL', code: 'FieldValueInvalid' },
            { pointer: '/metadata/labels/0', message: 'is too long' },
          ],
        },
      ),
    );
    const e = await failure();
    expect(e.code).toBe(422);
    const s = status(e);
    expect(s.reason).toBe('Invalid');
    expect(s.details?.causes).toEqual([
      { reason: 'CONFIG_INVALID', message: 'The ConfigMap is invalid.' },
      { reason: 'FieldValueInvalid', message: 'must be a URL', field: 'data.API_URL' },
      { message: 'is too long', field: 'metadata.labels[0]' },
    ]);
  });

  it('names AlreadyExists where the entry states it, Conflict otherwise', async () => {
    serve(() => api.error('CONFIG_EXISTS'));
    expect(status(await failure())).toMatchObject({ code: 409, reason: 'AlreadyExists' });
    serve(() => api.error('CONFIG_LOCKED'));
    const locked = await failure();
    expect(status(locked)).toMatchObject({ code: 409, reason: 'Conflict' });
    expect(locked.headers['x-should-retry']).toBe('false');
  });

  it('sends the delay as retryAfterSeconds and Retry-After; the SDK makes one request and never retries', async () => {
    serve(() => api.error('THROTTLED'));
    const e = await failure();
    expect(e.code).toBe(429);
    expect(e.headers['retry-after']).toBe('2');
    expect(status(e)).toMatchObject({ reason: 'TooManyRequests', details: { retryAfterSeconds: 2 } });
    expect(server.requests).toHaveLength(1);
    server.reset();
    serve(() => api.error('ETCD_DOWN'));
    const down = await failure();
    expect(down.code).toBe(503);
    expect(status(down).reason).toBe('ServiceUnavailable');
    expect(server.requests).toHaveLength(1);
  });

  it('drops the body of a 401: only the status and the headers reach the caller', async () => {
    serve(() => api.error('NO_TOKEN'));
    const e = await failure();
    expect(e.code).toBe(401);
    expect(e.body).toBeUndefined();
    expect(e.headers['x-request-id']).toBe('req_k8s_1');
  });

  it("errata's own client, given the dialect, reads the catalog's code, violations and delay", async () => {
    serve(() =>
      api.error(
        'CONFIG_INVALID',
        {},
        { violations: [{ pointer: '/data/API_URL', message: 'must be a URL' }] },
      ),
    );
    const base = `http://127.0.0.1:${server.port}/api/v1/namespaces/default/configmaps/web`;
    const e = await createClient({ dialect: kubernetes }).fromResponse(await fetch(base));
    expect([e.dialect, e.code, e.title, e.status, e.requestId]).toEqual([
      'kubernetes',
      'CONFIG_INVALID',
      'Invalid',
      422,
      'req_k8s_1',
    ]);
    expect(e.violations).toEqual([{ pointer: '/data/API_URL', message: 'must be a URL' }]);
    serve(() => api.error('THROTTLED', {}, { details: undefined }));
    const t = await createClient({ dialect: kubernetes }).fromResponse(await fetch(base));
    expect([t.code, t.retryable, t.retryAfterMs]).toEqual(['THROTTLED', true, 2000]);
  });
});
