// Which dialect answers a request: a fixed one, the one a `dialect` function
// names, or the one the client's `Accept` asks for, else the default.
import { findDialect, getDialect, dialects as registry } from '../dialects/registry.js';
import type { Dialect } from '../dialects/types.js';
import { createNegotiator } from './negotiate.js';
import type { DialectChooser, RequestContext } from './options.js';

/** A configuration problem met while choosing, reported by the caller once per key. */
export type ChoiceProblem = (key: string, message: string) => void;

/** The dialect options of a responder. */
export interface DialectOptions {
  readonly dialect?: Dialect | string | DialectChooser;
  readonly negotiate?: boolean;
  readonly dialects?: Readonly<Record<string, Dialect>>;
}

/**
 * Resolves the dialect options once (an unknown fixed name throws here) and
 * returns the choice for each request. A `dialect` function may throw: the
 * responder calls the choice where a failure is still answered.
 */
export function createDialectChoice(
  options: DialectOptions,
  catalogDialect: string,
): (ctx: RequestContext | undefined, problem: ChoiceProblem) => Dialect {
  const extra = options.dialects ?? {};
  const fixed = typeof options.dialect === 'function' ? undefined : options.dialect;
  const chooser = typeof options.dialect === 'function' ? options.dialect : undefined;
  const given = fixed ?? catalogDialect;
  const fallback = typeof given === 'string' ? getDialect(given, extra) : given;
  const negotiate =
    options.negotiate === false
      ? undefined
      : createNegotiator([...Object.values(registry), ...Object.values(extra)], fallback);

  /** The dialect a chooser named; an unknown name is the default's, reported once. */
  const chosen = (d: unknown, problem: ChoiceProblem): Dialect | undefined => {
    if (typeof d === 'string') {
      const found = findDialect(d, extra);
      if (found !== undefined) return found;
      const name = JSON.stringify(d.length > 64 ? `${d.slice(0, 64)}…` : d);
      problem(
        `dialect:${d.slice(0, 64)}`,
        `the dialect function chose ${name}, which is not a dialect; answered in the default`,
      );
      return undefined;
    }
    const dialect = d as Partial<Dialect> | null;
    if (typeof dialect === 'object' && dialect !== null && typeof dialect.serialize === 'function')
      return d as Dialect;
    problem(
      'dialect:?',
      'the dialect function returned a value that is not a dialect; answered in the default',
    );
    return undefined;
  };

  return (ctx, problem) => {
    if (chooser === undefined) return negotiate?.(ctx?.accept) ?? fallback;
    const d = ctx === undefined ? undefined : chooser(ctx);
    return (
      (d !== undefined && ctx !== undefined ? chosen(d, problem) : undefined) ??
      negotiate?.(ctx?.accept) ??
      fallback
    );
  };
}
