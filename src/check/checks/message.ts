import type { CatalogModel } from '../../catalog/model.js';
import { GENERIC_MESSAGES } from '../../dialects/generic-messages.js';
import { GENERIC_SERVER_MESSAGE } from '../../dialects/index.js';
import { defineCheck } from '../define-check.js';
import { secretShapes } from '../secrets.js';

// `{name}` or `{name:type}` as the catalog's templates write placeholders.
const PLACEHOLDER = /\{\s*[A-Za-z_$][\w$]*(?::(?:string|number|integer|boolean))?\s*\}/;

/** The message was rendered: no `{name}` of its template is left in. */
export const messageRendered = defineCheck({
  name: 'message-rendered',
  severity: 'error',
  description: 'The message is rendered: no `{name}` placeholder of a template is left in it.',
  *check({ parsed }) {
    for (const [member, text] of [
      ['message', parsed?.message],
      ['title', parsed?.title],
    ] as const) {
      const left = text === undefined ? null : PLACEHOLDER.exec(text);
      if (left) yield `the ${member} still holds the template placeholder ${left[0]}`;
    }
  },
});

// What the dialects send in place of a masked message below 500 when the entry has no title (src/dialects/expose.ts).
const GENERIC_CLIENT_MESSAGE = GENERIC_MESSAGES.en?.client;

/**
 * A masked response (an entry with `expose: false`, the default at 500 and
 * above, or any 5xx) shows no message, no details and nothing secret-shaped.
 */
export const maskedLeak = defineCheck({
  name: 'masked-leak',
  severity: 'error',
  description:
    'A masked error (5xx, `expose: false`) leaks no message, details, stack trace or secret-shaped text.',
  options: { allow: [] as string[] },
  *check({ observation, entry, parsed, body, headers, options }) {
    const masked = entry === undefined ? observation.status >= 500 : !entry.entry.expose;
    if (!masked) return;
    const message = parsed?.message;
    if (entry !== undefined && message !== undefined) {
      const allowed = [
        ...Object.values(GENERIC_MESSAGES).flatMap((g) => [g.server, g.client]),
        entry.entry.title,
        ...translatedTitles(entry.catalog, entry.id),
        ...options.allow,
      ];
      if (!allowed.includes(message))
        yield `${entry.id} is masked, but the response shows a message of its own instead of ${JSON.stringify(
          observation.status >= 500 ? GENERIC_SERVER_MESSAGE : (entry.entry.title ?? GENERIC_CLIENT_MESSAGE),
        )}`;
    }
    const details = parsed?.details;
    if (
      details !== undefined &&
      details !== null &&
      !(typeof details === 'object' && Object.keys(details).length === 0)
    )
      yield `${entry?.id ?? 'the error'} is masked, but the response shows details`;
    const text = body.kind === 'absent' ? '' : body.text;
    const inBody = secretShapes(text);
    if (inBody.length > 0) yield `the masked response's body shows ${list(inBody)}`;
    for (const name of headers.names()) {
      if (UNSCANNED.has(name)) continue;
      const shapes = secretShapes(headers.all(name).join('\n'));
      if (shapes.length > 0) yield `the masked response's ${name} header shows ${list(shapes)}`;
    }
  },
});

/** The entry's title in each language the catalog translates it into (a localized masked answer shows it). */
function translatedTitles(catalog: CatalogModel, id: string): string[] {
  const out: string[] = [];
  for (const entries of Object.values(catalog.translations ?? {})) {
    const title = entries[id]?.title;
    if (title !== undefined) out.push(title);
  }
  return out;
}

// A challenge names its scheme (`Bearer realm=…`); a cookie is the application's own session.
const UNSCANNED = new Set(['www-authenticate', 'set-cookie']);

const list = (items: readonly string[]) =>
  items.length < 2 ? (items[0] ?? '') : `${items.slice(0, -1).join(', ')} and ${items.at(-1)}`;
