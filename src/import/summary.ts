// What `errata import` says on stderr: the entries found per source, what
// was guessed (counted by kind), what could not be read and why, and the
// conflicts; and the catalog to write, the draft or the merged catalog.

import { tidy } from './draft.js';
import type { ImportResult } from './index.js';
import { conflictText, mergeIntoCatalog } from './merge.js';

interface Paint {
  bold(text: string): string;
  red(text: string): string;
  yellow(text: string): string;
}

export interface ImportOutcome {
  readonly summary: string;
  /** What to write; undefined when nothing usable was found. */
  readonly catalog: Record<string, unknown> | undefined;
  readonly conflicts: number;
}

/** The first words of an `x-import` phrase, to count guesses by kind (`category from heading`, `retry from wording`). */
const kindOf = (phrase: string) =>
  phrase
    .replace(/"[^"]*"|\([^)]*\)|`[^`]*`/g, '')
    .replace(/\d[\d–-]*/g, 'N')
    .replace(/:.*$/, '')
    .replace(/\s+/g, ' ')
    .trim();

/** Problems listed per source before the rest are only counted. */
const SHOWN = 20;

export function importSummary(
  result: ImportResult,
  merge: { catalog: Record<string, unknown>; file: string } | undefined,
  paint: Paint,
): ImportOutcome {
  const lines: string[] = [];
  const count = result.draft ? Object.keys(result.draft.errors).length : 0;
  const per = result.sources.map((s) => `${s.source} (${s.kind}): ${s.entries.length}`).join(', ');
  lines.push(
    `${paint.bold('errata import')}: ${count} entr${count === 1 ? 'y' : 'ies'}${per ? ` from ${per}` : ''}`,
  );
  if (result.draft) {
    const guesses = new Map<string, number>();
    for (const entry of Object.values(result.draft.errors))
      for (const phrase of entry['x-import']?.inferred ?? [])
        guesses.set(kindOf(phrase), (guesses.get(kindOf(phrase)) ?? 0) + 1);
    const dialect = result.draft['x-import']?.dialect;
    if (guesses.size > 0 || dialect) {
      lines.push('guessed (see each entry’s x-import):');
      for (const [kind, n] of [...guesses].sort((a, b) => b[1] - a[1])) lines.push(`  ${n} × ${kind}`);
      if (dialect) lines.push(`  dialect ${dialect}`);
    }
  }
  const problems = [...result.failed, ...result.sources.flatMap((s) => s.problems)];
  if (problems.length > 0) {
    lines.push(paint.yellow('could not read:'));
    for (const p of problems.slice(0, SHOWN)) lines.push(`  ${p.place}: ${p.message}`);
    if (problems.length > SHOWN) lines.push(`  … and ${problems.length - SHOWN} more`);
  }
  let catalog = result.draft ? (tidy(result.draft) as unknown as Record<string, unknown>) : undefined;
  const conflicts = result.conflicts.map(conflictText);
  if (merge && result.draft) {
    const merged = mergeIntoCatalog(merge.catalog, result.draft, merge.file);
    catalog = merged.catalog;
    const { added, filled } = merged.report;
    lines.push(
      `merged into ${merge.file}: ${added.length} added, ${filled.length} given missing fields, nothing changed`,
    );
    for (const f of filled) lines.push(`  ${f.id}: added ${f.fields.join(', ')}`);
    conflicts.push(...merged.report.conflicts.map(conflictText));
  } else if (merge) catalog = undefined;
  if (conflicts.length > 0) {
    lines.push(paint.red(`conflicts (${conflicts.length}), not resolved: edit by hand`));
    for (const c of conflicts) lines.push(`  ${c}`);
  }
  if (!catalog) lines.push(paint.red('nothing usable found: no catalog written'));
  return { summary: `${lines.join('\n')}\n`, catalog, conflicts: conflicts.length };
}
