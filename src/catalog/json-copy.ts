// Copies of catalog values the model may hold: plain JSON, frozen.
import { type AddIssue, pathKey } from './issue-path.js';
import { MAX_DEPTH } from './source.js';

/**
 * A plain JSON copy of a value (x- fields, details schemas), reporting at its
 * path what JSON cannot hold rather than dropping it or failing later: a
 * circular reference, nesting deeper than {@link MAX_DEPTH}, a bigint, a
 * function, a symbol, a number that is not finite, a Map or a Set. An own
 * `__proto__` key is kept as data.
 */
export function jsonCopy(
  value: unknown,
  path: string,
  add: AddIssue,
  depth = 0,
  parents: object[] = [],
): unknown {
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
    const o: Record<string, unknown> = {};
    for (const k of Object.keys(obj)) {
      const c = jsonCopy((obj as Record<string, unknown>)[k], pathKey(path, k), add, depth + 1, parents);
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

/** Freezes a value and everything it holds, so a model cannot be changed after it is normalized. */
export function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const v of Object.values(value)) deepFreeze(v);
  }
  return value;
}
