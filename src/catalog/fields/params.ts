import { isRecord } from '../../utils/record.js';
import { type AddIssue, pathKey } from '../issue-path.js';
import { describe, unknownField } from '../issue-wording.js';
import type { ParamModel, ParamType } from '../model.js';
import { placeholders } from '../template.js';

const PARAM_NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;
const PARAM_TYPES: readonly ParamType[] = ['string', 'number', 'integer', 'boolean'];

/** An entry's `params`: declared (a type name or `{type, description}` each), else the template's placeholders. */
export function normalizeParams(
  raw: unknown,
  message: string | undefined,
  path: string,
  add: AddIssue,
): Record<string, ParamModel> {
  const out: Record<string, ParamModel> = {};
  if (raw === undefined) {
    // Undeclared: the template's placeholders are the parameters.
    for (const p of placeholders(message ?? '')) {
      if (p.name === '__proto__') {
        add(
          path.replace(/\.params$/, '.message'),
          'the placeholder {__proto__} is not allowed (a reserved name)',
        );
        continue;
      }
      const seen = Object.hasOwn(out, p.name) ? out[p.name] : undefined;
      if (!seen || (p.type && seen.type === 'string')) out[p.name] = { type: p.type ?? 'string' };
    }
    return out;
  }
  if (!isRecord(raw)) {
    add(path, `must be an object of parameter name to type, got ${describe(raw)}`);
    return out;
  }
  for (const [name, def] of Object.entries(raw)) {
    const p = pathKey(path, name);
    if (!PARAM_NAME.test(name)) add(p, 'parameter name must be an identifier (letters, digits, "_")');
    if (name === '__proto__') {
      add(p, 'parameter name __proto__ is not allowed (a reserved name)');
      continue;
    }
    if (typeof def === 'string') {
      if (!PARAM_TYPES.includes(def as ParamType)) add(p, `must be one of ${PARAM_TYPES.join(', ')}`);
      else out[name] = { type: def as ParamType };
    } else if (isRecord(def)) {
      const type = def.type ?? 'string';
      if (!PARAM_TYPES.includes(type as ParamType))
        add(pathKey(p, 'type'), `must be one of ${PARAM_TYPES.join(', ')}`);
      if (def.description !== undefined && typeof def.description !== 'string')
        add(pathKey(p, 'description'), 'must be a string');
      for (const k of Object.keys(def))
        if (k !== 'type' && k !== 'description') add(pathKey(p, k), unknownField(k, ['type', 'description']));
      out[name] =
        typeof def.description === 'string'
          ? { type: type as ParamType, description: def.description }
          : { type: type as ParamType };
    } else add(p, `must be a type name or {type, description}, got ${describe(def)}`);
  }
  return out;
}
