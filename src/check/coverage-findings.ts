import type { CoverageSummary } from './coverage.js';
import type { Finding } from './types.js';

/** Options of {@link coverageFindings}. */
export interface CoverageFindingsOptions {
  /** The severity of each finding. @default 'warn' */
  readonly severity?: 'warn' | 'error';
}

const times = (n: number) => (n === 1 ? 'once' : `${n} times`);

/**
 * What a coverage summary leaves uncovered, as findings of the `coverage`
 * check: each entry never observed (per declared route where routes are
 * known), and each code observed that the catalog does not have.
 */
export function coverageFindings(summary: CoverageSummary, options: CoverageFindingsOptions = {}): Finding[] {
  const severity = options.severity ?? 'warn';
  const out: Finding[] = [];
  for (const id of summary.neverSeen)
    out.push({ check: 'coverage', severity, id, message: `${id} was never observed` });
  for (const [route, ids] of Object.entries(summary.neverSeenByRoute))
    for (const id of ids)
      out.push({
        check: 'coverage',
        severity,
        id,
        route,
        message: `${route} declares ${id}, never observed on it`,
      });
  for (const [code, n] of Object.entries(summary.unknown))
    out.push({
      check: 'coverage',
      severity,
      code,
      message: `code ${JSON.stringify(code)} was observed ${times(n)}; catalog "${summary.catalog}" does not have it`,
    });
  return out;
}
