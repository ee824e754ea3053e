import pc from 'picocolors';

/** Where a command writes; tests pass their own. */
export interface CliIO {
  readonly stdout: (text: string) => void;
  readonly stderr: (text: string) => void;
  /** Whether to colour output: a TTY and no `NO_COLOR`. */
  readonly color: boolean;
  readonly cwd: string;
}

export function processIO(): CliIO {
  const env = process.env;
  const color = !!process.stdout.isTTY && !('NO_COLOR' in env) && env.TERM !== 'dumb';
  // A reader that stops early (`errata export x.yaml | head`) closes the pipe: stop writing, say nothing.
  const open = { stdout: true, stderr: true };
  for (const name of ['stdout', 'stderr'] as const)
    process[name].on('error', (e: NodeJS.ErrnoException) => {
      open[name] = false;
      if (e.code !== 'EPIPE' && name === 'stdout' && open.stderr)
        process.stderr.write(`error: cannot write to stdout (${e.code ?? e.message})\n`);
      if (e.code !== 'EPIPE') process.exitCode = EXIT.usage;
    });
  return {
    stdout: (t) => {
      if (open.stdout) process.stdout.write(t);
    },
    stderr: (t) => {
      if (open.stderr) process.stderr.write(t);
    },
    color,
    cwd: process.cwd(),
  };
}

/** Colour helpers that turn into identity functions when colour is off. */
export function colors(io: CliIO) {
  return pc.createColors(io.color);
}

// biome-ignore lint/suspicious/noControlCharactersInRegex: ANSI escapes start with ESC
const ANSI = /\u001b\[[0-9;]*m/g;
export function stripAnsi(text: string): string {
  return text.replace(ANSI, '');
}

/** Bad usage or bad input: exit code 2, printed with the command's usage. */
export class UsageError extends Error {
  override readonly name = 'UsageError';
}

/** Exit codes: 0 ok, 1 findings, 2 bad usage or input. */
export const EXIT = { ok: 0, findings: 1, usage: 2 } as const;
