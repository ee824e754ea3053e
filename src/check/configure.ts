import type { Check } from './define-check.js';
import { CheckConfigError } from './errors.js';
import type { CheckSetting } from './types.js';

/** Severities and options per check name, as in a `--config` file. */
export interface CheckConfig {
  readonly checks?: { readonly [name: string]: CheckSetting };
}

/** A check as configured: its severity and merged options. */
export interface ConfiguredCheck {
  readonly check: Check;
  readonly severity: 'warn' | 'error';
  readonly options: Record<string, unknown>;
}

const SEVERITIES = ['off', 'warn', 'error'];
const kind = (x: unknown) => (Array.isArray(x) ? 'array' : x === null ? 'null' : typeof x);

/**
 * Applies a configuration to a set of checks: each one's severity (`off`
 * drops it) and options over its defaults. Throws {@link CheckConfigError}
 * for an unknown check, severity or option, or an option of another type
 * than its default.
 */
export function configureChecks(checks: readonly Check[], config: CheckConfig = {}): ConfiguredCheck[] {
  const byName = new Map<string, Check>();
  for (const c of checks) {
    if (byName.has(c.name)) throw new CheckConfigError(`two checks share the name "${c.name}"`);
    byName.set(c.name, c);
  }
  const settings = config.checks ?? {};
  if (kind(settings) !== 'object')
    throw new CheckConfigError(
      '"checks" must be an object of check name to "off", "warn", "error" or [severity, options]',
    );
  const unknown = Object.keys(settings).filter((n) => !byName.has(n));
  if (unknown.length > 0)
    throw new CheckConfigError(
      `unknown check${unknown.length > 1 ? 's' : ''} ${unknown.map((u) => `"${u}"`).join(', ')} (known: ${[...byName.keys()].join(', ')})`,
    );
  const out: ConfiguredCheck[] = [];
  for (const check of checks) {
    const setting: unknown = settings[check.name];
    const [severity, options = {}] = Array.isArray(setting) ? setting : [setting ?? check.severity];
    if (!SEVERITIES.includes(severity as string))
      throw new CheckConfigError(
        `check "${check.name}": severity must be "off", "warn" or "error", got ${JSON.stringify(severity)}`,
      );
    if (kind(options) !== 'object')
      throw new CheckConfigError(`check "${check.name}": options must be an object`);
    const defaults = (check.options ?? {}) as Record<string, unknown>;
    for (const [k, v] of Object.entries(options as Record<string, unknown>)) {
      if (!Object.hasOwn(defaults, k))
        throw new CheckConfigError(
          `check "${check.name}": unknown option "${k}"${Object.keys(defaults).length ? ` (options: ${Object.keys(defaults).join(', ')})` : ' (it takes none)'}`,
        );
      if (kind(defaults[k]) !== kind(v))
        throw new CheckConfigError(
          `check "${check.name}": option "${k}" must be of the type of its default, ${JSON.stringify(defaults[k])} (got ${JSON.stringify(v)})`,
        );
    }
    if (severity === 'off') continue;
    out.push({
      check: check as Check,
      severity: severity as 'warn' | 'error',
      options: { ...defaults, ...(options as Record<string, unknown>) },
    });
  }
  return out;
}
