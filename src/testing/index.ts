// errata/testing: matchers for Vitest and Jest (`expect.extend(errataMatchers)`),
// and the checker they run, framework-free: `checkResponse` for one response,
// `createChecker` for many with coverage that merges across shards.

export {
  builtinChecks,
  type CatalogInput,
  type Check,
  type CheckConfig,
  CheckConfigError,
  type CheckContext,
  type Checker,
  type CheckOptions,
  type CheckSetting,
  type CheckSeverity,
  type CoverageFindingsOptions,
  type CoverageSummary,
  checkResponse,
  coverageFindings,
  createChecker,
  defineCheck,
  type Finding,
  mergeCoverage,
  type Observation,
  type ObservationSource,
  type ResponseInput,
  type RouteCoverage,
  type RoutesInput,
} from '../check/index.js';
export {
  type ErrataErrorExpectation,
  type ErrataMatchers,
  errataMatchers,
  type MatcherResult,
} from './matchers.js';
export { NotAResponseError, type ResponseLike, toObservation } from './response.js';
