// errata/docs: the error reference (Markdown, HTML), OpenAPI and the JSON export,
// each a pure function of the catalog model.

export { exportContract as generateJson } from '../catalog/export.js';
export type {
  ChangeBadge,
  Changelog,
  ChangelogChange,
  ChangelogCommit,
  ChangelogInput,
  ChangelogRelease,
  ChangelogReleaseInput,
  EntryBadges,
} from './changelog.js';
export { escapeHtml, escapeMarkdown } from './escape.js';
export { generateHtml, HTML_CSP, type HtmlOptions, renderHtml } from './html.js';
export { inlineHtml, inlineMarkdown } from './inline.js';
export {
  generateJsonSchema,
  generateJsonSchemas,
  type JsonSchemaDocument,
  renderJsonSchema,
} from './json-schema.js';
export { generateLlms, renderLlms } from './llms.js';
export { generateMarkdown, renderMarkdown } from './markdown.js';
export {
  ERRATA_SCHEMA,
  generateOpenApi,
  type MergeOptions,
  type MergeResult,
  type MergeWarning,
  mergeOpenApi,
  type OpenApiDocument,
  OpenApiMergeError,
  openApiComponents,
  type RouteErrors,
  renderOpenApi,
} from './openapi.js';
export {
  buildReference,
  type DocCategory,
  type DocEntry,
  type DocReference,
  type DocsOptions,
  formatDuration,
  type LocaleAlternate,
  resolveDocsDialect,
  retryText,
  UnknownDialectError,
} from './reference.js';
