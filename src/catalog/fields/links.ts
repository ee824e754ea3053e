import type { AddIssue } from '../issue-path.js';
import { describe } from '../issue-wording.js';

/** An entry's `links`: one URL or a list of them, without white space. */
export function normalizeLinks(raw: unknown, path: string, add: AddIssue): string[] | undefined {
  if (raw === undefined) return undefined;
  const list = typeof raw === 'string' ? [raw] : raw;
  if (!Array.isArray(list)) {
    add(path, `must be a URL or an array of URLs, got ${describe(raw)}`);
    return undefined;
  }
  list.forEach((l, i) => {
    if (typeof l !== 'string' || l === '' || /\s/.test(l)) add(`${path}[${i}]`, 'must be a URL');
  });
  return [...list] as string[];
}
