// The demo's catalog: the barekey seed catalog, plus the entries a server needs that the seed lacks,
// in English and French (the seed's French is examples/catalogs/barekey.fr.json; the added entries'
// is written with each of them).
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
    translations: {
      fr: {
        title: 'Trop de requêtes',
        message:
          'Trop de requêtes : la limite est de {limit, plural, one {# requête} other {# requêtes}} par minute. Réessayez après le délai indiqué dans Retry-After.',
        remediation: 'Attendez le nombre de secondes indiqué dans l’en-tête Retry-After, puis réessayez.',
      },
    },
  },
  ROUTE_NOT_FOUND: {
    status: 404,
    category: 'HTTP',
    title: 'No such route',
    message: 'No route matches {method} {path}.',
    remediation: 'Check the method and path against the API reference (GET / lists the routes).',
    translations: {
      fr: {
        title: 'Route introuvable',
        message: 'Aucune route ne correspond à {method} {path}.',
        remediation: 'Vérifiez la méthode et le chemin dans la référence de l’API (GET / liste les routes).',
      },
    },
  },
  METHOD_NOT_ALLOWED: {
    status: 405,
    category: 'HTTP',
    title: 'Method not allowed',
    message: 'The method {method} is not allowed on this route.',
    remediation: 'Use one of the methods in the Allow header.',
    translations: {
      fr: {
        title: 'Méthode non autorisée',
        message: 'La méthode {method} n’est pas autorisée sur cette route.',
        remediation: 'Utilisez l’une des méthodes de l’en-tête Allow.',
      },
    },
  },
  PAYLOAD_TOO_LARGE: {
    status: 413,
    category: 'HTTP',
    title: 'Request too large',
    message: 'The request body is over 16 KiB.',
    remediation: 'Send a smaller body.',
    translations: {
      fr: {
        title: 'Requête trop volumineuse',
        message: 'Le corps de la requête dépasse 16 Kio.',
        remediation: 'Envoyez un corps plus petit.',
      },
    },
  },
  UNSUPPORTED_MEDIA_TYPE: {
    status: 415,
    category: 'HTTP',
    title: 'Unsupported media type',
    message: 'The request body must be JSON (Content-Type: application/json).',
    remediation: 'Send the body as JSON, with Content-Type: application/json.',
    translations: {
      fr: {
        title: 'Type de média non pris en charge',
        message: 'Le corps de la requête doit être du JSON (Content-Type: application/json).',
        remediation: 'Envoyez le corps en JSON, avec l’en-tête Content-Type: application/json.',
      },
    },
  },
  INTERNAL_ERROR: {
    status: 500,
    category: 'HTTP',
    title: 'Internal error',
    message: 'An internal error occurred.',
    remediation: 'Retry later; quote the requestId to support if it persists.',
    retry: { retryable: true, strategy: 'exponential', baseMs: 1000, maxMs: 30_000, maxAttempts: 3 },
    translations: {
      fr: {
        title: 'Erreur interne',
        message: 'Une erreur interne s’est produite.',
        remediation: 'Réessayez plus tard ; si l’erreur persiste, communiquez le requestId au support.',
      },
    },
  },
};

/** The demo's catalog; `docs` is the base URL each error's `type` points into. */
export function demoCatalog(docs = '/errors') {
  const read = (name: string) =>
    JSON.parse(readFileSync(new URL(`../catalogs/${name}`, import.meta.url), 'utf8'));
  const doc = read('barekey.json') as { categories: string[]; errors: Record<string, unknown> };
  const model = normalizeDocument(
    {
      ...doc,
      docs,
      // RFC 9457 by default; the seed's own envelope with ?dialect=barekey.
      dialect: 'problem',
      categories: [...doc.categories, 'Rate limits', 'HTTP'],
      errors: { ...doc.errors, ...added },
      // The seed's per-locale file, as loadCatalog would read it beside barekey.json.
      translations: { fr: read('barekey.fr.json') },
    },
    'examples/catalogs/barekey.json (demo)',
  );
  return createCatalog(model);
}
