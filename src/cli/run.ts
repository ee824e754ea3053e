import { EXIT, processIO } from './_io.js';
import { main } from './main.js';

// process.exit as it is now: loading a catalog module replaces it for a while.
const exit = process.exit.bind(process);

// Last resorts, for what a catalog module leaves running after it loads (a timer
// that throws, a promise nobody awaits): one line on stderr, exit 2, never a stack trace.
// Only a catalog module can leave these behind, so the catalog loader (yaml, ajv) is in memory
// by then: importing it here, not at start-up, keeps `errata --help` from loading it.
const fatal = (what: string) => async (e: unknown) => {
  const { thrownText } = await import('../catalog/load.js');
  process.stderr.write(`error: ${what}: ${thrownText(e)}\n`);
  if (process.env.ERRATA_DEBUG && e instanceof Error) process.stderr.write(`${e.stack ?? ''}\n`);
  exit(EXIT.usage);
};
process.on('uncaughtException', fatal('uncaught exception'));
process.on('unhandledRejection', fatal('unhandled promise rejection'));

let done = false;
// The event loop ran dry before the command finished: a catalog module awaits something that never settles.
process.on('beforeExit', () => {
  if (done) return;
  process.stderr.write(
    'error: the command could not finish: the catalog module waits for something that never happens (a top-level await that never settles?)\n',
  );
  exit(EXIT.usage);
});

// No top-level await: the bundled commands' files import run.js (scripts/bundle-cli.ts), which
// must have finished evaluating by then. main() never rejects.
void main(process.argv.slice(2), processIO()).then((code) => {
  done = true;
  process.exitCode = process.exitCode || code;
});
