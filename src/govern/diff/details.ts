// Compatibility of details schemas. Details flow from server to client: a client
// reads the fields, typed from this schema (errata types, errata/client). So a
// field removed or made optional breaks readers at run time; a type widened (a
// new `null`) breaks them too; a type or enum narrowed breaks typed client code
// that handles the removed alternative (TypeScript rejects comparing with a type
// that can no longer occur). New fields and newly required fields are not
// breaking: the server sends more.
import type { JsonSchema } from '../../catalog/model.js';
import { unescapePointerToken } from '../../utils/json-pointer.js';
import { isRecord } from '../../utils/record.js';
import { type AddChange, type ChangeSite, entryChange, showValue } from './changes.js';

const isSchema: (v: unknown) => v is JsonSchema = isRecord;

/** The JSON types a schema allows, or `undefined` when it does not say. */
function typesOf(s: JsonSchema): string[] | undefined {
  if (typeof s.type === 'string') return [s.type];
  if (Array.isArray(s.type)) return s.type.map(String);
  if (Array.isArray(s.enum)) return [...new Set(s.enum.map((v) => (v === null ? 'null' : typeof v)))];
  if ('const' in s) return [s.const === null ? 'null' : typeof s.const];
  const union = Array.isArray(s.anyOf) ? s.anyOf : Array.isArray(s.oneOf) ? s.oneOf : undefined;
  if (union) {
    const all = union.map((b: unknown) => (isSchema(b) ? typesOf(b) : undefined));
    if (all.every((t): t is string[] => t !== undefined)) return [...new Set(all.flat())];
  }
  return undefined;
}

const covers = (types: readonly string[], t: string) =>
  types.includes(t) || (t === 'integer' && types.includes('number'));

type EntrySite = ChangeSite & { readonly id: string };

/** Reports the changes between two versions of an entry's details schema. */
export function compareDetails(
  old: JsonSchema | undefined,
  now: JsonSchema | undefined,
  site: EntrySite,
  add: AddChange,
): void {
  if (old === undefined && now === undefined) return;
  if (now === undefined) add(entryChange('details-removed', site, 'details removed'));
  else if (old === undefined) add(entryChange('details-added', site, 'details added'));
  else compareSchema(old, now, site.field, { site, roots: [old, now], seen: new Set<string>() }, add, 0);
}

/** Follows a local `$ref` (`#/$defs/User`) within its root schema; other refs are left as they are. */
function deref(s: JsonSchema, root: JsonSchema): JsonSchema {
  let cur = s;
  for (let hops = 0; hops < 8 && typeof cur.$ref === 'string' && cur.$ref.startsWith('#'); hops++) {
    let target: unknown = root;
    for (const seg of cur.$ref.slice(1).split('/').filter(Boolean))
      target = isSchema(target) ? target[unescapePointerToken(seg)] : undefined;
    if (!isSchema(target)) break;
    cur = target;
  }
  return cur;
}

interface Walk {
  readonly site: EntrySite;
  /** The whole old and new details schemas, against which local `$ref`s resolve. */
  readonly roots: readonly [JsonSchema, JsonSchema];
  /** Pairs of `$ref`s already compared. */
  readonly seen: Set<string>;
}

function compareSchema(
  oldRaw: JsonSchema,
  nowRaw: JsonSchema,
  path: string,
  walk: Walk,
  add: AddChange,
  depth: number,
): void {
  if (depth > 16) return;
  // A recursive schema refers to itself: compare each pair of definitions once.
  if (typeof oldRaw.$ref === 'string' && typeof nowRaw.$ref === 'string') {
    const key = `${oldRaw.$ref}\u0000${nowRaw.$ref}`;
    if (walk.seen.has(key)) return;
    walk.seen.add(key);
  }
  const old = deref(oldRaw, walk.roots[0]);
  const now = deref(nowRaw, walk.roots[1]);
  const at = (field: string) => ({ id: walk.site.id, code: walk.site.code, field });
  compareTypes(old, now, at(path), add);
  compareEnums(old, now, at(path), add);
  const oldProps = isSchema(old.properties) ? old.properties : {};
  const newProps = isSchema(now.properties) ? now.properties : {};
  const oldRequired = new Set(Array.isArray(old.required) ? old.required.map(String) : []);
  const newRequired = new Set(Array.isArray(now.required) ? now.required.map(String) : []);
  for (const [name, oldProp] of Object.entries(oldProps)) {
    const field = `${path}.${name}`;
    if (!Object.hasOwn(newProps, name)) {
      add(entryChange('details-field-removed', at(field), `${field} removed`));
      continue;
    }
    if (oldRequired.has(name) && !newRequired.has(name))
      add(entryChange('details-field-optional', at(field), `${field} no longer required`));
    else if (!oldRequired.has(name) && newRequired.has(name))
      add(entryChange('details-field-required', at(field), `${field} now required`));
    const newProp = newProps[name];
    if (isSchema(oldProp) && isSchema(newProp)) compareSchema(oldProp, newProp, field, walk, add, depth + 1);
  }
  for (const name of Object.keys(newProps))
    if (!Object.hasOwn(oldProps, name))
      add(entryChange('details-field-added', at(`${path}.${name}`), `${path}.${name} added`));
  if (isSchema(old.items) && isSchema(now.items))
    compareSchema(old.items, now.items, `${path}[]`, walk, add, depth + 1);
}

function compareTypes(old: JsonSchema, now: JsonSchema, site: EntrySite, add: AddChange): void {
  const oldTypes = typesOf(old);
  const newTypes = typesOf(now);
  if (!oldTypes || !newTypes) return;
  const oldStillAllowed = oldTypes.every((t) => covers(newTypes, t));
  const newAllowedBefore = newTypes.every((t) => covers(oldTypes, t));
  if (oldStillAllowed && newAllowedBefore) return;
  const kind = newAllowedBefore
    ? 'details-type-narrowed'
    : oldStillAllowed
      ? 'details-type-widened'
      : 'details-type-changed';
  const message = `${site.field}: ${oldTypes.join(' | ')} → ${newTypes.join(' | ')}`;
  add(entryChange(kind, site, message, { before: oldTypes, after: newTypes }));
}

function compareEnums(old: JsonSchema, now: JsonSchema, site: EntrySite, add: AddChange): void {
  if (!Array.isArray(old.enum) || !Array.isArray(now.enum)) return;
  const oldValues = old.enum as unknown[];
  const newValues = now.enum as unknown[];
  const oldJson = oldValues.map((v) => JSON.stringify(v));
  const newJson = newValues.map((v) => JSON.stringify(v));
  const lost = oldValues.filter((_, i) => !newJson.includes(oldJson[i] as string));
  const gained = newValues.filter((_, i) => !oldJson.includes(newJson[i] as string));
  const changed = [
    ['details-enum-narrowed', lost, 'removed'],
    ['details-enum-widened', gained, 'added'],
  ] as const;
  for (const [kind, values, how] of changed)
    if (values.length > 0) {
      const message = `${site.field}: enum values ${values.map(showValue).join(', ')} ${how}`;
      add(entryChange(kind, site, message, { before: old.enum, after: now.enum }));
    }
}
