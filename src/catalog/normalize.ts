import { isRecord } from '../utils/record.js';
import { issueText } from './issue-text.js';
import type {
  CatalogIssue,
  CatalogModel,
  DeprecationModel,
  EntryModel,
  JsonSchema,
  ParamModel,
  ParamType,
  RetryPolicy,
} from './model.js';
import { MAX_DEPTH, short } from './source.js';
import { isStandardSchema, type StandardSchemaV1, toJsonSchema } from './standard-schema.js';
import { nearMatches } from './suggest.js';
import { placeholders } from './template.js';

/** Thrown when a catalog is malformed; lists every problem at once, each with its path. */
export class CatalogError extends Error {
  override readonly name = 'CatalogError';
  readonly issues: readonly CatalogIssue[];
  readonly file: string | undefined;

  constructor(issues: readonly CatalogIssue[], file?: string) {
    const where = file ? `${file}: ` : '';
    const list = issues.map((i) => `  ${issueText(i, file)}`).join('\n');
    super(`${where}invalid catalog (${issues.length} problem${issues.length === 1 ? '' : 's'})\n${list}`);
    this.issues = issues;
    this.file = file;
  }
}

export const ID_PATTERN = /^[A-Za-z][A-Za-z0-9_.-]*$/;
const PARAM_NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;
const PARAM_TYPES: readonly ParamType[] = ['string', 'number', 'integer', 'boolean'];
const DEFAULT_BASE_MS = 500;
const DEFAULT_MAX_MS = 30_000;
export const DEFAULT_CATEGORY = 'General';
export const DEFAULT_DIALECT = 'problem';

const CATALOG_KEYS = new Set([
  '$schema',
  'errata',
  'name',
  'title',
  'version',
  'description',
  'docs',
  'dialect',
  'categories',
  'errors',
]);
const ENTRY_KEYS = new Set([
  'code',
  'status',
  'category',
  'title',
  'message',
  'description',
  'remediation',
  'params',
  'retry',
  'details',
  'deprecated',
  'links',
  'expose',
]);

/** Runtime schemas of DSL entries, kept beside the plain model (which holds their JSON Schema). */
export type DetailSchemas = Map<string, StandardSchemaV1>;

export interface NormalizeResult {
  readonly model: CatalogModel;
  readonly schemas: DetailSchemas;
}

type Obj = Record<string, unknown>;
/** A value in a message: its type and, for a scalar, the value (long strings cut short). */
export function describe(v: unknown): string {
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'an array';
  switch (typeof v) {
    case 'object':
      return 'an object';
    case 'string':
      return `string ${JSON.stringify(short(v))}`;
    case 'number':
    case 'boolean':
    case 'bigint':
      return `${typeof v} ${String(v)}`;
    case 'function':
      return 'a function';
    default:
      return typeof v;
  }
}

/** "unknown field", naming the known field nearest to the one written when one is close (`stauts`: "status"). */
function unknownField(key: string, known: Iterable<string>): string {
  const near = key === 'statusCode' || key === 'httpStatus' ? 'status' : nearMatches(key, known, 1)[0];
  return near === undefined ? 'unknown field' : `unknown field (did you mean "${near}"?)`;
}

/** Property path segment: dotted when it is a plain name, bracketed and quoted otherwise. */
export function pathKey(base: string, key: string): string {
  const seg = /^[A-Za-z_$][A-Za-z0-9_$-]*$/.test(key) && key.length <= 80 ? key : JSON.stringify(short(key));
  return base ? (seg.startsWith('"') ? `${base}[${seg}]` : `${base}.${seg}`) : seg;
}

/**
 * Validates a catalog document (a DSL object, or parsed JSON/YAML) and returns
 * the immutable normalized model. Throws {@link CatalogError} listing every problem.
 */
export function normalizeCatalog(input: unknown, file?: string): NormalizeResult {
  const issues: CatalogIssue[] = [];
  const add = (path: string, message: string) => issues.push({ path, message });
  const schemas: DetailSchemas = new Map();

  if (!isRecord(input))
    throw new CatalogError([{ path: '', message: `must be an object, got ${describe(input)}` }], file);

  for (const key of Object.keys(input)) {
    if (!CATALOG_KEYS.has(key) && !key.startsWith('x-'))
      add(pathKey('', key), unknownField(key, CATALOG_KEYS));
  }
  if (input.errata !== undefined && input.errata !== 1)
    add('errata', 'must be 1 (the catalog format version)');
  const name = optString(input, 'name', '', add) ?? 'api';
  if (name === '') add('name', 'must not be empty');
  const title = optString(input, 'title', '', add);
  const version = optString(input, 'version', '', add) ?? '0.0.0';
  const description = optString(input, 'description', '', add);
  const docs = optString(input, 'docs', '', add);
  if (docs !== undefined && /\s/.test(docs)) add('docs', 'must be a URL without white space');
  const dialect = optString(input, 'dialect', '', add) ?? DEFAULT_DIALECT;

  const categories: string[] = [];
  if (input.categories !== undefined) {
    if (!Array.isArray(input.categories))
      add('categories', `must be an array of strings, got ${describe(input.categories)}`);
    else
      input.categories.forEach((c, i) => {
        if (typeof c !== 'string' || c === '') add(`categories[${i}]`, 'must be a non-empty string');
        else if (categories.includes(c)) add(`categories[${i}]`, `duplicate category "${c}"`);
        else categories.push(c);
      });
  }

  const errors: Record<string, EntryModel> = {};
  if (input.errors === undefined) add('errors', 'is required');
  else if (!isRecord(input.errors))
    add('errors', `must be an object keyed by entry id, got ${describe(input.errors)}`);
  else {
    for (const [id, raw] of Object.entries(input.errors)) {
      const path = pathKey('errors', id);
      const validId = ID_PATTERN.test(id);
      if (!validId) add(path, 'id must start with a letter and hold only letters, digits, "_", "." and "-"');
      const entry = normalizeEntry(raw, id, path, add, (s) => schemas.set(id, s), [input, input.errors]);
      if (!entry || !validId) continue;
      errors[id] = entry;
      if (!categories.includes(entry.category)) categories.push(entry.category);
    }
  }

  if (issues.length > 0) throw new CatalogError(issues, file);

  const model: Obj = { errata: 1, name };
  if (title !== undefined) model.title = title;
  model.version = version;
  if (description !== undefined) model.description = description;
  if (docs !== undefined) model.docs = docs;
  model.dialect = dialect;
  model.categories = categories;
  model.errors = errors;
  for (const key of Object.keys(input))
    if (key.startsWith('x-')) model[key] = jsonCopy(input[key], pathKey('', key), add, 0, [input]);
  if (issues.length > 0) throw new CatalogError(issues, file);
  return { model: deepFreeze(model) as unknown as CatalogModel, schemas };
}

type Add = (path: string, message: string) => void;

function optString(obj: Obj, key: string, base: string, add: Add): string | undefined {
  const v = obj[key];
  if (v === undefined) return undefined;
  if (typeof v !== 'string') {
    add(pathKey(base, key), `must be a string, got ${describe(v)}`);
    return undefined;
  }
  return v;
}

function normalizeEntry(
  raw: unknown,
  id: string,
  path: string,
  add: Add,
  keepSchema: (s: StandardSchemaV1) => void,
  parents: object[],
): EntryModel | undefined {
  if (!isRecord(raw)) {
    add(path, `must be an object, got ${describe(raw)}`);
    return undefined;
  }
  const before = { count: 0 };
  const addHere: Add = (p, m) => {
    before.count++;
    add(p, m);
  };
  for (const key of Object.keys(raw)) {
    if (!ENTRY_KEYS.has(key) && !key.startsWith('x-'))
      addHere(pathKey(path, key), unknownField(key, ENTRY_KEYS));
  }
  const code = optString(raw, 'code', path, addHere) ?? id;
  const status = raw.status;
  if (status === undefined) addHere(pathKey(path, 'status'), 'is required');
  else if (typeof status !== 'number' || !Number.isInteger(status) || status < 400 || status > 599)
    addHere(pathKey(path, 'status'), `must be an integer from 400 to 599, got ${describe(status)}`);
  const category = optString(raw, 'category', path, addHere) ?? DEFAULT_CATEGORY;
  if (category === '') addHere(pathKey(path, 'category'), 'must not be empty');
  const title = optString(raw, 'title', path, addHere);
  const message = optString(raw, 'message', path, addHere);
  const description = optString(raw, 'description', path, addHere);
  const remediation = optString(raw, 'remediation', path, addHere);
  const params = normalizeParams(raw.params, message, pathKey(path, 'params'), addHere);
  const retry = normalizeRetry(raw.retry, pathKey(path, 'retry'), addHere);
  const details = normalizeDetails(raw.details, pathKey(path, 'details'), addHere, keepSchema, [
    ...parents,
    raw,
  ]);
  const deprecated = normalizeDeprecated(raw.deprecated, pathKey(path, 'deprecated'), addHere);
  const links = normalizeLinks(raw.links, pathKey(path, 'links'), addHere);
  let expose = typeof status === 'number' ? status < 500 : true;
  if (raw.expose !== undefined) {
    if (typeof raw.expose !== 'boolean')
      addHere(pathKey(path, 'expose'), `must be a boolean, got ${describe(raw.expose)}`);
    else expose = raw.expose;
  }
  if (before.count > 0) return undefined;

  const entry: Obj = { code, status, category };
  if (title !== undefined) entry.title = title;
  if (message !== undefined) entry.message = message;
  if (description !== undefined) entry.description = description;
  if (remediation !== undefined) entry.remediation = remediation;
  entry.params = params;
  entry.retry = retry;
  if (details !== undefined) entry.details = details;
  if (deprecated !== undefined) entry.deprecated = deprecated;
  if (links !== undefined) entry.links = links;
  entry.expose = expose;
  for (const key of Object.keys(raw))
    if (key.startsWith('x-'))
      entry[key] = jsonCopy(raw[key], pathKey(path, key), addHere, 0, [...parents, raw]);
  if (before.count > 0) return undefined;
  return entry as unknown as EntryModel;
}

function normalizeParams(
  raw: unknown,
  message: string | undefined,
  path: string,
  add: Add,
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

function nonNegInt(obj: Obj, key: string, path: string, add: Add): number | undefined {
  const v = obj[key];
  if (v === undefined) return undefined;
  if (typeof v !== 'number' || !Number.isInteger(v) || v < 0) {
    add(pathKey(path, key), `must be a non-negative integer (milliseconds), got ${describe(v)}`);
    return undefined;
  }
  return v;
}

function normalizeRetry(raw: unknown, path: string, add: Add): RetryPolicy {
  if (raw === undefined || raw === false) return { retryable: false };
  if (raw === true)
    return { retryable: true, strategy: 'exponential', baseMs: DEFAULT_BASE_MS, maxMs: DEFAULT_MAX_MS };
  if (!isRecord(raw)) {
    add(path, `must be false, true or a retry policy object, got ${describe(raw)}`);
    return { retryable: false };
  }
  const retryKeys = ['retryable', 'strategy', 'baseMs', 'maxMs', 'delayMs', 'afterMs', 'maxAttempts', 'note'];
  for (const k of Object.keys(raw))
    if (!retryKeys.includes(k)) add(pathKey(path, k), unknownField(k, retryKeys));
  const note = optString(raw, 'note', path, add);
  const withNote = <T extends object>(p: T) => (note === undefined ? p : { ...p, note });
  if (raw.retryable !== undefined && typeof raw.retryable !== 'boolean')
    add(pathKey(path, 'retryable'), `must be a boolean, got ${describe(raw.retryable)}`);
  if (raw.retryable === false) {
    if (raw.strategy !== undefined) add(pathKey(path, 'strategy'), 'must not be set when retryable is false');
    return withNote({ retryable: false as const });
  }
  const maxAttempts = raw.maxAttempts;
  if (
    maxAttempts !== undefined &&
    (typeof maxAttempts !== 'number' || !Number.isInteger(maxAttempts) || maxAttempts < 1)
  )
    add(pathKey(path, 'maxAttempts'), `must be an integer of at least 1, got ${describe(maxAttempts)}`);
  const attempts = typeof maxAttempts === 'number' ? { maxAttempts } : {};
  const strategy =
    raw.strategy ??
    (raw.afterMs !== undefined ? 'after' : raw.delayMs !== undefined ? 'fixed' : 'exponential');
  const fields: Record<string, readonly string[]> = {
    exponential: ['baseMs', 'maxMs'],
    fixed: ['delayMs'],
    after: ['afterMs'],
  };
  const allowed = fields[strategy as string];
  if (!allowed) {
    add(pathKey(path, 'strategy'), `must be one of exponential, fixed, after, got ${describe(strategy)}`);
    return { retryable: false };
  }
  for (const k of ['baseMs', 'maxMs', 'delayMs', 'afterMs'])
    if (raw[k] !== undefined && !allowed.includes(k))
      add(pathKey(path, k), `does not apply to the ${strategy as string} strategy`);
  if (strategy === 'exponential') {
    const baseMs = nonNegInt(raw, 'baseMs', path, add) ?? DEFAULT_BASE_MS;
    const maxMs = nonNegInt(raw, 'maxMs', path, add) ?? Math.max(DEFAULT_MAX_MS, baseMs);
    if (maxMs < baseMs) add(pathKey(path, 'maxMs'), 'must be at least baseMs');
    return withNote({ retryable: true as const, strategy, baseMs, maxMs, ...attempts });
  }
  if (strategy === 'fixed') {
    const delayMs = nonNegInt(raw, 'delayMs', path, add);
    if (raw.delayMs === undefined) add(pathKey(path, 'delayMs'), 'is required by the fixed strategy');
    return withNote({ retryable: true as const, strategy, delayMs: delayMs ?? 0, ...attempts });
  }
  const afterMs = nonNegInt(raw, 'afterMs', path, add);
  if (raw.afterMs === undefined) add(pathKey(path, 'afterMs'), 'is required by the after strategy');
  return withNote({
    retryable: true as const,
    strategy: 'after' as const,
    afterMs: afterMs ?? 0,
    ...attempts,
  });
}

function normalizeDetails(
  raw: unknown,
  path: string,
  add: Add,
  keepSchema: (s: StandardSchemaV1) => void,
  parents: object[],
): JsonSchema | undefined {
  if (raw === undefined) return undefined;
  if (isStandardSchema(raw)) {
    keepSchema(raw);
    const schema = jsonCopy(toJsonSchema(raw), path, add, 0, parents);
    return isRecord(schema) ? (schema as JsonSchema) : { type: 'object' };
  }
  if (typeof raw === 'boolean') return { type: raw ? 'object' : 'null' };
  if (!isRecord(raw)) {
    add(path, `must be a JSON Schema object or a Standard Schema, got ${describe(raw)}`);
    return undefined;
  }
  if (raw.type !== undefined && typeof raw.type !== 'string' && !Array.isArray(raw.type))
    add(pathKey(path, 'type'), 'must be a JSON Schema type name or an array of them');
  if (raw.properties !== undefined && !isRecord(raw.properties))
    add(pathKey(path, 'properties'), 'must be an object of property schemas');
  if (
    raw.required !== undefined &&
    (!Array.isArray(raw.required) || raw.required.some((r) => typeof r !== 'string'))
  )
    add(pathKey(path, 'required'), 'must be an array of property names');
  return jsonCopy(raw, path, add, 0, parents) as JsonSchema;
}

function normalizeDeprecated(raw: unknown, path: string, add: Add): DeprecationModel | undefined {
  if (raw === undefined || raw === false) return undefined;
  if (raw === true) return {};
  if (typeof raw === 'string') return { since: raw };
  if (!isRecord(raw)) {
    add(path, `must be true, a version string or {since, replacedBy, note}, got ${describe(raw)}`);
    return undefined;
  }
  const out: Record<string, string> = {};
  for (const k of Object.keys(raw)) {
    if (k !== 'since' && k !== 'replacedBy' && k !== 'note')
      add(pathKey(path, k), unknownField(k, ['since', 'replacedBy', 'note']));
    else {
      const v = optString(raw, k, path, add);
      if (v !== undefined) out[k] = v;
    }
  }
  return {
    ...(out.since !== undefined && { since: out.since }),
    ...(out.replacedBy !== undefined && { replacedBy: out.replacedBy }),
    ...(out.note !== undefined && { note: out.note }),
  };
}

function normalizeLinks(raw: unknown, path: string, add: Add): string[] | undefined {
  if (raw === undefined) return undefined;
  const list = typeof raw === 'string' ? [raw] : raw;
  if (!Array.isArray(list)) {
    add(path, `must be a URL or an array of URLs, got ${describe(raw)}`);
    return undefined;
  }
  list.forEach((l, i) => {
    if (typeof l !== 'string' || l === '' || /\s/.test(l)) add(`${path}[${i}]`, 'must be a URL');
  });
  return [...list] as string[];
}

/**
 * A plain JSON copy of a value (x- fields, details schemas), reporting at its
 * path what JSON cannot hold rather than dropping it or failing later: a
 * circular reference, nesting deeper than {@link MAX_DEPTH}, a bigint, a
 * function, a symbol, a number that is not finite, a Map or a Set. An own
 * `__proto__` key is kept as data.
 */
function jsonCopy(value: unknown, path: string, add: Add, depth = 0, parents: object[] = []): unknown {
  switch (typeof value) {
    case 'string':
    case 'boolean':
    case 'undefined':
      return value;
    case 'number':
      if (!Number.isFinite(value)) add(path, `must be JSON data, got ${String(value)}`);
      return value;
    case 'bigint':
      add(path, 'must be JSON data, got a bigint (write it as a number or a string)');
      return undefined;
    case 'function':
    case 'symbol':
      add(path, `must be JSON data, got a ${typeof value}`);
      return undefined;
  }
  if (value === null) return null;
  const obj = value as object;
  if (parents.includes(obj)) {
    add(path, 'refers to itself (a circular reference): it must be JSON data');
    return undefined;
  }
  if (depth >= MAX_DEPTH) {
    add(path, `nested more than ${MAX_DEPTH} levels deep`);
    return undefined;
  }
  if (obj instanceof Map || obj instanceof Set) {
    add(path, `must be JSON data, got a ${obj instanceof Map ? 'Map' : 'Set'}`);
    return undefined;
  }
  const toJSON = (obj as { toJSON?: unknown }).toJSON;
  if (typeof toJSON === 'function') {
    const plain = toJSON.call(obj);
    if (plain !== obj) return jsonCopy(plain, path, add, depth, parents);
  }
  parents.push(obj);
  let out: unknown;
  if (Array.isArray(obj)) {
    out = obj.map((v, i) => {
      const c = jsonCopy(v, `${path}[${i}]`, add, depth + 1, parents);
      return c === undefined ? null : c;
    });
  } else {
    const o: Obj = {};
    for (const k of Object.keys(obj)) {
      const c = jsonCopy((obj as Obj)[k], pathKey(path, k), add, depth + 1, parents);
      if (c === undefined) continue;
      if (k === '__proto__')
        Object.defineProperty(o, k, { value: c, enumerable: true, writable: true, configurable: true });
      else o[k] = c;
    }
    out = o;
  }
  parents.pop();
  return out;
}

function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const v of Object.values(value)) deepFreeze(v);
  }
  return value;
}
