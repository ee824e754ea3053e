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
