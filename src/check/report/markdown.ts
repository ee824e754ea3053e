// `errata check --format md`: a pull-request comment. The verdict first, the
// findings as a table (at most MAX_ROWS), the coverage folded under it.
import { tableCell } from '../../utils/markdown-table.js';
import { type CheckReport, countSeverities, placeOf } from './report.js';
import { coverageLines, responseLabel } from './text.js';

/** Rows shown before the table says how many more there are: a comment has a size limit. */
const MAX_ROWS = 50;

/** Text from the traffic shown as code: backticks cannot close it, nothing in it renders. */
const code = (s: string) => {
  const text = s.replace(/\r?\n|\r/g, ' ');
  const fence = text.includes('`') ? '`` ' : '`';
  return `${fence}${text}${fence === '`` ' ? ' ``' : '`'}`;
};

/** Prose from the traffic: Markdown's punctuation escaped, so a body cannot add links or images. */
const prose = (s: string) => s.replace(/[\\`*_[\]<>~]/g, '\\$&');

const n = (k: number, word: string) => `${k} ${word}${k === 1 ? '' : 's'}`;

export function formatMarkdown(report: CheckReport): string {
  const { errors, warnings } = countSeverities(report.findings);
  const cov = report.coverage;
  const verdict =
    errors > 0 ? `❌ ${n(errors, 'error')}` : warnings > 0 ? `⚠️ ${n(warnings, 'warning')}` : '✅ no problems';
  const out = [
    `### errata check: ${verdict}${errors > 0 && warnings > 0 ? `, ${n(warnings, 'warning')}` : ''}`,
    '',
    `${n(cov.responses, 'response')} (${n(cov.errors, 'error response')}) from ${report.inputs.map((i) => code(i.name)).join(', ') || 'no input'}, checked against ${code(report.catalog)}.`,
  ];
  if (report.findings.length > 0) {
    out.push('', '| | check | response | problem | where |', '| --- | --- | --- | --- | --- |');
    for (const f of report.findings.slice(0, MAX_ROWS)) {
      const place = [f.source?.file, placeOf(f, report.inputs)].filter(Boolean).join(' ');
      const label = responseLabel(f);
      out.push(
        `| ${f.severity === 'error' ? '❌' : '⚠️'} | ${code(f.check)} | ${label ? tableCell(code(label)) : ''} | ${tableCell(prose(f.message))} | ${place ? tableCell(code(place)) : ''} |`,
      );
    }
    if (report.findings.length > MAX_ROWS)
      out.push(
        '',
        `…and ${report.findings.length - MAX_ROWS} more (run \`errata check\` locally for all of them).`,
      );
  }
  const [head, ...rest] = coverageLines(cov);
  out.push(
    '',
    '<details>',
    `<summary>${prose(head ?? '')}</summary>`,
    '',
    '```text',
    ...rest.map((l) => l.replace(/```/g, "'''")),
    '```',
    '',
    '</details>',
  );
  return `${out.join('\n')}\n`;
}
