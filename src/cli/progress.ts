import { type CliIO, colors } from './_io.js';

/** Prints one line per phase on stderr, with its time, when asked to. */
export function progress(io: CliIO, on: boolean) {
  const c = colors(io);
  let last = performance.now();
  return (phase: string) => {
    if (!on) return;
    const now = performance.now();
    io.stderr(`${c.dim(`[errata] ${phase}`)} ${c.dim(`(${Math.round(now - last)} ms)`)}\n`);
    last = now;
  };
}

/** Whether progress lines are wanted: `--verbose`, or stderr is a terminal. */
export const wantsProgress = (verbose: boolean | undefined): boolean =>
  verbose === true || process.stderr.isTTY === true;
