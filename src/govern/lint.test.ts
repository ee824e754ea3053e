import { describe, expect, it } from 'vitest';
import { normalizeCatalog } from '../catalog/normalize.js';
import { entryLines, formatFindings, toSarif } from './format-findings.js';
import { builtinRules, countFindings, defineRule, LintConfigError, lint, type Rule } from './index.js';

const model = normalizeCatalog({
  name: 't',
  docs: '/errors',
  errors: {
    A: { status: 429, title: 'slow down', retry: false },
    B: { status: 404, title: 'Not found', message: 'No user {id}' },
  },
}).model;

describe('lint', () => {
  it('reports catalog findings first, then entries in catalog order', () => {
    const found = lint(model);
    expect(found[0]).toMatchObject({
      rule: 'type-uri',
      id: null,
      code: null,
      field: 'docs',
      severity: 'error',
    });
    const ids = found.map((f) => f.id);
    expect(ids.indexOf('A')).toBeLessThan(ids.indexOf('B') === -1 ? Infinity : ids.indexOf('B'));
    expect(found.map((f) => f.rule)).toEqual(expect.arrayContaining(['retry-429', 'title-case']));
    expect(countFindings(found)).toEqual({
      errors: found.filter((f) => f.severity === 'error').length,
      warnings: found.filter((f) => f.severity === 'warn').length,
    });
  });

  it('turns rules off, changes their level and passes options', () => {
    const found = lint(model, {
      config: { rules: { 'type-uri': 'off', 'retry-429': 'warn', 'title-case': ['error', {}] } },
    });
    expect(found.some((f) => f.rule === 'type-uri')).toBe(false);
    expect(found.find((f) => f.rule === 'retry-429')?.severity).toBe('warn');
    expect(found.find((f) => f.rule === 'title-case')?.severity).toBe('error');
    const none = lint(model, {
      config: {
        rules: { 'retry-5xx': ['warn', { statuses: [503] }], 'text-missing': ['warn', { require: [] }] },
      },
    });
    expect(none.some((f) => f.rule === 'retry-5xx')).toBe(false);
  });

  it('refuses unknown rules, bad levels and unknown or bad options with a clear message', () => {
    expect(() => lint(model, { config: { rules: { 'no-such-rule': 'warn' } } })).toThrow(
      /unknown rule "no-such-rule" \(known: type-uri/,
    );
    expect(() => lint(model, { config: { rules: { 'type-uri': 'fatal' as never } } })).toThrow(
      /level must be "off", "warn" or "error"/,
    );
    expect(() => lint(model, { config: { rules: { 'retry-429': ['warn', { max: 1 }] } } })).toThrow(
      /unknown option "max" \(it takes none\)/,
    );
    expect(() => lint(model, { config: { rules: { 'code-casing': ['warn', { style: 'Upper' }] } } })).toThrow(
      LintConfigError,
    );
    expect(() =>
      lint(model, { config: { rules: { 'text-missing': ['warn', { require: ['body'] }] } } }),
    ).toThrow(/"require" lists "body"/);
  });

  it('runs custom rules through the same interface as the built-ins', () => {
    const noTeapot: Rule<{ status: number }> = defineRule({
      id: 'no-teapot',
      severity: 'error',
      description: 'No entry answers 418.',
      options: { status: 418 },
      *check({ entries, options }) {
        for (const [id, e] of entries)
          if (e.status === options.status) yield { id, field: 'status', message: 'I am a teapot' };
      },
    });
    const tea = normalizeCatalog({ name: 't', errors: { T: { status: 418 }, U: { status: 400 } } }).model;
    const rules = [...builtinRules, noTeapot as Rule];
    expect(lint(tea, { rules })).toContainEqual({
      rule: 'no-teapot',
      severity: 'error',
      id: 'T',
      code: 'T',
      field: 'status',
      message: 'I am a teapot',
    });
    expect(
      lint(tea, { rules, config: { rules: { 'no-teapot': ['warn', { status: 400 }] } } }),
    ).toContainEqual(expect.objectContaining({ rule: 'no-teapot', id: 'U', severity: 'warn' }));
    expect(() => lint(tea, { rules: [noTeapot as Rule, noTeapot as Rule] })).toThrow(
      /share the id "no-teapot"/,
    );
  });

  it('reports a rule that throws as a configuration error naming the rule', () => {
    const broken = defineRule({
      id: 'broken',
      severity: 'warn',
      description: 'Throws.',
      check() {
        throw new Error('boom');
      },
    });
    expect(() => lint(model, { rules: [broken] })).toThrow(/rule "broken" failed: boom/);
  });
});

describe('output formats', () => {
  const findings = lint(model);

  it('json is an array of {rule, severity, id, code, field, message}', () => {
    const parsed = JSON.parse(formatFindings(findings, 'json')) as Record<string, unknown>[];
    expect(parsed.length).toBe(findings.length);
    for (const f of parsed)
      expect(Object.keys(f).sort()).toEqual(['code', 'field', 'id', 'message', 'rule', 'severity']);
  });

  it('text lists one finding per line and a summary', () => {
    const text = formatFindings(findings, 'text', { file: 'errors.yaml' });
    const lines = text.trimEnd().split('\n');
    expect(lines[0]).toBe('errors.yaml');
    expect(text).toMatch(/^ {2}error {2}\(catalog\)\.docs +docs "\/errors" is not an absolute URI/m);
    expect(text).toMatch(
      /^ {2}warn {3}A\.title +title "slow down" starts with a lowercase letter {2}title-case$/m,
    );
    const { errors, warnings } = countFindings(findings);
    expect(lines.at(-1)).toBe(`${findings.length} problems (${errors} errors, ${warnings} warnings)`);
    expect(formatFindings([], 'text', { file: 'x.json' })).toBe('x.json\nno problems\n');
  });

  it('sarif is a SARIF 2.1.0 log with rules, levels, locations and lines', () => {
    const source =
      '{\n  "name": "t",\n  "docs": "/errors",\n  "errors": {\n    "A": { "status": 429 },\n    "B": {\n      "status": 404\n    }\n  }\n}\n';
    const log = JSON.parse(
      formatFindings(findings, 'sarif', { file: 'api\\errors.json', source, rules: builtinRules }),
    );
    expect(log.version).toBe('2.1.0');
    expect(log.$schema).toMatch(/sarif-2\.1\.0/);
    const run = log.runs[0];
    expect(run.tool.driver.name).toBe('errata');
    const ruleIds = run.tool.driver.rules.map((r: { id: string }) => r.id);
    expect(ruleIds).toEqual(builtinRules.map((r) => r.id));
    for (const r of run.tool.driver.rules) {
      expect(r.shortDescription.text).toBeTypeOf('string');
      expect(['error', 'warning']).toContain(r.defaultConfiguration.level);
    }
    expect(run.results).toHaveLength(findings.length);
    for (const [i, res] of run.results.entries()) {
      const f = findings[i];
      expect(res.ruleId).toBe(f?.rule);
      expect(ruleIds[res.ruleIndex]).toBe(res.ruleId);
      expect(res.level).toBe(f?.severity === 'error' ? 'error' : 'warning');
      expect(res.message.text).toContain(f?.message);
      expect(res.locations[0].physicalLocation.artifactLocation.uri).toBe('api/errors.json');
    }
    const lineOf = (id: string | null) =>
      run.results[findings.findIndex((f) => f.id === id)].locations[0].physicalLocation.region?.startLine;
    expect(lineOf(null)).toBe(3);
    expect(lineOf('A')).toBe(5);
  });

  it('finds entry lines in YAML and TypeScript sources, not top-level keys of the same name', () => {
    const yaml = 'name: t\ndocs: https://x.test\nerrors:\n  name:\n    status: 400\n  B:\n    status: 404\n';
    expect(entryLines(yaml, ['name', 'B'])).toEqual(
      new Map([
        ['name', 4],
        ['B', 6],
        ['', 2],
      ]),
    );
    // An entry named like a field of an earlier entry: told apart by its indentation.
    const json =
      '{\n  "errors": {\n    "A": {\n      "status": 400,\n      "message": "m"\n    },\n    "message": { "status": 404 }\n  }\n}\n';
    expect(entryLines(json, ['A', 'message'])).toEqual(
      new Map([
        ['A', 3],
        ['message', 7],
      ]),
    );
    const ts =
      "export default defineCatalog({\n  errors: {\n    'a.b': { status: 400 },\n    C: { status: 404 },\n  },\n});\n";
    expect(entryLines(ts, ['a.b', 'C', 'Z'])).toEqual(
      new Map([
        ['a.b', 3],
        ['C', 4],
      ]),
    );
  });

  it('sarif without a file still carries logical locations', () => {
    const log = toSarif(findings) as { runs: { results: { locations: Record<string, unknown>[] }[] }[] };
    const loc = log.runs[0]?.results[0]?.locations[0];
    expect(loc?.physicalLocation).toBeUndefined();
    expect(loc?.logicalLocations).toEqual([{ fullyQualifiedName: 'docs', kind: 'member' }]);
  });
});
