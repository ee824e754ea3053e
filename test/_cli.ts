// Runs the CLI in-process, as the tests of its commands do: exit code and the text written.
import type { CliIO } from '../src/cli/_io.js';
import { main } from '../src/cli/main.js';

export interface CliRun {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

/** `errata ...argv` through `main()`, in `cwd`, with colour off unless asked for. */
export async function runCli(argv: readonly string[], cwd: string, color = false): Promise<CliRun> {
  let stdout = '';
  let stderr = '';
  const io: CliIO = {
    stdout: (t) => {
      stdout += t;
    },
    stderr: (t) => {
      stderr += t;
    },
    color,
    cwd,
  };
  const code = await main([...argv], io);
  return { code, stdout, stderr };
}
