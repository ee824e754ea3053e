import { entryStatuses } from '../catalog/fields/status.js';
import { catalogLocales } from '../catalog/locales.js';
import type { CatalogModel } from '../catalog/model.js';
import { statusText } from '../catalog/status.js';
import { isRecord } from '../utils/record.js';
import { buildReference, type DocReference, type DocsOptions } from './reference.js';

/** An OpenAPI document as plain data. */
export type OpenApiDocument = Record<string, unknown>;

type JsonObject = Record<string, unknown>;

/** Component names errata writes; every one starts with `ErrataError` except the examples (the entry ids). */
export const ERRATA_SCHEMA = 'ErrataError';
const responseName = (status: number) => `ErrataError${status}`;
const MARK = 'x-errata-generated';

const HEADER_DOCS: Record<string, string> = {
  'retry-after': 'Seconds to wait before retrying (RFC 9110 section 10.2.3).',
  'retry-after-ms': 'Milliseconds to wait before retrying (OpenAI SDK convention).',
  'x-should-retry':
    'Whether repeating the request can succeed (`true` or `false`); absent when the catalog does not say.',
  'stripe-should-retry':
    "Whether repeating the request can succeed (`true` or `false`), as Stripe's SDKs read it.",
  'x-request-id': 'Identifier of the request; quote it to support.',
  'www-authenticate': 'The authentication scheme to use (RFC 9110 section 11.6.1).',
  allow: 'The methods the route takes (RFC 9110 section 10.2.1).',
  'request-id': "Identifier of the request (Stripe's name for it); quote it to support.",
  'x-ms-request-id': "Identifier of the request (Azure's name for it); quote it to support.",
  'x-ms-client-request-id': 'The request id the client sent, echoed.',
  'x-ms-error-code': 'The error code, as Azure clients read it from the header.',
  'x-ms-retry-after-ms': 'Milliseconds to wait before retrying (Azure convention).',
  'x-sb-error-code': 'The error code, as Supabase clients read it from the header.',
  'x-supabase-api-version': 'The API version whose error envelope the body is in.',
};
const headerName = (name: string) =>
  name.replace(/(^|-)([a-z])/g, (_m, dash: string, c: string) => dash + c.toUpperCase());

/**
 * The headers an entry's response carries beside its Content-Type: the
 * dialect's, the request id the server echoes, the challenge on a 401 and
 * the methods on a 405.
 */
function sentHeaders(e: DocReference['entries'][number]): string[] {
  const names = Object.keys(e.example.headers)
    .map((k) => k.toLowerCase())
    .filter((k) => k !== 'content-type');
  const add = (name: string) => {
    if (!names.includes(name)) names.push(name);
  };
  // The responder echoes the request id in x-request-id whatever the dialect names it
  // (Stripe: Request-Id, Azure: x-ms-request-id).
  if (names.some((n) => n.endsWith('request-id'))) add('x-request-id');
  // Every adapter sends WWW-Authenticate with a 401 (RFC 9110 section 15.5.2) and Allow with a 405
  // (section 15.5.6), whatever the dialect.
  if (e.entry.status === 401) add('www-authenticate');
  if (e.entry.status === 405) add('allow');
  return names;
}

/** The `components` errata contributes: the error schema, one example per entry, one response per status. */
export function openApiComponents(ref: DocReference): {
  schemas: JsonObject;
  examples: JsonObject;
  responses: JsonObject;
} {
  const contentType = ref.dialect.contentType;
  const schema: JsonObject = {
    description: `An error in the \`${ref.dialect.name}\` format (${contentType}) of the ${ref.model.name} API.`,
    ...(ref.schema as JsonObject),
  };
  const examples: JsonObject = {};
  const byStatus = new Map<number, string[]>();
  const headers = new Map<number, Set<string>>();
  // A catalog in several languages is answered in the caller's (errata/i18n), named in Content-Language.
  const localized = ref.model.translations !== undefined;
  for (const e of ref.entries) {
    const entry = e.entry;
    const notes: string[] = [];
    if (entry.deprecated)
      notes.push(
        `Deprecated${entry.deprecated.replacedBy ? `: use ${entry.deprecated.replacedBy} instead` : ''}.`,
      );
    if (entry.description) notes.push(entry.description);
    if (entry.remediation) notes.push(`What to do: ${entry.remediation}`);
    examples[e.id] = {
      summary: `${entry.code || e.id}${entry.title ? ` — ${entry.title}` : ''}`,
      ...(notes.length > 0 && { description: notes.join('\n\n') }),
      value: e.exampleBody,
    };
    // An entry listing several statuses (`status: [400, 409]`) is a possible answer under each.
    for (const status of entryStatuses(entry)) {
      const list = byStatus.get(status) ?? [];
      list.push(e.id);
      byStatus.set(status, list);
      const headerNames = headers.get(status) ?? new Set<string>();
      for (const k of sentHeaders(e)) headerNames.add(k);
      if (localized) headerNames.add('content-language');
      headers.set(status, headerNames);
    }
  }
  const responses: JsonObject = {};
  for (const status of [...byStatus.keys()].sort((a, b) => a - b)) {
    responses[responseName(status)] = responseObject(
      ref,
      status,
      byStatus.get(status) ?? [],
      headers.get(status),
    );
  }
  return { schemas: { [ERRATA_SCHEMA]: schema }, examples, responses };
}

function responseObject(
  ref: DocReference,
  status: number,
  ids: readonly string[],
  headers?: Set<string>,
): JsonObject {
  const out: JsonObject = {
    description: `${statusText(status)}: ${ids.map((id) => ref.model.errors[id]?.code || id).join(', ')}`,
  };
  if (headers && headers.size > 0) {
    const headerObjects: JsonObject = {};
    for (const k of [...headers].sort())
      headerObjects[headerName(k)] =
        k === 'content-language'
          ? {
              description: `The language of the error's text (RFC 9110 section 8.5), chosen from the request's Accept-Language among the catalog's: ${catalogLocales(ref.model).join(', ')}.`,
              schema: { type: 'string', enum: catalogLocales(ref.model) },
            }
          : { description: HEADER_DOCS[k] ?? 'Sent with this error.', schema: { type: 'string' } };
    out.headers = headerObjects;
  }
  const examples: JsonObject = {};
  for (const id of ids) examples[id] = { $ref: `#/components/examples/${id}` };
  out.content = {
    [ref.dialect.contentType]: { schema: { $ref: `#/components/schemas/${ERRATA_SCHEMA}` }, examples },
  };
  return out;
}

/**
 * OpenAPI 3.1 for a catalog's errors: the error schema of the chosen dialect
 * (its code member an enum of the catalog's codes), one example per entry and
 * one reusable response per status (`ErrataError404`…). `paths` is empty; use
 * {@link mergeOpenApi} to attach the responses to an API's operations.
 */
export function generateOpenApi(model: CatalogModel, options: DocsOptions = {}): OpenApiDocument {
  return renderOpenApi(buildReference(model, options));
}

/** Renders an already built reference as an OpenAPI document. */
export function renderOpenApi(ref: DocReference): OpenApiDocument {
  const { model } = ref;
  const info: JsonObject = { title: ref.title, version: model.version };
  const description = [model.description, ref.dialectNote].filter(Boolean).join('\n\n');
  if (description) info.description = description;
  return {
    openapi: '3.1.0',
    info,
    paths: {},
    components: openApiComponents(ref),
  };
}

/** One route's declared errors: `{ method: 'get', path: '/users/{id}', errors: ['UserNotFound'] }`. */
export interface RouteErrors {
  readonly method: string;
  /** OpenAPI path template; `:id` segments are read as `{id}`. */
  readonly path: string;
  readonly errors: readonly string[];
}

/** Options of {@link mergeOpenApi}: the generator options plus the routes' declared errors. */
export interface MergeOptions extends DocsOptions {
  /** Errors per route, added to the ids an operation lists in `x-errata-errors`. @default [] */
  readonly routes?: readonly RouteErrors[];
}

/** The merged document, what was left alone, and how many responses were set. */
export interface MergeResult {
  readonly document: OpenApiDocument;
  /**
   * What was left as it was: `kept` (an operation already had its own response
   * for a status) or `unmatched` (a route with no operation in the document).
   */
  readonly warnings: readonly MergeWarning[];
  /** Error responses set on operations. */
  readonly added: number;
}

/** Something {@link mergeOpenApi} left as it was. */
export interface MergeWarning {
  readonly kind: 'kept' | 'unmatched';
  readonly message: string;
}

/** Thrown when the spec or the routes are not usable; each issue has its path (`routes[2].errors[0]` for a route). */
export class OpenApiMergeError extends Error {
  override readonly name = 'OpenApiMergeError';
  readonly issues: readonly { path: string; message: string }[];
  constructor(issues: readonly { path: string; message: string }[]) {
    super(issues.map((i) => `${i.path ? `${i.path}: ` : ''}${i.message}`).join('\n'));
    this.issues = issues;
  }
}

const METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'];
const propertyPath = (key: string) =>
  /^[A-Za-z_$][A-Za-z0-9_$-]*$/.test(key) ? `.${key}` : `[${JSON.stringify(key)}]`;
const shape = (path: string) =>
  path
    .replace(/:([A-Za-z_][A-Za-z0-9_]*)/g, '{$1}')
    .replace(/\{[^}]*\}/g, '{}')
    .replace(/\/+$/, '');

/**
 * Adds error responses to an existing OpenAPI 3 document: each operation gets
 * the responses of the entries it lists in `x-errata-errors` and of the routes
 * given in `options.routes` (whose ids are added to its `x-errata-errors`), any
 * entry of the catalog's effective contract (`serverContract`). A response the operation already defines for a
 * status is kept; responses errata added before are replaced, so merging
 * again is idempotent. The input is not modified.
 */
export function mergeOpenApi(spec: unknown, model: CatalogModel, options: MergeOptions = {}): MergeResult {
  const issues: { path: string; message: string }[] = [];
  if (!isRecord(spec) || typeof spec.openapi !== 'string' || !/^3\./.test(spec.openapi))
    throw new OpenApiMergeError([{ path: 'openapi', message: 'not an OpenAPI 3.x document' }]);
  // What errata would replace must be what the document says it is; nothing is dropped silently.
  if (spec.paths !== undefined && !isRecord(spec.paths))
    issues.push({ path: 'paths', message: 'must be an object of path items' });
  if (spec.components !== undefined && !isRecord(spec.components))
    issues.push({ path: 'components', message: 'must be an object' });
  else if (isRecord(spec.components))
    for (const key of ['schemas', 'examples', 'responses'])
      if (spec.components[key] !== undefined && !isRecord(spec.components[key]))
        issues.push({ path: `components.${key}`, message: 'must be an object' });
  if (issues.length > 0) throw new OpenApiMergeError(issues);
  const doc = structuredClone(spec) as JsonObject;
  const ref = buildReference(model, options);
  const errataComponents = openApiComponents(ref);
  // OpenAPI 3.0 schemas are not JSON Schema: no type arrays, `nullable` instead of "null".
  if (spec.openapi.startsWith('3.0.'))
    for (const [k, v] of Object.entries(errataComponents.schemas)) errataComponents.schemas[k] = toOas30(v);
  const components: JsonObject = isRecord(doc.components) ? doc.components : {};
  doc.components = components;
  for (const key of ['schemas', 'examples', 'responses'] as const) {
    const target: JsonObject = isRecord(components[key]) ? (components[key] as JsonObject) : {};
    Object.assign(target, errataComponents[key]);
    components[key] = target;
  }

  // The ids of the effective contract: a route may list a server failure (`METHOD_NOT_ALLOWED`) too.
  const known = ref.model.errors;
  const paths: JsonObject = isRecord(doc.paths) ? doc.paths : {};
  const wanted = new Map<JsonObject, { ids: string[]; where: string }>();
  for (const [template, item] of Object.entries(paths)) {
    if (!isRecord(item)) continue;
    for (const method of METHODS) {
      const operation = item[method];
      if (!isRecord(operation)) continue;
      const where = `paths${propertyPath(template)}.${method}`;
      const ids: string[] = [];
      const listed = operation['x-errata-errors'];
      if (listed !== undefined) {
        if (!Array.isArray(listed))
          issues.push({ path: `${where}.x-errata-errors`, message: 'must be an array of error ids' });
        else
          listed.forEach((id, i) => {
            if (typeof id !== 'string' || !Object.hasOwn(known, id))
              issues.push({
                path: `${where}.x-errata-errors[${i}]`,
                message: `unknown error id ${JSON.stringify(id)} (not in catalog "${model.name}")`,
              });
            else ids.push(id);
          });
      }
      wanted.set(operation, { ids, where });
    }
  }

  const warnings: MergeWarning[] = [];
  (options.routes ?? []).forEach((route, i) => {
    const method = String(route.method).toLowerCase();
    const target = Object.entries(paths).find(
      ([p, item]) => isRecord(item) && shape(p) === shape(route.path),
    );
    const operation = target && isRecord(target[1]) ? target[1][method] : undefined;
    route.errors.forEach((id, j) => {
      if (!Object.hasOwn(known, id))
        issues.push({
          path: `routes[${i}].errors[${j}]`,
          message: `unknown error id ${JSON.stringify(id)} (not in catalog "${model.name}")`,
        });
    });
    if (!isRecord(operation)) {
      warnings.push({
        kind: 'unmatched',
        message: `route ${method.toUpperCase()} ${route.path} has no operation in the document`,
      });
      return;
    }
    const declared = wanted.get(operation);
    if (!declared) return;
    const before = declared.ids.length;
    for (const id of route.errors)
      if (Object.hasOwn(known, id) && !declared.ids.includes(id)) declared.ids.push(id);
    // The document says what the operation throws, as if it had listed the route's errors itself.
    if (declared.ids.length > before) operation['x-errata-errors'] = [...declared.ids];
  });
  if (issues.length > 0) throw new OpenApiMergeError(issues);

  const full = new Map<number, string[]>();
  for (const e of ref.entries)
    for (const status of entryStatuses(e.entry)) full.set(status, [...(full.get(status) ?? []), e.id]);
  let added = 0;
  for (const [operation, { ids, where }] of wanted) {
    if (ids.length === 0) continue;
    const byStatus = new Map<number, string[]>();
    for (const id of ids) {
      const status = known[id]?.status as number;
      byStatus.set(status, [...(byStatus.get(status) ?? []), id]);
    }
    const responses: JsonObject = isRecord(operation.responses) ? operation.responses : {};
    operation.responses = responses;
    for (const [status, list] of [...byStatus].sort((a, b) => a[0] - b[0])) {
      const key = String(status);
      const existing = responses[key];
      if (existing !== undefined && !isErrataResponse(existing)) {
        warnings.push({
          kind: 'kept',
          message: `${where}.responses.${key}: kept the operation's own response`,
        });
        continue;
      }
      const all = full.get(status) ?? [];
      if (all.length === list.length)
        responses[key] = { $ref: `#/components/responses/${responseName(status)}` };
      else {
        const headers = new Set<string>();
        for (const e of ref.entries) if (list.includes(e.id)) for (const k of sentHeaders(e)) headers.add(k);
        responses[key] = { ...responseObject(ref, status, list, headers), [MARK]: true };
      }
      added++;
    }
  }
  return { document: doc, warnings, added };
}

/** Rewrites a JSON Schema's type arrays into the OpenAPI 3.0 dialect. */
function toOas30(schema: unknown): unknown {
  if (Array.isArray(schema)) return schema.map(toOas30);
  if (!isRecord(schema)) return schema;
  const out: JsonObject = {};
  for (const [k, v] of Object.entries(schema))
    out[k] = k === 'enum' || k === 'required' || k === 'type' ? v : toOas30(v);
  if (Array.isArray(out.type)) {
    const types = (out.type as string[]).filter((t) => t !== 'null');
    if (types.length < (out.type as string[]).length) out.nullable = true;
    if (types.length === 1) out.type = types[0];
    else {
      delete out.type;
      out.anyOf = types.map((t) => ({ type: t }));
    }
  } else if (out.type === 'null') {
    delete out.type;
    out.nullable = true;
  }
  return out;
}

function isErrataResponse(value: unknown): boolean {
  if (!isRecord(value)) return false;
  if (value[MARK] === true) return true;
  return typeof value.$ref === 'string' && value.$ref.startsWith('#/components/responses/ErrataError');
}
