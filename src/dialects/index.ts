// errata's dialects, as the root entry point (`errata`) exports them: every
// name here is public. Each built-in dialect's folder adds its own public
// names (`<name>`, `parse<Name>`, and helpers such as `grpcStatus`) through
// its `export *` line; the lists are derived from `registry.ts`. Internal
// lookups (`findDialect`, `bareParsers`, `detect`) are imported from their
// files by the layers that use them.

export * from './authos/authos.js';
export * from './azure/azure.js';
export * from './barekey/barekey.js';
export * from './clerk/clerk.js';
export * from './connect/connect.js';
export { GENERIC_SERVER_MESSAGE, publicDetails, publicMessage, publicTitle } from './expose.js';
export * from './google/google.js';
export * from './jsonapi/jsonapi.js';
export * from './kubernetes/kubernetes.js';
export * from './oci/oci.js';
export * from './openai/openai.js';
export { type DialectParser, parseAny, parsers } from './parsers.js';
export * from './problem/problem.js';
export { dialects, getDialect } from './registry.js';
export * from './simple/simple.js';
export * from './stripe/stripe.js';
export * from './supabase/supabase.js';
export type {
  Dialect,
  HeaderReader,
  Localized,
  LocalizedTexts,
  ParsedError,
  ParseInput,
  SerializeContext,
  WireError,
} from './types.js';
