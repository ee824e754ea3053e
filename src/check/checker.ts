import { type CatalogInput, type CatalogViewOptions, catalogView } from './catalog-view.js';
import { builtinChecks } from './checks/index.js';
import { type CheckConfig, configureChecks } from './configure.js';
import { type CoverageSummary, coverageRecorder } from './coverage.js';
import type { Check, CheckContext } from './define-check.js';
import { type ReadResponse, readResponse } from './read-response.js';
import { type RoutesInput, routeIndex } from './routes.js';
import type { Finding, Observation } from './types.js';

/** Options of {@link createChecker} and {@link checkResponse}. */
export interface CheckOptions extends CatalogViewOptions {
  /** Severities and options per check name. @default {} */
  readonly config?: CheckConfig;
  /** The checks to run. @default builtinChecks */
  readonly checks?: readonly Check[];
  /**
   * The routes and the errors each declares: `responder.declarations()`, or
   * the server's `routes` option (`{"GET /orders/:id": ["ORDER_NOT_FOUND"]}`).
   * With routes, `route-declared` runs and coverage is counted per route.
   */
  readonly routes?: RoutesInput;
  /** Longest body read as JSON, in characters. @default 1048576 */
  readonly maxBodyLength?: number;
}

/** A checker over many observations: findings for each, coverage of them all. */
export interface Checker {
  /** The findings of one response (none for a response below 400). Never throws. */
  check(observation: Observation): Finding[];
  /** What the observations so far covered, as JSON. */
  coverage(): CoverageSummary;
}

/**
 * Creates a checker for a catalog. The configuration, routes and dialect are
 * read once, so a bad one throws here (`CheckConfigError`, or a `TypeError`
 * for a malformed route key), never in `check`.
 */
export function createChecker(catalog: CatalogInput, options: CheckOptions = {}): Checker {
  const view = catalogView(catalog, options);
  const configured = configureChecks(options.checks ?? builtinChecks, options.config);
  const routes = options.routes === undefined ? undefined : routeIndex(options.routes);
  const recorder = coverageRecorder(view.model.name, view.ids, routes);
  const setup = { view, routes, dialects: options.dialects, maxBodyLength: options.maxBodyLength };
  return {
    check(observation) {
      // Most logged responses succeed: they are counted, not read (and a status that is no number is no error).
      if (isSuccess(observation)) {
        recorder.count();
        return [];
      }
      let read: ReadResponse;
      try {
        read = readResponse(setup, observation);
      } catch (e) {
        // Only a hostile object (a proxy, a throwing getter on status) gets here.
        return [
          {
            check: 'body-parses',
            severity: 'error',
            message: `the observation cannot be read: ${e instanceof Error ? e.message : String(e)}`,
          },
        ];
      }
      recorder.record(read);
      const found: Finding[] = [];
      // One context for every check, its options set before each (a copy per check cost more than the checks).
      const context = read as Mutable<CheckContext>;
      for (const { check, severity, options: checkOptions } of configured) {
        try {
          context.options = checkOptions;
          for (const message of check.check(context))
            found.push({ check: check.name, severity, message, ...where(read) });
        } catch (e) {
          const message = `the check failed: ${e instanceof Error ? e.message : String(e)}`;
          found.push({ check: check.name, severity, message, ...where(read) });
        }
      }
      return found;
    },
    coverage: () => recorder.summary(),
  };
}

/** Where a finding was made: what the response and its reading name. */
function where(read: ReadResponse): Omit<Finding, 'check' | 'severity' | 'message'> {
  const o = read.observation;
  return {
    ...(read.code !== undefined && { code: read.code }),
    ...(read.entry !== undefined && { id: read.entry.id }),
    status: o.status,
    ...(typeof o.method === 'string' && { method: o.method }),
    ...(typeof o.url === 'string' && { url: o.url }),
    ...(read.route !== undefined && { route: read.route.key }),
    ...(o.source !== undefined && { source: o.source }),
  };
}

const isSuccess = (o: Observation): boolean => {
  try {
    return !(o.status >= 400);
  } catch {
    return true; // a status that cannot even be read is not an error response
  }
};

type Mutable<T> = { -readonly [K in keyof T]: T[K] };
