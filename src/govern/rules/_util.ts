import type { EntryModel } from '../../catalog/model.js';
import type { Report, RuleContext } from '../types.js';

export { defineRule } from '../rule.js';

/** The wording of an entry a reader sees: title, message, description, remediation and retry note. */
export function wording(e: EntryModel): string {
  let text = wordingCache.get(e);
  if (text === undefined) {
    text = [e.title, e.message, e.description, e.remediation, e.retry.note].filter(Boolean).join('\n');
    wordingCache.set(e, text);
  }
  return text;
}

// Several rules read the same wording; entries are frozen, so it can be computed once per entry.
const wordingCache = new WeakMap<EntryModel, string>();

/** Runs `fn` for every entry and gathers what it reports. */
export function* eachEntry(
  ctx: RuleContext<unknown>,
  fn: (id: string, entry: EntryModel) => Report | readonly Report[] | undefined,
): Iterable<Report> {
  for (const [id, entry] of ctx.entries) {
    const r = fn(id, entry);
    if (r === undefined) continue;
    if (Array.isArray(r)) yield* r as readonly Report[];
    else yield r as Report;
  }
}

/** Quotes a value for a finding message. */
export const q = (s: string): string => JSON.stringify(s);

/** The first match of a pattern, quoted, for "(…)" evidence in messages. */
export function evidence(text: string, re: RegExp): string | undefined {
  const m = re.exec(text);
  return m ? `"${m[0].trim()}"` : undefined;
}
