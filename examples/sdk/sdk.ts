/**
 * A small SDK for the variables API (barekey, seed 000), built on errata/client:
 * variables (get, set) and the CLI device flow. Every failure is thrown as a
 * `BarekeyError` (the class `errata types --client` wrote to ./errors.ts from
 * the catalog), whose `code` is the catalog's and whose guards narrow it;
 * `EVALUATION_FAILED` and `BILLING_UNAVAILABLE` are retried with back-off, as
 * the server's guidance says, and nothing else the page documents is.
 */
import { createClient, type RetryOptions } from 'errata/client';
import { BarekeyError, isVariableNotFound } from './errors.js';

export * from './errors.js';

export type Stage = 'development' | 'staging' | 'production';

export interface BarekeyOptions {
  /** Where the API is: `https://api.barekey.dev` in production, the demo's URL in a test. */
  readonly baseUrl: string;
  /** An access token: the demo token, or one from the device flow. */
  readonly token?: string;
  /** Retry settings (back-off, budget); the catalog's timing is the server's to send. */
  readonly retry?: RetryOptions;
  readonly fetch?: typeof fetch;
}

/** A token pair from the device flow or a refresh. */
export interface Tokens {
  readonly accessToken: string;
  /** Single use: each refresh spends it and returns a new pair. */
  readonly refreshToken: string;
  readonly tokenType: 'Bearer';
}

/** A started device flow: show `userCode` to the user, poll with `deviceCode`. */
export interface DeviceFlow {
  readonly deviceCode: string;
  readonly userCode: string;
  readonly expiresIn: number;
  readonly interval: number;
}

/**
 * A variable's value, read when awaited. `.default(value)` answers `value`
 * when the variable does not exist (`VARIABLE_NOT_FOUND`) instead of throwing;
 * any other error still throws.
 */
export class VariableRead implements PromiseLike<string> {
  readonly #read: () => Promise<string>;
  constructor(read: () => Promise<string>) {
    this.#read = read;
  }
  // biome-ignore lint/suspicious/noThenProperty: a read is awaited as a promise is, and sent only then
  then<A = string, B = never>(
    ok?: ((value: string) => A | PromiseLike<A>) | null,
    fail?: ((reason: unknown) => B | PromiseLike<B>) | null,
  ): Promise<A | B> {
    return this.#read().then(ok, fail);
  }
  /** The value, or `value` when the variable does not exist. */
  async default<T>(value: T): Promise<string | T> {
    try {
      return await this.#read();
    } catch (error) {
      if (isVariableNotFound(error)) return value;
      throw error;
    }
  }
}

/** Creates the SDK; every method rejects with a `BarekeyError`. */
export function createBarekey(options: BarekeyOptions) {
  const client = createClient({
    error: BarekeyError,
    baseUrl: options.baseUrl,
    headers: {
      authorization: options.token === undefined ? undefined : `Bearer ${options.token}`,
      'content-type': 'application/json',
    },
    ...options.retry,
    ...(options.fetch !== undefined && { fetch: options.fetch }),
  });

  /** Sends one request and reads its JSON body; a POST carries an idempotency key, so it may be retried. */
  const request = async <T>(method: 'GET' | 'POST', path: string, body?: object | string): Promise<T> => {
    const res = await client.fetch(path, {
      method,
      ...(body !== undefined && { body: typeof body === 'string' ? body : JSON.stringify(body) }),
      headers: method === 'POST' ? { 'idempotency-key': crypto.randomUUID() } : {},
    });
    return (res.status === 204 ? undefined : await res.json()) as T;
  };
  const segment = encodeURIComponent;

  return {
    /** The value of a variable of a stage. */
    get(stage: Stage, name: string): VariableRead {
      return new VariableRead(async () => {
        const v = await request<{ value: string }>('GET', `/v1/variables/${segment(stage)}/${segment(name)}`);
        return v.value;
      });
    },
    /** Sets a variable; `orgSlug`, when given, must be the token's org. */
    async set(stage: Stage, name: string, value: string, more: { orgSlug?: string; chance?: number } = {}) {
      return request<{ stage: Stage; name: string; value: string }>('POST', '/v1/variables', {
        stage,
        name,
        value,
        ...more,
      });
    },
    /** The CLI device flow. */
    cli: {
      /** Starts a flow. */
      start: () => request<DeviceFlow>('POST', '/v1/cli/device/start'),
      /** Approves a flow by its user code, signed in (the browser's side). */
      complete: (userCode: string) =>
        request<{ approved: true }>('POST', '/v1/cli/device/complete', { userCode }),
      /** The token pair once the flow is approved; `undefined` while it is pending (poll every `interval` s). */
      async exchange(deviceCode: string): Promise<Tokens | undefined> {
        const r = await request<Tokens | { status: 'pending' }>('POST', '/v1/cli/device/token', {
          deviceCode,
        });
        return 'accessToken' in r ? r : undefined;
      },
      /** A new pair for a refresh token, which is spent. */
      refresh: (refreshToken: string) => request<Tokens>('POST', '/v1/cli/token/refresh', { refreshToken }),
    },
    /** Any other call, as the SDK sends it (a string body is sent as it is). */
    request,
  };
}

export type Barekey = ReturnType<typeof createBarekey>;
