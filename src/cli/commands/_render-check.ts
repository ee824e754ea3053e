// What `errata render` checks of the occurrence it prints, as development would: every parameter the
// message needs, of its type, and details that the entry's schema accepts (Ajv, loaded only here).
import { Ajv2020 } from 'ajv/dist/2020.js';
import { messageSlots } from '../../catalog/message-params.js';
import type { EntryModel } from '../../catalog/model.js';
import { paramMistakes } from '../../catalog/template.js';

/** Each problem of an occurrence's `--params` and `--details`; empty when a server would send it as given. */
export function occurrenceProblems(entry: EntryModel, params: unknown, details: unknown): string[] {
  const problems: string[] = [];
  const slots = messageSlots(entry);
  const mistakes = paramMistakes(slots, params as Record<string, unknown> | undefined);
  if (mistakes.length > 0)
    problems.push(
      `${mistakes.join('; ')} (--params takes ${slots.map((s) => `${s.name} (${s.type})`).join(', ')})`,
    );
  if (details === undefined) return problems;
  if (entry.details === undefined) {
    problems.push('--details given, but the entry declares no details');
    return problems;
  }
  const ajv = new Ajv2020({ allErrors: true, strict: false, validateFormats: false, logger: false });
  const validate = ajv.compile(entry.details);
  if (!validate(details))
    for (const e of validate.errors ?? [])
      problems.push(
        `--details${e.instancePath ? ` at ${e.instancePath}` : ''} ${e.message ?? 'is invalid'}${extra(e.params)}`,
      );
  return problems;
}

/** The part of an Ajv error's params that names what was expected (`additionalProperty`, `missingProperty`). */
function extra(params: Record<string, unknown>): string {
  if (typeof params.additionalProperty === 'string') return `: "${params.additionalProperty}"`;
  if (Array.isArray(params.allowedValues))
    return `: ${params.allowedValues.map((v) => JSON.stringify(v)).join(', ')}`;
  return '';
}
