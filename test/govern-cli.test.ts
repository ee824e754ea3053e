/**
 * `errata lint`, `errata diff` and `errata lock` end to end through the CLI's
 * `main`, on files in a temporary folder (and a real git repository for
 * `--against git:REF`).
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { main } from '../src/cli/main.js';

const dirs: string[] = [];
afterAll(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

function workspace(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'errata-govern-'));
  dirs.push(dir);
  for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
  return dir;
}

async function cli(cwd: string, ...argv: string[]) {
  let stdout = '';
  let stderr = '';
  const code = await main(argv, {
    stdout: (t) => {
      stdout += t;
    },
    stderr: (t) => {
      stderr += t;
    },
    color: false,
    cwd,
  });
  return { code, stdout, stderr };
}

const clean = {
  name: 'api',
  docs: 'https://docs.example.com/errors',
  errors: {
    USER_NOT_FOUND: {
      status: 404,
      title: 'User not found',
      message: 'No user {id}.',
      description: 'The user does not exist, or the caller cannot see it.',
    },
    RATE_LIMITED: {
      status: 429,
      title: 'Too many requests',
      message: 'Slow down.',
      description: 'The caller sent too many requests.',
      retry: { afterMs: 1000 },
    },
  },
};
const json = (v: unknown) => `${JSON.stringify(v, null, 2)}\n`;
/** `clean` with an entry for each failure every errata server answers, so that lint finds nothing. */
const covered = {
  ...clean,
  errors: {
    ...clean.errors,
    ...Object.fromEntries(
      (
        [
          ['MALFORMED_BODY', 400, 'Malformed body', 'The request body is not valid JSON.'],
          ['VALIDATION_FAILED', 422, 'Invalid request', 'The request failed validation.'],
          ['NOT_FOUND', 404, 'Not found', 'No route matches the request.'],
          ['METHOD_NOT_ALLOWED', 405, 'Method not allowed', 'The route does not take this method.'],
          ['PAYLOAD_TOO_LARGE', 413, 'Payload too large', 'The request body is too large.'],
          ['UNSUPPORTED_MEDIA_TYPE', 415, 'Unsupported media type', 'The body is not JSON.'],
          ['INTERNAL_ERROR', 500, 'Internal error', 'Something went wrong on our side.'],
        ] as const
      ).map(([id, status, title, message]) => [
        id,
        {
          status,
          title,
          message,
          description: `${message} Sent by the server itself.`,
          retry: status === 500 ? { afterMs: 1000 } : false,
        },
      ]),
    ),
  },
};
const warnOnly = {
  ...covered,
  errors: {
    ...covered.errors,
    LOWER: { status: 400, title: 'bad thing', message: 'Bad.', description: 'Bad.' },
  },
};

describe('errata lint', () => {
  const dir = workspace({
    'clean.json': json(clean),
    'covered.json': json(covered),
    'warn.json': json(warnOnly),
    'error.yaml': `name: api\ndocs: https://docs.example.com/errors\nerrors:\n  EMPTY:\n    status: 400\n    code: ""\n    title: Empty\n    message: E.\n    description: E.\n`,
    'off.json': json({ rules: { 'code-empty': 'off' } }),
    'off.yaml': 'rules:\n  title-case: error\n',
    'off2.yaml': 'rules:\n  code-empty: off\n',
    'unknown.json': json({ rules: { 'no-such-rule': 'warn' } }),
    'badopt.json': json({ rules: { 'retry-5xx': ['warn', { nope: 1 }] } }),
    'notjson.json': '{ rules: ',
    'broken.json': '{"name": "api", "errors": {"A": {"status": 200}}}',
  });

  it('exits 0 on a clean catalog, 0 with only warnings, 1 with an error', async () => {
    expect(await cli(dir, 'lint', 'covered.json')).toMatchObject({
      code: 0,
      stdout: 'covered.json\nno problems\n',
    });
    const w = await cli(dir, 'lint', 'warn.json');
    expect(w.code).toBe(0);
    expect(w.stdout).toContain('LOWER.title');
    const e = await cli(dir, 'lint', 'error.yaml');
    expect(e.code).toBe(1);
    expect(e.stdout).toMatch(/error {2}EMPTY\.code +the wire code is empty/);
  });

  it('--max-warnings fails on too many warnings and rejects a non-number', async () => {
    expect((await cli(dir, 'lint', 'warn.json', '--max-warnings', '1')).code).toBe(0);
    const r = await cli(dir, 'lint', 'warn.json', '--max-warnings', '0');
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('more than --max-warnings 0');
    const bad = await cli(dir, 'lint', 'warn.json', '--max-warnings', 'many');
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('--max-warnings must be a non-negative integer');
  });

  it('--format json prints the array of findings', async () => {
    const r = await cli(dir, 'lint', 'error.yaml', '--format', 'json');
    expect(r.code).toBe(1);
    expect(JSON.parse(r.stdout)).toContainEqual({
      rule: 'code-empty',
      severity: 'error',
      id: 'EMPTY',
      code: '',
      field: 'code',
      message: expect.stringContaining('the wire code is empty'),
    });
  });

  it('--format sarif points at the entry line of the catalog file', async () => {
    const r = await cli(dir, 'lint', 'error.yaml', '--format', 'sarif', '-o', 'out/lint.sarif');
    expect(r.code).toBe(1);
    expect(r.stdout).toBe('');
    const log = JSON.parse(readFileSync(join(dir, 'out/lint.sarif'), 'utf8'));
    const res = log.runs[0].results.find((x: { ruleId: string }) => x.ruleId === 'code-empty');
    expect(res.level).toBe('error');
    expect(res.locations[0].physicalLocation).toEqual({
      artifactLocation: { uri: 'error.yaml', index: 0 },
      region: { startLine: 4 },
    });
  });

  it('--format sarif lists the rules that ran, at their configured level', async () => {
    writeFileSync(join(dir, 'sarif.yaml'), 'rules:\n  title-case: error\n  retry-5xx: off\n');
    const r = await cli(dir, 'lint', 'warn.json', '--format', 'sarif', '-c', 'sarif.yaml');
    const rules = JSON.parse(r.stdout).runs[0].tool.driver.rules as {
      id: string;
      defaultConfiguration: { level: string };
    }[];
    expect(rules.some((x) => x.id === 'retry-5xx')).toBe(false);
    expect(rules.find((x) => x.id === 'title-case')?.defaultConfiguration.level).toBe('error');
  });

  it('--config (JSON or YAML) sets rule levels', async () => {
    expect((await cli(dir, 'lint', 'error.yaml', '--config', 'off.json')).code).toBe(0);
    // YAML 1.2: a bare `off` is the string "off", not false.
    expect((await cli(dir, 'lint', 'error.yaml', '--config', 'off2.yaml')).code).toBe(0);
    const r = await cli(dir, 'lint', 'warn.json', '-c', 'off.yaml');
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/error {2}LOWER\.title/);
  });

  it('exits 2 with a clear message on a bad config or a bad catalog', async () => {
    const u = await cli(dir, 'lint', 'clean.json', '--config', 'unknown.json');
    expect(u.code).toBe(2);
    expect(u.stderr).toContain('unknown rule "no-such-rule"');
    expect((await cli(dir, 'lint', 'clean.json', '--config', 'badopt.json')).stderr).toContain(
      'rule "retry-5xx": unknown option "nope" (options: statuses)',
    );
    expect((await cli(dir, 'lint', 'clean.json', '--config', 'notjson.json')).code).toBe(2);
    expect((await cli(dir, 'lint', 'clean.json', '--config', 'missing.json')).stderr).toContain(
      'cannot read the lint config (ENOENT)',
    );
    const b = await cli(dir, 'lint', 'broken.json');
    expect(b.code).toBe(2);
    expect(b.stderr).toContain('errors.A.status');
    expect(b.stderr).not.toMatch(/\bat \w+ \(/);
    expect((await cli(dir, 'lint', 'clean.json', '--format', 'xml')).code).toBe(2);
  });
});

describe('errata diff', () => {
  const changed = structuredClone(clean) as typeof clean & { errors: Record<string, unknown> };
  changed.errors.USER_NOT_FOUND.status = 410;
  const reworded = structuredClone(clean);
  reworded.errors.USER_NOT_FOUND.message = 'There is no user {id}.';
  const dir = workspace({
    'old.json': json(clean),
    'new.json': json(changed),
    'reworded.yaml': json(reworded),
  });

  it('exits 1 on breaking changes, 0 with --allow-breaking, 0 on safe changes', async () => {
    const r = await cli(dir, 'diff', 'old.json', 'new.json');
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('BREAKING  USER_NOT_FOUND: status 404 → 410');
    expect((await cli(dir, 'diff', 'old.json', 'new.json', '--allow-breaking')).code).toBe(0);
    const ok = await cli(dir, 'diff', 'old.json', 'reworded.yaml');
    expect(ok.code).toBe(0);
    expect(ok.stdout).toContain('ok        USER_NOT_FOUND: message reworded');
  });

  it('prints markdown for a pull-request comment and json for tools', async () => {
    const md = await cli(dir, 'diff', 'old.json', 'new.json', '--format', 'md');
    expect(md.stdout).toMatch(/^### errata: ⚠️ 1 breaking change/);
    const js = await cli(dir, 'diff', 'old.json', 'new.json', '--format', 'json');
    // A framework's own 410 was sent as GONE; the catalog's only 410 entry answers it now.
    expect(JSON.parse(js.stdout)).toMatchObject({
      breaking: 1,
      changes: [
        { kind: 'status-changed', breaking: true },
        { kind: 'framework-status-changed', breaking: false, code: 'GONE' },
      ],
    });
  });

  it('--against FILE compares with another file; usage errors exit 2', async () => {
    expect((await cli(dir, 'diff', '--against', 'old.json', 'new.json')).code).toBe(1);
    const one = await cli(dir, 'diff', 'old.json');
    expect(one.code).toBe(2);
    expect(one.stderr).toContain('give the old and the new catalog');
    expect((await cli(dir, 'diff', '--against', 'old.json', 'a.json', 'b.json')).code).toBe(2);
    expect((await cli(dir, 'diff', 'old.json', 'nope.json')).stderr).toContain('file not found: nope.json');
  });
});

function git(cwd: string, ...args: string[]) {
  execFileSync(
    'git',
    ['-c', 'user.name=t', '-c', 'user.email=t@example.com', '-c', 'commit.gpgsign=false', ...args],
    {
      cwd,
      stdio: 'pipe',
    },
  );
}

describe('errata diff --against git:REF', () => {
  it('reads the old JSON/YAML catalog from git', async () => {
    const dir = workspace({ 'errors.json': json(clean) });
    git(dir, 'init', '-q', '-b', 'main');
    git(dir, 'add', 'errors.json');
    git(dir, 'commit', '-qm', 'catalog');
    expect(await cli(dir, 'diff', '--against', 'git:main', 'errors.json')).toMatchObject({
      code: 0,
      stdout: 'no changes\n',
    });
    const next = structuredClone(clean) as { errors: Record<string, unknown> };
    delete next.errors.RATE_LIMITED;
    writeFileSync(join(dir, 'errors.json'), json(next));
    const r = await cli(dir, 'diff', '--against', 'git:HEAD', 'errors.json', '--format', 'md');
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('`errors.json@HEAD` → `errors.json`');
    expect(r.stdout).toContain('entry RATE_LIMITED removed');
  });

  it('loads a TypeScript catalog at the ref beside the original, so its imports resolve, and cleans up', async () => {
    const dir = workspace({
      'base.ts': "export const docs = 'https://docs.example.com/errors';\n",
      'errors.ts': `import { docs } from './base';\nexport default { name: 'api', docs, errors: { A: { status: 404 }, B: { status: 503, retry: true } } };\n`,
    });
    git(dir, 'init', '-q', '-b', 'main');
    git(dir, 'add', '.');
    git(dir, 'commit', '-qm', 'catalog');
    writeFileSync(
      join(dir, 'errors.ts'),
      `import { docs } from './base';\nexport default { name: 'api', docs, errors: { A: { status: 404 }, B: { status: 503, retry: false } } };\n`,
    );
    const r = await cli(dir, 'diff', '--against', 'git:main', 'errors.ts');
    expect(r.stderr).toBe('');
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('B: retryable (exponential 500–30000 ms) → not retryable');
    expect(readdirSync(dir).sort()).toEqual(['.git', 'base.ts', 'errors.ts']);
  });

  it('compares a catalog that is new at the ref with an empty one: only additions', async () => {
    const dir = workspace({ 'other.txt': 'x' });
    git(dir, 'init', '-q', '-b', 'main');
    git(dir, 'add', 'other.txt');
    git(dir, 'commit', '-qm', 'first');
    writeFileSync(join(dir, 'errors.json'), json(clean));
    const r = await cli(dir, 'diff', '--against', 'git:main', 'errors.json');
    expect(r.code).toBe(0);
    expect(r.stderr).toBe(
      'errata diff: errors.json does not exist at main; comparing with an empty catalog\n',
    );
    expect(r.stdout).toContain('ok        USER_NOT_FOUND: entry USER_NOT_FOUND added');
    expect(r.stdout).toContain('0 breaking changes, 2 other changes');
  });

  it('reports a missing ref and a hostile ref with exit 2', async () => {
    const dir = workspace({ 'errors.json': json(clean) });
    git(dir, 'init', '-q', '-b', 'main');
    git(dir, 'add', 'errors.json');
    git(dir, 'commit', '-qm', 'catalog');
    const missing = await cli(dir, 'diff', '--against', 'git:nope', 'errors.json');
    expect(missing.code).toBe(2);
    // A ref git cannot read is not an invalid catalog: one line names the file, the ref and git's reason.
    expect(missing.stderr).toMatch(/^error: cannot read errors\.json at git:nope: .*'nope'.*\n$/);
    const hostile = await cli(dir, 'diff', '--against', 'git:--output=/tmp/x', 'errors.json');
    expect(hostile.code).toBe(2);
    expect(hostile.stderr).toContain('invalid git ref');
  });

  it('places a failure of a .ts catalog at the ref in that file, not in its temporary copy', async () => {
    const dir = workspace({ 'errors.ts': 'export default { errors: {} };\nthrow new Error("old");\n' });
    git(dir, 'init', '-q', '-b', 'main');
    git(dir, 'add', 'errors.ts');
    git(dir, 'commit', '-qm', 'throws');
    writeFileSync(join(dir, 'errors.ts'), 'export default { errors: {} };\n');
    const r = await cli(dir, 'diff', '--against', 'git:main', 'errors.ts');
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(
      'errors.ts at main: invalid catalog\n  cannot load module: old (at errors.ts, line 2)',
    );
    expect(readdirSync(dir).sort()).toEqual(['.git', 'errors.ts']);
  });

  it('checks the catalog at the ref as UTF-8, like a file on disk', async () => {
    const dir = workspace({});
    writeFileSync(
      join(dir, 'errors.json'),
      Buffer.from('{"errors":{"A":{"status":400,"message":"caf\xe9"}}}', 'latin1'),
    );
    git(dir, 'init', '-q', '-b', 'main');
    git(dir, 'add', 'errors.json');
    git(dir, 'commit', '-qm', 'latin-1');
    writeFileSync(join(dir, 'errors.json'), json(clean));
    const r = await cli(dir, 'diff', '--against', 'git:main', 'errors.json');
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(
      'errors.json at main: invalid catalog\n  not valid UTF-8 at line 1, column 44',
    );
  });
});

describe('errata lock', () => {
  it('writes errata.lock.json beside the catalog; --check passes, then fails with the diff once the catalog changes', async () => {
    const dir = workspace({ 'errors.json': json(clean) });
    const w = await cli(dir, 'lock', 'errors.json');
    expect(w).toMatchObject({ code: 0, stdout: 'wrote errata.lock.json (2 entries)\n' });
    const lock = JSON.parse(readFileSync(join(dir, 'errata.lock.json'), 'utf8'));
    expect(lock).toMatchObject({
      errata: 1,
      name: 'api',
      errors: { USER_NOT_FOUND: { code: 'USER_NOT_FOUND', status: 404 } },
    });
    expect(await cli(dir, 'lock', '--check', 'errors.json')).toMatchObject({
      code: 0,
      stdout: 'errata.lock.json is up to date\n',
    });
    const next = structuredClone(clean);
    next.errors.USER_NOT_FOUND.status = 410;
    writeFileSync(join(dir, 'errors.json'), json(next));
    const stale = await cli(dir, 'lock', '--check', 'errors.json');
    expect(stale.code).toBe(1);
    expect(stale.stdout).toContain('errata.lock.json is out of date');
    expect(stale.stdout).toContain('BREAKING  USER_NOT_FOUND: status 404 → 410');
    expect(stale.stdout).toContain('run "errata lock errors.json"');
  });

  it('notices a lock edited by hand even when the catalog is the same', async () => {
    const dir = workspace({ 'errors.json': json(clean) });
    await cli(dir, 'lock', 'errors.json', '--lock', 'my.lock.json');
    const text = readFileSync(join(dir, 'my.lock.json'), 'utf8');
    writeFileSync(join(dir, 'my.lock.json'), text.replace(/\n/g, '\n '));
    const r = await cli(dir, 'lock', '--check', 'errors.json', '--lock', 'my.lock.json');
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('layout or order only');
  });

  it('exits 2 when the lock is missing or not a catalog', async () => {
    const dir = workspace({ 'errors.json': json(clean), 'bad.lock.json': '{"errors": 1}' });
    const m = await cli(dir, 'lock', '--check', 'errors.json');
    expect(m.code).toBe(2);
    expect(m.stderr).toContain(
      'no lock file at errata.lock.json: run "errata lock errors.json" and commit it',
    );
    expect(existsSync(join(dir, 'errata.lock.json'))).toBe(false);
    const b = await cli(dir, 'lock', '--check', 'errors.json', '--lock', 'bad.lock.json');
    expect(b.code).toBe(2);
    expect(b.stderr).toContain('bad.lock.json is not a valid lock');
  });
});

describe('the CI recipe from the README', () => {
  // errata lint errors.yaml && errata lock --check errors.yaml && errata diff --against git:main errors.yaml
  async function recipe(dir: string): Promise<number> {
    for (const argv of [
      ['lint', 'errors.yaml'],
      ['lock', '--check', 'errors.yaml'],
      ['diff', '--against', 'git:main', 'errors.yaml'],
    ]) {
      const r = await cli(dir, ...argv);
      if (r.code !== 0) return r.code;
    }
    return 0;
  }
  const yaml = (status: number) =>
    `name: api\ndocs: https://docs.example.com/errors\nerrors:\n  USER_NOT_FOUND:\n    status: ${status}\n    title: User not found\n    message: No user {id}.\n    description: The user does not exist, or the caller cannot see it.\n`;

  it('passes on main, fails on a stale lock, then on a breaking change once the lock is updated', async () => {
    const dir = workspace({ 'errors.yaml': yaml(404) });
    await cli(dir, 'lock', 'errors.yaml');
    git(dir, 'init', '-q', '-b', 'main');
    git(dir, 'add', '.');
    git(dir, 'commit', '-qm', 'catalog and lock');
    expect(await recipe(dir)).toBe(0);
    writeFileSync(join(dir, 'errors.yaml'), yaml(410));
    expect(await recipe(dir)).toBe(1);
    expect((await cli(dir, 'lock', '--check', 'errors.yaml')).code).toBe(1);
    await cli(dir, 'lock', 'errors.yaml');
    const diff = await cli(dir, 'diff', '--against', 'git:main', 'errors.yaml');
    expect(diff.code).toBe(1);
    expect(diff.stdout).toContain('status 404 → 410');
    expect(await recipe(dir)).toBe(1);
  });
});
