// Hands events to the application's hook. Nothing the hook does (throw, reject,
// never settle) reaches the request being answered or the process.
import { type ErrataError, paramMistakes } from '../error.js';
import type { ErrorEvent, ErrorHook, ErrorLogger } from './options.js';

/** Most distinct problems reported once each; past it, new ones are not reported (a hostile client cannot grow it). */
const MAX_ONCE = 256;

export interface Reporter {
  (event: ErrorEvent): void;
  /** Reports `event` only the first time `key` is seen. */
  once(key: string, event: ErrorEvent): void;
}

export function createReporter(hook: ErrorHook | undefined): Reporter {
  const h = hook ?? defaultHook;
  const report = ((event: ErrorEvent) => {
    try {
      settle(typeof h === 'function' ? h(event) : log(h, event));
    } catch {
      // A failing logger must not turn one error response into none.
    }
  }) as Reporter;
  const seen = new Set<string>();
  report.once = (key, event) => {
    if (seen.has(key) || seen.size >= MAX_ONCE) return;
    seen.add(key);
    report(event);
  };
  return report;
}

/**
 * An async hook's promise is handled here: its rejection (an error tracker that is
 * down) would otherwise be unhandled and end the process. It is never awaited, so
 * one that never settles holds nothing up.
 */
function settle(result: unknown): void {
  if ((typeof result !== 'object' && typeof result !== 'function') || result === null) return;
  const then = (result as { then?: unknown }).then;
  if (typeof then === 'function') then.call(result, undefined, ignore);
}
const ignore = () => {};

function log(logger: ErrorLogger, event: ErrorEvent): unknown {
  const { kind, error, cause, requestId, method, path, route } = event;
  const fields = { err: cause, requestId, code: error.code, kind, method, path, route };
  const msg = `${kind} error answered as ${error.code} (${error.status})`;
  if (kind === 'aborted') return typeof logger.debug === 'function' ? logger.debug(fields, msg) : undefined;
  if (kind === 'config' && typeof logger.warn === 'function') return logger.warn(fields, String(cause));
  return logger.error(fields, msg);
}

function defaultHook(event: ErrorEvent): void {
  if (event.kind === 'unexpected') console.error(`[errata] request ${event.requestId}:`, event.cause);
  else if (event.kind === 'config') console.warn(`[errata] ${String((event.cause as Error).message)}`);
}

/**
 * Reports an answered error whose message could not be rendered (a parameter missing or of the
 * wrong type, so its entry's static text was sent): a `config` event, once per entry and problem.
 */
export function reportParamMistakes(
  report: Reporter,
  error: ErrataError,
  event: (cause: Error) => ErrorEvent,
): void {
  const mistakes = paramMistakes(error);
  if (mistakes === undefined) return;
  const entry = error.definition.entry;
  const sent = entry.title !== undefined ? "its entry's title" : 'a generic text';
  const key = `params\u0000${error.definition.catalog.name}\u0000${error.id}\u0000${mistakes.join('\u0000')}`;
  report.once(
    key,
    event(
      new TypeError(`errata: ${error.id}: ${mistakes.join('; ')}; ${sent} was sent instead of its message`),
    ),
  );
}
