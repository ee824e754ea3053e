import { relative, resolve } from 'node:path';
import type { LintFormat } from '../../govern/format-findings.js';
import type { lint } from '../../govern/lint.js';
import type { LintConfig, Rule } from '../../govern/lint-types.js';
import { defineErrataCommand } from '../_command.js';
import { colors, EXIT, UsageError } from '../_io.js';
import { writeOutput } from '../_output.js';

export const lintCommand = defineErrataCommand({
  name: 'lint',
  description: 'Check a catalog against the governance rules; exit 1 on any error (or too many warnings).',
  args: {
    catalog: { type: 'positional', description: 'Catalog file (.ts, .js, .json, .yaml)', required: true },
    format: {
      type: 'enum',
      options: ['text', 'json', 'sarif'],
      default: 'text',
      description: 'Output format: text, json (an array of findings) or sarif (SARIF 2.1.0)',
    },
    config: {
      type: 'string',
      alias: 'c',
      description: 'Lint config (JSON or YAML): { "rules": { "id": "off" | "warn" | "error" } }',
    },
    'max-warnings': { type: 'string', description: 'Fail (exit 1) when there are more warnings than this' },
    out: { type: 'string', alias: 'o', description: 'Write to this file instead of stdout' },
  },
  examples: [
    'errata lint errors.yaml',
    'errata lint errors.yaml --format sarif -o errata.sarif',
    'errata lint src/errors.ts --config lint.yaml --max-warnings 0',
  ],
  async run(args, io) {
    let maxWarnings: number | undefined;
    if (args['max-warnings'] !== undefined) {
      maxWarnings = Number(args['max-warnings']);
      if (!/^\d+$/.test(String(args['max-warnings'])))
        throw new UsageError(`--max-warnings must be a non-negative integer (got "${args['max-warnings']}")`);
    }
    const [
      { loadCatalog },
      { readLintConfig, readSource },
      { formatFindings },
      lintModule,
      { builtinRules },
    ] = await Promise.all([
      import('../../catalog/load.js'),
      import('../../govern/lint-files.js'),
      import('../../govern/format-findings.js'),
      import('../../govern/lint.js'),
      import('../../govern/builtin-rules/index.js'),
    ]);
    const { configureRules, countFindings, LintConfigError } = lintModule;
    let config: LintConfig = {};
    let rules: Rule[];
    try {
      if (args.config !== undefined) config = await readLintConfig(args.config, io.cwd);
      // SARIF lists the rules that ran, at the level they ran with.
      rules = configureRules(builtinRules, config).map((c) => ({ ...c.rule, severity: c.severity }));
    } catch (e) {
      if (e instanceof LintConfigError) throw new UsageError(`lint config: ${e.message}`);
      throw e;
    }
    const model = await loadCatalog(args.catalog, { cwd: io.cwd });
    // Translated messages are ICU MessageFormat: the parser is loaded only for a catalog that has some.
    const parseMessage =
      model.translations === undefined
        ? undefined
        : (await import('@formatjs/icu-messageformat-parser')).parse;
    let findings: ReturnType<typeof lint>;
    try {
      findings = lintModule.lint(model, {
        rules: builtinRules,
        config,
        ...(parseMessage && { parseMessage }),
      });
    } catch (e) {
      if (e instanceof LintConfigError) throw new UsageError(`lint config: ${e.message}`);
      throw e;
    }
    const format = args.format as LintFormat;
    const file = relative(io.cwd, resolve(io.cwd, args.catalog)) || args.catalog;
    const toStdout = args.out === undefined || args.out === '-';
    const text = formatFindings(findings, format, {
      file,
      rules,
      ...(format === 'sarif' && { source: await readSource(args.catalog, io.cwd) }),
      ...(format === 'text' && toStdout && { color: colors(io) }),
    });
    await writeOutput(text, args.out, io);
    const { errors, warnings } = countFindings(findings);
    if (errors > 0) return EXIT.findings;
    if (maxWarnings !== undefined && warnings > maxWarnings) {
      io.stderr(`errata lint: ${warnings} warnings, more than --max-warnings ${maxWarnings}\n`);
      return EXIT.findings;
    }
    return EXIT.ok;
  },
});
