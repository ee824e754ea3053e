// The catalog layer's errors: a malformed catalog, an id that is not in one.
// (A catalog file that cannot be read, `SourceFileError`, is a CatalogError
// kept beside the Node file reading in read-file.ts.)
import { issueText } from './issue-text.js';
import type { CatalogIssue } from './model.js';

/** Thrown when a catalog is malformed; lists every problem at once, each with its path. */
export class CatalogError extends Error {
  override readonly name = 'CatalogError';
  readonly issues: readonly CatalogIssue[];
  readonly file: string | undefined;

  constructor(issues: readonly CatalogIssue[], file?: string) {
    const where = file ? `${file}: ` : '';
    const list = issues.map((i) => `  ${issueText(i, file)}`).join('\n');
    super(`${where}invalid catalog (${issues.length} problem${issues.length === 1 ? '' : 's'})\n${list}`);
    this.issues = issues;
    this.file = file;
  }
}

/** Fails with a clear message at the call site when an id is not in the catalog. */
export class UnknownErrorIdError extends Error {
  override readonly name = 'UnknownErrorIdError';
}
