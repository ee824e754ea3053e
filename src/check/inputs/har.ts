// HAR 1.2 (browsers' devtools, Playwright's recordHar, proxies such as mitmproxy
// and Charles) read as a stream: one observation per entry with a response.

import { isRecord } from '../../utils/record.js';
import type { Observation } from '../types.js';
import { readRecordedBody } from './_body.js';
import { readHeaders } from './_headers.js';
import { Oversized, streamJson } from './_json-stream.js';
import { type ProblemReporter, problemReporter } from './_problems.js';
import { DEFAULT_MAX_BODY_BYTES, type ReadOptions } from './types.js';

const text = (v: unknown) => (typeof v === 'string' ? v : undefined);

/** One entry as an observation, or `undefined` (no response: blocked, failed, aborted, or malformed). */
function entryObservation(
  entry: unknown,
  n: number,
  options: ReadOptions,
  maxBody: number,
  problems: ProblemReporter,
): { observation: Observation; bodySkipped: boolean } | undefined {
  const response = isRecord(entry) ? entry.response : undefined;
  if (!isRecord(response)) {
    problems.report('no-response', { line: n, message: 'the entry has no "response" object' });
    return undefined;
  }
  const status = response.status;
  if (typeof status !== 'number' || !Number.isInteger(status)) {
    problems.report('no-status', { line: n, message: 'response.status is not a number' });
    return undefined;
  }
  // Status 0: the browser never got an answer (blocked, aborted, a network error).
  if (status === 0) return undefined;
  const request = isRecord(entry) && isRecord(entry.request) ? entry.request : {};
  // A success is counted, never judged: its headers and body are not read.
  if (status < 400)
    return {
      observation: { status, headers: {}, source: { file: options.file, line: n } },
      bodySkipped: false,
    };
  const { headers, duplicates } = readHeaders(response.headers);
  for (const d of duplicates)
    problems.report('duplicate-header', {
      line: n,
      message: `the response has ${d.count} ${d.name} headers (a field sent once); every value is checked`,
    });
  const content = isRecord(response.content) ? response.content : {};
  let body: string | undefined;
  let bodySkipped = false;
  if (typeof content.text === 'string' || content.text instanceof Oversized) {
    const read = readRecordedBody(content.text, content.encoding, maxBody);
    if (read.problem !== undefined)
      problems.report(read.kind === 'skipped' ? 'body-skipped' : 'body-not-utf8', {
        line: n,
        message: read.problem,
      });
    if (read.kind === 'text') body = read.text;
    else bodySkipped = true;
  }
  const method = text(request.method);
  const url = text(request.url);
  return {
    observation: {
      status,
      headers,
      ...(body !== undefined && { body }),
      ...(method !== undefined && { method }),
      ...(url !== undefined && { url }),
      source: { file: options.file, line: n },
    },
    bodySkipped,
  };
}

/**
 * Reads a HAR file's `log.entries` one by one, never the file whole: each
 * entry's response becomes an observation whose `source.line` is the entry's
 * number (1-based). Entries without a response (status 0) are skipped. A
 * syntax error or a truncated file ends the reading with a fatal problem
 * (its line and column in the message), after every entry before it.
 */
export async function* readHar(
  bytes: AsyncIterable<Uint8Array>,
  options: ReadOptions,
): AsyncGenerator<Observation[]> {
  const maxBody = options.maxBodyBytes ?? DEFAULT_MAX_BODY_BYTES;
  const problems = problemReporter(options);
  const queue: unknown[] = [];
  let entries = 0;
  let noBody = 0;
  let firstNoBody = 0;
  const stream = streamJson({
    paths: ['$.log.entries.*'],
    // Base64 takes 4 bytes for 3, and JSON escapes more: keep strings up to twice the body cap.
    maxString: maxBody * 2 + 16,
    onValue: (entry) => queue.push(entry),
    onError: (e) =>
      problems.report(
        'syntax',
        {
          line: entries + queue.length + 1,
          message: e.truncated
            ? `the HAR ends at line ${e.line} inside this entry (truncated?): expected the rest of the entry and the closing "]}}"`
            : `line ${e.line}, column ${e.column}: not JSON: ${e.message}; the entries after it are not read`,
        },
        true,
      ),
  });
  const take = (): Observation[] => {
    const batch: Observation[] = [];
    for (const entry of queue.splice(0)) {
      entries++;
      const read = entryObservation(entry, entries, options, maxBody, problems);
      if (read === undefined) continue;
      const { observation } = read;
      if (observation.body === undefined && observation.status >= 400 && !read.bodySkipped) {
        noBody++;
        firstNoBody ||= entries;
      }
      batch.push(observation);
    }
    return batch;
  };
  for await (const chunk of bytes) {
    stream.write(chunk);
    const batch = take();
    if (batch.length > 0) yield batch;
    if (stream.failed) break;
  }
  stream.end();
  const last = take();
  if (last.length > 0) yield last;
  if (entries === 0 && !stream.failed)
    problems.report('empty', {
      message: 'no entries: expected a HAR 1.2 document, {"log": {"entries": [...]}}',
    });
  if (noBody > 0)
    problems.report('no-body', {
      line: firstNoBody,
      message: `${noBody} error response${noBody === 1 ? ' has' : 's have'} no recorded body (the first: this entry); only their status is checked. Save the HAR with its content.`,
    });
  problems.finish();
}
