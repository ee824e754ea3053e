// The cases of bench/check.ts, each timed in a process of its own:
// node <this file bundled> NAME FILE CATALOG prints {seconds, cpuSeconds, rssMb, count}.
import { createReadStream } from 'node:fs';
import { loadCatalog } from '../src/catalog/load.js';
import { createChecker } from '../src/check/index.js';
import { readInputBatches } from '../src/check/inputs/index.js';

/** Each case: its set-up (the catalog), not timed, then the run over the file, timed. */
type Case = (catalog: string) => Promise<(file: string) => Promise<number>>;

/** The hand-written limit: read in 1 MB chunks, split lines, `JSON.parse` each. */
const baseline: Case = async () => async (file) => {
  let rest = '';
  let n = 0;
  for await (const chunk of createReadStream(file, { highWaterMark: 1 << 20, encoding: 'utf8' })) {
    const lines = (rest + chunk).split('\n');
    rest = lines.pop() ?? '';
    for (const l of lines)
      if (l !== '' && (JSON.parse(l) as { res?: { statusCode?: number } }).res?.statusCode) n++;
  }
  return n;
};

const readOnly: Case = async () => async (file) => {
  let n = 0;
  for await (const batch of readInputBatches(file, { cwd: process.cwd(), onProblem: () => {} }))
    n += batch.length;
  return n;
};

const readAndCheck: Case = async (catalog) => {
  const model = await loadCatalog(catalog, { cwd: process.cwd() });
  return async (file) => {
    const checker = createChecker(model);
    let findings = 0;
    for await (const batch of readInputBatches(file, { cwd: process.cwd(), onProblem: () => {} }))
      for (const o of batch) findings += checker.check(o).length;
    return findings;
  };
};

const CASES: Record<string, Case> = {
  'JSON.parse per line (baseline)': baseline,
  'errata readers (no checks)': readOnly,
  'errata check (read + check)': readAndCheck,
  'errata check, HAR (read + check)': readAndCheck,
};

const [, , name, file, catalog] = process.argv;
const make = CASES[name as string];
if (make !== undefined) {
  const run = await make(catalog as string);
  const t = performance.now();
  const cpu = process.cpuUsage();
  const count = await run(file as string);
  const seconds = (performance.now() - t) / 1000;
  const used = process.cpuUsage(cpu);
  const cpuSeconds = (used.user + used.system) / 1e6;
  const rssMb = process.resourceUsage().maxRSS / 1024;
  console.log(JSON.stringify({ seconds, cpuSeconds, rssMb, count }));
}
