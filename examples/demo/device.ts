// The CLI device flow of the variables API (seed 000): a CLI starts a flow, the user approves its
// user code while signed in, the CLI exchanges its device code for a token pair, and refreshes the
// pair with its single-use refresh token. Every failure is a catalog entry the page documents.
import { randomBytes, randomUUID } from 'node:crypto';
import type { Catalog } from 'errata';
import type { HonoErrata } from 'errata/hono';
import type { Hono, MiddlewareHandler } from 'hono';
import { z } from 'zod';

/** What each route may answer beside its success. */
export const deviceRoutes = {
  'POST /v1/cli/device/start': [],
  'POST /v1/cli/device/complete': [
    'UNAUTHORIZED',
    'ORG_SCOPE_INVALID',
    'INVALID_JSON',
    'INVALID_REQUEST',
    'USER_CODE_INVALID',
    'DEVICE_CODE_NOT_FOUND',
    'DEVICE_CODE_EXPIRED',
  ],
  'POST /v1/cli/device/token': [
    'INVALID_JSON',
    'INVALID_REQUEST',
    'DEVICE_CODE_NOT_FOUND',
    'DEVICE_CODE_EXPIRED',
  ],
  'POST /v1/cli/token/refresh': ['INVALID_JSON', 'INVALID_REQUEST', 'INVALID_REFRESH_TOKEN'],
} satisfies Record<string, string[]>;

interface Flow {
  readonly deviceCode: string;
  readonly userCode: string;
  readonly expiresAt: number;
  approved: boolean;
}

const USER_CODE_CHARS = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';

/**
 * Adds the device flow to the demo app. `issue` records an access token as
 * valid for the demo org; device codes live `ttlMs` (10 minutes, as the page
 * says; a test shortens it).
 */
export function addDeviceFlow(
  app: Hono,
  api: Catalog,
  errors: HonoErrata,
  auth: MiddlewareHandler,
  issue: (accessToken: string) => void,
  ttlMs = 10 * 60_000,
): void {
  const flows = new Map<string, Flow>();
  const refreshTokens = new Set<string>();
  const find = (key: 'deviceCode' | 'userCode', value: string): Flow => {
    const flow = [...flows.values()].find((f) => f[key] === value);
    if (flow === undefined) throw api.error('DEVICE_CODE_NOT_FOUND');
    if (Date.now() >= flow.expiresAt) {
      flows.delete(flow.deviceCode);
      throw api.error('DEVICE_CODE_EXPIRED');
    }
    return flow;
  };
  const pair = () => {
    const accessToken = `bk_${randomBytes(12).toString('hex')}`;
    const refreshToken = `rt_${randomBytes(12).toString('hex')}`;
    issue(accessToken);
    refreshTokens.add(refreshToken);
    return { accessToken, refreshToken, tokenType: 'Bearer' };
  };

  app.post('/v1/cli/device/start', (c) => {
    const userCode = Array.from(randomBytes(8), (b) => USER_CODE_CHARS[b % USER_CODE_CHARS.length]).join('');
    const flow: Flow = { deviceCode: randomUUID(), userCode, expiresAt: Date.now() + ttlMs, approved: false };
    flows.set(flow.deviceCode, flow);
    return c.json({ deviceCode: flow.deviceCode, userCode, expiresIn: Math.ceil(ttlMs / 1000), interval: 1 });
  });

  app.post(
    '/v1/cli/device/complete',
    auth,
    errors.validator('json', z.object({ userCode: z.string() })),
    (c) => {
      const { userCode } = c.req.valid('json');
      if (!/^[A-Z0-9]{8}$/.test(userCode)) throw api.error('USER_CODE_INVALID');
      find('userCode', userCode).approved = true;
      return c.json({ approved: true });
    },
  );

  // Pending until approved (202, as a CLI polls); then the pair, once: the device code is spent.
  app.post('/v1/cli/device/token', errors.validator('json', z.object({ deviceCode: z.string() })), (c) => {
    const flow = find('deviceCode', c.req.valid('json').deviceCode);
    if (!flow.approved) return c.json({ status: 'pending' }, 202);
    flows.delete(flow.deviceCode);
    return c.json(pair());
  });

  // Rotation: each refresh spends the old token.
  app.post('/v1/cli/token/refresh', errors.validator('json', z.object({ refreshToken: z.string() })), (c) => {
    const { refreshToken } = c.req.valid('json');
    if (!refreshTokens.delete(refreshToken)) throw api.error('INVALID_REFRESH_TOKEN');
    return c.json(pair());
  });
}

const json = (schema: object, description: string) => ({
  description,
  content: { 'application/json': { schema } },
});
const body = (properties: Record<string, object>) => ({
  required: true,
  content: {
    'application/json': {
      schema: { type: 'object', required: Object.keys(properties), properties },
    },
  },
});
const tokens = json(
  {
    type: 'object',
    required: ['accessToken', 'refreshToken', 'tokenType'],
    properties: {
      accessToken: { type: 'string' },
      refreshToken: { type: 'string' },
      tokenType: { const: 'Bearer' },
    },
  },
  'A token pair',
);

/** The device flow's operations for the demo's OpenAPI document. */
export function deviceOperations(dialect: object, bearer: object[]): Record<string, object> {
  return {
    '/v1/cli/device/start': {
      post: {
        operationId: 'startDeviceFlow',
        summary: 'Starts a CLI device flow: a device code for the CLI, a user code for the user',
        parameters: [dialect],
        responses: {
          200: json(
            {
              type: 'object',
              required: ['deviceCode', 'userCode', 'expiresIn', 'interval'],
              properties: {
                deviceCode: { type: 'string' },
                userCode: { type: 'string', pattern: '^[A-Z0-9]{8}$' },
                expiresIn: { type: 'integer' },
                interval: { type: 'integer' },
              },
            },
            'The flow',
          ),
        },
      },
    },
    '/v1/cli/device/complete': {
      post: {
        operationId: 'completeDeviceFlow',
        summary: 'Approves a flow by its user code (signed in)',
        security: bearer,
        parameters: [dialect],
        requestBody: body({ userCode: { type: 'string' } }),
        responses: { 200: json({ type: 'object', properties: { approved: { const: true } } }, 'Approved') },
      },
    },
    '/v1/cli/device/token': {
      post: {
        operationId: 'exchangeDeviceCode',
        summary: 'Exchanges an approved device code for a token pair (202 while pending)',
        parameters: [dialect],
        requestBody: body({ deviceCode: { type: 'string' } }),
        responses: {
          200: tokens,
          202: json({ type: 'object', properties: { status: { const: 'pending' } } }, 'Not approved yet'),
        },
      },
    },
    '/v1/cli/token/refresh': {
      post: {
        operationId: 'refreshToken',
        summary: 'Exchanges a refresh token (single use) for a new pair',
        parameters: [dialect],
        requestBody: body({ refreshToken: { type: 'string' } }),
        responses: { 200: tokens },
      },
    },
  };
}
