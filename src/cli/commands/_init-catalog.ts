// The starter catalog of `errata init`, in YAML and in TypeScript: the same entries (a test
// loads both and compares them), each a condition a server meets on its first day.

/** The starter catalog as YAML, with the schema for editors that read `yaml-language-server` comments. */
export const starterYaml = `# The errors of this API: one entry per condition a caller can meet.
# Check it:    npx errata lint errors.yaml --config errata.lint.yaml
# Document it: npx errata docs errors.yaml -o docs/errors.md
# yaml-language-server: $schema=./node_modules/errata/schema/catalog.v1.json
errata: 1
name: my-api
title: My API errors
version: 0.1.0
# Each entry's RFC 9457 \`type\` is this URL, \`#\` and its id: publish the reference there.
docs: https://api.example.com/errors
categories: [Items, Requests, Server]
errors:
  # An error of your own domain: add one like it per condition your handlers throw.
  ITEM_NOT_FOUND:
    status: 404
    category: Items
    title: Item not found
    message: No item has the id {itemId:string}.
    description: The item does not exist, or it was deleted.
    remediation: Check the item id; list the items to find it.

  # What the server itself answers, found by status and id.
  NOT_FOUND:
    status: 404
    category: Requests
    title: No such route
    message: No route for {method:string} {path:string}.
    description: The server has no route for this method and path.
    remediation: Check the method and path against the API reference.
  METHOD_NOT_ALLOWED:
    status: 405
    category: Requests
    title: Method not allowed
    message: The method {method:string} is not allowed on this route.
    description: The route exists, but not for this method.
    remediation: Use one of the methods listed in the \`Allow\` header.
  INVALID_JSON:
    status: 400
    category: Requests
    title: Malformed JSON
    message: The request body is not valid JSON.
    description: The body could not be parsed as JSON.
    remediation: Send a well-formed JSON body.
  PAYLOAD_TOO_LARGE:
    status: 413
    category: Requests
    title: Request too large
    message: The request body is larger than this route accepts.
    description: The body is over the size limit of the route.
    remediation: Send a smaller body.
  UNSUPPORTED_MEDIA_TYPE:
    status: 415
    category: Requests
    title: Unsupported media type
    message: The request body must be JSON.
    description: The body was sent in a media type the route does not read.
    remediation: "Send the body as JSON, with \`Content-Type: application/json\`."
  VALIDATION_FAILED:
    status: 422
    category: Requests
    title: Invalid request
    message: The request failed validation.
    description: One or more fields are invalid; \`errors\` lists each with a JSON Pointer and a message.
    remediation: Fix each field listed in \`errors\`, then send the request again.
    # What a handler may attach when it throws this entry itself (validate() lists the fields in \`errors\`).
    details:
      type: object
      additionalProperties: false
      properties:
        fields:
          type: array
          items: { type: string }
          description: JSON Pointers of the invalid fields.
        rule:
          type: string
          description: The rule across fields that failed, such as "end after start".
  RATE_LIMITED:
    status: 429
    category: Requests
    title: Too many requests
    message: More than {limit:integer} requests in {windowSeconds:integer} seconds.
    description: The caller sent more requests than its rate limit allows.
    remediation: Wait as long as the \`Retry-After\` header says, then send the request again.
    retry: { strategy: after, afterMs: 60000, maxAttempts: 3 }

  INTERNAL_ERROR:
    status: 500
    category: Server
    title: Internal error
    message: An internal error occurred.
    description: The server failed to answer; the cause is in its logs, never in the response.
    remediation: Retry later; quote the request id to support if it persists.
    retry: { strategy: exponential, baseMs: 1000, maxMs: 30000, maxAttempts: 3 }
  SERVICE_UNAVAILABLE:
    status: 503
    category: Server
    title: Service unavailable
    message: The service is unavailable for a moment.
    description: The server is overloaded or in maintenance.
    remediation: Retry with backoff; the \`Retry-After\` header, when sent, says when.
    retry: { strategy: exponential, baseMs: 1000, maxMs: 60000, maxAttempts: 5 }
`;

/** The starter catalog as TypeScript: ids, message parameters and details checked by the compiler. */
export const starterTs = `// The errors of this API: one entry per condition a caller can meet.
// Check it:    npx errata lint errors.ts --config errata.lint.yaml
// Document it: npx errata docs errors.ts -o docs/errors.md
import { defineCatalog, jsonDetails } from 'errata';

export const api = defineCatalog({
  name: 'my-api',
  title: 'My API errors',
  version: '0.1.0',
  // Each entry's RFC 9457 \`type\` is this URL, \`#\` and its id: publish the reference there.
  docs: 'https://api.example.com/errors',
  categories: ['Items', 'Requests', 'Server'],
  errors: {
    // An error of your own domain: add one like it per condition your handlers throw.
    ITEM_NOT_FOUND: {
      status: 404,
      category: 'Items',
      title: 'Item not found',
      message: 'No item has the id {itemId:string}.',
      description: 'The item does not exist, or it was deleted.',
      remediation: 'Check the item id; list the items to find it.',
    },

    // What the server itself answers, found by status and id.
    NOT_FOUND: {
      status: 404,
      category: 'Requests',
      title: 'No such route',
      message: 'No route for {method:string} {path:string}.',
      description: 'The server has no route for this method and path.',
      remediation: 'Check the method and path against the API reference.',
    },
    METHOD_NOT_ALLOWED: {
      status: 405,
      category: 'Requests',
      title: 'Method not allowed',
      message: 'The method {method:string} is not allowed on this route.',
      description: 'The route exists, but not for this method.',
      remediation: 'Use one of the methods listed in the \`Allow\` header.',
    },
    INVALID_JSON: {
      status: 400,
      category: 'Requests',
      title: 'Malformed JSON',
      message: 'The request body is not valid JSON.',
      description: 'The body could not be parsed as JSON.',
      remediation: 'Send a well-formed JSON body.',
    },
    PAYLOAD_TOO_LARGE: {
      status: 413,
      category: 'Requests',
      title: 'Request too large',
      message: 'The request body is larger than this route accepts.',
      description: 'The body is over the size limit of the route.',
      remediation: 'Send a smaller body.',
    },
    UNSUPPORTED_MEDIA_TYPE: {
      status: 415,
      category: 'Requests',
      title: 'Unsupported media type',
      message: 'The request body must be JSON.',
      description: 'The body was sent in a media type the route does not read.',
      remediation: 'Send the body as JSON, with \`Content-Type: application/json\`.',
    },
    VALIDATION_FAILED: {
      status: 422,
      category: 'Requests',
      title: 'Invalid request',
      message: 'The request failed validation.',
      description: 'One or more fields are invalid; \`errors\` lists each with a JSON Pointer and a message.',
      remediation: 'Fix each field listed in \`errors\`, then send the request again.',
      // What a handler may attach when it throws this entry itself (validate() lists the fields in \`errors\`).
      details: jsonDetails<{ fields?: string[]; rule?: string }>({
        type: 'object',
        additionalProperties: false,
        properties: {
          fields: {
            type: 'array',
            items: { type: 'string' },
            description: 'JSON Pointers of the invalid fields.',
          },
          rule: {
            type: 'string',
            description: 'The rule across fields that failed, such as "end after start".',
          },
        },
      }),
    },
    RATE_LIMITED: {
      status: 429,
      category: 'Requests',
      title: 'Too many requests',
      message: 'More than {limit:integer} requests in {windowSeconds:integer} seconds.',
      description: 'The caller sent more requests than its rate limit allows.',
      remediation: 'Wait as long as the \`Retry-After\` header says, then send the request again.',
      retry: { strategy: 'after', afterMs: 60_000, maxAttempts: 3 },
    },

    INTERNAL_ERROR: {
      status: 500,
      category: 'Server',
      title: 'Internal error',
      message: 'An internal error occurred.',
      description: 'The server failed to answer; the cause is in its logs, never in the response.',
      remediation: 'Retry later; quote the request id to support if it persists.',
      retry: { strategy: 'exponential', baseMs: 1000, maxMs: 30_000, maxAttempts: 3 },
    },
    SERVICE_UNAVAILABLE: {
      status: 503,
      category: 'Server',
      title: 'Service unavailable',
      message: 'The service is unavailable for a moment.',
      description: 'The server is overloaded or in maintenance.',
      remediation: 'Retry with backoff; the \`Retry-After\` header, when sent, says when.',
      retry: { strategy: 'exponential', baseMs: 1000, maxMs: 60_000, maxAttempts: 5 },
    },
  },
});
`;

/** The lint config, in the format `errata lint --config` reads. */
export const starterLintConfig = (
  catalog: string,
) => `# The lint config: errata lint ${catalog} --config errata.lint.yaml
# Unlisted rules run at their default level. Set a rule to off, warn or error,
# or to [level, { options }]; errata's governance guide (docs/governance.md)
# lists every rule and its options.
rules:
  # Every entry tells the caller what happened and what to do about it.
  text-missing: [error, { require: [title, message, remediation] }]
  # A 5xx that is safe to repeat says how to retry.
  retry-5xx: [warn, { statuses: [502, 503, 504] }]
`;
