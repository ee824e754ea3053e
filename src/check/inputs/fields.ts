// Where a log line keeps each field of a response: dotted paths, the first present wins.
import type { FieldMapping } from './types.js';

/**
 * The paths tried when the mapping names none: pino-http and
 * express-winston (`res.statusCode`, `req.method`), ECS and OpenTelemetry
 * field names (`http.response.status_code`, `url.full`), and flat logs
 * (`status`, `method`, `url`).
 */
export const DEFAULT_FIELDS = {
  status: [
    'res.statusCode',
    'res.status',
    'response.status',
    'response.statusCode',
    'http.response.status_code',
    'status',
    'statusCode',
    'status_code',
  ],
  headers: ['res.headers', 'response.headers', 'http.response.headers', 'headers'],
  body: ['res.body', 'response.body', 'http.response.body.content', 'body'],
  method: ['req.method', 'request.method', 'http.request.method', 'method'],
  url: ['req.originalUrl', 'req.url', 'request.url', 'url.full', 'url.original', 'url', 'path'],
  route: ['req.route', 'http.route', 'route'],
  code: [],
} as const satisfies Required<Record<keyof FieldMapping, readonly string[]>>;

export type Field = keyof typeof DEFAULT_FIELDS;

/** Reads one value of an object by a dotted path. */
export type Getter = (record: unknown) => unknown;

const own = (o: unknown, key: string): unknown =>
  typeof o === 'object' && o !== null && Object.hasOwn(o, key)
    ? (o as Record<string, unknown>)[key]
    : undefined;

/**
 * A getter for one path: each step a nested key, or, where the nested key is
 * absent, the rest of the path as one key (`{"http.response": {...}}`,
 * `{"http.response.status_code": 404}`).
 */
function pathGetter(path: string): Getter {
  const parts = path.split('.');
  const walk = (value: unknown, i: number): unknown => {
    if (i === parts.length) return value;
    const nested = own(value, parts[i] as string);
    if (nested !== undefined) {
      const found = walk(nested, i + 1);
      if (found !== undefined) return found;
    }
    for (let j = parts.length; j > i + 1; j--) {
      const joined = own(value, parts.slice(i, j).join('.'));
      if (joined !== undefined) return walk(joined, j);
    }
    return undefined;
  };
  if (parts.length === 1) return (record) => own(record, path);
  return (record) => walk(record, 0);
}

/** Getters for every field: the mapping's paths where it names them, else the defaults. */
export function fieldGetters(mapping: FieldMapping = {}): Record<Field, Getter> {
  const out = {} as Record<Field, Getter>;
  for (const field of Object.keys(DEFAULT_FIELDS) as Field[]) {
    const given = mapping[field];
    const paths = given === undefined ? DEFAULT_FIELDS[field] : typeof given === 'string' ? [given] : given;
    const getters = paths.map(pathGetter);
    out[field] =
      getters.length === 1
        ? (getters[0] as Getter)
        : (record) => {
            for (const get of getters) {
              const v = get(record);
              if (v !== undefined && v !== null) return v;
            }
            return undefined;
          };
  }
  return out;
}

/** The paths a field is read from, for a message. */
export function fieldPaths(field: Field, mapping: FieldMapping = {}): readonly string[] {
  const given = mapping[field];
  return given === undefined ? DEFAULT_FIELDS[field] : typeof given === 'string' ? [given] : given;
}
