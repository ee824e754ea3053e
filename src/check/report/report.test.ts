import { describe, expect, it } from 'vitest';
import { normalizeCatalog } from '../../catalog/normalize.js';
import { createChecker } from '../checker.js';
import type { Finding } from '../types.js';
import { type CheckReport, coverageGaps, formatReport, mergeReports, toSarif } from './index.js';

const SOURCE = `name: orders
docs: https://orders.example.com/errors
errors:
  ORDER_NOT_FOUND:
    status: 404
    title: Order not found
    message: No order {orderId} exists.
  RATE_LIMITED:
    status: 429
    title: Too many requests
    message: Slow down.
`;
const model = normalizeCatalog({
  name: 'orders',
  docs: 'https://orders.example.com/errors',
  errors: {
    ORDER_NOT_FOUND: { status: 404, title: 'Order not found', message: 'No order {orderId} exists.' },
    RATE_LIMITED: { status: 429, title: 'Too many requests', message: 'Slow down.' },
  },
}).model;

function report(findings: Finding[], routes?: Record<string, string[]>): CheckReport {
  const checker = createChecker(model, routes ? { routes } : {});
  checker.check({ status: 404, headers: {}, code: 'ORDER_NOT_FOUND', method: 'GET', url: '/orders/1' });
  checker.check({ status: 200, headers: {} });
  return {
    kind: 'errata-check',
    version: 1,
    catalog: 'errors.yaml',
    inputs: [
      { name: 'traffic.har', format: 'har' },
      { name: 'app.log', format: 'ndjson' },
    ],
    findings,
    coverage: checker.coverage(),
  };
}

const wrongStatus: Finding = {
  check: 'status-matches',
  severity: 'error',
  message: 'code "ORDER_NOT_FOUND" is sent with status 410; the catalog gives it 404',
  code: 'ORDER_NOT_FOUND',
  id: 'ORDER_NOT_FOUND',
  status: 410,
  method: 'GET',
  url: '/orders/7',
  source: { file: 'traffic.har', line: 3 },
};
const notJson: Finding = {
  check: 'input',
  severity: 'warn',
  message: 'not JSON: "Error: boom"',
  source: { file: 'app.log', line: 12 },
};

describe('text', () => {
  it('lists findings under their input, by entry or line, then the totals and coverage', () => {
    expect(formatReport(report([wrongStatus, notJson]), 'text', { coverage: true })).toBe(
      [
        'traffic.har',
        '  entry 3  error  GET /orders/7 → 410 ORDER_NOT_FOUND: code "ORDER_NOT_FOUND" is sent with status 410; the catalog gives it 404  status-matches',
        '',
        'app.log',
        '  line 12  warn   not JSON: "Error: boom"  input',
        '',
        '2 responses (1 error response) checked: 2 problems (1 error, 1 warning)',
        'coverage: 1 of 2 entries seen (50%)',
        '  never seen: RATE_LIMITED',
        '',
      ].join('\n'),
    );
  });

  it('shows control characters from the traffic escaped, never as terminal escapes', () => {
    const text = formatReport(report([{ ...notJson, message: 'not JSON: \u001b[31mred\u0007' }]), 'text');
    expect(text).toContain('not JSON: \\x1b[31mred\\x07');
    expect(text).not.toContain('\u001b');
  });
});

describe('sarif', () => {
  it("points a finding about an entry at the entry's line in the catalog, the input as a related location", () => {
    const log = toSarif(report([wrongStatus, notJson]), {
      catalogSource: SOURCE,
      rules: [
        {
          name: 'status-matches',
          description: 'The status is the one the catalog gives the code.',
          severity: 'error',
        },
      ],
    });
    const run = log.runs[0];
    expect(run?.artifacts?.map((a) => a.location?.uri)).toEqual(['errors.yaml', 'traffic.har', 'app.log']);
    expect(run?.tool.driver.rules?.map((r) => [r.id, r.defaultConfiguration?.level])).toEqual([
      ['status-matches', 'error'],
      ['input', 'warning'],
    ]);
    expect(run?.results?.[0]).toMatchObject({
      ruleId: 'status-matches',
      ruleIndex: 0,
      level: 'error',
      message: {
        text: 'ORDER_NOT_FOUND: GET /orders/7 → 410 ORDER_NOT_FOUND: code "ORDER_NOT_FOUND" is sent with status 410; the catalog gives it 404 (traffic.har entry 3)',
      },
      locations: [
        {
          physicalLocation: { artifactLocation: { uri: 'errors.yaml', index: 0 }, region: { startLine: 4 } },
          logicalLocations: [{ fullyQualifiedName: 'errors.ORDER_NOT_FOUND', kind: 'member' }],
        },
      ],
      relatedLocations: [
        {
          id: 1,
          physicalLocation: { artifactLocation: { uri: 'traffic.har', index: 1 } },
          logicalLocations: [{ fullyQualifiedName: 'log.entries[2]', kind: 'element' }],
        },
      ],
    });
    // A module's text is no YAML: no line rather than a wrong one.
    const fromModule = toSarif(report([wrongStatus]), {
      catalogSource: 'export const api = defineCatalog({});\n',
    });
    expect(fromModule.runs[0]?.results?.[0]?.locations?.[0]?.physicalLocation?.region).toBeUndefined();
    // A log's finding points at its line.
    expect(run?.results?.[1]?.locations).toEqual([
      { physicalLocation: { artifactLocation: { uri: 'app.log', index: 2 }, region: { startLine: 12 } } },
    ]);
  });
});

describe('md', () => {
  it('says the verdict first, one row per finding, and folds the coverage', () => {
    const md = formatReport(report([wrongStatus]), 'md');
    expect(md.split('\n').slice(0, 7)).toEqual([
      '### errata check: ❌ 1 error',
      '',
      '2 responses (1 error response) from `traffic.har`, `app.log`, checked against `errors.yaml`.',
      '',
      '| | check | response | problem | where |',
      '| --- | --- | --- | --- | --- |',
      '| ❌ | `status-matches` | `GET /orders/7 → 410 ORDER_NOT_FOUND` | code "ORDER\\_NOT\\_FOUND" is sent with status 410; the catalog gives it 404 | `traffic.har entry 3` |',
    ]);
    expect(md).toContain('<details>\n<summary>coverage: 1 of 2 entries seen (50%)</summary>');
    expect(formatReport(report([]), 'md').split('\n')[0]).toBe('### errata check: ✅ no problems');
  });

  it('keeps a comment under its size limit: 50 rows, then how many more', () => {
    const md = formatReport(report(Array.from({ length: 60 }, () => notJson)), 'md');
    expect(md.split('\n').filter((l) => l.startsWith('| ⚠️'))).toHaveLength(50);
    expect(md).toContain('…and 10 more (run `errata check` locally for all of them).');
  });
});

describe('coverageGaps and mergeReports', () => {
  it('fails on entries never seen, per declared route when routes are known', () => {
    expect(coverageGaps(report([]).coverage).map((f) => [f.id, f.route, f.severity])).toEqual([
      ['RATE_LIMITED', undefined, 'error'],
    ]);
    const routes = { 'GET /orders/:id': ['ORDER_NOT_FOUND'], 'POST /orders': ['RATE_LIMITED'] };
    expect(coverageGaps(report([], routes).coverage).map((f) => [f.id, f.route])).toEqual([
      ['RATE_LIMITED', 'POST /orders'],
    ]);
  });

  it('adds coverage up, keeps every finding, and recomputes the gaps from the merged coverage', () => {
    const a = report([wrongStatus]);
    const b: CheckReport = {
      ...report([notJson]),
      findings: [notJson, ...coverageGaps(a.coverage)],
      coverage: { ...a.coverage, seen: { RATE_LIMITED: 2 }, neverSeen: ['ORDER_NOT_FOUND'], errors: 2 },
    };
    const merged = mergeReports(
      [
        { name: 'a.json', value: JSON.parse(JSON.stringify(a)) },
        { name: 'b.json', value: b },
      ],
      true,
    );
    expect(merged.findings.map((f) => f.check)).toEqual(['status-matches', 'input']);
    expect(merged.coverage).toMatchObject({
      errors: 3,
      seen: { ORDER_NOT_FOUND: 1, RATE_LIMITED: 2 },
      neverSeen: [],
    });
    expect(() => mergeReports([{ name: 'x.json', value: [] }], false)).toThrow(
      'x.json is not an errata check report (expected "kind": "errata-check", "version": 1, from --format json)',
    );
  });
});
