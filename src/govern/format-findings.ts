import { escapeControls } from './escape-controls.js';
import { countFindings } from './lint.js';
import type { Finding, Rule } from './lint-types.js';

/** Output formats of `errata lint`. */
export type LintFormat = 'text' | 'json' | 'sarif';

/** Options of {@link formatFindings}. */
export interface FormatFindingsOptions {
  /** Path of the catalog, as shown in text output and SARIF locations. @default none (no header, no physical locations) */
  readonly file?: string;
  /** Catalog source text: SARIF results then carry the line of each entry. @default none (no lines) */
  readonly source?: string;
  /** The rules that ran (SARIF lists them in `tool.driver.rules`). @default the rules of the findings */
  readonly rules?: readonly Rule[];
  /** Colour helpers for text output. @default none */
  readonly color?: {
    red(s: string): string;
    yellow(s: string): string;
    dim(s: string): string;
    bold(s: string): string;
  };
}

const plain = {
  red: (s: string) => s,
  yellow: (s: string) => s,
  dim: (s: string) => s,
  bold: (s: string) => s,
};

/** Renders findings as text (one line each, then a summary), JSON (an array) or SARIF 2.1.0. */
export function formatFindings(
  findings: readonly Finding[],
  format: LintFormat,
  options: FormatFindingsOptions = {},
): string {
  if (format === 'json') return `${JSON.stringify(findings, null, 2)}\n`;
  if (format === 'sarif') return `${JSON.stringify(toSarif(findings, options), null, 2)}\n`;
  return formatText(findings, options);
}

function formatText(findings: readonly Finding[], options: FormatFindingsOptions): string {
  const paint = options.color ?? plain;
  const { errors, warnings } = countFindings(findings);
  const head = options.file ? `${paint.bold(escapeControls(options.file))}\n` : '';
  if (findings.length === 0) return `${head}no problems\n`;
  const where = (f: Finding) => `${f.id ?? '(catalog)'}.${f.field}`;
  const width = Math.min(60, Math.max(...findings.map((f) => where(f).length)));
  const lines = findings.map((f) => {
    const severity = f.severity === 'error' ? paint.red('error') : paint.yellow('warn ');
    return `  ${severity}  ${escapeControls(`${where(f).padEnd(width)}  ${f.message}`)}  ${paint.dim(f.rule)}`;
  });
  const counted = (count: number, noun: string) => `${count} ${noun}${count === 1 ? '' : 's'}`;
  const summary = `${counted(findings.length, 'problem')} (${counted(errors, 'error')}, ${counted(warnings, 'warning')})`;
  return `${head}${lines.join('\n')}\n\n${errors > 0 ? paint.red(summary) : paint.yellow(summary)}\n`;
}

const KEY = /(^|[\s{,])(["']?)([A-Za-z_$][\w$.-]*)\2\s*:/gm;

/**
 * The line (1-based) of each entry's key in a JSON, YAML or TypeScript catalog
 * source, found in one pass; the catalog's `docs` line under the key `''`.
 * Entry keys are told from same-named fields by their indentation: the one
 * most of the wanted ids share.
 */
export function entryLines(source: string, ids: Iterable<string>): Map<string, number> {
  const wanted = new Set(ids);
  const out = new Map<string, number>();
  const from = Math.max(0, source.search(/(^|[\s{,])["']?errors["']?\s*:/m));
  const hits = new Map<string, { index: number; indent: number }[]>();
  const indents = new Map<number, number>();
  let docs: number | undefined;
  for (const match of source.matchAll(KEY)) {
    const name = match[3] as string;
    const index = (match.index as number) + (match[1] as string).length;
    if (name === 'docs' && docs === undefined && index < from) docs = index;
    if (index < from || !wanted.has(name)) continue;
    const indent = index - source.lastIndexOf('\n', index - 1) - 1;
    const list = hits.get(name) ?? [];
    if (list.length === 0) indents.set(indent, (indents.get(indent) ?? 0) + 1);
    list.push({ index, indent });
    hits.set(name, list);
  }
  let entryIndent = -1;
  let votes = 0;
  for (const [indent, count] of indents) if (count > votes) [entryIndent, votes] = [indent, count];
  const starts = [0];
  for (let i = source.indexOf('\n'); i !== -1; i = source.indexOf('\n', i + 1)) starts.push(i + 1);
  const lineAt = (index: number) => {
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if ((starts[mid] as number) <= index) lo = mid;
      else hi = mid - 1;
    }
    return lo + 1;
  };
  for (const [name, list] of hits) {
    const best = list.find((h) => h.indent === entryIndent) ?? list[0];
    if (best) out.set(name, lineAt(best.index));
  }
  if (docs === undefined) docs = /(^|[\s{,])["']?docs["']?\s*:/m.exec(source)?.index;
  if (docs !== undefined) out.set('', lineAt(docs + (/^[\s{,]/.test(source[docs] ?? '') ? 1 : 0)));
  return out;
}

const LEVEL = { error: 'error', warn: 'warning' } as const;

/** A SARIF 2.1.0 log of findings, for code-scanning tools (GitHub, GitLab, Azure DevOps). */
export function toSarif(
  findings: readonly Finding[],
  options: FormatFindingsOptions = {},
): Record<string, unknown> {
  const ruleIds = [...new Set([...(options.rules ?? []).map((r) => r.id), ...findings.map((f) => f.rule)])];
  const byId = new Map((options.rules ?? []).map((r) => [r.id, r]));
  const index = new Map(ruleIds.map((id, i) => [id, i]));
  const uri = options.file?.replace(/\\/g, '/');
  const lines = options.source
    ? entryLines(options.source, new Set(findings.map((f) => f.id ?? '').filter(Boolean)))
    : undefined;
  return {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'errata',
            rules: ruleIds.map((id) => {
              const rule = byId.get(id);
              return {
                id,
                shortDescription: { text: rule?.description ?? id },
                defaultConfiguration: { level: LEVEL[rule?.severity ?? 'warn'] },
              };
            }),
          },
        },
        ...(uri !== undefined && { artifacts: [{ location: { uri } }] }),
        results: findings.map((f) => {
          const line = lines?.get(f.id ?? '');
          const where = f.id === null ? f.field : `errors.${f.id}.${f.field}`;
          return {
            ruleId: f.rule,
            ruleIndex: index.get(f.rule),
            level: LEVEL[f.severity],
            message: { text: f.id === null ? f.message : `${f.id}: ${f.message}` },
            locations: [
              {
                ...(uri !== undefined && {
                  physicalLocation: {
                    artifactLocation: { uri, index: 0 },
                    ...(line !== undefined && { region: { startLine: line } }),
                  },
                }),
                logicalLocations: [{ fullyQualifiedName: where, kind: 'member' }],
              },
            ],
            partialFingerprints: { errataFinding: `${f.rule}/${where}` },
          };
        }),
      },
    ],
  };
}
