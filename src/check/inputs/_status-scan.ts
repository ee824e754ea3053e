// Most lines of a request log are successes, which `errata check` counts and
// never judges. Finding their status needs no JSON parse: a scan of the raw
// line for the keys the status is read from answers it, and anything the scan
// is not sure of goes to `JSON.parse` like every other line.

/** The status of a success line, or `undefined`: parse the line. */
export type StatusScan = (line: string) => number | undefined;

const isBlank = (c: number) => c === 32 || c === 9 || c === 13 || c === 10;
const QUOTE = 34;
const BACKSLASH = 92;

/** A three-digit status at `at`, bare or quoted, followed by the end of the value; else -1. */
function statusAt(line: string, at: number): number {
  const quoted = line.charCodeAt(at) === QUOTE;
  const start = quoted ? at + 1 : at;
  let value = 0;
  for (let i = start; i < start + 3; i++) {
    const d = line.charCodeAt(i) - 48;
    if (d < 0 || d > 9) return -1;
    value = value * 10 + d;
  }
  let end = start + 3;
  if (quoted) {
    if (line.charCodeAt(end) !== QUOTE) return -1;
    end++;
  }
  while (isBlank(line.charCodeAt(end))) end++;
  const next = line.charCodeAt(end);
  // `,` or `}` ends the member; a digit, `.` or `e` would make another number.
  return next === 44 || next === 125 ? value : -1;
}

/**
 * A scanner for the status paths of a field mapping (their last segments are
 * the keys looked for). It answers only when the line is one JSON object
 * whose every key named like a status field holds the same status below
 * 400 and no key is written with `\u` escapes; any other line is parsed. A
 * line the scan answers is not parsed, so one damaged between its braces is
 * counted as a success rather than reported.
 */
export function statusScanner(statusPaths: readonly string[]): StatusScan {
  const names = [...new Set(statusPaths.map((p) => p.slice(p.lastIndexOf('.') + 1)))].filter(
    (n) => n !== '' && !n.includes('"') && !n.includes('\\'),
  );
  if (names.length === 0) return () => undefined;
  // A key ending in one of the names (`"statusCode"`, or a dotted
  // `"http.response.status_code"`), its colon and the blanks after it.
  const key = new RegExp(`[".](?:${names.map(escapeRegExp).join('|')})"\\s*:\\s*`, 'g');
  return (line) => {
    let end = line.length - 1;
    while (end > 0 && isBlank(line.charCodeAt(end))) end--;
    if (line.charCodeAt(0) !== 123 /* { */ || line.charCodeAt(end) !== 125 /* } */) return undefined;
    if (line.includes('\\u')) return undefined;
    let status = -1;
    key.lastIndex = 0;
    for (let hit = key.exec(line); hit !== null; hit = key.exec(line)) {
      // `\"statusCode"` is the end of a string holding a quote: be sure, parse.
      if (line.charCodeAt(hit.index - 1) === BACKSLASH) return undefined;
      const value = statusAt(line, key.lastIndex);
      if (value < 100 || value >= 400 || (status !== -1 && value !== status)) return undefined;
      status = value;
    }
    return status === -1 ? undefined : status;
  };
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
