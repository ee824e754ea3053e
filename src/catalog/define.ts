import {
  createError,
  type ErrataError,
  type ErrataErrorOptions,
  type ErrorDefinition,
  isErrataError,
  noteParamMistakes,
} from '../error.js';
import { typeUri } from './anchor.js';
import { UnknownErrorIdError } from './errors.js';
import type { CatalogModel, JsonSchema, ParamType, TranslationModel, WireFacts } from './model.js';
import { normalizeCatalog } from './normalize.js';
import { type OccurrenceMessage, occurrenceMessage } from './occurrence-message.js';
import type { StandardSchemaV1 } from './standard-schema.js';
import type { ParamsFrom, ParamValue, Placeholders } from './template.js';

/** Retry guidance as authored: `false`, `true` (exponential defaults) or a policy. */
export type RetryInput =
  | boolean
  | { readonly retryable: false; readonly note?: string }
  | {
      readonly retryable?: true;
      readonly strategy?: 'exponential';
      readonly baseMs?: number;
      readonly maxMs?: number;
      readonly maxAttempts?: number;
      readonly note?: string;
    }
  | {
      readonly retryable?: true;
      readonly strategy?: 'fixed';
      readonly delayMs: number;
      readonly maxAttempts?: number;
      readonly note?: string;
    }
  | {
      readonly retryable?: true;
      readonly strategy?: 'after';
      readonly afterMs: number;
      readonly maxAttempts?: number;
      readonly note?: string;
    };

/** One entry as authored in the TypeScript DSL (or in JSON/YAML). */
export interface EntryDef {
  /** Wire code. @default the entry id */
  readonly code?: string;
  /**
   * HTTP status; a list when the API answers this code with several (`[400, 409]`): the first
   * is the default a throw sends, an occurrence may choose another (`{ status: 409 }`).
   */
  readonly status: number | readonly [number, ...number[]];
  /** @default 'General' */
  readonly category?: string;
  readonly title?: string;
  /**
   * Template: `{name:number}` (or `string`, `integer`, `boolean`) takes a value of that type; an
   * untyped `{name}` the type `params` declares for it, else a string.
   */
  readonly message?: string;
  readonly description?: string;
  readonly remediation?: string;
  /** Declared parameters: a type name or `{ type, description }`; a placeholder's own `{name:type}` must agree. */
  readonly params?: {
    readonly [name: string]: ParamType | { readonly type?: ParamType; readonly description?: string };
  };
  /** @default false */
  readonly retry?: RetryInput;
  /** A Standard Schema (zod, valibot, arktype …) or a JSON Schema (`true`: any value; `false`: none). */
  readonly details?: StandardSchemaV1 | JsonSchema | boolean;
  readonly deprecated?:
    | boolean
    | string
    | { readonly since?: string; readonly replacedBy?: string; readonly note?: string };
  readonly links?: string | readonly string[];
  /** What a dialect would derive from the status, stated: Google's `status`, Stripe's `type` and `doc_url`. */
  readonly wire?: WireFacts;
  /** @default status < 500 */
  readonly expose?: boolean;
  /** This entry's text in other languages: `{ fr: { message: "…" } }` (see docs/localization.md). */
  readonly translations?: { readonly [locale: string]: TranslationModel };
  /** Extension fields, kept as they are. */
  readonly [extension: `x-${string}`]: unknown;
}

/** A catalog as authored. */
export interface CatalogDef<E extends Record<string, EntryDef> = Record<string, EntryDef>> {
  /** Catalog format version. @default 1 */
  readonly errata?: 1;
  readonly $schema?: string;
  /** @default 'api' */
  readonly name?: string;
  readonly title?: string;
  /** @default '0.0.0' */
  readonly version?: string;
  readonly description?: string;
  /** Documentation base URL; each entry's RFC 9457 `type` is this plus `#id`. */
  readonly docs?: string;
  /** @default 'problem' */
  readonly dialect?: string;
  /** The language the catalog's text is written in (BCP 47). @default 'en' */
  readonly locale?: string;
  readonly categories?: readonly string[];
  readonly errors: E;
  /** The catalog's text in other languages: locale, then entry id, then the translated fields. */
  readonly translations?: {
    readonly [locale: string]: { readonly [id in keyof E & string]?: TranslationModel } | null;
  };
  readonly [extension: `x-${string}`]: unknown;
}

type Loose = Record<string, EntryDef>;
type EmptyParams = Record<string, never>;

// These helpers are deliberately not distributive (`[En] extends [...]`): a call's generic id would
// otherwise make the compiler evaluate them over every entry of the catalog, for every call.
type DeclaredParams<En> = [En] extends [{ readonly params: infer D }] ? D : Record<never, never>;

/**
 * The parameters an entry takes: each placeholder of its message (required) and each other
 * declared parameter (optional), typed by the placeholder's `{name:type}`, else the declared
 * type, else `string`.
 */
export type ParamsOf<En> = [En] extends [{ readonly message: infer M extends string }]
  ? string extends M
    ? Record<string, ParamValue>
    : ParamsFrom<Placeholders<M>, DeclaredParams<En>>
  : ParamsFrom<never, DeclaredParams<En>>;

/**
 * The details an entry carries: the input type of its Standard Schema, `unknown` for a JSON
 * Schema (`true` included: any value); `undefined` without one, or with `false` (no value).
 */
export type DetailsOf<En> = [En] extends [{ readonly details: infer S }]
  ? [S] extends [StandardSchemaV1]
    ? StandardSchemaV1.InferInput<S>
    : [S] extends [false]
      ? undefined
      : unknown
  : undefined;

/** The wire code of an entry. */
export type CodeOf<E, K extends keyof E> = [E[K]] extends [{ readonly code: infer C extends string }]
  ? C
  : K & string;

type OptionsArg<D> = undefined extends D
  ? [options?: ErrataErrorOptions<D>]
  : [options: ErrataErrorOptions<D> & { readonly details: D }];

/** The arguments of `catalog.error(id, …)` after the id. */
export type ErrorArgs<En> = keyof ParamsOf<En> extends never
  ? [params?: EmptyParams, ...OptionsArg<DetailsOf<En>>]
  : Record<never, never> extends ParamsOf<En>
    ? [params?: ParamsOf<En>, ...OptionsArg<DetailsOf<En>>]
    : [params: ParamsOf<En>, ...OptionsArg<DetailsOf<En>>];

type LooseArgs = [params?: Record<string, ParamValue>, options?: ErrataErrorOptions];

/** The arguments after the id, per entry. */
export type ArgsMap<E> = string extends keyof E
  ? Record<string, LooseArgs>
  : { [K in keyof E]: ErrorArgs<E[K]> };
/** The error type, per entry. */
export type ErrorMap<E> = string extends keyof E
  ? Record<string, ErrataError>
  : { [K in keyof E]: ErrataError<K & string, CodeOf<E, K>, DetailsOf<E[K]>> };

/** The error type of one entry. */
export type ErrorOf<E, K extends keyof E & string> = ErrataError<K, CodeOf<E, K>, DetailsOf<E[K]>>;

/** A catalog ready to create errors, and the normalized model every other view reads. */
export interface Catalog<E extends Record<string, EntryDef> = Loose> {
  readonly model: CatalogModel;
  /** Entry ids in catalog order. */
  readonly ids: readonly (keyof E & string)[];
  /**
   * Creates the error of an entry. Parameters are checked against the message
   * template and details against the entry's schema at compile time.
   */
  error<K extends keyof E & string>(id: K, ...args: ArgsMap<E>[K]): ErrorMap<E>[K];
  /** Whether `id` names an entry. */
  has(id: string): id is keyof E & string;
  /** Narrows any value to the error of one entry (or, without `id`, of any entry of this catalog). */
  is<K extends keyof E & string>(value: unknown, id?: K): value is ErrorMap<E>[K];
  /** The definition (entry, catalog, type URI) of an id. */
  definition(id: string): ErrorDefinition | undefined;
  /** Phantom member carrying the authored entries' types, for `createClient<typeof api>()`. */
  readonly '~entries'?: E;
}

/**
 * Defines a catalog in TypeScript, with full inference of ids, codes, message
 * parameters and details. Validates and normalizes it at once: a malformed
 * catalog throws a `CatalogError` listing every problem.
 */
export function defineCatalog<const E extends Record<string, EntryDef>>(def: CatalogDef<E>): Catalog<E> {
  const { model } = normalizeCatalog(def);
  return createCatalog(model) as unknown as Catalog<E>;
}

export interface CreateCatalogOptions {
  /** Longest rendering of one message parameter. @default 256 */
  readonly maxParamLength?: number;
}

type Definition = ErrorDefinition & { message: OccurrenceMessage };
const variants = new WeakMap<Definition, Map<number, Definition>>();

/**
 * The definition an occurrence is serialized from: the entry's own, or for another status it
 * lists (`status: [400, 409]`, thrown with `{ status: 409 }`) a copy at that status, made once,
 * so that every dialect's body (its cached `status`, Google's canonical status, a default title)
 * agrees with the HTTP status. A status the entry does not list keeps the definition: the error
 * refuses it.
 */
function atStatus(def: Definition, status: number | undefined): Definition {
  if (status === undefined || status === def.entry.status || !def.entry.statuses?.includes(status))
    return def;
  let byStatus = variants.get(def);
  if (byStatus === undefined) {
    byStatus = new Map();
    variants.set(def, byStatus);
  }
  let variant = byStatus.get(status);
  if (variant === undefined) {
    variant = { ...def, entry: Object.freeze({ ...def.entry, status }), cache: {} };
    byStatus.set(status, variant);
  }
  return variant;
}

/** Builds the runtime catalog of an already normalized model (from JSON, YAML or a lock file). */
export function createCatalog(model: CatalogModel, options: CreateCatalogOptions = {}): Catalog {
  const definitions = new Map<string, Definition>();
  for (const [id, entry] of Object.entries(model.errors)) {
    const message = occurrenceMessage(entry, options);
    definitions.set(id, {
      id,
      entry,
      catalog: model,
      type: typeUri(model, id),
      cache: {},
      message,
      render: message.render,
    });
  }
  const catalog: Catalog = {
    model,
    ids: Object.keys(model.errors),
    error(id: string, params?: Record<string, unknown>, opts?: ErrataErrorOptions): ErrataError {
      const def = definitions.get(id);
      if (def === undefined)
        throw new UnknownErrorIdError(`Unknown error id "${String(id)}" in catalog "${model.name}"`);
      // The parameters are checked now; the message is rendered from them when it is read.
      const mistakes = def.message.mistakes(params);
      const text = mistakes === undefined ? undefined : def.message.fallback;
      const error = createError(atStatus(def, opts?.status), text, params, opts);
      if (mistakes !== undefined) noteParamMistakes(error, mistakes);
      return error;
    },
    has: (id: string): id is string => definitions.has(id),
    is(value: unknown, id?: string): value is ErrataError {
      if (!isErrataError(value) || value.definition.catalog !== model) return false;
      return id === undefined || value.id === id;
    },
    definition: (id: string) => definitions.get(id),
  } as Catalog;
  return Object.freeze(catalog);
}
