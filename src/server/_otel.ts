// Optional OpenTelemetry: loaded once, at setup, only where `@opentelemetry/api` is installed.

interface Span {
  setAttribute(key: string, value: string): unknown;
  recordException(exception: unknown): unknown;
  setStatus(status: { code: number; message?: string }): unknown;
}
interface OtelApi {
  trace: { getActiveSpan(): Span | undefined };
}

let api: OtelApi | null | undefined;
let loading: Promise<void> | undefined;

/** Loads `@opentelemetry/api` if it is installed; resolves either way. */
export function loadTelemetry(): Promise<void> {
  if (loading === undefined) {
    const name = '@opentelemetry/api';
    loading = import(/* @vite-ignore */ name).then(
      (m: OtelApi & { default?: OtelApi }) => {
        api = typeof m.trace === 'object' ? m : (m.default ?? null);
      },
      () => {
        api = null;
      },
    );
  }
  return loading;
}

const SPAN_STATUS_ERROR = 2;

/**
 * Marks the active span: `error.type` is the wire code (OpenTelemetry semantic
 * conventions); a 5xx also records the exception and sets the span's status.
 */
export function annotateSpan(code: string, status: number, exception: unknown): void {
  if (api == null) return;
  const span = api.trace.getActiveSpan();
  if (span === undefined) return;
  span.setAttribute('error.type', code);
  if (status >= 500) {
    span.recordException(exception as Error);
    span.setStatus({ code: SPAN_STATUS_ERROR, message: code });
  }
}
