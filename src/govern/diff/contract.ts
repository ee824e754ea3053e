import type { CatalogModel, EntryModel } from '../../catalog/model.js';
import { serverContract } from '../../catalog/server-contract.js';
import { FAILURE_IDS, SERVER_ENTRIES } from '../../catalog/server-failures.js';
import { type AddChange, change, showValue } from './changes.js';

/**
 * Reports each server failure (a 405, a malformed body, a framework's own
 * 409 …) that the effective contract answers with another code or status than
 * before: an entry of the catalog now answers one errata answered (adding
 * your own 405 entry replaces `METHOD_NOT_ALLOWED` on the wire), or errata
 * answers one the catalog did, or the added entries' casing followed the
 * catalog's. Clients see the failures every errata server answers (a 405, a
 * malformed body …) like the catalog's own codes, so their change is breaking;
 * a framework's own 4xx (a 409 thrown by a middleware) under the generic code
 * is incidental, and an entry that now words it is reported as not breaking.
 * The catalog's own entries are compared by `diffCatalogs` itself.
 */
const FAILURE_KIND_IDS: ReadonlySet<string> = new Set(Object.values(FAILURE_IDS));
export function compareServerFailures(before: CatalogModel, after: CatalogModel, add: AddChange): void {
  // A catalog compared with nothing (new at the git ref) had no server to answer anything.
  if (Object.keys(before.errors).length === 0) return;
  const [old, now] = [serverContract(before), serverContract(after)];
  for (const [builtinId, oldId] of old.answers) {
    const newId = now.answers.get(builtinId);
    if (newId === undefined) continue;
    const was = old.model.errors[oldId] as EntryModel;
    const is = now.model.errors[newId] as EntryModel;
    if (was.code === is.code && was.status === is.status) continue;
    const by = now.added.has(builtinId) ? 'errata' : `entry ${newId}`;
    const failure = SERVER_ENTRIES[builtinId] as EntryModel;
    const sent = (e: EntryModel) =>
      was.status === is.status ? showValue(e.code) : `${showValue(e.code)} (${e.status})`;
    add(
      change(
        FAILURE_KIND_IDS.has(builtinId) ? 'server-failure-changed' : 'framework-status-changed',
        { id: newId, code: was.code, field: 'code' },
        `the server's ${failure.status} (${failure.title}): sent as ${sent(was)} → ${sent(is)}, by ${by}`,
        { before: { code: was.code, status: was.status }, after: { code: is.code, status: is.status } },
      ),
    );
  }
}
