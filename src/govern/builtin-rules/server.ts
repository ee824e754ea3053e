import { serverContract } from '../../catalog/server-contract.js';
import {
  FAILURE_IDS,
  FAILURE_NAMES,
  FAILURE_STATUSES,
  type FailureKind,
} from '../../catalog/server-failures.js';
import { defineRule } from '../define-rule.js';

/** What each failure kind is, as a finding names it. */
const WHAT: Readonly<Record<FailureKind, string>> = {
  internal: 'an unexpected exception',
  malformedBody: 'a request body that does not parse',
  validation: 'a request that fails validation',
  notFound: 'a request no route matches',
  methodNotAllowed: 'a method the route does not take',
  payloadTooLarge: 'a request body over the size limit',
  unsupportedMediaType: 'a request body in a media type the route does not take',
};

/**
 * `server-failure-uncovered`: a failure every errata server answers (a 405,
 * a 413 …) for which the catalog has no entry, so its answer is errata's
 * generic one, added to the catalog's contract.
 */
export const serverFailureUncovered = defineRule({
  id: 'server-failure-uncovered',
  severity: 'warn',
  description:
    'A failure every errata server answers (malformed body, validation, no route, 405, 413, 415, internal error) has no entry in the catalog: it is answered with errata’s generic entry, in the catalog’s casing.',
  *check({ model }) {
    const contract = serverContract(model);
    const uncovered: { kind: FailureKind; code: string; statuses: string }[] = [];
    for (const kind of Object.keys(FAILURE_IDS) as FailureKind[]) {
      const added = contract.added.get(FAILURE_IDS[kind]);
      if (added === undefined) continue;
      const code = contract.model.errors[added]?.code ?? added;
      uncovered.push({ kind, code, statuses: FAILURE_STATUSES[kind].join(' or ') });
    }
    // One finding for the catalog, however many failures it leaves to errata: a small catalog
    // is told once what to add, not seven times.
    const [only] = uncovered;
    if (only === undefined) return;
    if (uncovered.length === 1) {
      // Where the status does not say it (a 400, a 404), the entry is found by its name, or named by the option.
      const how =
        FAILURE_NAMES[only.kind] === undefined
          ? ''
          : ` named like ${only.code} (or named by the server option ${only.kind})`;
      yield {
        field: 'errors',
        message: `no entry answers ${WHAT[only.kind]} (${only.statuses}): the server sends errata's generic ${only.code}; add a ${only.statuses} entry${how} to word it for your users`,
      };
      return;
    }
    const list = uncovered.map((u) => `${WHAT[u.kind]} (${u.statuses}: ${u.code})`).join('; ');
    const named = uncovered.filter((u) => FAILURE_NAMES[u.kind] !== undefined).map((u) => u.kind);
    const how =
      named.length === 0
        ? ''
        : ` (an entry for ${named.join(', ')} is found by its name, like the generic code, or named by the server option of that name)`;
    yield {
      field: 'errors',
      message: `no entry answers ${uncovered.length} failures every errata server answers, so it sends errata's generic entries for them: ${list}; add entries${how} to word them for your users`,
    };
  },
});
