import type { CatalogIssue } from './model.js';

/**
 * One problem of a catalog as a line of text, its place first when it is
 * known, as compilers print theirs: `errors.yaml:12:5: errors.A.status: must be …`.
 * `bold` styles the path (the CLI's colours).
 */
export function issueText(
  issue: CatalogIssue,
  file: string | undefined,
  bold: (path: string) => string = (path) => path,
): string {
  const place =
    issue.line === undefined ? '' : `${file ? `${file}:` : 'line '}${issue.line}:${issue.column ?? 1}: `;
  return `${place}${issue.path ? `${bold(issue.path)}: ` : ''}${issue.message}`;
}
