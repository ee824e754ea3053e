import type { CatalogModel } from '../catalog/model.js';
import { isRecord } from '../utils/record.js';
import { builtinRules } from './builtin-rules/index.js';
import type { Finding, LintConfig, MessageParser, Report, Rule, RuleLevel, Severity } from './lint-types.js';

/** A lint configuration that cannot be applied: an unknown rule, a bad level or bad options. */
export class LintConfigError extends Error {
  override readonly name = 'LintConfigError';
}

const kind = (x: unknown) => (Array.isArray(x) ? 'array' : typeof x);
/** Whether a configured option value has the type of the rule's default for it (and its items, for a list). */
const sameKind = (def: unknown, v: unknown): boolean =>
  kind(def) === kind(v) &&
  (!Array.isArray(def) || !def.length || (v as unknown[]).every((x) => kind(x) === kind(def[0])));

/** A rule as configured: its level and merged options. */
export interface ConfiguredRule {
  readonly rule: Rule;
  readonly severity: Severity;
  readonly options: Record<string, unknown>;
}

const LEVELS: readonly RuleLevel[] = ['off', 'warn', 'error'];

/**
 * Applies a configuration to a set of rules: each rule's level (`off` drops it)
 * and options over its defaults. Throws {@link LintConfigError} for an unknown
 * rule id, level or malformed setting.
 */
export function configureRules(rules: readonly Rule[], config: LintConfig = {}): ConfiguredRule[] {
  const byId = new Map<string, Rule>();
  for (const rule of rules) {
    if (byId.has(rule.id)) throw new LintConfigError(`two rules share the id "${rule.id}"`);
    byId.set(rule.id, rule);
  }
  const settings = config.rules ?? {};
  if (!isRecord(settings))
    throw new LintConfigError(
      '"rules" must be an object of rule id to "off", "warn", "error" or [level, options]',
    );
  const unknown = Object.keys(settings).filter((id) => !byId.has(id));
  if (unknown.length > 0)
    throw new LintConfigError(
      `unknown rule${unknown.length > 1 ? 's' : ''} ${unknown.map((u) => `"${u}"`).join(', ')} (known: ${[...byId.keys()].join(', ')})`,
    );
  const out: ConfiguredRule[] = [];
  for (const rule of rules) {
    const setting = settings[rule.id];
    let level: unknown = rule.severity;
    let options: unknown = {};
    if (Array.isArray(setting)) [level, options = {}] = setting;
    else if (setting !== undefined) level = setting;
    if (!LEVELS.includes(level as RuleLevel))
      throw new LintConfigError(
        `rule "${rule.id}": level must be "off", "warn" or "error", got ${JSON.stringify(level)}`,
      );
    if (!isRecord(options)) throw new LintConfigError(`rule "${rule.id}": options must be an object`);
    const known = Object.keys(rule.options ?? {});
    for (const k of Object.keys(options))
      if (!known.includes(k))
        throw new LintConfigError(
          `rule "${rule.id}": unknown option "${k}"${known.length ? ` (options: ${known.join(', ')})` : ' (it takes none)'}`,
        );
    for (const [k, v] of Object.entries(options)) {
      const def = (rule.options as Record<string, unknown>)[k];
      if (!sameKind(def, v))
        throw new LintConfigError(
          `rule "${rule.id}": option "${k}" must have the type of its default, ${JSON.stringify(def)} (got ${JSON.stringify(v)})`,
        );
    }
    if (level === 'off') continue;
    out.push({ rule, severity: level as Severity, options: { ...rule.options, ...options } });
  }
  return out;
}

/** Options of {@link lint}. */
export interface LintOptions {
  /** The rules to run. @default builtinRules */
  readonly rules?: readonly Rule[];
  /** Levels and options per rule id. @default {} */
  readonly config?: LintConfig;
  /**
   * The ICU MessageFormat parser the translation rules read translated messages with: pass
   * `parse` from `@formatjs/icu-messageformat-parser` (`errata lint` does). Without it a
   * catalog's translated messages are not checked, and `translation-syntax` says so.
   */
  readonly parseMessage?: MessageParser;
}

/**
 * Lints a normalized catalog and returns its findings: catalog-level findings
 * first, then by entry in catalog order, then by rule order.
 *
 * @example
 * ```ts
 * const findings = lint(api.model, { config: { rules: { 'title-case': 'off' } } });
 * ```
 */
export function lint(model: CatalogModel, options: LintOptions = {}): Finding[] {
  const configured = configureRules(options.rules ?? builtinRules, options.config);
  const entries = Object.entries(model.errors);
  const order = new Map(entries.map(([id], i) => [id, i]));
  const found: { finding: Finding; at: number; seq: number }[] = [];
  for (const { rule, severity, options: ruleOptions } of configured) {
    let reports: Iterable<Report>;
    try {
      reports = [
        ...rule.check({
          model,
          entries,
          options: ruleOptions,
          ...(options.parseMessage !== undefined && { parseMessage: options.parseMessage }),
        }),
      ];
    } catch (e) {
      throw new LintConfigError(`rule "${rule.id}" failed: ${(e as Error)?.message ?? String(e)}`);
    }
    for (const r of reports) {
      const id = r.id ?? null;
      const entry = id === null ? undefined : model.errors[id];
      found.push({
        finding: {
          rule: rule.id,
          severity,
          id,
          code: entry ? entry.code : null,
          field: r.field,
          message: r.message,
        },
        at: id === null ? -1 : (order.get(id) ?? entries.length),
        seq: found.length,
      });
    }
  }
  found.sort((a, b) => a.at - b.at || a.seq - b.seq);
  return found.map((x) => x.finding);
}

/** Counts findings by severity. */
export function countFindings(findings: readonly Finding[]): { errors: number; warnings: number } {
  let errors = 0;
  for (const f of findings) if (f.severity === 'error') errors++;
  return { errors, warnings: findings.length - errors };
}
