/**
 * The five seed pages (kept in test/fixtures/import/seeds/) imported through
 * `errata import` into catalogs equal, entry for entry, to the committed seed
 * catalogs in examples/catalogs/.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { runCli } from '../_cli.js';

const REPO = fileURLToPath(new URL('../..', import.meta.url));
const PAGES = join(REPO, 'test/fixtures/import/seeds');
const FIELDS = [
  'code',
  'status',
  'category',
  'title',
  'message',
  'description',
  'remediation',
  'retry',
] as const;

type Entry = Record<string, unknown>;
const pick = (id: string, e: Entry) =>
  Object.fromEntries([['id', id], ...FIELDS.map((f) => [f, f === 'code' ? (e.code ?? id) : e[f]])]);

describe.each(['barekey', 'clerk', 'sitescore', 'flags', 'authos'])('the %s seed page', (name) => {
  it('imports into the seed catalog, entry for entry', async () => {
    const r = await runCli(['import', `${name}.txt`, '--from', 'markdown'], PAGES);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).not.toContain('could not read');
    const got = parse(r.stdout) as { errors: Record<string, Entry>; categories: string[] };
    const want = JSON.parse(readFileSync(join(REPO, 'examples/catalogs', `${name}.json`), 'utf8')) as {
      errors: Record<string, Entry>;
      categories: string[];
    };
    expect(Object.entries(got.errors).map(([id, e]) => pick(id, e))).toEqual(
      Object.entries(want.errors).map(([id, e]) => pick(id, e)),
    );
    expect(got.categories).toEqual(want.categories);
    for (const entry of Object.values(got.errors))
      expect(entry['x-import']).toMatchObject({ from: expect.any(Array) });
  });
});
