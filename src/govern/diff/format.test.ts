import { describe, expect, it } from 'vitest';
import { normalizeCatalog } from '../../catalog/normalize.js';
import { diffCatalogs } from './catalogs.js';
import { formatChanges } from './format.js';

describe('formatChanges', () => {
  const catalog = (errors: Record<string, unknown>) => normalizeCatalog({ name: 't', errors }).model;
  // GONE and BAD_REQUEST answer a framework's 410 and 400 in both versions: the contract's server failures do not change.
  const answering = { GONE: { status: 410 }, BAD_REQUEST: { status: 400 } };
  const changes = diffCatalogs(
    catalog({ USER_NOT_FOUND: { status: 404, description: 'The user does not exist.' }, ...answering }),
    catalog({
      USER_NOT_FOUND: { status: 410, description: 'A | pipe\nand a newline' },
      NEW: { status: 400 },
      ...answering,
    }),
  );

  it('markdown has a breaking table and the rest folded, with cells escaped', () => {
    const md = formatChanges(changes, 'md', { before: 'main', after: 'HEAD' });
    expect(md).toMatch(/^### errata: ⚠️ 1 breaking change in the error catalog \(`main` → `HEAD`\)/);
    expect(md).toContain('| `USER_NOT_FOUND` | status 404 → 410 |');
    expect(md).toContain('<details><summary>2 non-breaking changes</summary>');
    for (const line of md.split('\n').filter((l) => l.startsWith('|'))) expect(line.endsWith('|')).toBe(true);
    expect(formatChanges([], 'md')).toBe(
      '### errata: no breaking changes in the error catalog\n\nNo changes.\n',
    );
  });

  it('json carries the count and every change; text one line each and a summary', () => {
    const json = JSON.parse(formatChanges(changes, 'json', { before: 'a', after: 'b' }));
    expect(json).toMatchObject({ before: 'a', after: 'b', breaking: 1 });
    expect(json.changes).toHaveLength(changes.length);
    const text = formatChanges(changes, 'text');
    expect(text).toMatch(/^ {2}BREAKING {2}USER_NOT_FOUND: status 404 → 410 {2}— .+ \(status-changed\)$/m);
    expect(text.trimEnd().split('\n').at(-1)).toBe('1 breaking change, 2 other changes');
    expect(formatChanges([], 'text')).toBe('no changes\n');
  });
});
