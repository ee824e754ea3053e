import { typeUri } from '../../catalog/anchor.js';
import { defineCheck } from '../define-check.js';

/** The RFC 9457 `type` (or the dialect's reference link) is the entry's reference URL. */
export const typeMatches = defineCheck({
  name: 'type-uri',
  severity: 'error',
  description: "The RFC 9457 `type` (or the dialect's reference link) is the entry's reference URL.",
  *check({ entry, parsed }) {
    if (entry === undefined || parsed === undefined) return;
    const expected = typeUri(entry.catalog, entry.id);
    const sent = parsed.type;
    if (parsed.dialect === 'problem') {
      if (expected === undefined) {
        if (sent !== undefined && sent !== 'about:blank')
          yield `the type is ${JSON.stringify(sent)}; catalog "${entry.catalog.name}" has no docs URL, so it should be absent or about:blank`;
      } else if (sent !== expected)
        yield `the type is ${sent === undefined ? 'absent' : JSON.stringify(sent)}; ${entry.id}'s reference is ${expected}`;
    } else if (
      expected !== undefined &&
      sent !== undefined &&
      /^[a-z][a-z0-9+.-]*:/i.test(sent) &&
      sent !== expected
    )
      yield `the reference link is ${JSON.stringify(sent)}; ${entry.id}'s is ${expected}`;
  },
});
