import type { HeaderReader } from '../dialects/index.js';
import type { Observation } from './types.js';

/** Response headers by lower-case name; a repeated header keeps every value. */
export interface ObservedHeaders extends HeaderReader {
  /** Every value of a header, in order (`[]` when absent). */
  all(name: string): readonly string[];
  /** The first value, or `null` (what a dialect's parser reads). */
  get(name: string): string | null;
  /** Every header name present, lower-case. */
  names(): readonly string[];
}

/**
 * Reads an observation's headers whatever they hold: names of any case, a
 * value or a list of values, and anything else (a number, `null`) ignored.
 */
export function observedHeaders(headers: Observation['headers'] | undefined): ObservedHeaders {
  return new Observed(headers);
}

const NONE: readonly string[] = Object.freeze([]);

/** Headers by lower-case name: one value as itself, a repeated header as the list (most are sent once). */
class Observed implements ObservedHeaders {
  readonly #byName = new Map<string, string | string[]>();

  constructor(headers: Observation['headers'] | undefined) {
    if (typeof headers !== 'object' || headers === null) return;
    for (const name of Object.keys(headers)) {
      let value: unknown;
      try {
        value = (headers as Record<string, unknown>)[name];
      } catch {
        continue; // a throwing getter is a header that was not recorded
      }
      const key = name.toLowerCase();
      if (typeof value === 'string') this.#add(key, value);
      else if (Array.isArray(value)) for (const v of value) if (typeof v === 'string') this.#add(key, v);
    }
  }

  #add(key: string, value: string): void {
    const had = this.#byName.get(key);
    if (had === undefined) this.#byName.set(key, value);
    else if (typeof had === 'string') this.#byName.set(key, [had, value]);
    else had.push(value);
  }

  all(name: string): readonly string[] {
    const v = this.#byName.get(name.toLowerCase());
    return v === undefined ? NONE : typeof v === 'string' ? [v] : v;
  }

  get(name: string): string | null {
    const v = this.#byName.get(name.toLowerCase());
    return v === undefined ? null : typeof v === 'string' ? v : (v[0] as string);
  }

  #names: readonly string[] | undefined;

  names(): readonly string[] {
    this.#names ??= [...this.#byName.keys()];
    return this.#names;
  }
}

/** The media type of a `Content-Type` value, lower-case, without parameters. */
export function mediaType(value: string | null): string | undefined {
  if (value === null) return undefined;
  const end = value.indexOf(';');
  const type = (end === -1 ? value : value.slice(0, end)).trim().toLowerCase();
  return type === '' ? undefined : type;
}
