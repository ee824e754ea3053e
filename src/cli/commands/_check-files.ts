// `errata check <catalog> <file...>`: every input read as a stream, each
// response checked as it comes, then one report.
import type { InputFormat } from '../../check/inputs/index.js';
import type { CheckReport, ReportFormat, ReportInput, SarifRule } from '../../check/report/index.js';
import type { Finding } from '../../check/types.js';
import { type CliIO, colors, EXIT } from '../_io.js';
import { writeOutput } from '../_output.js';
import { problemFinding, setUpCheck } from './_check-setup.js';

/** Findings kept for the report; past it each check's findings are counted (memory stays bounded). */
export const MAX_FINDINGS = 10_000;

export interface CheckFilesOptions {
  readonly catalog: string;
  readonly files: readonly string[];
  readonly format: ReportFormat;
  readonly coverage: boolean;
  readonly config?: string;
  readonly routes?: string;
  readonly out?: string;
}

/** Collects findings up to {@link MAX_FINDINGS}; the rest become one finding per check saying how many. */
function findingCollector() {
  const kept: Finding[] = [];
  const over = new Map<string, { n: number; severity: 'warn' | 'error' }>();
  let fatal = false;
  return {
    add(f: Finding) {
      if (f.check === 'input' && f.severity === 'error') fatal = true;
      if (kept.length < MAX_FINDINGS) kept.push(f);
      else {
        const o = over.get(f.check) ?? { n: 0, severity: f.severity };
        o.n++;
        if (f.severity === 'error') o.severity = 'error';
        over.set(f.check, o);
      }
    },
    get fatal() {
      return fatal;
    },
    findings(): Finding[] {
      return [
        ...kept,
        ...[...over].map(([check, o]) => ({
          check,
          severity: o.severity,
          message: `${o.n} more ${check} findings not listed (the report keeps ${MAX_FINDINGS})`,
        })),
      ];
    },
  };
}

export async function runCheckFiles(options: CheckFilesOptions, io: CliIO): Promise<number> {
  const setup = await setUpCheck(options, io);
  const [{ readInputBatches }, report] = await Promise.all([
    import('../../check/inputs/index.js'),
    import('../../check/report/index.js'),
  ]);
  const collected = findingCollector();
  const inputs: ReportInput[] = [];
  for (const name of options.files) {
    let format: InputFormat = 'ndjson';
    // A reader reports a batch's problems before it yields the batch: held
    // here, each goes into the report before the findings of its line's response.
    const problems: Finding[] = [];
    const flushProblems = (upTo: number) => {
      let n = 0;
      while (n < problems.length && ((problems[n] as Finding).source?.line ?? upTo) <= upTo) n++;
      for (const f of problems.splice(0, n)) collected.add(f);
    };
    const batches = readInputBatches(name, {
      cwd: io.cwd,
      ...(setup.config.fields !== undefined && { fields: setup.config.fields }),
      ...(setup.config.maxBodyBytes !== undefined && { maxBodyBytes: setup.config.maxBodyBytes }),
      onProblem: (p) => problems.push(problemFinding(p)),
      onFormat: (f) => {
        format = f;
      },
    });
    for await (const batch of batches)
      for (const observation of batch) {
        if (problems.length > 0) flushProblems(observation.source?.line ?? 0);
        for (const f of setup.checker.check(observation)) collected.add(f);
      }
    flushProblems(Number.POSITIVE_INFINITY);
    inputs.push({ name, format });
  }
  const coverage = setup.checker.coverage();
  const findings = collected.findings();
  const result: CheckReport = {
    kind: 'errata-check',
    version: 1,
    catalog: setup.catalogFile,
    inputs,
    findings: options.coverage ? [...findings, ...report.coverageGaps(coverage)] : findings,
    coverage,
  };
  return writeReport(result, options, io, collected.fatal, { rules: setup.rules });
}

/** Writes the report in its format and answers the exit code. */
export async function writeReport(
  result: CheckReport,
  options: { format: ReportFormat; coverage: boolean; out?: string },
  io: CliIO,
  fatal: boolean,
  extra: { rules?: readonly SarifRule[]; listFindings?: boolean } = {},
): Promise<number> {
  const { formatReport, countSeverities } = await import('../../check/report/index.js');
  const toStdout = options.out === undefined || options.out === '-';
  let catalogSource: string | undefined;
  if (options.format === 'sarif') {
    const { readSource } = await import('../../govern/lint-files.js');
    catalogSource = await readSource(result.catalog, io.cwd);
  }
  const text = formatReport(result, options.format, {
    coverage: options.coverage,
    ...(options.format === 'text' && toStdout && { color: colors(io) }),
    ...(catalogSource !== undefined && { catalogSource }),
    ...(extra.rules !== undefined && { rules: extra.rules }),
    ...(extra.listFindings === false && { listFindings: false }),
  });
  await writeOutput(text, options.out, io);
  if (fatal) return EXIT.usage;
  return countSeverities(result.findings).errors > 0 ? EXIT.findings : EXIT.ok;
}
