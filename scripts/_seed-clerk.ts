// The Clerk page (001): `Status Code: N` followed by a JSON block, grouped
// under category headings; an entry may be preceded by a name heading and/or
// a description. The page says nothing of repeating a request ("Please try
// again" asks for another password, "Try again with a satellite domain" for
// another request), so no entry states retry.
import type { DeprecationModel } from '../src/catalog/model.js';
import {
  type CatalogInput,
  type EntryInput,
  ID,
  lines,
  pascal,
  SeedError,
  schemaOf,
  status,
} from './_seed-common.js';

interface ClerkBlock {
  status: number;
  body: { shortMessage?: unknown; longMessage?: unknown; code?: unknown; meta?: unknown };
  category: string;
  name?: string;
  description?: string;
}

const TITLE_WORDS = /^[A-Z][a-z]+( [A-Z][a-z]+)*$/;
const IDENT = /^[A-Za-z][A-Za-z0-9]*$/;

export function parseClerk(text: string): CatalogInput {
  const src = lines(text);
  const titleAt = src.indexOf('Backend API errors');
  if (titleAt < 0) throw new SeedError('clerk: page title "Backend API errors" not found');
  let i = titleAt + 1;
  while (src[i]?.trim() === '') i++;
  const description = src[i] as string;
  i++;

  const categories: string[] = [];
  const blocks: ClerkBlock[] = [];
  let gap: string[] = [];
  for (; i < src.length; i++) {
    const line = src[i] as string;
    const head = /^Status Code: (.*)$/.exec(line);
    if (!head) {
      if (line.trim() !== '') gap.push(line);
      continue;
    }
    const where = `clerk line ${i + 1}`;
    const code = status(head[1] as string, where);
    const end = src.indexOf('}', i + 1);
    if (src[i + 1] !== '{' || end < 0) throw new SeedError(`${where}: expected a JSON block`);
    const body = JSON.parse(src.slice(i + 1, end + 1).join('\n')) as ClerkBlock['body'];
    i = end;

    // The text between two blocks reads [category] [name heading] [description].
    // A one-word Title Case line is a category unless the next line opens
    // with it ("Unexpected" / "Unexpected is used for ...").
    let k = 0;
    const first = gap[0];
    if (first !== undefined && TITLE_WORDS.test(first) && !gap[1]?.startsWith(`${first} `)) {
      categories.push(first);
      k++;
    }
    let name: string | undefined;
    let desc: string | undefined;
    if (k < gap.length && IDENT.test(gap[k] as string)) name = gap[k++];
    if (k < gap.length) desc = gap[k++];
    if (k < gap.length)
      throw new SeedError(`${where}: unexpected text before the block: ${JSON.stringify(gap)}`);
    if (name === undefined && desc !== undefined) {
      const word = desc.split(' ')[0] as string;
      if (!IDENT.test(word))
        throw new SeedError(`${where}: cannot name the entry described by ${JSON.stringify(desc)}`);
      name = word;
    }
    gap = [];

    const category = categories.at(-1);
    if (!category) throw new SeedError(`${where}: entry before any category`);
    blocks.push({
      status: code,
      body,
      category,
      ...(name !== undefined ? { name } : {}),
      ...(desc !== undefined ? { description: desc } : {}),
    });
  }

  const ids = clerkIds(blocks);
  const entries = blocks.map((b, n): [string, EntryInput] => {
    const where = `clerk entry ${n + 1}`;
    const { code, shortMessage, longMessage, meta } = b.body;
    if (typeof code !== 'string') throw new SeedError(`${where}: code is not a string`);
    if (typeof shortMessage !== 'string') throw new SeedError(`${where}: shortMessage is not a string`);
    if (longMessage !== undefined && typeof longMessage !== 'string') {
      throw new SeedError(`${where}: longMessage is not a string`);
    }
    const deprecated = b.description === undefined ? undefined : deprecation(b.description, ids);
    return [
      ids[n] as string,
      {
        code,
        status: b.status,
        category: b.category,
        title: shortMessage,
        ...(longMessage !== undefined ? { message: longMessage } : {}),
        ...(b.description !== undefined ? { description: b.description } : {}),
        ...(meta !== undefined ? { details: schemaOf(meta) } : {}),
        ...(deprecated ? { deprecated } : {}),
      },
    ];
  });

  return {
    name: 'clerk',
    title: 'Clerk Backend API errors',
    description,
    docs: 'https://clerk.com/docs/errors/backend-api',
    dialect: 'clerk',
    categories,
    entries,
  };
}

/**
 * Ids for Clerk blocks. A named block keeps its name. A headless block is
 * named after its wire code in PascalCase (`resource_not_found` →
 * `ResourceNotFound`); when that is taken or shared, the category goes in
 * front (`MachineTokenResourceNotFound`); when still shared, every member of
 * the group gets a counter in page order (`…1`, `…2`).
 */
function clerkIds(blocks: readonly ClerkBlock[]): string[] {
  const named = new Set<string>();
  for (const b of blocks) {
    if (b.name === undefined) continue;
    if (named.has(b.name)) throw new SeedError(`clerk: entry name ${b.name} appears twice`);
    named.add(b.name);
  }
  const countBy = (keys: Array<string | undefined>) => {
    const counts = new Map<string, number>();
    for (const k of keys) if (k !== undefined) counts.set(k, (counts.get(k) ?? 0) + 1);
    return counts;
  };
  const base = blocks.map((b) => {
    if (b.name !== undefined) return undefined;
    const code = typeof b.body.code === 'string' ? b.body.code : '';
    return pascal(code) || 'EmptyCode';
  });
  const baseCounts = countBy(base);
  const second = base.map((id, n) => {
    if (id === undefined) return undefined;
    if (baseCounts.get(id) === 1 && !named.has(id)) return id;
    return pascal((blocks[n] as ClerkBlock).category) + id;
  });
  const secondCounts = countBy(second);
  const seen = new Map<string, number>();
  const ids = second.map((id, n) => {
    if (id === undefined) return (blocks[n] as ClerkBlock).name as string;
    if (secondCounts.get(id) === 1 && !named.has(id)) return id;
    const count = (seen.get(id) ?? 0) + 1;
    seen.set(id, count);
    return `${id}${count}`;
  });
  const all = new Set<string>();
  for (const id of ids) {
    if (!ID.test(id)) throw new SeedError(`clerk: invalid id ${JSON.stringify(id)}`);
    if (all.has(id)) throw new SeedError(`clerk: id ${id} is not unique`);
    all.add(id);
  }
  return ids;
}

/** `... Deprecated: <note>`, with `Use X instead` naming the replacement when X is an entry. */
function deprecation(description: string, ids: readonly string[]): DeprecationModel | undefined {
  const at = description.indexOf('Deprecated: ');
  if (at < 0) return undefined;
  const note = description.slice(at + 'Deprecated: '.length);
  const use = /\bUse ([A-Za-z][A-Za-z0-9]*) instead\b/.exec(note)?.[1];
  return use !== undefined && ids.includes(use) ? { replacedBy: use, note } : { note };
}
