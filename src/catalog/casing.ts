/**
 * The casing of a catalog's names (its wire codes, its ids), so that the
 * entries errata adds to a catalog (the server failures it has no entry for)
 * read like the catalog's own: `METHOD_NOT_ALLOWED` beside `ORDER_NOT_FOUND`,
 * `methodNotAllowed` beside `orderNotFound`.
 *
 * The rule is written so the compiler can follow it (`CasingOf` in
 * `server-codes.ts` is the same rule on types): it looks at every non-empty
 * name, not at a majority.
 */

/** A casing of names made of words. */
export type Casing =
  | 'SCREAMING_SNAKE'
  | 'SCREAMING-KEBAB'
  | 'snake_case'
  | 'kebab-case'
  | 'dot.case'
  | 'camelCase'
  | 'PascalCase';

/**
 * The casing of a list of names:
 * - every name has a dot: `dot.case`;
 * - no lowercase letter anywhere: `SCREAMING_SNAKE` (`SCREAMING-KEBAB` when names have `-` and none `_`);
 * - no uppercase letter anywhere: `snake_case` (`kebab-case` when names have `-` and none `_`);
 * - mixed: `PascalCase` when every name starts uppercase, `camelCase` when every one starts lowercase;
 * - anything else, or no name: `snake_case`, errata's own.
 */
export function detectCasing(names: readonly string[]): Casing {
  const list = names.filter((n) => n !== '');
  if (list.length === 0) return 'snake_case';
  if (list.every((n) => n.includes('.'))) return 'dot.case';
  const kebab = list.some((n) => n.includes('-')) && !list.some((n) => n.includes('_'));
  if (list.every((n) => n === n.toUpperCase())) return kebab ? 'SCREAMING-KEBAB' : 'SCREAMING_SNAKE';
  if (list.every((n) => n === n.toLowerCase())) return kebab ? 'kebab-case' : 'snake_case';
  const first = (n: string) => n.charAt(0);
  if (list.every((n) => first(n) !== first(n).toLowerCase())) return 'PascalCase';
  if (list.every((n) => first(n) !== first(n).toUpperCase())) return 'camelCase';
  return 'snake_case';
}

const capital = (word: string) => word.charAt(0).toUpperCase() + word.slice(1);

/** Lowercase words (`['method', 'not', 'allowed']`) as one name in a casing. */
export function applyCasing(words: readonly string[], casing: Casing): string {
  switch (casing) {
    case 'SCREAMING_SNAKE':
      return words.join('_').toUpperCase();
    case 'SCREAMING-KEBAB':
      return words.join('-').toUpperCase();
    case 'kebab-case':
      return words.join('-');
    case 'dot.case':
      return words.join('.');
    case 'PascalCase':
      return words.map(capital).join('');
    case 'camelCase':
      return words.map((w, i) => (i === 0 ? w : capital(w))).join('');
    case 'snake_case':
      return words.join('_');
  }
}
