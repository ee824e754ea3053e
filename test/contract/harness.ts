// The contract test's fixture: the four servers, the catalogs registered on
// them, and what was observed of each catalog in each dialect (kept, so each
// property reads the same responses and no request is sent twice).
import { effectiveModel } from '../../src/catalog/contract.js';
import { type Catalog, createCatalog } from '../../src/catalog/define.js';
import type { CatalogModel } from '../../src/catalog/model.js';
import { normalizeCatalog } from '../../src/catalog/normalize.js';
import { dialects } from '../../src/dialects/index.js';
import type { ErrorEvent } from '../../src/server/respond.js';
import type { CatalogCase } from './catalogs.js';
import { type Observation, observe, type Probe, probesOf } from './observe.js';
import { type OpenApiChecker, openApiChecker } from './openapi-check.js';
import { ADAPTERS, type AdapterName, type Running, serverOptions, startAdapter } from './servers.js';
import { ClientTypes, type CodeUnion } from './types.js';

export const DIALECTS = Object.keys(dialects);

/** A catalog served on every adapter. */
export interface Registered {
  readonly key: string;
  readonly label: string;
  /** The catalog as normalized, and its effective contract (with the server failures it has no entry for). */
  readonly model: CatalogModel;
  readonly effective: CatalogModel;
  readonly catalog: Catalog;
  readonly probes: readonly Probe[];
  /** The codes its generated client types accept. */
  readonly union: Promise<CodeUnion>;
  readonly events: ErrorEvent[];
  /** Varies which adapter serves which request from one catalog to the next. */
  readonly salt: number;
}

/** An observation and the adapter that served it. */
export type Served = Observation & { readonly adapter: AdapterName; readonly dialect: string };

/**
 * Which adapters serve a probe in a dialect. `full`: all of them. Else one,
 * turning with the dialect, so each entry is served in every dialect and
 * through every adapter over its nine dialects; and a server failure (which
 * depends on the adapter most) in a third of the dialects (`failureShare`
 * 3) or all of them (1), through a different adapter in each.
 */
function adaptersFor(
  index: number,
  isEntry: boolean,
  dialect: number,
  salt: number,
  plan: Plan,
): readonly AdapterName[] {
  if (plan.full) return ADAPTERS;
  const turn = index + dialect + salt;
  if (!isEntry && turn % plan.failureShare !== 0) return [];
  return [ADAPTERS[turn % ADAPTERS.length] as AdapterName];
}

export interface Plan {
  readonly full: boolean;
  readonly failureShare: number;
}

export class Contract {
  readonly #servers: ReadonlyMap<AdapterName, Running>;
  readonly #types = new ClientTypes();
  readonly #registered = new Map<string, Promise<Registered>>();
  readonly #observed = new Map<string, Promise<Served[]>>();
  readonly #checkers = new Map<string, OpenApiChecker>();

  private constructor(servers: ReadonlyMap<AdapterName, Running>) {
    this.#servers = servers;
  }

  static async start(): Promise<Contract> {
    const running = await Promise.all(ADAPTERS.map(async (a) => [a, await startAdapter(a)] as const));
    return new Contract(new Map(running));
  }

  /** Asks the client types of many catalogs at once (one TypeScript program), before they are needed. */
  prepareTypes(cases: readonly CatalogCase[]): void {
    const models = cases.map(
      (c) => [JSON.stringify(c.document), normalizeCatalog(c.document).model] as const,
    );
    this.#types.unions(models);
  }

  /** Serves a catalog on every adapter (once per distinct catalog and occurrences). */
  register(c: CatalogCase): Promise<Registered> {
    const id = JSON.stringify([c.document, c.occurrences]);
    let found = this.#registered.get(id);
    if (found === undefined) {
      found = this.#register(c, String(this.#registered.size));
      this.#registered.set(id, found);
    }
    return found;
  }

  async #register(c: CatalogCase, key: string): Promise<Registered> {
    const { model } = normalizeCatalog(c.document);
    const catalog = createCatalog(model);
    const occurrences = c.occurrences.map(
      (o) => () => catalog.error(o.id, o.params, o.details === undefined ? {} : { details: o.details }),
    );
    const events: ErrorEvent[] = [];
    for (const server of this.#servers.values())
      await server.add(key, { catalog, occurrences }, serverOptions(catalog, events));
    const [union] = this.#types.unions([[JSON.stringify(c.document), model]]);
    return {
      key,
      label: c.label,
      model,
      effective: effectiveModel(model),
      catalog,
      probes: probesOf(
        model,
        c.occurrences.map((o) => o.id),
      ),
      union: union as Promise<CodeUnion>,
      events,
      salt: [...key].reduce((sum, ch) => sum + ch.charCodeAt(0), 0),
    };
  }

  /** Every probe of a catalog in a dialect, through the adapters the plan gives. */
  observations(r: Registered, dialect: string, plan: Plan): Promise<Served[]> {
    const id = `${r.key} ${dialect} ${plan.full} ${plan.failureShare}`;
    let found = this.#observed.get(id);
    if (found === undefined) {
      const d = DIALECTS.indexOf(dialect);
      found = Promise.all(
        r.probes.flatMap((probe, i) =>
          adaptersFor(i, probe.thrown, d, r.salt, plan).map(async (adapter) => {
            const url = (this.#servers.get(adapter) as Running).url;
            return { ...(await observe(url, r.key, dialect, probe)), adapter, dialect };
          }),
        ),
      );
      this.#observed.set(id, found);
    }
    return found;
  }

  /** The OpenAPI checker of a catalog in a dialect. */
  checker(r: Registered, dialect: string): OpenApiChecker {
    const id = `${r.key} ${dialect}`;
    let found = this.#checkers.get(id);
    if (found === undefined) {
      found = openApiChecker(r.model, dialect);
      this.#checkers.set(id, found);
    }
    return found;
  }

  async close(): Promise<void> {
    await Promise.all([...this.#servers.values()].map((s) => s.close()));
    await this.#types.close();
  }
}
