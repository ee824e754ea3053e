import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { inspect } from 'node:util';
import { build } from 'esbuild';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createClient, defineClientError, ErrataClientError, isErrataClientError } from './index.js';

const BarekeyError = defineClientError()('BarekeyError', {
  BarekeyAuthError: [401, 403],
  BarekeyRateLimitError: [429, 'RATE_LIMITED'],
  BarekeyDeviceError: ['DEVICE_CODE_EXPIRED', 'DEVICE_CODE_NOT_FOUND'],
});
const { BarekeyAuthError, BarekeyRateLimitError, BarekeyDeviceError } = BarekeyError;
const client = createClient({ error: BarekeyError, baseDelayMs: 1, maxDelayMs: 2 });
const problem = (status: number, code: string, extra: object = {}) =>
  JSON.stringify({
    type: 'about:blank',
    title: 'Failed',
    status,
    code,
    detail: `${code} happened`,
    ...extra,
  });

describe('defineClientError', () => {
  it('makes every error of the client an instance of the brand, named after it', () => {
    const e = client.parse(problem(404, 'VARIABLE_NOT_FOUND'), { status: 404 });
    expect(e).toBeInstanceOf(BarekeyError);
    expect(e).toBeInstanceOf(ErrataClientError);
    expect(e).toBeInstanceOf(Error);
    expect(e.name).toBe('BarekeyError');
    expect(BarekeyError.name).toBe('BarekeyError');
    expect(e.stack).toBe('BarekeyError: VARIABLE_NOT_FOUND happened');
    expect(String(e)).toBe('BarekeyError: VARIABLE_NOT_FOUND happened');
    expect(isErrataClientError(e)).toBe(true);
    // Every field as an unbranded client reads it.
    const plain = createClient().parse(problem(404, 'VARIABLE_NOT_FOUND'), { status: 404 });
    expect({ ...e }).toEqual({ ...plain });
    expect([e.code, e.status, e.retryable, e.retryAfterMs]).toEqual([
      'VARIABLE_NOT_FOUND',
      404,
      false,
      undefined,
    ]);
  });

  it('prints as the brand in console.log and util.inspect, never as ErrataClientError', () => {
    const e = client.parse(problem(400, 'INVALID_REQUEST'), { status: 400 });
    const shown = inspect(e);
    expect(shown).toMatch(/^\[BarekeyError: INVALID_REQUEST happened\] \{/);
    expect(shown).not.toContain('ErrataClientError');
    // One constructed by hand captures a trace that starts with the brand too.
    const made = new BarekeyError({ status: 500, message: 'made here' });
    expect(made.stack).toMatch(/^BarekeyError: made here\n\s+at /);
    expect(inspect(made)).toMatch(/^BarekeyError: made here\n\s+at /);
    expect(inspect(made)).not.toContain('[BarekeyError]');
  });

  it('picks the first subclass whose list holds the status or the code', () => {
    const at = (status: number, code: string) => client.parse(problem(status, code), { status });
    const auth = at(403, 'INVALID_ORG_SCOPE');
    expect(auth).toBeInstanceOf(BarekeyAuthError);
    expect(auth).toBeInstanceOf(BarekeyError);
    expect(auth.name).toBe('BarekeyAuthError');
    expect(auth.stack).toBe('BarekeyAuthError: INVALID_ORG_SCOPE happened');
    expect(inspect(auth)).toMatch(/^\[BarekeyAuthError: /);
    expect(at(429, 'SLOW_DOWN')).toBeInstanceOf(BarekeyRateLimitError);
    // By code, whatever the status a proxy put on it.
    expect(at(503, 'RATE_LIMITED')).toBeInstanceOf(BarekeyRateLimitError);
    expect(at(410, 'DEVICE_CODE_EXPIRED')).toBeInstanceOf(BarekeyDeviceError);
    // An auth status with a device code: the first in the declared order wins.
    expect(at(401, 'DEVICE_CODE_NOT_FOUND')).toBeInstanceOf(BarekeyAuthError);
    const other = at(404, 'VARIABLE_NOT_FOUND');
    expect(other).not.toBeInstanceOf(BarekeyAuthError);
    expect(other.constructor).toBe(BarekeyError);
    expect(BarekeyAuthError.name).toBe('BarekeyAuthError');
  });

  it('narrows with the static is, by class and by code', () => {
    const e = client.parse(problem(401, 'UNAUTHORIZED'), { status: 401 });
    expect(BarekeyError.is(e)).toBe(true);
    expect(BarekeyError.is(e, 'UNAUTHORIZED')).toBe(true);
    expect(BarekeyError.is(e, 'VARIABLE_NOT_FOUND')).toBe(false);
    expect(BarekeyAuthError.is(e, 'UNAUTHORIZED')).toBe(true);
    expect(BarekeyRateLimitError.is(e)).toBe(false);
    // An error of the plain client, or of another brand, is not one.
    expect(BarekeyError.is(createClient().parse('', { status: 401 }))).toBe(false);
    const Other = defineClientError()('OtherError');
    expect(BarekeyError.is(createClient({ error: Other }).parse('', { status: 401 }))).toBe(false);
    expect(BarekeyError.is({ name: 'BarekeyError', code: 'UNAUTHORIZED' }, 'UNAUTHORIZED')).toBe(false);
    expect(client.is(e, 'UNAUTHORIZED')).toBe(true);
  });
});

describe('defineClientError with client.fetch', () => {
  let server: Server;
  let base: string;
  let hits = 0;
  beforeAll(async () => {
    server = createServer((req, res) => {
      hits++;
      const status = Number(req.url?.slice(1, 4));
      if (req.url?.endsWith('/once') && hits % 2 === 0) return res.end('ok');
      res.writeHead(status, { 'content-type': 'application/problem+json', 'retry-after': '0' });
      res.end(problem(status, `E${status}`));
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => new Promise((resolve) => server.close(resolve)));

  it('rejects with the brand, and hands it to onRetry', async () => {
    const seen: unknown[] = [];
    hits = 0;
    const res = await client.fetch(`${base}/503/once`, {}, { onRetry: (i) => seen.push(i.error) });
    expect(await res.text()).toBe('ok');
    expect(seen).toHaveLength(1);
    expect(seen[0]).toBeInstanceOf(BarekeyError);
    expect((seen[0] as ErrataClientError).retryAfterMs).toBe(0);
    const e = await client.fetch(`${base}/429`, {}, { retries: 0 }).catch((x: unknown) => x);
    expect(e).toBeInstanceOf(BarekeyRateLimitError);
    expect(e).toMatchObject({ code: 'E429', status: 429, retryable: true });
  });

  it('brands the errors it makes without a response: network error and timeout', async () => {
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const port = (closed.address() as AddressInfo).port;
    await new Promise((resolve) => closed.close(resolve));
    const net = await client.fetch(`http://127.0.0.1:${port}/`, {}, { retries: 0 }).catch((x: unknown) => x);
    expect(net).toBeInstanceOf(BarekeyError);
    expect(net).toMatchObject({ name: 'BarekeyError', code: 'network_error', status: 0 });
    const hang = createServer(() => {});
    await new Promise<void>((resolve) => hang.listen(0, '127.0.0.1', resolve));
    try {
      const url = `http://127.0.0.1:${(hang.address() as AddressInfo).port}/`;
      const late = await client.fetch(url, {}, { timeoutMs: 50 }).catch((x: unknown) => x);
      expect(late).toBeInstanceOf(BarekeyError);
      expect(late).toMatchObject({ code: 'timeout', status: 0 });
    } finally {
      hang.closeAllConnections();
      await new Promise((resolve) => hang.close(resolve));
    }
  });
});

describe('a second copy of the package', () => {
  let dir: string;
  let copy: typeof import('./index.js');
  beforeAll(async () => {
    // The client entry built on its own, as another package's node_modules would hold it.
    dir = mkdtempSync(join(tmpdir(), 'errata-copy-'));
    const out = await build({
      entryPoints: ['src/client/index.ts'],
      bundle: true,
      format: 'esm',
      platform: 'neutral',
      write: false,
      logLevel: 'silent',
    });
    const file = join(dir, 'client.mjs');
    writeFileSync(file, out.outputFiles[0]?.contents ?? '');
    copy = await import(pathToFileURL(file).href);
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('recognises the branded errors of this copy, and this copy recognises its', () => {
    expect(copy.ErrataClientError).not.toBe(ErrataClientError);
    const ours = client.parse(problem(401, 'UNAUTHORIZED'), { status: 401 });
    expect(copy.isErrataClientError(ours)).toBe(true);
    expect(copy.createClient().is(ours, 'UNAUTHORIZED')).toBe(true);
    const TheirError = copy.defineClientError()('TheirError', { TheirAuthError: [401] });
    const theirs = copy
      .createClient({ error: TheirError })
      .parse(problem(401, 'UNAUTHORIZED'), { status: 401 });
    expect(isErrataClientError(theirs)).toBe(true);
    expect(theirs).toBeInstanceOf(TheirError.TheirAuthError);
    expect(theirs.stack).toBe('TheirAuthError: UNAUTHORIZED happened');
  });

  it('takes a class defined with the other copy', () => {
    const mixed = copy.createClient({ error: BarekeyError }).parse(problem(403, 'X'), { status: 403 });
    expect(mixed).toBeInstanceOf(BarekeyAuthError);
    expect(isErrataClientError(mixed)).toBe(true);
    expect(mixed.retryable).toBe(false);
  });
});
