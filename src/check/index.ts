// errata check: prove a running API answers as its catalog says. A pure
// function over observed responses (a test's, a HAR entry's, a log line's):
// named checks, configured like lint rules, and coverage that merges.

export { type CatalogInput, type CatalogViewOptions, modelOf } from './catalog-view.js';
export { checkResponse, headersRecord, type ResponseInput } from './check-response.js';
export { type Checker, type CheckOptions, createChecker } from './checker.js';
export { builtinChecks } from './checks/index.js';
export { type CheckConfig, type ConfiguredCheck, configureChecks } from './configure.js';
export { type CoverageSummary, mergeCoverage, type RouteCoverage } from './coverage.js';
export { type CoverageFindingsOptions, coverageFindings } from './coverage-findings.js';
export { type Check, type CheckContext, defineCheck, type EntryRef } from './define-check.js';
export { CheckConfigError } from './errors.js';
export type { ObservedHeaders } from './headers.js';
export type { ReadBody } from './read-body.js';
export type { RouteMatch, RoutesInput } from './routes.js';
export type { CheckSetting, CheckSeverity, Finding, Observation, ObservationSource } from './types.js';
