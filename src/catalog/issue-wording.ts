// How a catalog problem's message words what it found.
import { short } from './source.js';
import { nearMatches } from './suggest.js';

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
export function unknownField(key: string, known: Iterable<string>): string {
  const near = key === 'statusCode' || key === 'httpStatus' ? 'status' : nearMatches(key, known, 1)[0];
  return near === undefined ? 'unknown field' : `unknown field (did you mean "${near}"?)`;
}
