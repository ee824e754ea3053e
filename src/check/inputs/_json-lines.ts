// One JSON value per line (NDJSON, JSON Lines, the OpenTelemetry Collector's
// file exporter), read in bounded memory: lines are parsed as they complete,
// and a line too long to hold is streamed with its long strings counted, not kept.
import { Buffer, isAscii, isUtf8 } from 'node:buffer';
import { badByte } from './_body.js';
import { streamJson } from './_json-stream.js';
import type { ProblemReporter } from './_problems.js';
import type { StatusScan } from './_status-scan.js';

export interface JsonLine {
  /** 1-based. */
  readonly line: number;
  /** The parsed line; `undefined` when `status` is set. */
  readonly value: unknown;
  /** Set when the options' `scan` answered for the line: it was not parsed. */
  readonly status?: number;
}

export interface JsonLinesOptions {
  readonly problems: ProblemReporter;
  /** Lines longer than this are streamed rather than parsed whole. */
  readonly maxLineBytes: number;
  /** In a streamed line, strings longer than this become an `Oversized`. */
  readonly maxString: number;
  /** Answers a line's status without parsing it, where it can (see `_status-scan.ts`). */
  readonly scan?: StatusScan;
}

const NEWLINE = 10;

/** The first characters of a line, for a message. */
function preview(text: string): string {
  // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what is replaced
  const shown = text.slice(0, 40).replace(/[\u0000-\u001f\u007f-\u009f]/g, '.');
  return JSON.stringify(text.length > 40 ? `${shown}…` : shown);
}

/**
 * Yields each line's JSON value with its line number, in batches (the lines
 * that a chunk of input completes); a line that is not JSON, or not UTF-8, is
 * a problem at its line and the reading goes on. Blank lines are skipped.
 */
export async function* readJsonLines(
  bytes: AsyncIterable<Uint8Array>,
  options: JsonLinesOptions,
): AsyncGenerator<JsonLine[]> {
  const { problems } = options;
  let line = 0;
  // The start of a line whose end has not arrived yet.
  let pending: Buffer[] = [];
  let pendingBytes = 0;
  // A line too long to hold, being streamed.
  let streamed: { stream: ReturnType<typeof streamJson>; values: unknown[]; errored: boolean } | undefined;

  const parseLine = (text: string, n: number): JsonLine | undefined => {
    const trimmed = text.endsWith('\r') ? text.slice(0, -1) : text;
    if (trimmed.trim() === '') return undefined;
    try {
      return { line: n, value: JSON.parse(trimmed) as unknown };
    } catch (e) {
      const position = /at position (\d+)/.exec((e as Error).message)?.[1];
      problems.report('not-json', {
        line: n,
        message: `not JSON${position === undefined ? '' : ` (column ${Number(position) + 1})`}: ${preview(trimmed)}`,
      });
      return undefined;
    }
  };

  const startStreaming = (n: number) => {
    const values: unknown[] = [];
    const state = {
      values,
      errored: false,
      stream: streamJson({
        paths: ['$'],
        maxString: options.maxString,
        onValue: (v) => values.push(v),
        onError: (e) => {
          state.errored = true;
          problems.report('not-json', {
            line: n,
            column: e.column,
            message: `not JSON (column ${e.column}: ${e.message})`,
          });
        },
      }),
    };
    return state;
  };

  /** Reads complete lines (the bytes between newlines) into `batch`. */
  const readLines = (lines: Buffer, batch: JsonLine[], scan: StatusScan | null = options.scan ?? null) => {
    // ASCII (most logs) is decoded as Latin-1, the same text twenty times faster than UTF-8's decoder.
    const ascii = isAscii(lines);
    if (ascii || isUtf8(lines)) {
      // The common case: one decode, then a split.
      for (const text of lines.toString(ascii ? 'latin1' : 'utf8').split('\n')) {
        const status = scan?.(text);
        if (status !== undefined) batch.push({ line: ++line, value: undefined, status });
        else {
          const parsed = parseLine(text, ++line);
          if (parsed) batch.push(parsed);
        }
      }
      return;
    }
    // Some line holds bytes that are not UTF-8: find it, line by line.
    for (let start = 0; start <= lines.length; ) {
      const next = lines.indexOf(NEWLINE, start);
      const end = next === -1 ? lines.length : next;
      const raw = lines.subarray(start, end);
      line++;
      if (!isUtf8(raw))
        problems.report('not-utf8', {
          line,
          message: `not UTF-8 (${badByte(raw)}): read with U+FFFD in place of the bad bytes`,
        });
      const parsed = parseLine(raw.toString('utf8'), line);
      if (parsed) batch.push(parsed);
      start = end + 1;
    }
  };

  for await (const input of bytes) {
    let chunk = Buffer.isBuffer(input)
      ? input
      : Buffer.from(input.buffer, input.byteOffset, input.byteLength);
    if (streamed !== undefined) {
      const end = chunk.indexOf(NEWLINE);
      streamed.stream.write(end === -1 ? chunk : chunk.subarray(0, end));
      if (end === -1) continue;
      streamed.stream.end();
      line++;
      yield streamed.values.map((value) => ({ line, value }));
      streamed = undefined;
      chunk = chunk.subarray(end + 1);
    }
    const last = chunk.lastIndexOf(NEWLINE);
    if (last === -1) {
      pending.push(chunk);
      pendingBytes += chunk.length;
      if (pendingBytes > options.maxLineBytes) {
        streamed = startStreaming(line + 1);
        for (const piece of pending) streamed.stream.write(piece);
        pending = [];
        pendingBytes = 0;
      }
      continue;
    }
    const complete = chunk.subarray(0, last);
    const batch: JsonLine[] = [];
    if (pending.length > 0) {
      // Only the line that was pending is copied, not the chunk with it.
      const first = complete.indexOf(NEWLINE);
      readLines(Buffer.concat([...pending, first === -1 ? complete : complete.subarray(0, first)]), batch);
      if (first !== -1) readLines(complete.subarray(first + 1), batch);
    } else readLines(complete, batch);
    pending = last + 1 < chunk.length ? [chunk.subarray(last + 1)] : [];
    pendingBytes = chunk.length - last - 1;
    if (batch.length > 0) yield batch;
  }
  if (streamed !== undefined) {
    streamed.stream.end();
    line++;
    yield streamed.values.map((value) => ({ line, value }));
  } else if (pendingBytes > 0) {
    // The last line has no newline: cut short, perhaps, so it is parsed, never scanned.
    const batch: JsonLine[] = [];
    readLines(Buffer.concat(pending), batch, null);
    if (batch.length > 0) yield batch;
  }
}
