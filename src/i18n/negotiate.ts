// The language of a request among a catalog's: `Accept-Language` (RFC 9110 section 12.5.4) read
// by negotiator, then RFC 4647 lookup over the ranges in order of preference.
import Negotiator from 'negotiator';
import { fallbackChain, sameTag } from '../catalog/locales.js';

/** A longer `Accept-Language` is not read: the answer is in the source language. */
export const MAX_HEADER_LENGTH = 1024;
/** An `Accept-Language` of more list members is not read: the answer is in the source language. */
export const MAX_RANGES = 50;
/** A longer tag from the application's `locale` function is not looked up. */
const MAX_TAG_LENGTH = 256;

/** The catalog language among `locales` (as written there) that `tag` falls back to, if any. */
export function lookupTag(
  tag: string,
  locales: readonly string[],
  excluded?: (locale: string) => boolean,
): string | undefined {
  if (tag.length > MAX_TAG_LENGTH) return undefined;
  for (const candidate of fallbackChain(tag)) {
    const found = locales.find((l) => sameTag(l, candidate));
    if (found !== undefined && excluded?.(found) !== true) return found;
  }
  return undefined;
}

/** The preferred ranges of a header, best first (q > 0 only), or `undefined` when it cannot be read. */
function preferred(header: string): string[] | undefined {
  try {
    return new Negotiator({ headers: { 'accept-language': header } }).languages();
  } catch {
    return undefined;
  }
}

/**
 * The catalog language an `Accept-Language` asks for: each range in order of preference (q
 * descending, then as written; `*` and q=0 ranges skipped) is looked up as RFC 4647 section 3.4
 * does (`fr-CA` tries `fr-CA`, then `fr`), and the first of `locales` found that the header does
 * not exclude wins. A language is excluded when the most specific range naming it (the tag
 * itself, else its primary language) has q=0: `fr;q=0` refuses `fr` and `fr-CA`. `undefined`
 * when none is found, or the header is empty, longer than {@link MAX_HEADER_LENGTH} characters,
 * of more than {@link MAX_RANGES} members, or unreadable: the caller answers in the source language.
 */
export function lookupLanguage(
  header: string | null | undefined,
  locales: readonly string[],
): string | undefined {
  if (typeof header !== 'string' || header === '' || header.length > MAX_HEADER_LENGTH) return undefined;
  let members = 1;
  for (let i = header.indexOf(','); i !== -1; i = header.indexOf(',', i + 1))
    if (++members > MAX_RANGES) return undefined;
  const ranges = preferred(header);
  if (ranges === undefined) return undefined;
  let acceptable: string[] | undefined;
  const excluded = (locale: string): boolean => {
    // Read with a trailing `*`, a language no range names is acceptable: only a q=0 range refuses one.
    acceptable ??= acceptableOf(`${header},*`, locales);
    return !acceptable.includes(locale);
  };
  for (const range of ranges) {
    if (range === '*') continue;
    const found = lookupTag(range, locales, excluded);
    if (found !== undefined) return found;
  }
  return undefined;
}

function acceptableOf(header: string, locales: readonly string[]): string[] {
  try {
    return new Negotiator({ headers: { 'accept-language': header } }).languages(locales as string[]);
  } catch {
    return [];
  }
}

/** Most `Accept-Language` values remembered with the language they chose; then the memory restarts. */
const MEMORY = 256;

/**
 * {@link lookupLanguage} with a memory of the last headers seen (browsers send a handful of
 * distinct values): a header already read costs one map lookup.
 */
export function createLanguageLookup(
  locales: readonly string[],
): (header: string | null | undefined) => string | undefined {
  const seen = new Map<string, string>();
  return (header) => {
    if (typeof header !== 'string' || header.length > MAX_HEADER_LENGTH) return undefined;
    // `''` remembers a header that chose no language.
    const known = seen.get(header);
    if (known !== undefined) return known === '' ? undefined : known;
    const found = lookupLanguage(header, locales);
    if (seen.size >= MEMORY) seen.clear();
    seen.set(header, found ?? '');
    return found;
  };
}
