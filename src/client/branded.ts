import type { StandardSchemaV1 } from '../catalog/standard-schema.js';
import type { ClientCode, ClientDetails } from './client.js';
import { type ClientErrorInit, ErrataClientError } from './error.js';

/**
 * An error of a branded class: an {@link ErrataClientError} whose `name` is
 * the brand (`BarekeyError`) or one of its subclasses' names.
 *
 * @remarks An intersection, not an interface extending `ErrataClientError`:
 * TypeScript narrows `instanceof` between instantiations of one interface as
 * if they were the same class, so a subclass would not narrow the brand.
 */
export type BrandedClientError<
  N extends string = string,
  C extends string | undefined = string | undefined,
  D = unknown,
> = ErrataClientError<C, D> & { readonly name: N };

/**
 * A branded error class of the catalog type `Cat`, whose instances are named
 * `N`: `instanceof` narrows to it, and `is` to one wire code with its details.
 */
export interface ClientErrorClass<Cat = unknown, N extends string = string> {
  new (fields: ClientErrorInit, cause?: unknown): BrandedClientError<N>;
  readonly prototype: BrandedClientError<N>;
  /** The brand: the class's `name`, and its errors'. */
  readonly name: string;
  /** The catalog type, for `createClient({ error })` to infer (types only: never set). */
  readonly '~catalog'?: Cat;
  /** Narrows to an error of this class (or a subclass) with the wire code `code`, its `details` typed by the catalog. */
  is<K extends ClientCode<Cat>>(
    error: unknown,
    code: K,
  ): error is BrandedClientError<N, K, ClientDetails<Cat, K>>;
  /** Narrows to an error of this class (or a subclass). */
  is(error: unknown): error is BrandedClientError<N>;
}

/** Subclasses by name, each with the statuses (`401`) and wire codes (`'UNAUTHORIZED'`) it takes. */
export type ClientErrorSubclasses<Cat> = Readonly<
  Record<`${string}Error`, readonly (number | ClientCode<Cat>)[]>
>;

/** The class {@link defineClientError} returns: the brand, with each subclass as a static property. */
export type BrandedErrorClass<Cat, N extends string, S = Record<never, never>> = ClientErrorClass<
  Cat,
  N | (keyof S & string)
> & { readonly [K in keyof S & string]: ClientErrorClass<Cat, K> };

/** Where a branded class keeps the prototype for a status and a code; `createClient({ error })` reads it. */
export const PICK = '~pick';

const named = (Parent: typeof ErrataClientError, name: string) => {
  // A class made as the value of a computed key takes the key as its `name`: `util.inspect` prints it.
  const Class = { [name]: class extends Parent {} }[name] as typeof ErrataClientError &
    Record<string, unknown>;
  Class.prototype.name = name;
  Class.is = (error: unknown, code?: string) =>
    error instanceof Class && (code === undefined || error.code === code);
  return Class;
};

/**
 * Defines an SDK's own error class for the errors of the catalog type `Cat`:
 * `defineClientError<typeof api>()('BarekeyError')`. Pass it to
 * `createClient({ error })` and every error that client makes (a response's,
 * a network error, a timeout) is an instance, named `name` (`BarekeyError: …`
 * in traces and `console.log`), still an `ErrataClientError` recognised by
 * `isErrataClientError` from any copy of the package. Only the names and the
 * subclasses' statuses and codes are bundled: no catalog text.
 *
 * @remarks Two calls, so that the catalog type is given and the names are
 * still inferred as literals (TypeScript infers all of a call's type
 * arguments or none): each class's `name` is its own literal type, so
 * `instanceof` a subclass leaves the brand's other errors in the `else`
 * branch instead of `never`.
 */
export const defineClientError =
  <Cat = unknown>() =>
  /**
   * @param name The class's name, and its errors'.
   * @param subclasses Subclasses declared in one place, each a static property
   * of the class: an error takes the first whose list holds its status or its
   * wire code (`{ BarekeyAuthError: [401, 403], BarekeyRateLimitError: [429] }`).
   */
  <const N extends string, const S extends ClientErrorSubclasses<Cat> = Record<never, never>>(
    name: N,
    // A key that does not end in `Error` (`prototype`, `is`) is refused.
    subclasses?: S & { readonly [K in keyof S]: K extends `${string}Error` ? S[K] : never },
  ): BrandedErrorClass<Cat, N, S> => {
    const Brand = named(ErrataClientError, name);
    const table = Object.entries((subclasses ?? {}) as Record<string, unknown[]>).map(([sub, on]) => {
      const Sub = named(Brand, sub);
      Brand[sub] = Sub;
      return [on, Sub] as const;
    });
    Brand[PICK] = (status: number, code: unknown) =>
      (table.find(([on]) => on.includes(status) || on.includes(code))?.[1] ?? Brand).prototype;
    return Brand as never;
  };

/**
 * One entry of a {@link ClientCatalog}: its wire code, status and details
 * type (`undefined`: none), all a client needs of it.
 */
// A type, not an interface: only a type takes the index signature of `EntryDef`'s extension fields.
export type ClientEntry<Code extends string = string, Status extends number = number, Details = undefined> = {
  readonly code: Code;
  readonly status: Status;
  readonly details: [Details] extends [undefined] ? false : StandardSchemaV1<Details>;
  /** Deprecated entries are left out of the server failures' naming, as in the catalog. */
  readonly deprecated?: boolean;
};

/**
 * A catalog type written without the catalog (what `errata types --client`
 * emits), for `createClient` and `defineClientError` as `typeof api` is:
 * `ClientCatalog<{ VARIABLE_NOT_FOUND: ClientEntry<'VARIABLE_NOT_FOUND', 404> }>`.
 */
export interface ClientCatalog<
  E extends {
    readonly [id: string]: ClientEntry<string, number, unknown> | ClientEntry<string, number>;
  } = Record<string, ClientEntry>,
> {
  readonly '~entries'?: E;
}
