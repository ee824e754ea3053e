import type { EntryModel } from '../../catalog/model.js';

/** The wording of an entry a reader sees: title, message, description, remediation and retry note. */
export function wording(e: EntryModel): string {
  let text = wordingCache.get(e);
  if (text === undefined) {
    text = [e.title, e.message, e.description, e.remediation, e.retry?.note].filter(Boolean).join('\n');
    wordingCache.set(e, text);
  }
  return text;
}

// Several rules read the same wording; entries are frozen, so it can be computed once per entry.
const wordingCache = new WeakMap<EntryModel, string>();

/** Quotes a value for a finding message. */
export const quote = (s: string): string => JSON.stringify(s);

/** The first match of a pattern, quoted, for "(…)" evidence in messages. */
export function evidence(text: string, re: RegExp): string | undefined {
  const m = re.exec(text);
  return m ? `"${m[0].trim()}"` : undefined;
}
