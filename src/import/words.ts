// Readers of the small values pages write in many ways: statuses (`404`,
// `404 Not Found`, `Not Found`, `HTTP 404`), codes (in backticks or plain),
// yes/no cells (`Yes — note`), and the shapes of lines that act as headings
// on a page saved as text.
import { STATUS_CODES } from 'node:http';

const REASONS = new Map<string, number>(
  Object.entries(STATUS_CODES)
    .filter(([code]) => Number(code) >= 400)
    .map(([code, reason]) => [normalReason(reason ?? ''), Number(code)]),
);

function normalReason(text: string): string {
  return text
    .toLowerCase()
    .replace(/[^a-z]+/g, ' ')
    .trim();
}

/** An error status from a cell or heading: `404`, `404 Not Found`, `HTTP 404`, `Not Found`; else undefined. */
export function statusOf(text: string): number | undefined {
  const t = unquote(text).trim();
  const m = /^(?:HTTP\s*)?([1-5]\d\d)(?:\s*[-–—:]?\s*([A-Za-z][A-Za-z' -]*))?$/i.exec(t);
  if (m) return Number(m[1]);
  return REASONS.get(normalReason(t));
}

/**
 * The status a heading names when it reads `404 Not Found` or `404` (a bare
 * reason is too loose for a heading). A line of a text page (`strict`) must
 * give the status's own reason phrase: `400 - Creator doesn't exist` is prose.
 */
export function statusHeading(text: string, strict = false): number | undefined {
  const m = /^(?:HTTP\s*)?([45]\d\d)(?:\s*[-–—:]?\s*([A-Z][A-Za-z' -]*))?$/.exec(text.trim());
  if (!m) return undefined;
  const status = Number(m[1]);
  if (strict && (m[2] === undefined || REASONS.get(normalReason(m[2])) !== status)) return undefined;
  return status;
}

/** Text without the backticks, quotes or bold marks around it. */
export function unquote(text: string): string {
  return text
    .trim()
    .replace(/^(\*\*|__)(.*)\1$/, '$2')
    .replace(/^[`'"](.*)[`'"]$/, '$1')
    .trim();
}

/** A single token that can be an error code: `not_found`, `NOT_FOUND`, `auth.expired`, `E1234`. */
export const CODE = /^[A-Za-z0-9][A-Za-z0-9_.:/-]*$/;

export function codeOf(text: string): string | undefined {
  const t = unquote(text);
  return CODE.test(t) && /[A-Za-z]/.test(t) ? t : undefined;
}

/** `Yes`, `No`, `true`, `✓`…, with the note after a dash or a comma (`Yes — retry with backoff`). */
export function yesNo(text: string): { yes: boolean; note?: string } | undefined {
  const m = /^\s*(yes|no|true|false|y|n|✓|✔|✗|✘|retryable|not retryable)\b\s*(?:[-–—:,;]\s*(.*))?$/i.exec(
    text,
  );
  if (!m) return undefined;
  const word = (m[1] as string).toLowerCase();
  const yes = ['yes', 'true', 'y', '✓', '✔', 'retryable'].includes(word);
  const note = m[2]?.trim();
  return note ? { yes, note } : { yes };
}

/** One word in PascalCase or with digits and underscores: a name heading (`ActorTokenCannotBeRevoked`). */
export const NAME = /^[A-Za-z][A-Za-z0-9]*$/;

/** Words each starting with a capital (`Actor Tokens`, `Home Url`): a category heading on a text page. */
export const TITLE_WORDS = /^[A-Z][a-z]+( [A-Z][a-z]+)*$/;

/**
 * A line that reads as a heading on a page saved as text: short, starting
 * with a capital or a digit, without the end of a sentence.
 */
export function headingLike(line: string): boolean {
  const t = line.trim();
  if (t === '' || t.length > 80 || /[.!?:;,]$/.test(t) || t.includes('|')) return false;
  if (!/^[A-Z0-9]/.test(t)) return false;
  return t.split(/\s+/).length <= 6;
}
