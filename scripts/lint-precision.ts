/**
 * The linter's precision and recall on real public catalogs: lints each catalog of
 * test/fixtures/real-catalogs/ with the default rules, matches every finding with its
 * judgment in judgments.json (right, or a false positive) and counts the defects judged
 * missed, then writes the table per rule into docs/governance.md between its markers.
 *
 *   npx tsx scripts/lint-precision.ts            write the table (and list findings not judged)
 *   npx tsx scripts/lint-precision.ts --check    exit 1 when the published table is stale
 */
import { readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parse as parseMessage } from '@formatjs/icu-messageformat-parser';
import { loadCatalog } from '../src/catalog/load.js';
import { builtinRules } from '../src/govern/builtin-rules/index.js';
import { lint } from '../src/govern/lint.js';

const root = fileURLToPath(new URL('..', import.meta.url));
export const REAL_CATALOGS = join(root, 'test', 'fixtures', 'real-catalogs');
const GUIDE = join(root, 'docs', 'governance.md');
const START = '<!-- precision:start -->';
const END = '<!-- precision:end -->';

/** One finding, judged: `verdict` true when the finding is right. */
export interface Judged {
  readonly catalog: string;
  readonly rule: string;
  readonly id: string | null;
  readonly field: string;
  readonly verdict: boolean;
  readonly why: string;
}

/** A defect a rule should have reported and did not (a false negative). */
export interface Missed {
  readonly catalog: string;
  readonly rule: string;
  readonly id: string;
  readonly why: string;
}

/** A rule's counts and figures; precision or recall `undefined` when there is nothing to divide. */
export interface RuleFigures {
  readonly rule: string;
  readonly findings: number;
  readonly truePositives: number;
  readonly falsePositives: number;
  readonly missed: number;
  readonly precision?: number;
  readonly recall?: number;
}

export interface Measurement {
  readonly catalogs: readonly string[];
  /** One row per built-in rule, in the order findings are listed. */
  readonly rules: readonly RuleFigures[];
  readonly overall: RuleFigures;
  /** Findings with no judgment, as `catalog rule id field: message`. */
  readonly unjudged: readonly string[];
  /** Judgments that match no finding any more. */
  readonly stale: readonly string[];
}

const key = (j: { catalog: string; rule: string; id: string | null; field: string }) =>
  `${j.catalog} ${j.rule} ${j.id ?? '(catalog)'} ${j.field}`;

function figures(rule: string, judged: readonly Judged[], missed: number): RuleFigures {
  const truePositives = judged.filter((j) => j.verdict).length;
  const falsePositives = judged.length - truePositives;
  return {
    rule,
    findings: judged.length,
    truePositives,
    falsePositives,
    missed,
    ...(judged.length > 0 && { precision: truePositives / judged.length }),
    ...(truePositives + missed > 0 && { recall: truePositives / (truePositives + missed) }),
  };
}

/** Lints the real catalogs and scores every finding against its judgment. */
export async function measurePrecision(dir = REAL_CATALOGS): Promise<Measurement> {
  const judgments = JSON.parse(await readFile(join(dir, 'judgments.json'), 'utf8')) as {
    findings: Judged[];
    missed: Missed[];
  };
  const byKey = new Map<string, Judged>();
  for (const j of judgments.findings) {
    if (byKey.has(key(j))) throw new Error(`judgments.json judges ${key(j)} twice`);
    byKey.set(key(j), j);
  }
  const catalogs = (await readdir(dir)).filter((f) => /\.(?:ya?ml|json)$/.test(f) && f !== 'judgments.json');
  const judged: Judged[] = [];
  const unjudged: string[] = [];
  const seen = new Set<string>();
  for (const file of catalogs.sort()) {
    const catalog = file.replace(/\.[^.]+$/, '');
    for (const f of lint(await loadCatalog(join(dir, file)), { parseMessage })) {
      const k = key({ catalog, rule: f.rule, id: f.id, field: f.field });
      if (seen.has(k)) throw new Error(`two findings share ${k}: judge them apart`);
      seen.add(k);
      const j = byKey.get(k);
      if (j) judged.push(j);
      else unjudged.push(`${k}: ${f.message}`);
    }
  }
  const stale = [...byKey.keys()].filter((k) => !seen.has(k));
  const rules = builtinRules.map((r) =>
    figures(
      r.id,
      judged.filter((j) => j.rule === r.id),
      judgments.missed.filter((m) => m.rule === r.id).length,
    ),
  );
  return {
    catalogs: catalogs.map((f) => f.replace(/\.[^.]+$/, '')),
    rules,
    overall: figures('all rules', judged, judgments.missed.length),
    unjudged,
    stale,
  };
}

const percent = (x: number | undefined) => (x === undefined ? '—' : `${Math.round(x * 1000) / 10}%`);

/** The published table: every built-in rule, then the total. */
export function precisionTable(m: Measurement): string {
  const row = (r: RuleFigures, name: string) =>
    `| ${name} | ${r.findings} | ${r.truePositives} | ${r.falsePositives} | ${r.missed} | ${percent(r.precision)} | ${percent(r.recall)} |`;
  return [
    `Measured on ${m.catalogs.length} catalogs (${m.catalogs.join(', ')}).`,
    '',
    '| rule | findings | true | false | missed | precision | recall |',
    '| --- | ---: | ---: | ---: | ---: | ---: | ---: |',
    ...m.rules.map((r) => row(r, `\`${r.rule}\``)),
    row(m.overall, '**all rules**'),
  ].join('\n');
}

/** The guide with its table replaced by `table`. */
export function withTable(guide: string, table: string): string {
  const start = guide.indexOf(START);
  const end = guide.indexOf(END);
  if (start < 0 || end < start) throw new Error(`docs/governance.md has no ${START} … ${END} block`);
  return `${guide.slice(0, start + START.length)}\n${table}\n${guide.slice(end)}`;
}

/** The table the guide publishes now. */
export function publishedTable(guide: string): string {
  const start = guide.indexOf(START);
  const end = guide.indexOf(END);
  return start < 0 || end < start ? '' : guide.slice(start + START.length, end).trim();
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const m = await measurePrecision();
  for (const u of m.unjudged) console.error(`not judged: ${u}`);
  for (const s of m.stale) console.error(`judged but not found: ${s}`);
  const guide = await readFile(GUIDE, 'utf8');
  const next = withTable(guide, precisionTable(m));
  if (process.argv.includes('--check')) {
    if (next !== guide) {
      console.error(
        'docs/governance.md: the precision table is stale; run npx tsx scripts/lint-precision.ts',
      );
      process.exitCode = 1;
    }
  } else if (next !== guide) await writeFile(GUIDE, next);
  if (m.unjudged.length > 0 || m.stale.length > 0) process.exitCode = 1;
}
