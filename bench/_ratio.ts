import { bench, do_not_optimize, run } from 'mitata';

export interface Case {
  readonly name: string;
  readonly fn: () => unknown;
}

/**
 * Runs the cases in one process, one after the other, and prints each one's
 * mean time and its ratio to the first case (the baseline).
 */
export async function compare(title: string, cases: readonly Case[]): Promise<Map<string, number>> {
  for (const c of cases) bench(c.name, () => do_not_optimize(c.fn()));
  const result = await run({ format: 'quiet', throw: true } as never);
  const means = new Map<string, number>();
  for (const b of (result as { benchmarks: { alias: string; runs: { stats?: { avg: number } }[] }[] })
    .benchmarks) {
    const avg = b.runs[0]?.stats?.avg;
    if (avg !== undefined) means.set(b.alias, avg);
  }
  const base = means.get(cases[0]?.name ?? '') ?? Number.NaN;
  console.log(`\n${title}\n`);
  console.log(`| case | mean | ratio to ${cases[0]?.name} |`);
  console.log('|---|---:|---:|');
  for (const c of cases) {
    const m = means.get(c.name) ?? Number.NaN;
    console.log(`| ${c.name} | ${fmt(m)} | ${(m / base).toFixed(2)}x |`);
  }
  return means;
}

function fmt(ns: number): string {
  return ns >= 1e6
    ? `${(ns / 1e6).toFixed(2)} ms`
    : ns >= 1e3
      ? `${(ns / 1e3).toFixed(2)} µs`
      : `${ns.toFixed(1)} ns`;
}
