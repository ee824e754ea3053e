// Every input `errata check` reads, told apart by name and first bytes.
import { createReadStream } from 'node:fs';
import { extname, resolve } from 'node:path';
import type { Observation } from '../types.js';
import { readHar } from './har.js';
import { readNdjson } from './ndjson.js';
import { readOtlp } from './otlp.js';
import type { Reader, ReadOptions } from './types.js';

export { DEFAULT_FIELDS, fieldGetters } from './fields.js';
export { readHar } from './har.js';
export { readNdjson } from './ndjson.js';
export { readOtlp } from './otlp.js';
export { type ProxyOptions, type RecordingProxy, startRecordingProxy } from './proxy.js';
export type { FieldMapping, InputProblem, Reader, ReadOptions } from './types.js';
export { DEFAULT_MAX_BODY_BYTES } from './types.js';

export type InputFormat = 'har' | 'ndjson' | 'otlp';

const readers: Record<InputFormat, Reader> = { har: readHar, ndjson: readNdjson, otlp: readOtlp };

/** Bytes read at a time from a file: large enough that a line splitter sees many lines per chunk. */
const CHUNK = 1024 * 1024;

/**
 * The format of an input from its name and its first bytes: `.har`, or a JSON
 * object whose first key is `log`, is HAR; a first key `resourceSpans` is
 * OTLP JSON; anything else is NDJSON.
 */
export function detectFormat(name: string, head: string): InputFormat {
  if (extname(name).toLowerCase() === '.har') return 'har';
  const key = /^\s*\{\s*"([^"]*)"/.exec(head)?.[1];
  if (key === 'log') return 'har';
  if (key === 'resourceSpans' || key === 'resource_spans') return 'otlp';
  return 'ndjson';
}

/** The first chunk of a byte stream (a byte order mark dropped), and the whole stream again. */
async function peek(
  bytes: AsyncIterable<Uint8Array>,
): Promise<{ head: Uint8Array | undefined; all: AsyncIterable<Uint8Array> }> {
  const iterator = bytes[Symbol.asyncIterator]();
  const first = await iterator.next();
  let head = first.done ? undefined : first.value;
  if (head && head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf) head = head.subarray(3);
  const all = {
    async *[Symbol.asyncIterator]() {
      if (head !== undefined) yield head;
      for (let next = await iterator.next(); !next.done; next = await iterator.next()) yield next.value;
    },
  };
  return { head, all };
}

/** Why a file cannot be read, in words. */
export function unreadableReason(e: unknown): string {
  const code = (e as NodeJS.ErrnoException).code;
  if (code === 'ENOENT') return 'no such file';
  if (code === 'EISDIR') return 'it is a directory';
  if (code === 'EACCES' || code === 'EPERM') return 'permission denied';
  return (e as Error).message;
}

export interface ReadInputOptions extends Omit<ReadOptions, 'file'> {
  /** The folder relative names are read from. */
  readonly cwd: string;
  /** What `-` reads. @default process.stdin */
  readonly stdin?: AsyncIterable<Uint8Array>;
  /** The format, instead of telling it from the name and first bytes. */
  readonly format?: InputFormat;
  /** Told the format once it is known (before the first observation). */
  readonly onFormat?: (format: InputFormat) => void;
}

/**
 * Reads one input (a file name, or `-` for stdin) as observations, whatever
 * its format; a file that cannot be opened is a fatal problem, not a throw.
 * For millions of records, {@link readInputBatches} costs less.
 */
export async function* readInput(name: string, options: ReadInputOptions): AsyncGenerator<Observation> {
  for await (const batch of readInputBatches(name, options)) yield* batch;
}

/** {@link readInput}, in batches (the observations of one chunk of input each). */
export async function* readInputBatches(
  name: string,
  options: ReadInputOptions,
): AsyncGenerator<readonly Observation[]> {
  let bytes: AsyncIterable<Uint8Array>;
  if (name === '-') bytes = options.stdin ?? (process.stdin as AsyncIterable<Uint8Array>);
  else bytes = createReadStream(resolve(options.cwd, name), { highWaterMark: CHUNK });
  let peeked: Awaited<ReturnType<typeof peek>>;
  try {
    peeked = await peek(bytes);
  } catch (e) {
    options.onProblem({ file: name, message: `cannot read ${name}: ${unreadableReason(e)}`, fatal: true });
    return;
  }
  if (peeked.head === undefined) {
    options.onProblem({
      file: name,
      message: `${name} is empty: expected HAR, NDJSON or OTLP JSON`,
      fatal: false,
    });
    return;
  }
  const head = Buffer.from(peeked.head.subarray(0, 4096)).toString('utf8');
  const format = options.format ?? detectFormat(name, head);
  options.onFormat?.(format);
  const read = readers[format];
  try {
    yield* read(peeked.all, { ...options, file: name });
  } catch (e) {
    options.onProblem({ file: name, message: `cannot read ${name}: ${unreadableReason(e)}`, fatal: true });
  }
}
