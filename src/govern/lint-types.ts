import type { MessageFormatElement } from '@formatjs/icu-messageformat-parser';
import type { CatalogModel, EntryModel } from '../catalog/model.js';

/** How much a finding matters: `error` fails `errata lint`, `warn` is reported only. */
export type Severity = 'warn' | 'error';

/** A rule's setting in a lint configuration. */
export type RuleLevel = Severity | 'off';

/** One problem found in a catalog by a lint rule. */
export interface Finding {
  /** Id of the rule that found it. */
  readonly rule: string;
  readonly severity: Severity;
  /** Entry id, or `null` for the catalog itself. */
  readonly id: string | null;
  /** Wire code of the entry, or `null` for the catalog itself. */
  readonly code: string | null;
  /** Field concerned (`status`, `message`, `docs`…). */
  readonly field: string;
  readonly message: string;
}

/** What a rule reports: the entry and field concerned, and why. */
export interface Report {
  /** Entry id; omit for a finding about the catalog itself. */
  readonly id?: string;
  readonly field: string;
  readonly message: string;
}

/**
 * An ICU MessageFormat parser: `parse` of `@formatjs/icu-messageformat-parser`, which throws a
 * `SyntaxError` (its `message` the kind of error, its `location` where) on a malformed message.
 * `lint` takes it as an option so that the parser stays out of a bundle that does not need it.
 */
export type MessageParser = (
  message: string,
  options?: { readonly ignoreTag?: boolean },
) => MessageFormatElement[];

/** What a rule's `check` receives. */
export interface RuleContext<O = Record<string, unknown>> {
  readonly model: CatalogModel;
  /** Entries in catalog order, as `[id, entry]`. */
  readonly entries: readonly (readonly [string, EntryModel])[];
  /** The rule's options from the configuration, merged over its defaults. */
  readonly options: O;
  /** The ICU MessageFormat parser given to `lint`, if any (translated messages are ICU). */
  readonly parseMessage?: MessageParser;
}

/**
 * A lint rule. Built-in rules and your own share this interface: pass
 * `[...builtinRules, myRule]` to {@link lint}.
 */
export interface Rule<O = Record<string, unknown>> {
  /** Stable id, used in configuration and output (`kebab-case`). */
  readonly id: string;
  /** Severity when the configuration does not set one. */
  readonly severity: Severity;
  /** One line: what the rule catches. */
  readonly description: string;
  /** Default options. @default {} */
  readonly options?: O;
  check(ctx: RuleContext<O>): Iterable<Report>;
}

/** A rule's setting: a level, or a level with options (`["warn", { "max": 3 }]`). */
export type RuleSetting = RuleLevel | readonly [RuleLevel, Record<string, unknown>?];

/** Lint configuration, as in a `--config` file. */
export interface LintConfig {
  readonly rules?: { readonly [ruleId: string]: RuleSetting };
}
