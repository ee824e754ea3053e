import { mkdir, writeFile } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import { type CliIO, UsageError } from './_io.js';

/** Writes to a file (creating its folder) or, without one, to stdout. */
export async function writeOutput(text: string, out: string | undefined, io: CliIO): Promise<void> {
  if (out === undefined || out === '-') {
    io.stdout(text);
    return;
  }
  await writeFileSafely(resolve(io.cwd, out), text, out);
}

/**
 * Writes a file, creating its folder; a failure is a usage error that names
 * the file and says why in words (`is a directory`, `permission denied`).
 */
export async function writeFileSafely(path: string, text: string, shown: string): Promise<void> {
  // Only a failure needs the words; importing them lazily keeps the catalog loader out of start-up.
  const reason = async (e: unknown) => (await import('../catalog/load.js')).fsReason(e);
  try {
    await mkdir(dirname(path), { recursive: true });
  } catch (e) {
    throw new UsageError(`cannot write ${shown}: cannot create its folder: ${await reason(e)}`);
  }
  try {
    await writeFile(path, text);
  } catch (e) {
    throw new UsageError(`cannot write ${shown}: ${await reason(e)}`);
  }
}
