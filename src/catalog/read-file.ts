// Reading a catalog or config file: its text, or one plain sentence on why it cannot be read.
import { readFile, stat } from 'node:fs/promises';
import { CatalogError } from './errors.js';
import { decodeSource } from './source.js';

/** A file system error by its code, in words too: `ENOENT (no such file)`. */
export function fsReason(e: unknown): string {
  const code = (e as NodeJS.ErrnoException | undefined)?.code;
  const words: Record<string, string> = {
    ENOENT: 'no such file',
    EISDIR: 'it is a directory, not a file',
    ENOTDIR: 'a part of the path is not a directory',
    EACCES: 'permission denied',
    EPERM: 'operation not permitted',
    EEXIST: 'a file is in the way',
    EROFS: 'read-only file system',
    ENOSPC: 'no space left on the device',
    ENAMETOOLONG: 'the name is too long',
    ELOOP: 'too many symbolic links',
    EMFILE: 'too many open files',
  };
  if (code !== undefined && Object.hasOwn(words, code)) return `${code} (${words[code]})`;
  if (code !== undefined) return code;
  return (e as Error | undefined)?.message ?? String(e);
}

/**
 * A catalog file that cannot be read at all: missing, a directory, not
 * readable. Its message names the file as the user gave it
 * (`file not found: errors.yaml`); it is a {@link CatalogError} whose one
 * issue says the reason alone, and whose `cause` is the file system error.
 */
export class SourceFileError extends CatalogError {
  constructor(file: string, cause: unknown) {
    const code = (cause as NodeJS.ErrnoException | undefined)?.code;
    const reason =
      code === 'ENOENT' || code === 'ENOTDIR'
        ? 'file not found'
        : code === 'EISDIR'
          ? 'a directory, not a file'
          : `cannot read file: ${fsReason(cause)}`;
    super([{ path: '', message: reason }], file);
    this.message = reason.startsWith('cannot')
      ? `cannot read ${file}: ${fsReason(cause)}`
      : `${reason}: ${file}`;
    this.cause = cause;
  }
}

/** Throws a {@link SourceFileError} unless `path` is a file (a module loader would word it worse). */
export async function assertFile(path: string, file: string): Promise<void> {
  let isDirectory: boolean;
  try {
    isDirectory = (await stat(path)).isDirectory();
  } catch (e) {
    throw new SourceFileError(file, e);
  }
  if (isDirectory) throw notAFile(file);
}

/** The error of a directory given where a file is expected. */
export const notAFile = (file: string): SourceFileError =>
  new SourceFileError(file, Object.assign(new Error(`EISDIR: ${file} is a directory`), { code: 'EISDIR' }));

/** Reads a catalog or config file as UTF-8 text; a `CatalogError` says why it cannot be read. */
export async function readSourceFile(path: string, file: string): Promise<string> {
  let bytes: Uint8Array;
  try {
    bytes = await readFile(path);
  } catch (e) {
    throw new SourceFileError(file, e);
  }
  const decoded = decodeSource(bytes);
  if (!decoded.ok) throw new CatalogError([{ path: '', message: decoded.message }], file);
  return decoded.text;
}
