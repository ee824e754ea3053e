// The demo's catalog: the barekey seed catalog, plus the entries a server needs that the seed lacks.
import { readFileSync } from 'node:fs';
import { createCatalog } from 'errata';
import { normalizeDocument } from 'errata/load';

/** Entries added to the seed: a rate limit, and one entry per framework failure, so every answer is documented. */
const added = {
  RATE_LIMITED: {
    status: 429,
    category: 'Rate limits',
    title: 'Too many requests',
    message: 'Too many requests: {limit:integer} per minute. Retry after the delay in Retry-After.',
    retry: { retryable: true, strategy: 'after', afterMs: 60_000 },
    remediation: 'Wait for the number of seconds in the Retry-After header, then retry.',
  },
  ROUTE_NOT_FOUND: {
    status: 404,
    category: 'HTTP',
    title: 'No such route',
    message: 'No route matches {method} {path}.',
    remediation: 'Check the method and path against the API reference (GET / lists the routes).',
  },
  METHOD_NOT_ALLOWED: {
    status: 405,
    category: 'HTTP',
    title: 'Method not allowed',
    message: 'The method {method} is not allowed on this route.',
    remediation: 'Use one of the methods in the Allow header.',
  },
  PAYLOAD_TOO_LARGE: {
    status: 413,
    category: 'HTTP',
    title: 'Request too large',
    message: 'The request body is over 16 KiB.',
    remediation: 'Send a smaller body.',
  },
  UNSUPPORTED_MEDIA_TYPE: {
    status: 415,
    category: 'HTTP',
    title: 'Unsupported media type',
    message: 'The request body must be JSON (Content-Type: application/json).',
    remediation: 'Send the body as JSON, with Content-Type: application/json.',
  },
  INTERNAL_ERROR: {
    status: 500,
    category: 'HTTP',
    title: 'Internal error',
    message: 'An internal error occurred.',
    remediation: 'Retry later; quote the requestId to support if it persists.',
    retry: { retryable: true, strategy: 'exponential', baseMs: 1000, maxMs: 30_000, maxAttempts: 3 },
  },
};

/** The demo's catalog; `docs` is the base URL each error's `type` points into. */
export function demoCatalog(docs = '/errors') {
  const file = new URL('../catalogs/barekey.json', import.meta.url);
  const doc = JSON.parse(readFileSync(file, 'utf8')) as {
    categories: string[];
    errors: Record<string, unknown>;
  };
  const model = normalizeDocument(
    {
      ...doc,
      docs,
      // RFC 9457 by default; the seed's own envelope with ?dialect=barekey.
      dialect: 'problem',
      categories: [...doc.categories, 'Rate limits', 'HTTP'],
      errors: { ...doc.errors, ...added },
    },
    'examples/catalogs/barekey.json (demo)',
  );
  return createCatalog(model);
}
