// `errata check --merge a.json b.json`: reports of shards (each `--format json`) as one.
import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import type { ReportFormat } from '../../check/report/index.js';
import { type CliIO, UsageError } from '../_io.js';
import { writeReport } from './_check-files.js';

export async function runMerge(
  files: readonly string[],
  options: { format: ReportFormat; coverage: boolean; out?: string },
  io: CliIO,
): Promise<number> {
  const [{ mergeReports }, { fsReason }] = await Promise.all([
    import('../../check/report/index.js'),
    import('../../catalog/load.js'),
  ]);
  const reports: { name: string; value: unknown }[] = [];
  for (const name of files) {
    let text: string;
    try {
      text = await readFile(resolve(io.cwd, name), 'utf8');
    } catch (e) {
      throw new UsageError(`cannot read ${name}: ${fsReason(e)}`);
    }
    try {
      reports.push({ name, value: JSON.parse(text) as unknown });
    } catch (e) {
      throw new UsageError(
        `${name} is not JSON (${(e as Error).message}): expected a report of errata check --format json`,
      );
    }
  }
  let merged: ReturnType<typeof mergeReports>;
  try {
    merged = mergeReports(reports, options.coverage);
  } catch (e) {
    if (e instanceof TypeError) throw new UsageError(e.message.replace(/^errata: /, ''));
    throw e;
  }
  // A shard's unreadable input already exited 2 there; here it is one more error finding.
  return writeReport(merged, options, io, false);
}
