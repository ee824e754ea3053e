/**
 * A catalog's effective contract: its own entries plus the server failures it
 * has no entry for, named in the catalog's casing. What an errata server can
 * answer is exactly this, so the reference pages, the OpenAPI document, the
 * export and the client types are generated from it (`contract.ts` adds the
 * added entries' descriptions for them). The responder builds it once.
 */
import { applyCasing, detectCasing } from './casing.js';
import type { CatalogModel, EntryModel } from './model.js';
import {
  FAILURE_IDS,
  FAILURE_NAMES,
  FAILURE_STATUSES,
  type FailureKind,
  GENERIC_STATUSES,
  SERVER_CATEGORY,
  SERVER_ENTRIES,
  STATUS_ALIASES,
  serverEntryOfStatus,
  squashName,
} from './server-failures.js';

/** The application's choice of entry per failure kind (the server options `notFound`, `internal`…). */
export type FailureChoices = { readonly [K in FailureKind]?: string | undefined };

/** A catalog's effective contract. */
export interface ServerContract {
  /** The catalog with the entries errata adds to it (in category `Server failures`), after its own. */
  readonly model: CatalogModel;
  /** The entry answering each built-in id (`method_not_allowed`): the catalog's own, or an added one. */
  readonly answers: ReadonlyMap<string, string>;
  /** The entries added, by built-in id: `method_not_allowed` → `METHOD_NOT_ALLOWED`. */
  readonly added: ReadonlyMap<string, string>;
  /** The catalog's own entries that answer a failure kind, by kind. */
  readonly kinds: { readonly [K in FailureKind]?: string };
}

type Live = readonly (readonly [string, EntryModel])[];

const named = (names: readonly string[], id: string, e: EntryModel) =>
  names.includes(squashName(id)) || (e.code !== '' && names.includes(squashName(e.code)));

/** The application's entry for a failure kind, by status and by the shape of its id or code. */
function findKind(live: Live, kind: FailureKind): string | undefined {
  const names = FAILURE_NAMES[kind];
  let first: string | undefined;
  for (const status of FAILURE_STATUSES[kind])
    for (const [id, e] of live) {
      if (e.status !== status) continue;
      if (names === undefined && kind !== 'internal') return id;
      if (names !== undefined && named(names, id, e)) return id;
      if (kind === 'internal' && (/internal/i.test(id) || /internal/i.test(e.code))) return id;
      first ??= id;
    }
  return kind === 'internal' ? first : undefined;
}

/**
 * Which entry of a catalog answers each server failure, and the catalog with
 * an entry for each failure it does not cover yet:
 * - a failure kind: the entry `choices` names, else one of its status whose id
 *   or code says what it is (`INVALID_JSON`, `ROUTE_NOT_FOUND`; any 405, 413,
 *   415 or 500 entry);
 * - a framework's client error of another status: the entry of that status
 *   named for it (`UNAUTHORIZED`, `RATE_LIMITED` for a 429…), else the only
 *   entry of that status that answers no failure kind.
 * Deprecated entries answer nothing. Added entries take the casing of the
 * catalog's ids and codes; an added id the catalog already uses gets an
 * `errata` prefix. Applying it to its own result changes nothing.
 */
export function serverContract(model: CatalogModel, choices: FailureChoices = {}): ServerContract {
  const all = Object.entries(model.errors);
  const live = all.filter(([, e]) => e.deprecated === undefined);
  const answers = new Map<string, string>();
  const kinds: { [K in FailureKind]?: string } = {};
  for (const kind of Object.keys(FAILURE_IDS) as FailureKind[]) {
    const chosen = choices[kind] ?? findKind(live, kind);
    if (chosen !== undefined) {
      kinds[kind] = chosen;
      answers.set(FAILURE_IDS[kind], chosen);
    }
  }
  // An entry for a failure kind is not "the only entry" of its status for a framework's error.
  const claimed = new Set<string>(Object.values(kinds));
  for (const [id, e] of live)
    for (const kind of Object.keys(FAILURE_IDS) as FailureKind[]) {
      const names = FAILURE_NAMES[kind];
      if (names !== undefined && FAILURE_STATUSES[kind].includes(e.status) && named(names, id, e))
        claimed.add(id);
    }
  for (const status of GENERIC_STATUSES) {
    const builtinId = serverEntryOfStatus(status);
    const wanted = [squashName(builtinId), ...(STATUS_ALIASES[builtinId] ?? [])];
    const ofStatus = live.filter(([, e]) => e.status === status);
    const found =
      ofStatus.find(([id, e]) => named(wanted, id, e)) ??
      (() => {
        const free = ofStatus.filter(([id]) => !claimed.has(id));
        return free.length === 1 ? free[0] : undefined;
      })();
    if (found !== undefined) answers.set(builtinId, found[0]);
  }

  const idCasing = detectCasing(all.map(([id]) => id));
  const codeCasing = detectCasing(all.map(([, e]) => e.code));
  const errors: Record<string, EntryModel> = { ...model.errors };
  const added = new Map<string, string>();
  for (const [builtinId, e] of Object.entries(SERVER_ENTRIES)) {
    if (answers.has(builtinId)) continue;
    const words = builtinId.split('_');
    let id = applyCasing(words, idCasing);
    for (let n = 1; Object.hasOwn(errors, id); n++)
      id = applyCasing(['errata', ...words, ...(n > 1 ? [String(n)] : [])], idCasing);
    errors[id] = { ...e, code: applyCasing(words, codeCasing) };
    added.set(builtinId, id);
    answers.set(builtinId, id);
  }
  const categories =
    added.size > 0 && !model.categories.includes(SERVER_CATEGORY)
      ? [...model.categories, SERVER_CATEGORY]
      : model.categories;
  return {
    model: added.size === 0 ? model : { ...model, categories, errors },
    answers,
    added,
    kinds,
  };
}
