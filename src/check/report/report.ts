// A run of `errata check` as one value: the findings and what the traffic
// covered. Its JSON form is what `--format json` writes and `--merge` reads,
// so shards of a log checked apart merge into one report.
import { type CoverageSummary, mergeCoverage } from '../coverage.js';
import { coverageFindings } from '../coverage-findings.js';
import type { Finding } from '../types.js';

/** The check name of findings about the input itself (a line that is not JSON, a truncated HAR). */
export const INPUT_CHECK = 'input';
/** The check name of coverage gaps (`--coverage`): an entry the traffic never showed. */
export const COVERAGE_CHECK = 'coverage';

/** An input of a run: its name and format (a HAR's places are entries, other inputs' are lines). */
export interface ReportInput {
  readonly name: string;
  readonly format: 'har' | 'ndjson' | 'otlp';
}

/** Findings and coverage of a run, as `--format json` writes them. */
export interface CheckReport {
  readonly kind: 'errata-check';
  readonly version: 1;
  /** The catalog file, as given. */
  readonly catalog: string;
  /** The inputs read, as given (`-` for stdin), with their format. */
  readonly inputs: readonly ReportInput[];
  /** Every finding: the responses', the inputs' (`input`) and, with `--coverage`, the gaps (`coverage`). */
  readonly findings: readonly Finding[];
  readonly coverage: CoverageSummary;
}

/** Where a finding's observation was, in words: `entry 3` of a HAR, `line 12` of a log. */
export function placeOf(finding: Finding, inputs: readonly ReportInput[]): string | undefined {
  const line = finding.source?.line;
  if (line === undefined) return undefined;
  const har = inputs.some((i) => i.name === finding.source?.file && i.format === 'har');
  return `${har ? 'entry' : 'line'} ${line}`;
}

/** Findings at error severity, and at warn. */
export function countSeverities(findings: readonly Finding[]): { errors: number; warnings: number } {
  let errors = 0;
  for (const f of findings) if (f.severity === 'error') errors++;
  return { errors, warnings: findings.length - errors };
}

/**
 * The coverage gaps `--coverage` fails on, as `coverage` findings at error
 * level: with declared routes, each id a route declares that it never
 * answered; without, each catalog entry never seen. (A code the catalog does
 * not have is already a `code-known` finding of each response that sent it.)
 */
export function coverageGaps(coverage: CoverageSummary): Finding[] {
  const byRoute = Object.keys(coverage.routes).length > 0;
  return coverageFindings(coverage, { severity: 'error' }).filter(
    (f) => f.code === undefined && (byRoute ? f.route !== undefined : f.route === undefined),
  );
}

/** Whether a value is a check report (else `mergeReports` says what it is not). */
function assertReport(value: unknown, name: string): asserts value is CheckReport {
  const r = value as Partial<CheckReport> | null;
  if (typeof r !== 'object' || r === null || r.kind !== 'errata-check' || r.version !== 1)
    throw new TypeError(
      `${name} is not an errata check report (expected "kind": "errata-check", "version": 1, from --format json)`,
    );
  if (!Array.isArray(r.findings) || typeof r.coverage !== 'object' || r.coverage === null)
    throw new TypeError(`${name} has no "findings" list or no "coverage" summary`);
}

/**
 * Merges reports of one catalog (shards of the same traffic): findings one
 * after the other, coverage added up. Coverage gaps are left out: they are
 * recomputed from the merged coverage. Throws a `TypeError` naming the
 * report that is not one, or that is of another catalog.
 */
export function mergeReports(
  reports: readonly { name: string; value: unknown }[],
  withGaps: boolean,
): CheckReport {
  for (const r of reports) assertReport(r.value, r.name);
  const list = reports.map((r) => r.value as CheckReport);
  const coverage = mergeCoverage(...list.map((r) => r.coverage));
  const findings = list.flatMap((r) => r.findings.filter((f) => f.check !== COVERAGE_CHECK));
  return {
    kind: 'errata-check',
    version: 1,
    catalog: list[0]?.catalog ?? '',
    inputs: list.flatMap((r) => r.inputs ?? []),
    findings: withGaps ? [...findings, ...coverageGaps(coverage)] : findings,
    coverage,
  };
}
