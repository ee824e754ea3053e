// errata/lint: catalog governance — lint rules, breaking-change detection and the lock file.
// Pure functions of the normalized model. Reading files and git (lint-files.ts, catalog-at-ref.ts)
// needs Node, so it is not exported here: the CLI imports it.

export { builtinRules } from './builtin-rules/index.js';
export { defineRule } from './define-rule.js';
export { type DiffOptions, diffCatalogs } from './diff/catalogs.js';
export type { Change, ChangeKind } from './diff/changes.js';
export { type DiffFormat, formatChanges } from './diff/format.js';
export {
  entryLines,
  type FormatFindingsOptions,
  formatFindings,
  type LintFormat,
  toSarif,
} from './format-findings.js';
export {
  type ConfiguredRule,
  configureRules,
  countFindings,
  LintConfigError,
  type LintOptions,
  lint,
} from './lint.js';
export type {
  Finding,
  LintConfig,
  MessageParser,
  Report,
  Rule,
  RuleContext,
  RuleLevel,
  RuleSetting,
  Severity,
} from './lint-types.js';
export { checkLock, type LockCheck, lockText } from './lock.js';
