// errata: the catalog and the server core. Runtime-neutral (Node, Bun, Deno, Workers).
// Loading catalog files from disk is Node-only and lives in `errata/load`.

export { entryAnchor, typeUri } from './catalog/anchor.js';
export {
  type Catalog,
  type CatalogDef,
  type CodeOf,
  type CreateCatalogOptions,
  createCatalog,
  type DetailsOf,
  defineCatalog,
  type EntryDef,
  type ErrorArgs,
  type ErrorOf,
  type ParamsOf,
  type RetryInput,
} from './catalog/define.js';
export { CatalogError, UnknownErrorIdError } from './catalog/errors.js';
export { exportCatalog } from './catalog/export.js';
export { type JsonDetails, jsonDetails } from './catalog/json-details.js';
export type {
  AfterRetry,
  CatalogIssue,
  CatalogModel,
  DeprecationModel,
  EntryModel,
  ExponentialRetry,
  FixedRetry,
  JsonSchema,
  NoRetry,
  ParamModel,
  ParamType,
  RetryPolicy,
  RetryStrategy,
} from './catalog/model.js';
export { type NormalizeResult, normalizeCatalog } from './catalog/normalize.js';
export type { StandardSchemaV1 } from './catalog/standard-schema.js';
export { statusText } from './catalog/status.js';
export {
  compileTemplate,
  type ParamValue,
  placeholders,
  type RenderLimits,
  sanitizeParam,
  type TemplateParams,
} from './catalog/template.js';
// Every built-in dialect and its parser, `dialects`, `parsers`, `parseAny`,
// `getDialect`, the masking helpers and the dialect types: the list is
// src/dialects/index.ts, derived from the registry (src/dialects/registry.ts).
export * from './dialects/index.js';
export {
  ErrataError,
  type ErrataErrorOptions,
  type ErrorDefinition,
  isErrataError,
  type Violation,
} from './error.js';
export {
  builtin,
  createNegotiator,
  createResponder,
  type DialectChooser,
  type ErrorEvent,
  type ErrorEventKind,
  type ErrorHook,
  type ErrorLogger,
  type FailureKind,
  failures,
  type LocalizedResponse,
  type Localizer,
  type RequestContext,
  type Responder,
  type RouteDeclaration,
  type ServerOptions,
  type ToResponseContext,
  toPointer,
  toResponse,
  toViolations,
  toWire,
  UndeclaredError,
  validate,
  wireResponse,
} from './server/index.js';
