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
  const byName = new Map<string, string[]>();
  if (typeof headers === 'object' && headers !== null)
    for (const name of Object.keys(headers)) {
      let value: unknown;
      try {
        value = (headers as Record<string, unknown>)[name];
      } catch {
        continue; // a throwing getter is a header that was not recorded
      }
      const key = name.toLowerCase();
      for (const v of Array.isArray(value) ? value : [value]) {
        if (typeof v !== 'string') continue;
        const list = byName.get(key);
        if (list === undefined) byName.set(key, [v]);
        else list.push(v);
      }
    }
  const names = [...byName.keys()];
  return {
    all: (name) => byName.get(name.toLowerCase()) ?? [],
    get: (name) => byName.get(name.toLowerCase())?.[0] ?? null,
    names: () => names,
  };
}

/** The media type of a `Content-Type` value, lower-case, without parameters. */
export function mediaType(value: string | null): string | undefined {
  if (value === null) return undefined;
  const type = value.split(';', 1)[0]?.trim().toLowerCase();
  return type === '' ? undefined : type;
}
