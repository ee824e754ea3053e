// The orders API's errors, in TypeScript: ids, message parameters and details are checked by the compiler.
// `npx errata lint catalog.ts` checks the catalog itself.
import { defineCatalog } from 'errata';
import { z } from 'zod';

export const api = defineCatalog({
  name: 'orders',
  title: 'Orders API errors',
  version: '1.0.0',
  docs: 'https://orders.example.com/errors',
  categories: ['Orders', 'Requests', 'Server'],
  errors: {
    ORDER_NOT_FOUND: {
      status: 404,
      category: 'Orders',
      title: 'Order not found',
      message: 'No order {orderId} exists.',
      remediation: 'Check the order id in the URL.',
    },
    OUT_OF_STOCK: {
      status: 409,
      category: 'Orders',
      title: 'Out of stock',
      message: 'Only {available:integer} of {sku} left in stock.',
      description: 'The order asks for more items than the warehouse holds.',
      remediation: 'Order at most `details.available` items, or another product.',
      retry: false,
      details: z.object({ sku: z.string(), requested: z.int(), available: z.int() }),
    },
    VALIDATION_FAILED: {
      status: 422,
      category: 'Requests',
      title: 'Invalid request',
      message: 'The request failed validation.',
      remediation: 'Fix each field listed in `errors` (a JSON Pointer and a message per field).',
    },
    INVALID_JSON: {
      status: 400,
      category: 'Requests',
      title: 'Malformed JSON',
      message: 'The request body is not valid JSON.',
      remediation: 'Send a JSON body.',
    },
    NOT_FOUND: {
      status: 404,
      category: 'Requests',
      title: 'No such route',
      message: 'No route for {method} {path}.',
      remediation: 'Check the method and path against the API reference.',
    },
    METHOD_NOT_ALLOWED: {
      status: 405,
      category: 'Requests',
      title: 'Method not allowed',
      message: 'The method {method} is not allowed on this route.',
      remediation: 'Use one of the methods in the `Allow` header.',
    },
    PAYLOAD_TOO_LARGE: {
      status: 413,
      category: 'Requests',
      title: 'Request too large',
      message: 'The request body is too large.',
      remediation: 'Send a body under 10 KB.',
    },
    UNSUPPORTED_MEDIA_TYPE: {
      status: 415,
      category: 'Requests',
      title: 'Unsupported media type',
      message: 'The request body must be JSON.',
      remediation: 'Send the body as JSON, with `Content-Type: application/json`.',
    },
    INTERNAL_ERROR: {
      status: 500,
      category: 'Server',
      title: 'Internal error',
      message: 'An internal error occurred.',
      remediation: 'Retry later; quote the `requestId` to support if it persists.',
      retry: { strategy: 'exponential', baseMs: 1000, maxMs: 30_000, maxAttempts: 3 },
    },
  },
});
