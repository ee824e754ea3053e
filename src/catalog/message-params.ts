// The one rule of message parameters, read from a normalized entry: a parameter's type is the type
// its placeholder writes (`{n:integer}`), else the type `params` declares, else `string`.
import type { EntryModel, ParamModel, ParamType } from './model.js';
import { type ParamSlot, placeholders } from './template.js';

/** The parameters an entry's message takes, once each in template order, typed by the one rule. */
export function messageSlots(entry: Pick<EntryModel, 'message' | 'params'>): ParamSlot[] {
  const types = new Map<string, ParamType>();
  const written = new Set<string>();
  for (const p of placeholders(entry.message ?? '')) {
    if (written.has(p.name)) continue;
    if (p.type !== undefined) written.add(p.name);
    const declared = Object.hasOwn(entry.params, p.name) ? entry.params[p.name]?.type : undefined;
    types.set(p.name, p.type ?? declared ?? 'string');
  }
  return [...types].map(([name, type]) => ({ name, type }));
}

/**
 * Every parameter of an entry, as callers pass them: those `params` declares and those its
 * message uses, each typed by the one rule (what the compiler, the runtime check and `diff` read).
 */
export function effectiveParams(entry: Pick<EntryModel, 'message' | 'params'>): Record<string, ParamModel> {
  const out: Record<string, ParamModel> = { ...entry.params };
  for (const { name, type } of messageSlots(entry)) {
    const declared = Object.hasOwn(entry.params, name) ? entry.params[name] : undefined;
    out[name] = declared?.description !== undefined ? { type, description: declared.description } : { type };
  }
  return out;
}
