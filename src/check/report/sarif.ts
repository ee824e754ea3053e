// `errata check --format sarif`: SARIF 2.1.0 for code-scanning tools. A finding
// about a catalog entry points at that entry's line in the catalog file (the
// fix is there, or in the code that sends it); any other points at its input.
import type { Location, Log, ReportingDescriptor, Result } from 'sarif';
import { placeIssues } from '../../catalog/place.js';
import type { Finding } from '../types.js';
import { type CheckReport, COVERAGE_CHECK, INPUT_CHECK, placeOf } from './report.js';
import { responseLabel } from './text.js';

/** A check as SARIF lists it among the rules. */
export interface SarifRule {
  readonly name: string;
  readonly description: string;
  readonly severity: 'warn' | 'error';
}

export interface SarifOptions {
  /** The catalog's text (JSON or YAML): results about an entry then carry its line. @default none (no lines) */
  readonly catalogSource?: string;
  /** The checks that ran, at the level they ran with. @default the checks of the findings */
  readonly rules?: readonly SarifRule[];
}

const LEVEL = { error: 'error', warn: 'warning' } as const;

/** The line of each entry the findings name, in a JSON or YAML catalog's text (none in a module's). */
function entryLines(source: string, findings: readonly Finding[]): Map<string, number> {
  const ids = [...new Set(findings.flatMap((f) => (f.id === undefined ? [] : [f.id])))];
  const placed = placeIssues(
    ids.map((id) => ({ path: `errors[${JSON.stringify(id)}]`, message: id })),
    source,
  );
  const text = source.split('\n');
  const out = new Map<string, number>();
  // A path that is not found places at its nearest parent: keep only a line that names the entry.
  for (const issue of placed)
    if (issue.line !== undefined && text[issue.line - 1]?.includes(issue.message))
      out.set(issue.message, issue.line);
  return out;
}

const uriOf = (path: string) => path.replace(/\\/g, '/');

const OWN_RULES: readonly SarifRule[] = [
  {
    name: INPUT_CHECK,
    description: 'The input can be read: JSON lines, a whole HAR, UTF-8 bodies of a size that is kept.',
    severity: 'warn',
  },
  {
    name: COVERAGE_CHECK,
    description: 'Every entry (every route’s declared entry, with routes) was seen in the traffic.',
    severity: 'error',
  },
];

/** The report as a SARIF 2.1.0 log. */
export function toSarif(report: CheckReport, options: SarifOptions = {}): Log {
  const given = options.rules ?? [];
  const names = [...new Set([...given.map((r) => r.name), ...report.findings.map((f) => f.check)])];
  const byName = new Map([...OWN_RULES, ...given].map((r) => [r.name, r]));
  const rules: ReportingDescriptor[] = names.map((name) => {
    const r = byName.get(name);
    return {
      id: name,
      shortDescription: { text: r?.description ?? name },
      defaultConfiguration: { level: LEVEL[r?.severity ?? 'warn'] },
    };
  });
  const index = new Map(names.map((n, i) => [n, i]));
  const catalogUri = uriOf(report.catalog);
  const lines =
    options.catalogSource === undefined ? undefined : entryLines(options.catalogSource, report.findings);
  const artifacts = [catalogUri, ...report.inputs.filter((i) => i.name !== '-').map((i) => uriOf(i.name))];
  const artifactIndex = new Map(artifacts.map((a, i) => [a, i]));

  const inputLocation = (f: Finding): Location | undefined => {
    const file = f.source?.file;
    if (file === undefined || file === '-') return undefined;
    const uri = uriOf(file);
    const har = report.inputs.some((i) => i.name === file && i.format === 'har');
    const line = f.source?.line;
    return {
      physicalLocation: {
        artifactLocation: { uri, index: artifactIndex.get(uri) ?? 0 },
        ...(line !== undefined && !har && { region: { startLine: line } }),
      },
      ...(line !== undefined &&
        har && { logicalLocations: [{ fullyQualifiedName: `log.entries[${line - 1}]`, kind: 'element' }] }),
    };
  };

  const results: Result[] = report.findings.map((f) => {
    const place = placeOf(f, report.inputs);
    const label = responseLabel(f);
    const where = [f.source?.file, place].filter(Boolean).join(' ');
    const text = `${f.id !== undefined ? `${f.id}: ` : ''}${label ? `${label}: ` : ''}${f.message}${where ? ` (${where})` : ''}`;
    const input = inputLocation(f);
    const line = f.id === undefined ? undefined : lines?.get(f.id);
    const aboutEntry: Location | undefined =
      f.id === undefined
        ? undefined
        : {
            physicalLocation: {
              artifactLocation: { uri: catalogUri, index: 0 },
              ...(line !== undefined && { region: { startLine: line } }),
            },
            logicalLocations: [{ fullyQualifiedName: `errors.${f.id}`, kind: 'member' }],
          };
    const primary = aboutEntry ?? input;
    return {
      ruleId: f.check,
      ruleIndex: index.get(f.check) ?? 0,
      level: LEVEL[f.severity],
      message: { text },
      ...(primary !== undefined && { locations: [primary] }),
      ...(aboutEntry !== undefined && input !== undefined && { relatedLocations: [{ id: 1, ...input }] }),
      partialFingerprints: {
        errataCheck: [f.check, f.id ?? f.code ?? '', f.route ?? '', f.status ?? '', f.message].join('/'),
      },
    };
  });

  return {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: { driver: { name: 'errata', rules } },
        artifacts: artifacts.map((uri) => ({ location: { uri } })),
        results,
      },
    ],
  };
}
