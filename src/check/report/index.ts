// The formats of `errata check`'s report.
import { formatMarkdown } from './markdown.js';
import type { CheckReport } from './report.js';
import { type SarifOptions, toSarif } from './sarif.js';
import { formatText, type TextOptions } from './text.js';

export { formatMarkdown } from './markdown.js';
export {
  type CheckReport,
  COVERAGE_CHECK,
  countSeverities,
  coverageGaps,
  INPUT_CHECK,
  mergeReports,
  placeOf,
  type ReportInput,
} from './report.js';
export { type SarifOptions, type SarifRule, toSarif } from './sarif.js';
export { type Colors, findingLine, formatText, responseLabel, type TextOptions } from './text.js';

export type ReportFormat = 'text' | 'json' | 'sarif' | 'md';

/** The report in one of the formats, as the text to write. */
export function formatReport(
  report: CheckReport,
  format: ReportFormat,
  options: TextOptions & SarifOptions = {},
): string {
  if (format === 'json') return `${JSON.stringify(report, null, 2)}\n`;
  if (format === 'sarif') return `${JSON.stringify(toSarif(report, options), null, 2)}\n`;
  if (format === 'md') return formatMarkdown(report);
  return formatText(report, options);
}
