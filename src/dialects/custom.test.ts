/**
 * A user-defined dialect through the public interface, as the README shows:
 * Apigee's `{fault: {faultstring, detail: {errorcode}}}`.
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { describe, expect, it } from 'vitest';
import {
  type Dialect,
  defineCatalog,
  getDialect,
  type ParsedError,
  publicMessage,
  toResponse,
  toWire,
} from '../index.js';

const apigee: Dialect = {
  name: 'apigee',
  contentType: 'application/json',
  serialize(error, context) {
    const requestId = context?.requestId ?? error.requestId;
    return {
      status: error.status,
      headers: {
        'content-type': 'application/json',
        ...(requestId !== undefined && { 'x-request-id': requestId }),
      },
      body: JSON.stringify({
        fault: { faultstring: publicMessage(error), detail: { errorcode: error.code } },
      }),
    };
  },
  parse(body, { status, headers }): ParsedError | undefined {
    if (typeof body !== 'object' || body === null || !Object.hasOwn(body, 'fault')) return undefined;
    const fault = (body as { fault: unknown }).fault;
    if (typeof fault !== 'object' || fault === null) return undefined;
    const { faultstring, detail } = fault as { faultstring?: unknown; detail?: { errorcode?: unknown } };
    if (typeof faultstring !== 'string') return undefined;
    const code = typeof detail?.errorcode === 'string' ? detail.errorcode : undefined;
    return {
      dialect: 'apigee',
      status,
      code,
      message: faultstring,
      requestId: headers.get('x-request-id') ?? undefined,
    };
  },
};

const api = defineCatalog({
  name: 'proxy',
  errors: {
    QUOTA_VIOLATION: { status: 429, retry: { afterMs: 30_000 }, message: 'Rate limit quota violation.' },
    TARGET_FAILED: { status: 502, message: 'Target {host} returned garbage' },
  },
});

describe('a user-defined dialect', () => {
  it('serves over HTTP and parses back with the same interface', async () => {
    const server = createServer((_req, res) => {
      const wire = toWire(api.error('QUOTA_VIOLATION'), { dialect: apigee, requestId: 'rq_7' });
      res.writeHead(wire.status, wire.headers).end(wire.body);
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    try {
      const res = await fetch(`http://127.0.0.1:${(server.address() as AddressInfo).port}/`);
      expect(res.status).toBe(429);
      const body = await res.json();
      expect(body).toEqual({
        fault: { faultstring: 'Rate limit quota violation.', detail: { errorcode: 'QUOTA_VIOLATION' } },
      });
      expect(apigee.parse(body, { status: res.status, headers: res.headers })).toEqual({
        dialect: 'apigee',
        status: 429,
        code: 'QUOTA_VIOLATION',
        message: 'Rate limit quota violation.',
        requestId: 'rq_7',
      });
    } finally {
      server.close();
    }
  });

  it('is masked like the built-ins when it uses publicMessage', async () => {
    const res = toResponse(api.error('TARGET_FAILED', { host: '10.0.0.7:8443' }), { dialect: apigee });
    const text = await res.text();
    expect(text).not.toContain('10.0.0.7');
    expect(JSON.parse(text).fault.faultstring).toBe('An internal error occurred.');
  });

  it('joins the registry lookup next to the built-ins', () => {
    expect(getDialect('apigee', { apigee })).toBe(apigee);
    expect(getDialect('openai', { apigee }).name).toBe('openai');
    expect(() => getDialect('soap', { apigee })).toThrow(/known: .*apigee/);
  });
});
