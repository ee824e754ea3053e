// errata/lint: catalog governance — lint rules, breaking-change detection and the lock file.
// Pure functions of the normalized model; reading files and git lives in the CLI (src/cli/commands).

export {
  type Change,
  type ChangeKind,
  type DiffFormat,
  type DiffOptions,
  diffCatalogs,
  formatChanges,
} from './diff.js';
export {
  entryLines,
  type FormatFindingsOptions,
  formatFindings,
  type LintFormat,
  toSarif,
} from './format.js';
export {
  type ConfiguredRule,
  configureRules,
  countFindings,
  LintConfigError,
  type LintOptions,
  lint,
} from './lint.js';
export { checkLock, type LockCheck, lockText } from './lock.js';
export { defineRule } from './rule.js';
export { builtinRules } from './rules/index.js';
export type {
  Finding,
  LintConfig,
  Report,
  Rule,
  RuleContext,
  RuleLevel,
  RuleSetting,
  Severity,
} from './types.js';
