/**
 * The `clerk` dialect against the real Clerk Backend SDK (@clerk/backend):
 * the SDK must raise `ClerkAPIResponseError` carrying errata's code, short and
 * long messages, `meta.param_name` and the request id as `clerkTraceId`.
 *
 * @clerk/backend never retries a Backend API call; it hands the caller
 * `retryAfter` (whole seconds, from `Retry-After`). So: exactly one request
 * whatever the catalog says, and the delay errata sent on the error.
 */
import { createClerkClient } from '@clerk/backend';
import { isClerkAPIResponseError } from '@clerk/backend/errors';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { defineCatalog } from '../../src/catalog/define.js';
import { clerk } from '../../src/dialects/clerk/clerk.js';
import type { ErrataError } from '../../src/error.js';
import { startWireServer, type WireServer } from './_server.js';

const api = defineCatalog({
  name: 'accounts',
  dialect: 'clerk',
  errors: {
    UserNotFound: {
      code: 'resource_not_found',
      status: 404,
      title: 'User not found',
      message: 'No user was found with id {id}',
    },
    FormInvalid: {
      code: 'form_param_format_invalid',
      status: 422,
      title: 'is invalid',
      message: 'Invalid form.',
    },
    PlanFeatures: {
      code: 'unsupported_subscription_plan_features',
      status: 402,
      title: 'Unsupported plan features',
      message: 'Some features are not supported in your current plan.',
      details: { type: 'object', properties: { unsupportedfeatures: { type: 'string' } } },
    },
    TooManyRequests: {
      code: 'too_many_requests',
      status: 429,
      retry: { afterMs: 2000 },
      title: 'Too many requests',
    },
    Unavailable: { code: 'service_unavailable', status: 503, retry: true, message: 'Try again.' },
  },
});

let server: WireServer;
beforeAll(async () => {
  server = await startWireServer();
});
afterAll(() => server.close());
beforeEach(() => server.reset());

const clerkClient = () =>
  createClerkClient({ secretKey: 'sk_test_x', apiUrl: `http://127.0.0.1:${server.port}` });
function serve(make: () => ErrataError, requestId = 'trace_clerk_1'): void {
  server.answer(() => clerk.serialize(make(), { requestId }));
}
async function failure(): Promise<unknown> {
  try {
    await clerkClient().users.getUser('user_1');
  } catch (e) {
    return e;
  }
  throw new Error('the SDK call succeeded');
}

describe('@clerk/backend against the clerk dialect', () => {
  it('raises ClerkAPIResponseError with code, messages and clerkTraceId', async () => {
    serve(() => api.error('UserNotFound', { id: 'user_1' }));
    const e = await failure();
    expect(isClerkAPIResponseError(e)).toBe(true);
    if (!isClerkAPIResponseError(e)) return;
    expect(e.status).toBe(404);
    expect(e.clerkTraceId).toBe('trace_clerk_1');
    expect(e.errors).toHaveLength(1);
    expect(e.errors[0]?.code).toBe('resource_not_found');
    expect(e.errors[0]?.message).toBe('User not found');
    expect(e.errors[0]?.longMessage).toBe('No user was found with id user_1');
    expect(e.retryAfter).toBeUndefined();
    expect(server.requests).toHaveLength(1);
    expect(server.requests[0]?.url).toBe('/v1/users/user_1');
  });

  it('sends one errors[] item per field violation, with meta.paramName', async () => {
    serve(() =>
      api.error(
        'FormInvalid',
        {},
        {
          violations: [
            { pointer: '/email_address', message: 'must be a valid email address.' },
            { pointer: '/phone_number', message: 'must be a valid phone number.' },
          ],
        },
      ),
    );
    const e = await failure();
    if (!isClerkAPIResponseError(e)) throw new Error('not a ClerkAPIResponseError');
    expect(e.status).toBe(422);
    expect(e.errors.map((x) => [x.code, x.message, x.longMessage, x.meta?.paramName])).toEqual([
      ['form_param_format_invalid', 'is invalid', 'must be a valid email address.', 'email_address'],
      ['form_param_format_invalid', 'is invalid', 'must be a valid phone number.', 'phone_number'],
    ]);
  });

  it('puts details in meta, as the seed page shows (the SDK keeps only the meta keys it knows)', async () => {
    serve(() => api.error('PlanFeatures', {}, { details: { unsupportedfeatures: 'sso' } }));
    const e = await failure();
    if (!isClerkAPIResponseError(e)) throw new Error('not a ClerkAPIResponseError');
    expect(e.status).toBe(402);
    expect(e.errors[0]?.code).toBe('unsupported_subscription_plan_features');
    // The raw body carries it; the SDK's ClerkAPIError drops meta keys it does not model.
    const wire = clerk.serialize(api.error('PlanFeatures', {}, { details: { unsupportedfeatures: 'sso' } }));
    expect(JSON.parse(wire.body).errors[0].meta).toEqual({ unsupportedfeatures: 'sso' });
  });

  it('hands the catalog delay to the caller as retryAfter (seconds) and does not retry itself', async () => {
    serve(() => api.error('TooManyRequests'));
    const e = await failure();
    if (!isClerkAPIResponseError(e)) throw new Error('not a ClerkAPIResponseError');
    expect(e.status).toBe(429);
    expect(e.retryAfter).toBe(2);
    expect(e.errors[0]?.code).toBe('too_many_requests');
    expect(server.requests).toHaveLength(1);
  });

  it('makes exactly one request for a retryable 503 too (the SDK never retries)', async () => {
    serve(() => api.error('Unavailable'));
    const e = await failure();
    if (!isClerkAPIResponseError(e)) throw new Error('not a ClerkAPIResponseError');
    expect(e.status).toBe(503);
    expect(e.errors[0]?.code).toBe('service_unavailable');
    expect(e.errors[0]?.longMessage).toBe('An internal error occurred.');
    expect(server.requests).toHaveLength(1);
  });
});
