// `toBeErrataError` and `toConformTo`, for Vitest's and Jest's `expect.extend`.
// Synchronous for a response whose body is already read (supertest,
// light-my-request, a collected Node response); a promise for a fetch
// `Response`, so `await expect(response).toBeErrataError(...)`.
import type { CatalogInput } from '../check/catalog-view.js';
import { modelOf } from '../check/catalog-view.js';
import { type CheckOptions, createChecker } from '../check/checker.js';
import { observedHeaders } from '../check/headers.js';
import type { Finding, Observation } from '../check/types.js';
import { parseAny } from '../dialects/index.js';
import { toObservation } from './response.js';

/** What `expect.extend` gives a matcher as `this` (the part these matchers read). */
interface MatcherState {
  readonly isNot?: boolean;
  equals?(a: unknown, b: unknown): boolean;
}

/** A matcher's answer. */
export interface MatcherResult {
  readonly pass: boolean;
  readonly message: () => string;
}

/** Options of `toBeErrataError`. */
export interface ErrataErrorExpectation {
  /** Check the response against this catalog too: every check must pass. */
  readonly catalog?: CatalogInput;
  /** The status expected. @default the entry's, when `catalog` is given */
  readonly status?: number;
  /** The details expected (`expect.objectContaining` works). */
  readonly details?: unknown;
  /** The message expected. */
  readonly message?: string | RegExp;
  /** Options for the checks when `catalog` is given. */
  readonly check?: CheckOptions;
}

const then = <T, U>(value: T | Promise<T>, f: (v: T) => U): U | Promise<U> =>
  value instanceof Promise ? value.then(f) : f(value);

/** Reads the response, or fails the matcher saying what it got. */
function withObservation(
  actual: unknown,
  f: (o: Observation) => MatcherResult,
): MatcherResult | Promise<MatcherResult> {
  let observation: Observation | Promise<Observation>;
  try {
    observation = toObservation(actual);
  } catch (e) {
    const message = (e as Error).message;
    return { pass: false, message: () => message };
  }
  return then(observation, f);
}

const errorsOf = (findings: readonly Finding[]) => findings.filter((f) => f.severity === 'error');
const listed = (findings: readonly Finding[]) =>
  findings.map((f) => `  - ${f.check} (${f.severity}): ${f.message}`).join('\n');
const shown = (o: Observation) => `${o.status} ${(o.body ?? '').slice(0, 300)}`;

function parse(o: Observation) {
  try {
    return parseAny(JSON.parse(o.body ?? ''), { status: o.status, headers: observedHeaders(o.headers) });
  } catch {
    return undefined;
  }
}

/**
 * Passes when the response is the error `expected` names: an entry id of
 * `catalog` (or a wire code), with the status, details and message given,
 * and, with a catalog, passing every check.
 */
function toBeErrataError(
  this: MatcherState,
  actual: unknown,
  expected: string,
  expectation: ErrataErrorExpectation = {},
): MatcherResult | Promise<MatcherResult> {
  return withObservation(actual, (o) => {
    const model = expectation.catalog === undefined ? undefined : modelOf(expectation.catalog);
    const entry =
      model !== undefined && Object.hasOwn(model.errors, expected) ? model.errors[expected] : undefined;
    const code = entry?.code ?? expected;
    const parsed = parse(o);
    const problems: string[] = [];
    if (parsed === undefined) problems.push(`the body is not an error errata reads: ${shown(o)}`);
    else if (parsed.code !== code)
      problems.push(`its code is ${JSON.stringify(parsed.code)}, not ${JSON.stringify(code)}`);
    const status = expectation.status ?? entry?.status;
    if (status !== undefined && o.status !== status)
      problems.push(`its status is ${o.status}, not ${status}`);
    if (parsed !== undefined && expectation.details !== undefined) {
      const same =
        this.equals?.(parsed.details, expectation.details) ??
        JSON.stringify(parsed.details) === JSON.stringify(expectation.details);
      if (!same)
        problems.push(
          `its details are ${JSON.stringify(parsed.details)}, not ${JSON.stringify(expectation.details)}`,
        );
    }
    const m = expectation.message;
    if (
      parsed !== undefined &&
      m !== undefined &&
      !(typeof m === 'string' ? parsed.message === m : m.test(parsed.message ?? ''))
    )
      problems.push(`its message is ${JSON.stringify(parsed.message)}, not ${String(m)}`);
    if (expectation.catalog !== undefined) {
      const found = errorsOf(createChecker(expectation.catalog, expectation.check).check(o));
      if (found.length > 0)
        problems.push(`it fails the checks of catalog "${model?.name}":\n${listed(found)}`);
    }
    const pass = problems.length === 0;
    return {
      pass,
      message: () =>
        pass
          ? `expected the response not to be the ${expected} error, but it is (${o.status})`
          : `expected the response to be the ${expected} error, but ${problems.join('; ')}`,
    };
  });
}

/** Passes when the response conforms to a catalog: no check finds an error (a response below 400 always does). */
function toConformTo(
  this: MatcherState,
  actual: unknown,
  catalog: CatalogInput,
  options?: CheckOptions,
): MatcherResult | Promise<MatcherResult> {
  const checker = createChecker(catalog, options);
  const name = modelOf(catalog).name;
  return withObservation(actual, (o) => {
    const findings = checker.check(o);
    const failed = errorsOf(findings);
    const pass = failed.length === 0;
    return {
      pass,
      message: () =>
        pass
          ? `expected the response not to conform to catalog "${name}", but it does (${o.status})${findings.length ? `; warnings:\n${listed(findings)}` : ''}`
          : `expected the response to conform to catalog "${name}", but:\n${listed(findings)}\nresponse: ${shown(o)}`,
    };
  });
}

/** The matchers, for `expect.extend(errataMatchers)` in Vitest or Jest. */
export const errataMatchers = { toBeErrataError, toConformTo };

/**
 * The matchers' types, to augment your test framework's `expect` (see the
 * testing guide). `R` is the framework's return type; with a fetch `Response`
 * the matchers are asynchronous: `await expect(response).toConformTo(api)`.
 */
export interface ErrataMatchers<R = unknown> {
  /** The response is the error of this entry id or wire code (checked against `catalog` too, if given). */
  toBeErrataError(expected: string, expectation?: ErrataErrorExpectation): R;
  /** The response conforms to the catalog: no check finds an error. */
  toConformTo(catalog: CatalogInput, options?: CheckOptions): R;
}
