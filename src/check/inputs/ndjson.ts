// NDJSON request logs (pino-http, express-winston, ECS, any logger with a
// field mapping): one observation per line that carries a status.
import type { Observation } from '../types.js';
import { readRecordedBody } from './_body.js';
import { readHeaders } from './_headers.js';
import { readJsonLines } from './_json-lines.js';
import { Oversized } from './_json-stream.js';
import { problemReporter } from './_problems.js';
import { statusScanner } from './_status-scan.js';
import { fieldGetters, fieldPaths } from './fields.js';
import { DEFAULT_MAX_BODY_BYTES, type ReadOptions } from './types.js';

const NONE = Object.freeze({});

/** Lines up to this many bytes are parsed whole; longer ones are streamed. */
export const MAX_LINE_BYTES = 8 * 1024 * 1024;

/**
 * Reads a log of one JSON object per line. A line whose status field holds a
 * number (or a numeric string) is an observation, its `source.line` its line
 * number (a success, below 400, with its status only: the checks judge errors);
 * other lines (start-up messages, anything without a status) are
 * skipped. A line that is not JSON is a problem at its line, and the reading
 * goes on.
 */
export async function* readNdjson(
  bytes: AsyncIterable<Uint8Array>,
  options: ReadOptions,
): AsyncGenerator<Observation[]> {
  const maxBody = options.maxBodyBytes ?? DEFAULT_MAX_BODY_BYTES;
  const problems = problemReporter(options);
  const get = fieldGetters(options.fields);
  let records = 0;
  let lines = 0;
  for await (const batch of readJsonLines(bytes, {
    problems,
    maxLineBytes: Math.max(MAX_LINE_BYTES, maxBody * 2 + 65536),
    maxString: maxBody * 2 + 16,
    scan: statusScanner(fieldPaths('status', options.fields)),
  })) {
    const observations: Observation[] = [];
    for (const { line, value, status: scanned } of batch) {
      lines++;
      const source = { file: options.file, line };
      // A success is counted, never judged: its headers and body are not read.
      if (scanned !== undefined) {
        records++;
        observations.push({ status: scanned, headers: NONE, source });
        continue;
      }
      const rawStatus = get.status(value);
      const status =
        typeof rawStatus === 'string' && /^\d{3}$/.test(rawStatus) ? Number(rawStatus) : rawStatus;
      if (typeof status !== 'number' || !Number.isInteger(status) || status < 100 || status > 999) continue;
      records++;
      observations.push(
        status < 400 ? { status, headers: NONE, source } : errorObservation(value, status, line, source),
      );
    }
    if (observations.length > 0) yield observations;
  }
  if (records === 0 && lines > 0)
    problems.report('no-status', {
      message: `none of ${lines} JSON line${lines === 1 ? '' : 's'} has a status at ${fieldPaths('status', options.fields).join(', ')}: map the fields in the config ("fields": { "status": "path.to.status" })`,
    });
  problems.finish();

  /** An error response's observation: its headers and body read, its duplicates and skipped body reported. */
  function errorObservation(value: unknown, status: number, line: number, source: Observation['source']) {
    const { headers, duplicates } = readHeaders(get.headers(value));
    for (const d of duplicates)
      problems.report('duplicate-header', {
        line,
        message: `the response has ${d.count} ${d.name} headers (a field sent once); every value is checked`,
      });
    let body: string | undefined;
    const rawBody = get.body(value);
    if (typeof rawBody === 'string' || rawBody instanceof Oversized) {
      const read = readRecordedBody(rawBody, undefined, maxBody);
      if (read.problem !== undefined) problems.report('body-skipped', { line, message: read.problem });
      if (read.kind === 'text') body = read.text;
    } else if (rawBody !== undefined && rawBody !== null) body = JSON.stringify(rawBody);
    const text = (v: unknown) => (typeof v === 'string' && v !== '' ? v : undefined);
    const method = text(get.method(value));
    const url = text(get.url(value));
    const route = text(get.route(value));
    const code = text(get.code(value));
    return {
      status,
      headers,
      ...(body !== undefined && { body }),
      ...(code !== undefined && { code }),
      ...(method !== undefined && { method }),
      ...(url !== undefined && { url }),
      ...(route !== undefined && { route }),
      source,
    };
  }
}
