import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Demo, startDemo } from '../examples/demo/server.js';

const auth = { authorization: 'Bearer demo-token' };
let demo: Demo;
beforeAll(async () => {
  demo = await startDemo(0, { onError: () => {} });
});
afterAll(() => demo.close());

describe('npm start: the demo API and its error reference', () => {
  it('answers RFC 9457 by default, and every type resolves to an entry of /errors', async () => {
    const res = await fetch(`${demo.url}/v1/variables/staging/NOPE`, { headers: auth });
    expect(res.status).toBe(404);
    expect(res.headers.get('content-type')).toBe('application/problem+json');
    const body = (await res.json()) as { type: string; code: string };
    expect(body.code).toBe('VARIABLE_NOT_FOUND');
    const type = new URL(body.type);
    expect(`${type.origin}${type.pathname}`).toBe(`${demo.url}/errors`);
    const page = await fetch(`${demo.url}/errors`);
    expect(page.headers.get('content-type')).toContain('text/html');
    const html = await page.text();
    expect(html).toContain(`id="${type.hash.slice(1)}"`);
    // Every entry's anchor is on the page.
    for (const id of ['UNAUTHORIZED', 'INVALID_REQUEST', 'BILLING_UNAVAILABLE', 'RATE_LIMITED']) {
      expect(html).toContain(`id="${id}"`);
    }
  });

  it('masks an unexpected exception and still resolves its type', async () => {
    const res = await fetch(`${demo.url}/v1/crash`);
    expect(res.status).toBe(500);
    const text = await res.text();
    expect(text).not.toContain('s3cret');
    expect(text).not.toContain('postgres');
    const body = JSON.parse(text) as { type?: string; requestId?: string };
    expect(body.requestId).toBeTruthy();
  });

  it('serves the Markdown reference and the OpenAPI document', async () => {
    const md = await (await fetch(`${demo.url}/errors.md`)).text();
    expect(md).toContain('VARIABLE_NOT_FOUND');
    const spec = (await (await fetch(`${demo.url}/openapi.json`)).json()) as { openapi: string };
    expect(spec.openapi).toBe('3.1.0');
  });
});
