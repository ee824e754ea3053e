import type { Rule } from './lint-types.js';

/**
 * Defines a lint rule; the identity, there for the types (a rule's options are
 * inferred from its defaults). Built-in rules are written with it too.
 */
export function defineRule<O extends Record<string, unknown> = Record<string, unknown>>(
  rule: Rule<O>,
): Rule<O> {
  return rule;
}
