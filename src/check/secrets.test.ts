import { describe, expect, it } from 'vitest';
import { secretShapes } from './secrets.js';

describe('secretShapes', () => {
  it('names each kind of secret-shaped text', () => {
    const cases: [string, string][] = [
      [
        'connect failed: postgres://admin:hunter2@db.internal:5432/prod',
        'a connection string with credentials',
      ],
      ['mongodb+srv://app:s3cr3t@cluster0.example.net/db', 'a connection string with credentials'],
      ['Authorization: Bearer abcdefghijklmnopqrstuvwxyz012345', 'a bearer token'],
      ['token eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxIn0.c2lnbmF0dXJl', 'a JSON Web Token'],
      ['key sk_live_51H8secretSECRETsecret', 'an API key'],
      ['AKIAIOSFODNN7EXAMPLE', 'an API key'],
      ['-----BEGIN RSA PRIVATE KEY-----', 'a private key'],
      ['login with password=hunter2', 'a password'],
      ['    at Object.handler (/srv/app/node_modules/x/index.js:12:7)', 'a stack trace'],
      ['at async file:///srv/app/server.mjs:40:3', 'a stack trace'],
      ['Traceback (most recent call last):', 'a Python traceback'],
      ['C:\\app\\Orders.cs:line 42', 'a file path with a line number'],
      ['failed in /srv/app/orders.go:42', 'a file path with a line number'],
      ['TypeError: Cannot read properties of undefined', "an exception's name and message"],
    ];
    for (const [text, shape] of cases) expect(secretShapes(text), text).toContain(shape);
  });

  it('stays quiet on what a masked error may show', () => {
    for (const text of [
      '{"type":"https://shop.example.com/errors#INTERNAL","title":"Internal error","status":500,"code":"INTERNAL","detail":"An internal error occurred.","instance":"/orders/42","requestId":"5f0c6f9e-8d7a-4f7e-9a57-3c1d2b1e0a9f"}',
      'Bearer realm="shop", error="invalid_token"',
      'https://docs.example.com/errors#DB_DOWN',
      '2026-12-02T09:00:00Z',
      'The request could not be completed.',
      'Service unavailable: retry in 30 s',
      '/v1/orders/42:cancel',
    ])
      expect(secretShapes(text), text).toEqual([]);
  });
});
