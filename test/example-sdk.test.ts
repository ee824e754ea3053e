// examples/sdk/: the variables API's SDK against the running demo on 127.0.0.1. Every code the
// page documents is reached through the SDK, thrown as a BarekeyError and caught by its guard; the
// server counts the requests, so retries are seen where they happen.
import { setTimeout as sleep } from 'node:timers/promises';
import { fileURLToPath } from 'node:url';
import { inspect } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import barekey from '../examples/catalogs/barekey.json' with { type: 'json' };
import { BROKEN_VARIABLE, DEMO_ORG_TOKENS, DEMO_TOKEN } from '../examples/demo/app.js';
import { type Demo, startDemo } from '../examples/demo/server.js';
import * as errors from '../examples/sdk/errors.js';
import { BarekeyError, type Code, createBarekey, mayRetry, retryPolicy } from '../examples/sdk/sdk.js';
import { isErrataClientError } from '../src/client/index.js';
import { runCli } from './_cli.js';

let demo: Demo;
const hits = new Map<string, number>();
const TTL = 300;
const REPO = fileURLToPath(new URL('..', import.meta.url));
beforeAll(async () => {
  demo = await startDemo(0, {
    onError: () => {},
    deviceCodeTtlMs: TTL,
    onRequest: (r) => {
      const key = `${r.method} ${new URL(r.url).pathname}`;
      hits.set(key, (hits.get(key) ?? 0) + 1);
    },
  });
});
afterAll(() => demo.close());

// No waiting between retries: the back-off's jitter draws 0.
const sdk = (token: string | undefined = DEMO_TOKEN) =>
  createBarekey({ baseUrl: demo.url, ...(token !== undefined && { token }), retry: { random: () => 0 } });

/** The error `call` rejects with, and how many requests the server saw for `route`. */
async function failure(route: string, call: () => PromiseLike<unknown>) {
  hits.delete(route);
  const error = await Promise.resolve()
    .then(call)
    .then(
      () => expect.unreachable('no error'),
      (e: unknown) => e,
    );
  return { error, requests: hits.get(route) ?? 0 };
}

const guards = Object.entries(errors).filter(
  (e): e is [string, (x: unknown) => boolean] => e[0].startsWith('is') && typeof e[1] === 'function',
);

/** Every code of the page, how the SDK reaches it, and the route it calls. */
const cases: [Code, string, () => PromiseLike<unknown>][] = [
  ['UNAUTHORIZED', 'GET /v1/variables/production/API_URL', () => sdk('wrong').get('production', 'API_URL')],
  [
    'INVALID_ORG_SCOPE',
    'POST /v1/variables',
    () => sdk().set('staging', 'A', 'v', { orgSlug: 'another-org' }),
  ],
  [
    'ORG_SCOPE_INVALID',
    'GET /v1/variables/production/API_URL',
    () => sdk(DEMO_ORG_TOKENS.revoked).get('production', 'API_URL'),
  ],
  ['INVALID_JSON', 'POST /v1/variables', () => sdk().request('POST', '/v1/variables', '{"stage":')],
  ['INVALID_REQUEST', 'POST /v1/variables', () => sdk().set('staging', 'lower_case', 'v')],
  ['VARIABLE_NOT_FOUND', 'GET /v1/variables/staging/MISSING', () => sdk().get('staging', 'MISSING')],
  [
    'EVALUATION_FAILED',
    `GET /v1/variables/${BROKEN_VARIABLE}`,
    () => sdk().get('production', BROKEN_VARIABLE.split('/')[1] as string),
  ],
  ['USAGE_LIMIT_EXCEEDED', 'POST /v1/variables', () => sdk(DEMO_ORG_TOKENS.free).set('staging', 'A', 'v')],
  [
    'BILLING_UNAVAILABLE',
    'GET /v1/variables/production/API_URL',
    () => sdk(DEMO_ORG_TOKENS.outage).get('production', 'API_URL'),
  ],
  ['DEVICE_CODE_NOT_FOUND', 'POST /v1/cli/device/token', () => sdk().cli.exchange('no-such-code')],
  [
    'DEVICE_CODE_EXPIRED',
    'POST /v1/cli/device/token',
    async () => {
      const flow = await sdk(undefined).cli.start();
      await sleep(TTL + 50);
      hits.delete('POST /v1/cli/device/token');
      return sdk(undefined).cli.exchange(flow.deviceCode);
    },
  ],
  ['USER_CODE_INVALID', 'POST /v1/cli/device/complete', () => sdk().cli.complete('abc')],
  ['INVALID_REFRESH_TOKEN', 'POST /v1/cli/token/refresh', () => sdk(undefined).cli.refresh('rt_unknown')],
];

describe('examples/sdk against the demo API', () => {
  it('keeps errors.ts what `errata types --client` writes for the barekey catalog', async () => {
    const argv = ['types', 'examples/catalogs/barekey.json', '--client', '-o', 'examples/sdk/errors.ts'];
    const check = await runCli([...argv, '--check'], REPO);
    expect(check, 'regenerate it: npx errata ' + argv.join(' ')).toMatchObject({ code: 0 });
  });

  it('covers every code of the catalog, each with a guard of its own', () => {
    expect(cases.map(([code]) => code).sort()).toEqual(Object.keys(barekey.errors).sort());
    expect(guards.map(([name]) => name).sort()).toEqual(
      [
        'isBillingUnavailable',
        'isDeviceCodeExpired',
        'isDeviceCodeNotFound',
        'isEvaluationFailed',
        'isInvalidJson',
        'isInvalidOrgScope',
        'isInvalidRefreshToken',
        'isInvalidRequest',
        'isOrgScopeInvalid',
        'isUnauthorized',
        'isUsageLimitExceeded',
        'isUserCodeInvalid',
        'isVariableNotFound',
      ].sort(),
    );
    expect(Object.keys(retryPolicy).sort()).toEqual(['BILLING_UNAVAILABLE', 'EVALUATION_FAILED']);
  });

  for (const [code, route, call] of cases) {
    const retried = code === 'BILLING_UNAVAILABLE' || code === 'EVALUATION_FAILED';
    it(`${code}: a BarekeyError caught by its guard alone, ${retried ? 'retried twice' : 'sent once'}`, async () => {
      const { error, requests } = await failure(route, call);
      expect(error).toBeInstanceOf(BarekeyError);
      expect(isErrataClientError(error)).toBe(true);
      expect(BarekeyError.is(error, code)).toBe(true);
      const e = error as BarekeyError;
      expect(e.name).toBe('BarekeyError');
      expect(e.code).toBe(code);
      expect(e.stack?.split('\n')[0]).toMatch(/^BarekeyError: /);
      expect(inspect(e)).toMatch(/^\[BarekeyError: /);
      const caught = guards.filter(([, guard]) => guard(error)).map(([name]) => name);
      expect(caught).toEqual([
        `is${code.toLowerCase().replace(/(^|_)(\w)/g, (_, __, c: string) => c.toUpperCase())}`,
      ]);
      // The SDK retries exactly what the catalog's retry table lists: two retries, then the error.
      expect(requests).toBe(retried ? 3 : 1);
      expect(mayRetry(code)).toBe(retried);
      expect(e.retryable).toBe(retried);
    });
  }

  it('retries a set on BILLING_UNAVAILABLE too: its idempotency key makes the POST safe to repeat', async () => {
    const { error, requests } = await failure('POST /v1/variables', () =>
      sdk(DEMO_ORG_TOKENS.outage).set('staging', 'A', 'v'),
    );
    expect(errors.isBillingUnavailable(error)).toBe(true);
    expect(requests).toBe(3);
  });

  it('answers .default(value) for a missing variable, and still throws anything else', async () => {
    expect(await sdk().get('staging', 'MISSING').default('fallback')).toBe('fallback');
    expect(await sdk().get('production', 'API_URL').default('fallback')).toBe('https://api.example.com');
    const other = await sdk('wrong')
      .get('staging', 'MISSING')
      .default('fallback')
      .catch((e: unknown) => e);
    expect(errors.isUnauthorized(other)).toBe(true);
  });

  it('runs the device flow: pending, approved, exchanged once, refreshed with rotation', async () => {
    const cli = sdk(undefined).cli;
    const flow = await cli.start();
    expect(flow.userCode).toMatch(/^[A-Z0-9]{8}$/);
    expect(await cli.exchange(flow.deviceCode)).toBeUndefined();
    await sdk().cli.complete(flow.userCode);
    const tokens = await cli.exchange(flow.deviceCode);
    expect(tokens?.tokenType).toBe('Bearer');
    // The device code is spent.
    expect(errors.isDeviceCodeNotFound(await cli.exchange(flow.deviceCode).catch((e: unknown) => e))).toBe(
      true,
    );
    const access = tokens?.accessToken as string;
    await sdk(access).set('staging', 'FROM_CLI', 'yes');
    expect(await sdk(access).get('staging', 'FROM_CLI')).toBe('yes');
    const next = await cli.refresh(tokens?.refreshToken as string);
    expect(next.refreshToken).not.toBe(tokens?.refreshToken);
    const reused = await cli.refresh(tokens?.refreshToken as string).catch((e: unknown) => e);
    expect(errors.isInvalidRefreshToken(reused)).toBe(true);
    expect(await sdk(next.accessToken).get('staging', 'FROM_CLI')).toBe('yes');
  });
});
