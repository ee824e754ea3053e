/**
 * The help of the CLI and of every command, snapshot-tested. The list comes
 * from `commands` in src/cli/main.ts, so a new command is covered as soon as it
 * is registered; refresh with `npx vitest run -u test/cli-help.test.ts`.
 */
import { describe, expect, it } from 'vitest';
import { commands, helpText } from '../src/cli/main.js';
import { runCli } from './_cli.js';

const run = (argv: string[]) => runCli(argv, process.cwd());

describe('errata --help', () => {
  it('lists every command with an example', async () => {
    const r = await run(['--help']);
    expect(r.code).toBe(0);
    for (const cmd of commands) expect(r.stdout).toContain(cmd.name);
    expect(r.stdout).toContain('Exit codes: 0 ok, 1 findings, 2 bad usage or input.');
    await expect(r.stdout).toMatchFileSnapshot('__snapshots__/cli-help/errata.txt');
  });

  it('prints each example once as "errata <command> …", not "errata errata …"', async () => {
    const r = await run(['--help']);
    const examples = r.stdout
      .slice(r.stdout.indexOf('EXAMPLES'))
      .split('\n')
      .filter((l) => l.startsWith('  '));
    expect(examples.map((l) => l.trim())).toEqual(commands.map((c) => c.examples[0]));
    expect(r.stdout).not.toContain('errata errata');
  });

  it.each(commands.map((c) => [c.name, c] as const))('errata %s --help', async (name, cmd) => {
    const text = await helpText(name);
    expect(cmd.description.length).toBeGreaterThan(0);
    expect(cmd.examples.length).toBeGreaterThan(0);
    for (const example of cmd.examples) expect(example.startsWith(`errata ${name}`)).toBe(true);
    expect(text).toContain(`USAGE errata ${name}`);
    expect(text).toContain(`EXAMPLES\n\n  ${cmd.examples[0]}`);
    const viaMain = await run([name, '--help']);
    expect(viaMain).toEqual({ code: 0, stdout: text, stderr: '' });
    await expect(text).toMatchFileSnapshot(`__snapshots__/cli-help/${name}.txt`);
  });
});

describe('mistyped names', () => {
  it('answers an unknown command with the nearest one, as a usage error', async () => {
    const r = await run(['lnt', 'errors.yaml']);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(/^error: unknown command "lnt"\. Did you mean lint\? Commands: init, export, /);
    expect((await run(['help', 'lnt'])).stderr).toContain('Did you mean lint?');
    expect((await run(['expotr'])).stderr).toContain('Did you mean export?');
  });

  it('names no command when none is near', async () => {
    const r = await run(['frobnicate']);
    expect(r.code).toBe(2);
    expect(r.stderr).not.toContain('Did you mean');
    expect(r.stderr).toContain('Commands: init, export, types, docs');
  });

  it('answers an unknown option with the nearest options of that command', async () => {
    const r = await run(['lint', 'errors.yaml', '--formt', 'json']);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(
      'error: unknown option "--formt". Did you mean --format?\nRun "errata lint --help" for usage.\n',
    );
    expect((await run(['types', 'errors.yaml', '--chek'])).stderr).toContain('Did you mean --check?');
    const far = await run(['lint', 'errors.yaml', '--zzzzzzzzzz']);
    expect(far.stderr).toBe('error: unknown option "--zzzzzzzzzz"\nRun "errata lint --help" for usage.\n');
  });
});
