import { entryStatuses } from '../../catalog/fields/status.js';
import { defineCheck } from '../define-check.js';

/** The code the response carries is one of the catalog's. */
export const codeKnown = defineCheck({
  name: 'code-known',
  severity: 'error',
  description: 'The response carries an error code, and the catalog has it.',
  *check({ code, entry, parsed, catalog }) {
    if (code === undefined) {
      if (parsed !== undefined) yield 'the body carries no error code';
      return;
    }
    if (entry === undefined) yield `code ${JSON.stringify(code)} is not in catalog "${catalog.name}"`;
  },
});

/** The status is one the catalog gives the code, and the body agrees with it. */
export const statusMatches = defineCheck({
  name: 'status-matches',
  severity: 'error',
  description: 'The HTTP status is one the catalog gives the code, and the one the body states.',
  *check({ observation, entries, code, parsed }) {
    const status = observation.status;
    // An entry that lists several statuses (`status: [400, 409]`) may be sent with any of them.
    if (entries.length > 0 && !entries.some((e) => entryStatuses(e.entry).includes(status))) {
      const given = [...new Set(entries.flatMap((e) => entryStatuses(e.entry)))].join(' or ');
      yield `code ${JSON.stringify(code)} is sent with status ${status}; the catalog gives it ${given}`;
    }
    if (parsed !== undefined && parsed.status !== status)
      yield `the body states status ${parsed.status}, the response's is ${status}`;
  },
});
