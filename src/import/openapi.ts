// An OpenAPI 3.0/3.1 spec (JSON or YAML) into entries: every error response
// (4xx, 5xx, `4XX`, `default`) of every operation, its examples, the enum
// on a code property of its schema, `x-error-codes` extensions and
// problem+json bodies; each entry keeps the routes that declare it. The
// `$ref`s of what it reads are followed by `openapi-refs.ts`, local files only.
import { resolve } from 'node:path';
import { isRecord } from '../utils/record.js';
import { readExample, schemaOf } from './example.js';
import { followErrorRefs, pointer } from './openapi-refs.js';
import type { ImportedEntry, SourceImport } from './types.js';
import { ImportError } from './types.js';

/** Routes listed per entry in `x-import.routes`, at most. */
const MAX_ROUTES = 100;
const METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'] as const;

/** The document of a spec's text, JSON or YAML, or an ImportError naming the line. */
async function parseSpec(text: string, source: string): Promise<unknown> {
  if (/^\s*[{[]/.test(text)) {
    try {
      return JSON.parse(text);
    } catch (e) {
      throw new ImportError(`${source}: not valid JSON: ${(e as Error).message}`);
    }
  }
  const { parseDocument } = await import('yaml');
  const doc = parseDocument(text, { uniqueKeys: false });
  const error = doc.errors[0];
  if (error) {
    const line = error.linePos?.[0];
    throw new ImportError(
      `${source}${line ? `:${line.line}:${line.col}` : ''}: not valid YAML: ${error.message.split('\n')[0]}`,
    );
  }
  return doc.toJS({ maxAliasCount: 1000 });
}

const CODE_PROPERTIES = ['code', 'error_code', 'errorCode', 'type', 'reason'];

/** The enum of the code property of an error schema (`code`, `error.code`, `error_code`…), if it has one. */
function codeEnum(schema: unknown, depth = 0): string[] | undefined {
  if (!isRecord(schema) || depth > 4) return undefined;
  for (const key of ['allOf', 'oneOf', 'anyOf'] as const) {
    const list = schema[key];
    if (Array.isArray(list)) {
      const found = list.flatMap((s) => codeEnum(s, depth + 1) ?? []);
      if (found.length > 0) return [...new Set(found)];
    }
  }
  const properties = isRecord(schema.properties) ? schema.properties : undefined;
  if (!properties) return undefined;
  for (const key of CODE_PROPERTIES) {
    const property = properties[key];
    if (!isRecord(property)) continue;
    const values = Array.isArray(property.enum)
      ? property.enum
      : property.const !== undefined
        ? [property.const]
        : [];
    const codes = values.filter((v): v is string => typeof v === 'string' && !/^https?:/.test(v));
    if (codes.length > 0) return codes;
  }
  return codeEnum(properties.error, depth + 1);
}

/** The examples of one media type: `example`, `examples`, and the schema's own. */
function examplesOf(media: Record<string, unknown>): unknown[] {
  const out: unknown[] = [];
  if (media.example !== undefined) out.push(media.example);
  if (isRecord(media.examples))
    for (const ex of Object.values(media.examples))
      if (isRecord(ex) && ex.value !== undefined) out.push(ex.value);
  const schema = media.schema;
  if (isRecord(schema)) {
    if (schema.example !== undefined) out.push(schema.example);
    if (Array.isArray(schema.examples)) out.push(...schema.examples);
  }
  return out;
}

/** `x-error-codes: [CODE, {code, message, description}]` on a response or an operation. */
function extensionCodes(node: Record<string, unknown>): Array<Record<string, unknown>> {
  const out: Array<Record<string, unknown>> = [];
  for (const key of ['x-error-codes', 'x-errors', 'x-error-code']) {
    const value = node[key];
    for (const item of Array.isArray(value) ? value : value === undefined ? [] : [value]) {
      if (typeof item === 'string') out.push({ code: item });
      else if (isRecord(item) && typeof item.code === 'string') out.push(item);
    }
  }
  return out;
}

const GENERIC =
  /^(?:error|an? error|errors?|unexpected error|default error|error response|not found|bad request|unauthorized|forbidden|internal server error|conflict|too many requests)\.?$/i;

function statusOfKey(key: string): { status: number; guessed?: string } | undefined {
  if (/^[45]\d\d$/.test(key)) return { status: Number(key) };
  if (/^[45]XX$/i.test(key))
    return { status: Number(key[0]) * 100, guessed: `status ${key[0]}00 for the range ${key}` };
  if (key === 'default') return { status: 500, guessed: 'status 500 for the `default` response' };
  return undefined;
}

export async function readOpenApi(text: string, source: string, cwd: string): Promise<SourceImport> {
  const result: SourceImport = { source, kind: 'openapi', entries: [], problems: [], examples: [] };
  const raw = await parseSpec(text, source);
  if (!isRecord(raw) || (typeof raw.openapi !== 'string' && typeof raw.swagger !== 'string'))
    throw new ImportError(`${source}: not an OpenAPI document (no "openapi" member)`);
  if (typeof raw.swagger === 'string')
    throw new ImportError(`${source}: Swagger ${raw.swagger} is not read: convert it to OpenAPI 3 first`);
  const spec = await followErrorRefs(
    raw,
    resolve(cwd, source === '-' ? 'stdin.yaml' : source),
    source,
    result.problems,
    (key) => statusOfKey(key) !== undefined,
  );
  const info = isRecord(spec.info) ? spec.info : {};
  if (typeof info.title === 'string') result.title = info.title;
  if (typeof info.description === 'string') result.description = info.description.trim();
  const byKey = new Map<string, ImportedEntry>();
  /** The entry `add` added to last. */
  let last: ImportedEntry | undefined;
  const add = (
    code: string,
    status: number,
    route: string,
    place: string,
    fields: Partial<ImportedEntry>,
    inferred: string[],
  ) => {
    const key = `${code}\u0000${status}`;
    let entry = byKey.get(key);
    if (!entry) {
      entry = { code, status, provenance: { from: [], inferred: [] }, routes: [] };
      byKey.set(key, entry);
      result.entries.push(entry);
    }
    for (const [k, v] of Object.entries(fields))
      if (v !== undefined && (entry as unknown as Record<string, unknown>)[k] === undefined)
        (entry as unknown as Record<string, unknown>)[k] = v;
    if (!entry.provenance.from.includes(place) && entry.provenance.from.length < 5)
      entry.provenance.from.push(place);
    for (const i of inferred) if (!entry.provenance.inferred.includes(i)) entry.provenance.inferred.push(i);
    if (entry.routes && entry.routes.length < MAX_ROUTES && !entry.routes.includes(route))
      entry.routes.push(route);
    last = entry;
  };
  const paths = isRecord(spec.paths) ? spec.paths : {};
  for (const [path, item] of Object.entries(paths)) {
    if (!isRecord(item)) continue;
    for (const method of METHODS) {
      const op = item[method];
      if (!isRecord(op) || !isRecord(op.responses)) continue;
      const route = `${method.toUpperCase()} ${path}`;
      const tag = Array.isArray(op.tags) && typeof op.tags[0] === 'string' ? op.tags[0] : undefined;
      const category = tag !== undefined ? { category: tag } : {};
      const categoryNote = tag !== undefined ? [`category from the operation's first tag "${tag}"`] : [];
      for (const ext of extensionCodes(op)) {
        const status = typeof ext.status === 'number' ? ext.status : undefined;
        if (status === undefined) {
          result.problems.push({
            place: `${source}${pointer(['paths', path, method])}`,
            message: `x-error-codes entry "${String(ext.code)}" gives no status: skipped`,
          });
          continue;
        }
        add(
          String(ext.code),
          status,
          route,
          `${source}${pointer(['paths', path, method])}`,
          { ...category, ...textFields(ext) },
          categoryNote,
        );
      }
      for (const [key, response] of Object.entries(op.responses)) {
        const read = statusOfKey(key);
        if (!read || !isRecord(response)) continue;
        const place = `${source}${pointer(['paths', path, method, 'responses', key])}`;
        const inferred = [...categoryNote, ...(read.guessed ? [read.guessed] : [])];
        const description =
          typeof response.description === 'string' && !GENERIC.test(response.description.trim())
            ? response.description.trim()
            : undefined;
        let codes = 0;
        for (const ext of extensionCodes(response)) {
          add(
            String(ext.code),
            typeof ext.status === 'number' ? ext.status : read.status,
            route,
            place,
            { ...category, ...textFields(ext) },
            inferred,
          );
          codes++;
        }
        const content = isRecord(response.content) ? response.content : {};
        for (const [type, media] of Object.entries(content)) {
          if (!isRecord(media)) continue;
          for (const body of examplesOf(media)) {
            result.examples.push({ body, status: read.status, place, contentType: type });
            const ex = readExample(body, read.status, type);
            if (ex.code === undefined) continue;
            add(
              ex.code,
              read.status,
              route,
              place,
              {
                ...category,
                ...(ex.message !== undefined ? { message: ex.message } : {}),
                ...(ex.title !== undefined ? { title: ex.title } : {}),
                ...(ex.details !== undefined ? { details: schemaOf(ex.details) } : {}),
              },
              [...inferred, ...(ex.details !== undefined ? ['details schema from the example body'] : [])],
            );
            codes++;
          }
          const enumCodes = codeEnum(media.schema);
          for (const code of enumCodes ?? []) {
            add(
              code,
              read.status,
              route,
              place,
              { ...category, ...(enumCodes?.length === 1 && description ? { description } : {}) },
              [...inferred, 'code from the enum of the response schema'],
            );
            codes++;
          }
        }
        if (codes === 0)
          result.problems.push({
            place,
            message: `${route} ${key}: the response names no error code (no example, enum or x-error-codes): skipped`,
          });
        else if (codes === 1 && description !== undefined) {
          if (last && last.description === undefined) last.description = description;
        }
      }
    }
  }
  return result;
}

function textFields(ext: Record<string, unknown>): Partial<ImportedEntry> {
  const out: Partial<ImportedEntry> = {};
  for (const key of ['message', 'title', 'description', 'remediation', 'category'] as const)
    if (typeof ext[key] === 'string') out[key] = ext[key] as string;
  return out;
}
