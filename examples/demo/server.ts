/**
 * The errata demo: a small API on node:http that answers with errors from the
 * barekey seed catalog as RFC 9457 problem details. `npm start` runs it.
 */

import { readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { createCatalog, isErrataError, toWire } from '../../src/index.js';
import { normalizeDocument } from '../../src/load.js';

const file = new URL('../catalogs/barekey.json', import.meta.url);
const model = normalizeDocument(JSON.parse(readFileSync(file, 'utf8')), 'examples/catalogs/barekey.json');
const api = createCatalog({ ...model, docs: 'http://127.0.0.1/errors' });

const variables = new Map([['production/API_URL', 'https://api.example.com']]);

export function handle(
  method: string,
  url: URL,
): { status: number; headers: Record<string, string>; body: string } {
  try {
    const m = /^\/v1\/variables\/([^/]+)\/([^/]+)$/.exec(url.pathname);
    if (method === 'GET' && m) {
      const [stage, name] = [decodeURIComponent(m[1] as string), decodeURIComponent(m[2] as string)];
      const value = variables.get(`${stage}/${name}`);
      if (value === undefined) throw api.error('VARIABLE_NOT_FOUND', { name, stage });
      return {
        status: 200,
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ name, value }),
      };
    }
    if (url.pathname === '/v1/billing') throw api.error('BILLING_UNAVAILABLE');
    throw api.error('VARIABLE_NOT_FOUND', { name: url.pathname, stage: 'any' });
  } catch (e) {
    const err = isErrataError(e) ? e : api.error('EVALUATION_FAILED', {}, { cause: e });
    return toWire(err, { dialect: 'problem', requestId: crypto.randomUUID(), instance: url.pathname });
  }
}

const port = Number(process.env.PORT ?? 3000);
const server = createServer((req, res) => {
  const url = new URL(req.url ?? '/', 'http://localhost');
  const out = handle(req.method ?? 'GET', url);
  res.writeHead(out.status, out.headers).end(out.body);
});
server.listen(port, '127.0.0.1', () => {
  const base = `http://127.0.0.1:${port}`;
  console.log(`errata demo listening on ${base}\n`);
  console.log(`  curl -i ${base}/v1/variables/production/API_URL     # 200`);
  console.log(`  curl -i ${base}/v1/variables/staging/MISSING        # 404 VARIABLE_NOT_FOUND`);
  console.log(`  curl -i ${base}/v1/billing                          # 503 BILLING_UNAVAILABLE`);
});
