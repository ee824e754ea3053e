import { describe, expect, it } from 'vitest';
import { api, dialectContract, input } from '../../../test/dialects/_contract.js';
import { defineCatalog } from '../../catalog/define.js';
import type { EntryModel } from '../../catalog/model.js';
import { parseAny } from '../parsers.js';
import { kubernetes, kubernetesReasonOf } from './kubernetes.js';

const HEAD = '{"kind":"Status","apiVersion":"v1","metadata":{},"status":"Failure"';

describe('kubernetes dialect', () => {
  dialectContract(kubernetes, {
    notFound: `${HEAD},"message":"No variable API_URL.","reason":"NotFound","errorCode":"VARIABLE_NOT_FOUND","details":{"causes":[{"reason":"VARIABLE_NOT_FOUND","message":"No variable API_URL."}],"data":{"stage":"prod"}},"code":404}`,
    invalid: `${HEAD},"message":"The request is invalid.","reason":"BadRequest","errorCode":"INVALID_REQUEST","details":{"causes":[{"reason":"INVALID_REQUEST","message":"The request is invalid."},{"reason":"too_small","message":"must be positive","field":"age"},{"message":"bad color","field":"profile.color"}]},"code":400}`,
    rateHeaders: { 'content-type': 'application/json', 'retry-after': '2', 'x-should-retry': 'true' },
  });

  it('sends the delay in details.retryAfterSeconds (whole seconds, rounded up) and reads it back', () => {
    const wire = kubernetes.serialize(api.error('RATE_LIMITED', {}, { retryAfterMs: 4200 }));
    const body = JSON.parse(wire.body);
    expect(body).toMatchObject({ reason: 'TooManyRequests', code: 429, details: { retryAfterSeconds: 5 } });
    expect(wire.headers['retry-after']).toBe('5');
    // Without the header, the body alone says when.
    expect(kubernetes.parse(body, input(429))?.retryAfterMs).toBe(5000);
  });

  it("gives Kubernetes' reason for the status, AlreadyExists where the entry states it, none where Kubernetes has none", () => {
    const stated = defineCatalog({
      name: 'cluster',
      errors: {
        EXISTS: { status: 409, wire: { google: { status: 'ALREADY_EXISTS' } } },
        CONFLICT: { status: 409 },
        INVALID: { status: 422 },
        NO_TOKEN: { status: 401 },
        DENIED: { status: 403 },
        GONE: { status: 410 },
        TIMEOUT: { status: 504 },
        TEAPOT: { status: 418 },
      },
    });
    const reason = (id: (typeof stated.ids)[number]) =>
      JSON.parse(kubernetes.serialize(stated.error(id)).body).reason;
    expect(reason('EXISTS')).toBe('AlreadyExists');
    expect(reason('CONFLICT')).toBe('Conflict');
    expect(reason('INVALID')).toBe('Invalid');
    expect(reason('NO_TOKEN')).toBe('Unauthorized');
    expect(reason('DENIED')).toBe('Forbidden');
    expect(reason('GONE')).toBe('Gone');
    expect(reason('TIMEOUT')).toBe('Timeout');
    expect(reason('TEAPOT')).toBeUndefined();
    expect(kubernetesReasonOf(stated.model.errors.TEAPOT as EntryModel)).toBeUndefined();
    const teapot = kubernetes.parse(
      JSON.parse(kubernetes.serialize(stated.error('TEAPOT')).body),
      input(418),
    );
    expect(teapot).toMatchObject({ status: 418, code: 'TEAPOT', title: undefined });
  });

  it("reads an API server's own Status: the reason as code, its causes as violations, Audit-Id as request id", () => {
    // A 422 the API server answers for an invalid Deployment, as kubectl shows it.
    const body = {
      kind: 'Status',
      apiVersion: 'v1',
      metadata: {},
      status: 'Failure',
      message:
        'Deployment.apps "web" is invalid: spec.replicas: Invalid value: -1: must be greater than or equal to 0',
      reason: 'Invalid',
      details: {
        name: 'web',
        group: 'apps',
        kind: 'Deployment',
        causes: [
          {
            reason: 'FieldValueInvalid',
            message: 'Invalid value: -1: must be greater than or equal to 0',
            field: 'spec.replicas',
          },
        ],
      },
      code: 422,
    };
    const parsed = parseAny(body, input(422, { 'audit-id': 'a1b2c3' }));
    expect(parsed).toMatchObject({
      dialect: 'kubernetes',
      status: 422,
      code: 'Invalid',
      title: 'Invalid',
      requestId: 'a1b2c3',
      violations: [
        {
          pointer: '/spec/replicas',
          message: 'Invalid value: -1: must be greater than or equal to 0',
          code: 'FieldValueInvalid',
        },
      ],
    });
    // A success Status is no error, and a Status without `kind` is not one.
    expect(kubernetes.parse({ ...body, status: 'Success' }, input(200))).toBeUndefined();
    expect(kubernetes.parse({ ...body, kind: undefined }, input(422))).toBeUndefined();
  });
});
