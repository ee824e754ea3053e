/**
 * scripts/seeds.ts itself: it writes a catalog and a fixture per seed page,
 * `--check` names every stale file, and a missing pages folder is said plainly.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const REPO = fileURLToPath(new URL('..', import.meta.url));

// The script itself, on small pages written here in the five layouts: the
// real pages live outside the repository, and comparing the committed
// catalogs and fixtures with them is `npx tsx scripts/seeds.ts --check`'s job.
const MINI_PAGES: Record<string, string> = {
  '000_mini.txt': [
    'Intro line.',
    'Error code reference',
    'Things',
    '| Code | HTTP | Description |',
    '|---|---|---|',
    'THING_MISSING | 404 | No such thing. |',
    'Handling errors in code',
    'Check the error.code field.',
    'Retry guidance',
    '| Code | Retry? |',
    '|---|---|',
    'THING_MISSING | No — fix the name |',
  ].join('\n'),
  '001_mini.txt': [
    'Backend API errors',
    '',
    'An index of Clerk Backend API errors.',
    '',
    'Things',
    '',
    'ThingMissing',
    '',
    'Status Code: 404',
    '{',
    '  "shortMessage": "not found",',
    '  "code": "thing_missing"',
    '}',
  ].join('\n'),
  '002_mini.txt': 'THING_MISSING | 404 | No | No such thing. | Check the name. |\n',
  '003_mini.txt': [
    'HTTP status codes',
    '',
    '404 Not Found',
    '',
    'No such thing.',
    '{',
    '  "code": "not_found",',
    '  "message": "thing not found",',
    '  "details": null',
    '}',
  ].join('\n'),
  '004_mini.txt': [
    'Error Codes Reference',
    'Intro line.',
    '{',
    '"error": "Detailed description of the error",',
    '"error_code": "MACHINE_READABLE_CODE",',
    '"timestamp": "2025-01-15T10:30:00Z"',
    '}',
    'Things',
    '| Error Code |',
    'HTTP |',
    'Description |',
    'THING_MISSING |',
    '404 |',
    'No such thing. |',
  ].join('\n'),
};

describe('scripts/seeds.ts', () => {
  const run = (...args: string[]) =>
    spawnSync('npx', ['tsx', 'scripts/seeds.ts', ...args], { cwd: REPO, encoding: 'utf8', timeout: 60_000 });

  const withPages = (test: (dirs: { seeds: string; out: string; fixtures: string }) => void) => () => {
    const root = mkdtempSync(join(tmpdir(), 'errata-seeds-'));
    try {
      const dirs = {
        seeds: join(root, 'pages'),
        out: join(root, 'catalogs'),
        fixtures: join(root, 'fixtures'),
      };
      mkdirSync(dirs.seeds);
      for (const [file, text] of Object.entries(MINI_PAGES)) writeFileSync(join(dirs.seeds, file), text);
      test(dirs);
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  };
  const args = (d: { seeds: string; out: string; fixtures: string }) => [
    '--seeds',
    d.seeds,
    '--out',
    d.out,
    '--fixtures',
    d.fixtures,
  ];
  const read = (dir: string, name: string) => JSON.parse(readFileSync(join(dir, name), 'utf8'));

  it(
    'writes a catalog and a fixture per page, and --check then passes',
    withPages((d) => {
      const written = run(...args(d));
      expect(written.stderr).toBe('');
      expect(written.status).toBe(0);
      expect(written.stdout).toContain('wrote catalog clerk.json: 1 entries');
      expect(written.stdout).toContain('wrote fixture authos.json');
      expect(read(d.out, 'barekey.json').errors.THING_MISSING).toMatchObject({
        status: 404,
        category: 'Things',
        retry: { retryable: false, note: 'fix the name' },
      });
      expect(read(d.out, 'clerk.json').errors.ThingMissing).toMatchObject({ code: 'thing_missing' });
      expect(read(d.fixtures, 'barekey.json')).toEqual({
        source: '000_mini.txt',
        intro: 'Intro line.',
        categories: ['Things'],
        rows: [{ code: 'THING_MISSING', status: 404, category: 'Things', description: 'No such thing.' }],
        retryGuidance: [{ code: 'THING_MISSING', retry: 'No', note: 'fix the name' }],
        handling: ['Check the error.code field.'],
      });
      expect(read(d.fixtures, 'flags.json').sections[0]).toMatchObject({
        status: 404,
        text: 'No such thing.',
      });

      const checked = run('--check', ...args(d));
      expect(checked.stderr).toBe('');
      expect(checked.status).toBe(0);
    }),
  );

  it(
    '--check fails naming every catalog or fixture that differs or is missing, and writes nothing',
    withPages((d) => {
      expect(run(...args(d)).status).toBe(0);
      const flags = join(d.out, 'flags.json');
      const changed = readFileSync(flags, 'utf8').replace('"not_found"', '"not_founds"');
      writeFileSync(flags, changed);
      rmSync(join(d.fixtures, 'authos.json'));
      const result = run('--check', ...args(d));
      expect(result.status).toBe(1);
      expect(result.stderr).toContain('out of date');
      expect(result.stderr).toContain(join('catalogs', 'flags.json'));
      expect(result.stderr).toContain(join('fixtures', 'authos.json'));
      expect(result.stderr).not.toContain('clerk.json');
      expect(readFileSync(flags, 'utf8')).toBe(changed);
      expect(existsSync(join(d.fixtures, 'authos.json'))).toBe(false);
    }),
  );

  it('says so when the seed pages are missing, and that npm test does not need them', () => {
    const result = run('--check', '--seeds', join(tmpdir(), 'errata-no-such-seeds'));
    expect(result.status).toBe(2);
    expect(result.stderr).toContain('seed pages not found');
    expect(result.stderr).toContain('npm test does not need the pages');
  });

  it('rejects an unknown option', () => {
    const result = run('--chek');
    expect(result.status).toBe(2);
    expect(result.stderr).toContain('unknown option --chek');
  });
});
