// OTLP JSON as the OpenTelemetry Collector's file exporter writes it: one
// ExportTraceServiceRequest per line. Server spans carry the status and, in
// `error.type`, the error's code: enough for coverage and unknown codes, not
// for the body's checks.

import { isRecord } from '../../utils/record.js';
import type { Observation } from '../types.js';
import { readJsonLines } from './_json-lines.js';
import { problemReporter } from './_problems.js';
import type { ReadOptions } from './types.js';

const MAX_LINE_BYTES = 64 * 1024 * 1024;

const list = (v: unknown): unknown[] => (Array.isArray(v) ? v : []);

/** An OTLP `AnyValue` as a string or number (`intValue` is a string in OTLP JSON: int64). */
function anyValue(v: unknown): string | number | undefined {
  if (!isRecord(v)) return undefined;
  if (typeof v.stringValue === 'string') return v.stringValue;
  if (typeof v.intValue === 'number') return v.intValue;
  if (typeof v.intValue === 'string' && /^-?\d+$/.test(v.intValue)) return Number(v.intValue);
  if (typeof v.doubleValue === 'number') return v.doubleValue;
  return undefined;
}

/** Span kinds that answer a request: SERVER, or unspecified (0, or absent). */
const SERVER_KINDS = new Set<unknown>([undefined, 0, 2, 'SPAN_KIND_SERVER', 'SPAN_KIND_UNSPECIFIED']);

/**
 * `error.type` is the error's code when the application sets it; the
 * semantic conventions also allow the status code itself (`"404"`) and
 * `_OTHER`, which name no code.
 */
const isCode = (v: unknown): v is string =>
  typeof v === 'string' && v !== '' && v !== '_OTHER' && !/^\d{3}$/.test(v);

/**
 * Reads the server spans of an OTLP JSON file with `http.response.status_code`
 * (or the older `http.status_code`); each is an observation without headers
 * or body, its `code` from `error.type`, its `source.line` the line the span is on.
 */
export async function* readOtlp(
  bytes: AsyncIterable<Uint8Array>,
  options: ReadOptions,
): AsyncGenerator<Observation[]> {
  const problems = problemReporter(options);
  let lines = 0;
  let spans = 0;
  for await (const batch of readJsonLines(bytes, {
    problems,
    maxLineBytes: MAX_LINE_BYTES,
    maxString: 64 * 1024,
  })) {
    const observations = batch.flatMap(({ line, value }) => [...lineObservations(line, value)]);
    if (observations.length > 0) yield observations;
  }
  if (spans === 0 && lines > 0)
    problems.report('no-spans', {
      message: 'no server span with http.response.status_code: nothing to check (client spans are left out)',
    });
  problems.finish();

  /** The server spans of one line. */
  function* lineObservations(line: number, value: unknown): Generator<Observation> {
    lines++;
    if (!isRecord(value) || !Array.isArray(value.resourceSpans)) {
      problems.report('not-otlp', { line, message: 'not OTLP JSON: expected {"resourceSpans": [...]}' });
      return;
    }
    for (const resource of value.resourceSpans)
      for (const scope of list(isRecord(resource) ? resource.scopeSpans : undefined))
        for (const span of list(isRecord(scope) ? scope.spans : undefined)) {
          if (!isRecord(span) || !SERVER_KINDS.has(span.kind)) continue;
          const attributes = new Map<string, string | number>();
          for (const a of list(span.attributes))
            if (isRecord(a) && typeof a.key === 'string') {
              const v = anyValue(a.value);
              if (v !== undefined) attributes.set(a.key, v);
            }
          const status = Number(
            attributes.get('http.response.status_code') ?? attributes.get('http.status_code'),
          );
          if (!Number.isInteger(status) || status < 100 || status > 999) continue;
          spans++;
          const text = (key: string) => {
            const v = attributes.get(key);
            return typeof v === 'string' && v !== '' ? v : undefined;
          };
          const errorType = attributes.get('error.type');
          const method = text('http.request.method') ?? text('http.method');
          const url = text('url.full') ?? text('http.url') ?? text('url.path') ?? text('http.target');
          const route = text('http.route');
          yield {
            status,
            headers: {},
            ...(isCode(errorType) && { code: errorType }),
            ...(method !== undefined && { method }),
            ...(url !== undefined && { url }),
            ...(route !== undefined && { route }),
            source: { file: options.file, line },
          };
        }
  }
}
