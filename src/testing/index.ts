// errata/testing: matchers for Vitest and Jest (`expect.extend(errataMatchers)`)
// and the framework-free `checkResponse`, for an API's own tests.

export {
  type CatalogInput,
  type CheckOptions,
  checkResponse,
  type Finding,
  type Observation,
  type ResponseInput,
} from '../check/index.js';
export {
  type ErrataErrorExpectation,
  type ErrataMatchers,
  errataMatchers,
  type MatcherResult,
} from './matchers.js';
export { NotAResponseError, type ResponseLike, toObservation } from './response.js';
