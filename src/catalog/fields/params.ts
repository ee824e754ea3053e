import { isRecord } from '../../utils/record.js';
import { type AddIssue, pathKey } from '../issue-path.js';
import { describe, unknownField } from '../issue-wording.js';
import type { ParamModel, ParamType } from '../model.js';
import { malformedPlaceholders, PARAM_TYPES, placeholders } from '../template.js';

const PARAM_NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;

/**
 * The type each placeholder of a message writes (`{n:integer}`), by name; a name written with two
 * types, or a typed placeholder that is not one (`{n:float}`), is reported at the message.
 */
function writtenTypes(message: string, path: string, add: AddIssue): Map<string, ParamType> {
  const messagePath = path.replace(/\.params$/, '.message');
  for (const problem of malformedPlaceholders(message)) add(messagePath, problem);
  const written = new Map<string, ParamType>();
  for (const p of placeholders(message)) {
    if (p.type === undefined) continue;
    const seen = written.get(p.name);
    if (seen === undefined) written.set(p.name, p.type);
    else if (seen !== p.type)
      add(messagePath, `the placeholder {${p.name}} is written both as ${seen} and as ${p.type}`);
  }
  return written;
}

/**
 * An entry's `params`: declared (a type name or `{type, description}` each), else the template's
 * placeholders. One rule types each: the placeholder's own `{name:type}`, else the declared type,
 * else `string`; a declared type that contradicts the placeholder's is reported.
 */
export function normalizeParams(
  raw: unknown,
  message: string | undefined,
  path: string,
  add: AddIssue,
): Record<string, ParamModel> {
  const out: Record<string, ParamModel> = {};
  const written = writtenTypes(message ?? '', path, add);
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
      out[p.name] = { type: written.get(p.name) ?? 'string' };
    }
    return out;
  }
  if (!isRecord(raw)) {
    add(path, `must be an object of parameter name to type, got ${describe(raw)}`);
    return out;
  }
  const agrees = (name: string, type: ParamType, at: string) => {
    const own = written.get(name);
    if (own !== undefined && own !== type)
      add(at, `is ${type}, but the message writes {${name}:${own}}: declare one type`);
  };
  for (const [name, def] of Object.entries(raw)) {
    const p = pathKey(path, name);
    if (!PARAM_NAME.test(name)) add(p, 'parameter name must be an identifier (letters, digits, "_")');
    if (name === '__proto__') {
      add(p, 'parameter name __proto__ is not allowed (a reserved name)');
      continue;
    }
    if (typeof def === 'string') {
      if (!PARAM_TYPES.includes(def as ParamType)) add(p, `must be one of ${PARAM_TYPES.join(', ')}`);
      else {
        agrees(name, def as ParamType, p);
        out[name] = { type: def as ParamType };
      }
    } else if (isRecord(def)) {
      if (def.type !== undefined && !PARAM_TYPES.includes(def.type as ParamType))
        add(pathKey(p, 'type'), `must be one of ${PARAM_TYPES.join(', ')}`);
      else if (def.type !== undefined) agrees(name, def.type as ParamType, pathKey(p, 'type'));
      if (def.description !== undefined && typeof def.description !== 'string')
        add(pathKey(p, 'description'), 'must be a string');
      for (const k of Object.keys(def))
        if (k !== 'type' && k !== 'description') add(pathKey(p, k), unknownField(k, ['type', 'description']));
      // Without a type of its own, the placeholder's `{name:type}` types it, else it is a string.
      const type = (def.type as ParamType | undefined) ?? written.get(name) ?? 'string';
      out[name] = typeof def.description === 'string' ? { type, description: def.description } : { type };
    } else add(p, `must be a type name or {type, description}, got ${describe(def)}`);
  }
  return out;
}
