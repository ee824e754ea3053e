// The demo's contract: its operations written here, their error responses merged in by errata
// (`mergeOpenApi`, what `errata openapi merge` runs) from the routes' declared errors.
import { type CatalogModel, dialects } from 'errata';
import { generateOpenApi, mergeOpenApi, type OpenApiDocument, type RouteErrors } from 'errata/docs';
import { deviceOperations } from './device.js';

const json = (schema: object, description: string) => ({
  description,
  content: { 'application/json': { schema } },
});
const text = (type: string, description: string) => ({
  description,
  content: { [type]: { schema: { type: 'string' } } },
});

const variable = {
  type: 'object',
  required: ['stage', 'name', 'value'],
  properties: { stage: { type: 'string' }, name: { type: 'string' }, value: { type: 'string' } },
  additionalProperties: false,
};

/** The operations of the demo, without their error responses. */
function operations(variableInput: object, dialects: readonly string[]): OpenApiDocument {
  const dialect = {
    name: 'dialect',
    in: 'query',
    required: false,
    description:
      'The error format: RFC 9457 (`problem`) by default; each error response describes every dialect under its media type.',
    schema: { type: 'string', enum: dialects },
  };
  const bearer = [{ bearer: [] }];
  return {
    openapi: '3.1.0',
    info: {
      title: 'errata demo API',
      version: '1.0.0',
      description:
        'Variables by stage, a rate-limited usage counter and a route that fails, every error from one catalog.',
    },
    paths: {
      '/': {
        get: {
          operationId: 'index',
          summary: 'The routes, the demo token and the dialects',
          responses: {
            200: json(
              {
                type: 'object',
                required: ['name', 'token', 'routes', 'dialects'],
                properties: {
                  name: { type: 'string' },
                  token: { type: 'string' },
                  routes: { type: 'array', items: { type: 'string' } },
                  dialects: { type: 'array', items: { type: 'string' } },
                },
              },
              'The demo',
            ),
          },
        },
      },
      '/v1/variables/{stage}/{name}': {
        get: {
          operationId: 'getVariable',
          summary: 'One variable of a stage',
          security: bearer,
          parameters: [
            { name: 'stage', in: 'path', required: true, schema: { type: 'string' } },
            { name: 'name', in: 'path', required: true, schema: { type: 'string' } },
            dialect,
          ],
          responses: { 200: json(variable, 'The variable') },
        },
      },
      '/v1/variables': {
        post: {
          operationId: 'setVariable',
          summary: 'Sets a variable (at most 16 KiB of JSON)',
          security: bearer,
          parameters: [dialect],
          requestBody: { required: true, content: { 'application/json': { schema: variableInput } } },
          responses: { 201: json(variable, 'The variable as stored') },
        },
      },
      ...deviceOperations(dialect, bearer),
      '/v1/usage': {
        get: {
          operationId: 'getUsage',
          summary: 'Counts the calls of the last minute; over the limit, 429 with Retry-After',
          parameters: [dialect],
          responses: {
            200: json(
              {
                type: 'object',
                required: ['used', 'limit'],
                properties: { used: { type: 'integer' }, limit: { type: 'integer' } },
              },
              'Calls used in the last minute, and the limit',
            ),
          },
        },
      },
      '/v1/crash': {
        get: {
          operationId: 'crash',
          summary: 'Always fails with an unexpected exception: the caller sees the masked 500',
          parameters: [dialect],
          responses: {},
        },
      },
      '/errors': {
        get: { operationId: 'errorReference', responses: { 200: text('text/html', 'The error reference') } },
      },
      '/errors.md': {
        get: {
          operationId: 'errorReferenceMarkdown',
          responses: { 200: text('text/markdown', 'The error reference') },
        },
      },
      '/openapi.json': {
        get: { operationId: 'openapi', responses: { 200: json({ type: 'object' }, 'This document') } },
      },
    },
    components: { securitySchemes: { bearer: { type: 'http', scheme: 'bearer' } } },
  };
}

/**
 * The demo's OpenAPI document: its operations with every error response each
 * route declares. A declared route with no operation here fails, so the two
 * cannot drift apart.
 */
export function demoOpenApi(
  model: CatalogModel,
  routes: readonly RouteErrors[],
  options: { readonly variableInput: object; readonly dialects: readonly string[] },
): OpenApiDocument {
  const { document, warnings } = mergeOpenApi(operations(options.variableInput, options.dialects), model, {
    routes,
    dialect: 'problem',
  });
  if (warnings.length > 0) throw new Error(`demo OpenAPI: ${warnings.map((w) => w.message).join('; ')}`);
  withDialects(document, model, options.dialects);
  return document;
}

type Obj = Record<string, Record<string, unknown>>;

/**
 * Adds each other dialect's envelope beside RFC 9457 to every error response, under its
 * media type (one schema of each, `anyOf` where dialects share `application/json`):
 * `?dialect=` can answer any of them.
 */
function withDialects(doc: OpenApiDocument, model: CatalogModel, names: readonly string[]): void {
  const components = doc.components as { schemas: Obj; responses: Record<string, { content: Obj }> };
  const byType = new Map<string, { $ref: string }[]>();
  for (const name of names) {
    if (name === 'problem') continue;
    const own = (generateOpenApi(model, { dialect: name }).components as { schemas: Obj }).schemas;
    components.schemas[`ErrataError_${name}`] = own.ErrataError as Obj[string];
    const type = (dialects[name] as { contentType: string }).contentType;
    byType.set(type, [...(byType.get(type) ?? []), { $ref: `#/components/schemas/ErrataError_${name}` }]);
  }
  const more = Object.fromEntries(
    [...byType].map(([type, refs]) => [type, { schema: refs.length === 1 ? refs[0] : { anyOf: refs } }]),
  );
  const responses = [
    ...Object.values(components.responses),
    // The responses merged into operations with only some entries of a status (the rest are $refs).
    ...Object.values(
      doc.paths as Record<string, Record<string, { responses: Record<string, { content?: Obj }> }>>,
    )
      .flatMap((item) => Object.values(item))
      .flatMap((op) => Object.entries(op.responses))
      .filter(([status, r]) => Number(status) >= 400 && r.content !== undefined)
      .map(([, r]) => r as { content: Obj }),
  ];
  for (const r of responses) Object.assign(r.content, more);
}
