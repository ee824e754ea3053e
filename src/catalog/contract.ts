/**
 * A catalog's effective contract as the reference pages, the OpenAPI
 * document and `errata export` show it: `serverContract` (server-contract.ts),
 * each added entry described (what the server was answering), text a
 * server's bundle need not carry.
 */
import type { CatalogModel, EntryModel } from './model.js';
import { type ServerContract, serverContract } from './server-contract.js';

export { type FailureChoices, type ServerContract, serverContract } from './server-contract.js';

/** What the server was answering when it sends a built-in entry. */
const WHEN: Readonly<Record<string, string>> = {
  internal_error: 'an unexpected exception; its message is never sent',
  malformed_body: 'a request body that does not parse',
  validation_failed: 'a request that fails validation; every violation is listed',
  not_found: 'a request no route matches',
  method_not_allowed: 'a method the route does not take; the Allow header lists those it takes',
  payload_too_large: 'a request body over the size limit',
  unsupported_media_type: 'a request body in a media type, charset or encoding the route does not take',
};

/** The description of an added entry: when the server sends it. */
function described(builtinId: string, e: EntryModel): EntryModel {
  const when =
    WHEN[builtinId] ??
    `a framework's or a middleware's own ${e.status} error (http-errors, Boom, a framework exception)`;
  // In the place normalizing gives a description (after the message), so an exported contract
  // loads and exports again to the same text.
  const entry: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(e)) {
    if (key === 'description') continue;
    entry[key] = value;
    if (key === 'message') entry.description = `Sent by the server for ${when}.`;
  }
  return entry as unknown as EntryModel;
}

/** A catalog with the server failures it has no entry for: what an errata server for it can answer. */
export function effectiveModel(model: CatalogModel): CatalogModel {
  const contract: ServerContract = serverContract(model);
  if (contract.added.size === 0) return contract.model;
  const errors = { ...contract.model.errors };
  for (const [builtinId, id] of contract.added) errors[id] = described(builtinId, errors[id] as EntryModel);
  return { ...contract.model, errors };
}
