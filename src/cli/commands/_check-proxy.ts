// `errata check <catalog> --proxy --target URL`: a recording reverse proxy that
// prints each finding as the response passes through, and the coverage at the end.
import type { ReportFormat } from '../../check/report/index.js';
import { type CliIO, colors, EXIT, UsageError } from '../_io.js';
import { writeReport } from './_check-files.js';
import { problemFinding, setUpCheck } from './_check-setup.js';

export interface ProxyRunOptions {
  readonly catalog: string;
  readonly target: string;
  readonly port: number;
  readonly host?: string;
  readonly format: ReportFormat;
  readonly coverage: boolean;
  readonly config?: string;
  readonly routes?: string;
  readonly out?: string;
}

/**
 * Runs until SIGINT or SIGTERM (or `stop` resolves, in tests): then writes
 * the report of everything that passed through, as `errata check` does for files.
 */
export async function runProxy(options: ProxyRunOptions, io: CliIO, stop?: Promise<void>): Promise<number> {
  try {
    new URL(options.target);
  } catch {
    throw new UsageError(`--target must be a URL such as http://127.0.0.1:3000 (got "${options.target}")`);
  }
  const setup = await setUpCheck(options, io);
  const [{ startRecordingProxy }, report] = await Promise.all([
    import('../../check/inputs/index.js'),
    import('../../check/report/index.js'),
  ]);
  const c = colors(io);
  const findings: import('../../check/types.js').Finding[] = [];
  const live = (f: import('../../check/types.js').Finding) => {
    if (findings.length < 10_000) findings.push(f);
    // Text goes to stdout as it happens; another format's report is stdout's, so the lines go to stderr.
    const line = `${report.findingLine(f, undefined, c)}\n`;
    if (options.format === 'text') io.stdout(line);
    else io.stderr(line);
  };
  let proxy: Awaited<ReturnType<typeof startRecordingProxy>>;
  try {
    proxy = await startRecordingProxy({
      target: options.target,
      port: options.port,
      ...(options.host !== undefined && { host: options.host }),
      ...(setup.config.maxBodyBytes !== undefined && { maxBodyBytes: setup.config.maxBodyBytes }),
      onObservation: (o) => {
        for (const f of setup.checker.check(o)) live(f);
      },
      onProblem: (p) => live(problemFinding(p)),
    });
  } catch (e) {
    const err = e as NodeJS.ErrnoException;
    if (err.code === 'EADDRINUSE')
      throw new UsageError(`cannot listen on port ${options.port}: it is in use`);
    if (err.code === 'EADDRNOTAVAIL' || err.code === 'ENOTFOUND')
      throw new UsageError(`cannot listen on ${options.host}: no such address on this machine`);
    throw new UsageError(err.message);
  }
  io.stderr(
    `errata check: proxy on ${proxy.url} → ${options.target}; findings print as they happen, Ctrl-C for the report\n`,
  );
  await new Promise<void>((resolve) => {
    const done = () => {
      process.off('SIGINT', done);
      process.off('SIGTERM', done);
      resolve();
    };
    process.once('SIGINT', done);
    process.once('SIGTERM', done);
    stop?.then(done);
  });
  await proxy.close();
  const coverage = setup.checker.coverage();
  const gaps = options.coverage ? report.coverageGaps(coverage) : [];
  // The responses' findings printed as they came; the coverage gaps print now.
  for (const f of gaps) if (options.format === 'text') io.stdout(`${report.findingLine(f, undefined, c)}\n`);
  const code = await writeReport(
    {
      kind: 'errata-check',
      version: 1,
      catalog: setup.catalogFile,
      inputs: [],
      findings: [...findings, ...gaps],
      coverage,
    },
    options,
    io,
    false,
    { rules: setup.rules, listFindings: false },
  );
  return code === EXIT.usage ? EXIT.findings : code;
}
