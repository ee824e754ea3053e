// The demo's contract: its operations written here, their error responses merged in by errata
// (`mergeOpenApi`, what `errata openapi merge` runs) from the routes' declared errors.
import type { CatalogModel } from 'errata';
import { mergeOpenApi, type OpenApiDocument, type RouteErrors } from 'errata/docs';

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
      'The error format. The responses here describe the default, RFC 9457 (`problem`); `Accept: application/problem+json` chooses it too.',
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
  return document;
}
