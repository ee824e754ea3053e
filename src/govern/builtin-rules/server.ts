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
    for (const kind of Object.keys(FAILURE_IDS) as FailureKind[]) {
      const added = contract.added.get(FAILURE_IDS[kind]);
      if (added === undefined) continue;
      const code = contract.model.errors[added]?.code ?? added;
      const statuses = FAILURE_STATUSES[kind].join(' or ');
      // Where the status does not say it (a 400, a 404), the entry is found by its name, or named by the option.
      const how =
        FAILURE_NAMES[kind] === undefined
          ? ''
          : ` named like ${code} (or named by the server option ${kind})`;
      yield {
        field: 'errors',
        message: `no entry answers ${WHAT[kind]} (${statuses}): the server sends errata's generic ${code}; add a ${statuses} entry${how} to word it for your users`,
      };
    }
  },
});
