// `errata check --format text`: one line per finding under its input, then the totals.
import type { CoverageSummary } from '../coverage.js';
import type { Finding } from '../types.js';
import { type CheckReport, countSeverities, placeOf } from './report.js';

export interface Colors {
  red(s: string): string;
  yellow(s: string): string;
  green(s: string): string;
  dim(s: string): string;
  bold(s: string): string;
}

const plain: Colors = { red: (s) => s, yellow: (s) => s, green: (s) => s, dim: (s) => s, bold: (s) => s };

// biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what is escaped
const CONTROLS = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/g;
/** Text from the traffic is the API's, not ours: no terminal escapes reach the screen. */
const safe = (s: string) => s.replace(CONTROLS, (c) => `\\x${c.charCodeAt(0).toString(16).padStart(2, '0')}`);

const n = (k: number, word: string) => `${k} ${word}${k === 1 ? '' : 's'}`;

/** What the response was: `GET /orders/1 → 404 ORDER_NOT_FOUND`. */
export function responseLabel(f: Finding): string {
  const request = [f.method, f.url].filter(Boolean).join(' ');
  const answer = [f.status, f.code].filter((x) => x !== undefined).join(' ');
  return [request, answer].filter(Boolean).join(' → ');
}

/** One finding on one line (what the proxy prints as it happens). */
export function findingLine(f: Finding, place: string | undefined, c: Colors = plain): string {
  const sev = f.severity === 'error' ? c.red('error') : c.yellow('warn ');
  const what = responseLabel(f);
  const where = place === undefined ? '' : `${c.dim(place)}  `;
  return `  ${where}${sev}  ${safe(what ? `${what}: ${f.message}` : f.message)}  ${c.dim(f.check)}`;
}

/** The coverage as lines: entries seen, never seen, unknown codes, per route. */
export function coverageLines(coverage: CoverageSummary, c: Colors = plain): string[] {
  const total = coverage.ids.length;
  const seen = total - coverage.neverSeen.length;
  const pct = total === 0 ? 100 : Math.floor((seen / total) * 100);
  const lines = [`coverage: ${seen} of ${total} ${total === 1 ? 'entry' : 'entries'} seen (${pct}%)`];
  if (coverage.neverSeen.length > 0) lines.push(`  never seen: ${coverage.neverSeen.join(', ')}`);
  const unknown = Object.entries(coverage.unknown);
  if (unknown.length > 0)
    lines.push(
      c.red(`  codes not in the catalog: ${unknown.map(([k, v]) => `${safe(k)} (${v})`).join(', ')}`),
    );
  if (coverage.uncoded > 0) lines.push(`  error responses without a readable code: ${coverage.uncoded}`);
  const routes = Object.entries(coverage.routes);
  if (routes.length > 0) {
    lines.push('  per route:');
    const width = Math.min(50, Math.max(...routes.map(([k]) => k.length)));
    for (const [key, r] of routes) {
      const missing = coverage.neverSeenByRoute[key] ?? [];
      const count = `${r.declared.length - missing.length}/${r.declared.length}`;
      lines.push(
        `    ${key.padEnd(width)}  ${count}${missing.length > 0 ? `  never seen: ${missing.join(', ')}` : ''}`,
      );
    }
  }
  return lines;
}

export interface TextOptions {
  readonly color?: Colors;
  /** Print the coverage in full (`--coverage`). @default false */
  readonly coverage?: boolean;
  /** List each finding (the proxy printed them already). @default true */
  readonly listFindings?: boolean;
}

/** The report as text: findings grouped by input, the totals, and the coverage. */
export function formatText(report: CheckReport, options: TextOptions = {}): string {
  const c = options.color ?? plain;
  const out: string[] = [];
  let file: string | undefined | null = null;
  for (const f of options.listFindings === false ? [] : report.findings) {
    const from = f.source?.file;
    if (from !== file) {
      if (out.length > 0) out.push('');
      out.push(c.bold(safe(from ?? report.catalog)));
      file = from;
    }
    out.push(findingLine(f, placeOf(f, report.inputs), c));
  }
  if (out.length > 0) out.push('');
  const { errors, warnings } = countSeverities(report.findings);
  const cov = report.coverage;
  const totals = `${n(cov.responses, 'response')} (${n(cov.errors, 'error response')}) checked`;
  if (report.findings.length === 0) out.push(c.green(`${totals}: no problems`));
  else {
    const summary = `${totals}: ${n(report.findings.length, 'problem')} (${n(errors, 'error')}, ${n(warnings, 'warning')})`;
    out.push(errors > 0 ? c.red(summary) : c.yellow(summary));
  }
  const lines = coverageLines(cov, c);
  out.push(...(options.coverage ? lines : lines.slice(0, 1)));
  return `${out.join('\n')}\n`;
}
