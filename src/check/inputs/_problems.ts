import type { InputProblem, ReadOptions } from './types.js';

/** At most this many problems of one kind per file; then one line says how many more there were. */
const PER_KIND = 20;

/**
 * Reports an input's problems, each kind at most {@link PER_KIND} times (a
 * 1 GB file of text is one problem per line otherwise); `finish` reports the
 * count of those left out.
 */
export function problemReporter(options: Pick<ReadOptions, 'file' | 'onProblem'>) {
  const counts = new Map<string, { n: number; first?: Omit<InputProblem, 'file'> }>();
  return {
    report(kind: string, problem: Omit<InputProblem, 'file' | 'fatal'>, fatal = false): void {
      const count = counts.get(kind) ?? { n: 0 };
      count.n++;
      counts.set(kind, count);
      if (count.n <= PER_KIND || fatal) options.onProblem({ file: options.file, ...problem, fatal });
    },
    finish(): void {
      for (const [kind, { n }] of counts)
        if (n > PER_KIND)
          options.onProblem({
            file: options.file,
            message: `${n - PER_KIND} more of "${kind}" not shown (${n} in all)`,
            fatal: false,
          });
    },
  };
}

export type ProblemReporter = ReturnType<typeof problemReporter>;
