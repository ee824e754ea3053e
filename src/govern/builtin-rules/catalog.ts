import { defineRule } from '../define-rule.js';
import { quote } from './_wording.js';

/** An absolute URI has a scheme (RFC 3986 section 4.3). */
const ABSOLUTE = /^[A-Za-z][A-Za-z0-9+.-]*:/;

/** `type-uri`: a documentation URL that makes every `type` URI relative. */
export const typeUriAbsolute = defineRule({
  id: 'type-uri',
  severity: 'error',
  description:
    'The catalog’s `docs` URL is not absolute, so every RFC 9457 `type` URI is relative (section 3.1.1: clients resolve it against the response’s URL).',
  *check({ model }) {
    if (model.docs !== undefined && !ABSOLUTE.test(model.docs))
      yield {
        field: 'docs',
        message: `docs ${quote(model.docs)} is not an absolute URI, so each entry's RFC 9457 "type" is relative: clients resolve it against the request URL (RFC 9457 3.1.1) and compare different strings; use https://…`,
      };
  },
});

/** `docs-url`: no documentation URL, or a plain-HTTP one. */
export const docsUrl = defineRule({
  id: 'docs-url',
  severity: 'warn',
  description:
    'The catalog has no `docs` URL (every `type` is about:blank) or an `http:` one (RFC 9457 type URIs should be stable and https).',
  *check({ model }) {
    if (model.docs === undefined)
      yield {
        field: 'docs',
        message:
          'no docs URL: every error is sent with type about:blank (RFC 9457 4.2.1), and clients cannot tell errors apart by type or find their documentation',
      };
    else if (/^http:/i.test(model.docs))
      yield { field: 'docs', message: `docs ${quote(model.docs)} uses http:, use https:` };
  },
});

const RELATIVE_REF = /\b(?:see|check|visit|read|at|on)\s+(\/[A-Za-z0-9][\w\-./#]*[\w/])/gi;

/** `link-relative`: links and "see /path" references that only resolve on the docs site. */
export const linkRelative = defineRule({
  id: 'link-relative',
  severity: 'warn',
  description:
    'Relative links (`links`, or "see /api-reference/…" in a remediation or description) that do not resolve outside the docs site.',
  *check({ entries }) {
    for (const [id, entry] of entries) {
      for (const link of entry.links ?? [])
        if (!ABSOLUTE.test(link))
          yield { id, field: 'links', message: `link ${quote(link)} is relative; use an absolute URL` };
      for (const field of ['remediation', 'description'] as const) {
        const refs = [...(entry[field] ?? '').matchAll(RELATIVE_REF)].map((m) => m[1] as string);
        if (refs.length > 0)
          yield {
            id,
            field: field,
            message: `${field} points to ${refs.map(quote).join(', ')}, a relative path: it does not resolve in an SDK, a log or a terminal; use an absolute URL`,
          };
      }
    }
  },
});

/** `deprecated-no-replacement`: deprecated entries that name no replacement. */
export const deprecatedNoReplacement = defineRule({
  id: 'deprecated-no-replacement',
  severity: 'warn',
  description: 'Deprecated entries that do not say which entry replaces them (`deprecated.replacedBy`).',
  *check({ entries }) {
    for (const [id, entry] of entries)
      if (entry.deprecated && entry.deprecated.replacedBy === undefined)
        yield {
          id,
          field: 'deprecated',
          message:
            'deprecated without a replacement: set deprecated.replacedBy (or say in a note why none exists)',
        };
  },
});

/** `deprecated-replacement-missing`: `replacedBy` names no entry, itself, or a deprecated entry. */
export const deprecatedReplacementMissing = defineRule({
  id: 'deprecated-replacement-missing',
  severity: 'error',
  description:
    '`deprecated.replacedBy` names an entry that does not exist, the entry itself, or another deprecated entry.',
  *check({ model, entries }) {
    for (const [id, entry] of entries) {
      const to = entry.deprecated?.replacedBy;
      if (to === undefined) continue;
      const target = Object.hasOwn(model.errors, to) ? model.errors[to] : undefined;
      if (to === id)
        yield { id, field: 'deprecated', message: 'deprecated.replacedBy names the entry itself' };
      else if (!target)
        yield {
          id,
          field: 'deprecated',
          message: `deprecated.replacedBy names ${quote(to)}, which is not an entry of this catalog`,
        };
      else if (target.deprecated)
        yield {
          id,
          field: 'deprecated',
          message: `deprecated.replacedBy names ${quote(to)}, which is deprecated too; point to the current entry`,
        };
    }
  },
});

/** `details-object`: details that are not a JSON object. */
export const detailsObject = defineRule({
  id: 'details-object',
  severity: 'warn',
  description:
    'A `details` schema that is not an object (a string, an array): fields cannot be added later without breaking clients.',
  *check({ entries }) {
    for (const [id, entry] of entries) {
      const type = entry.details?.type;
      if (type === undefined) continue;
      const types = Array.isArray(type) ? type : [type];
      if (!types.includes('object'))
        yield {
          id,
          field: 'details',
          message: `details is ${types.map(String).join(' | ')}, not an object: clients must parse it themselves and no field can be added later without breaking them`,
        };
    }
  },
});
