import { mkdir, writeFile } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import type { CliIO } from './_io.js';

/** Writes to a file (creating its folder) or, without one, to stdout. */
export async function writeOutput(text: string, out: string | undefined, io: CliIO): Promise<void> {
  if (out === undefined || out === '-') {
    io.stdout(text);
    return;
  }
  const path = resolve(io.cwd, out);
  await mkdir(dirname(path), { recursive: true });
  await writeFile(path, text);
}
