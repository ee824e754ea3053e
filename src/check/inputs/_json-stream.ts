// JSON read as a stream of bytes, for inputs too large to hold: @streamparser/json
// emits the values at the paths asked for (each HAR entry, each OTLP span) as
// their bytes arrive, and strings longer than a cap are counted, not kept, so a
// 50 MB body in a HAR costs its length, never its text.
import { Tokenizer, TokenParser, TokenType } from '@streamparser/json';

/** A string the stream did not keep: longer than the cap. Stands where the string was. */
export class Oversized {
  constructor(
    /** Its length in bytes, as written in the JSON (escapes included). */
    readonly bytes: number,
  ) {}
}

/** Where a JSON stream stopped making sense, and what it expected there. */
export interface JsonStreamError {
  readonly message: string;
  /** 1-based. */
  readonly line: number;
  /** 1-based, in bytes. */
  readonly column: number;
  /** The input ended before the JSON did. */
  readonly truncated: boolean;
}

export interface JsonStreamOptions {
  /** JSONPath-like selectors of the values to emit (`$.log.entries.*`). */
  readonly paths: readonly string[];
  /** Strings longer than this many bytes become an {@link Oversized}. */
  readonly maxString: number;
  readonly onValue: (value: unknown) => void;
  readonly onError: (error: JsonStreamError) => void;
}

export interface JsonStream {
  write(chunk: Uint8Array): void;
  /** Ends the input; an unfinished document is reported as truncated. */
  end(): void;
  /** Whether an error stopped the stream (later writes are ignored). */
  readonly failed: boolean;
}

/**
 * Keeps a string's first `cap` bytes and counts the rest. It stands in for the
 * tokenizer's own string builder (same methods), so a long string never grows.
 */
class CappedString {
  byteLength = 0;
  truncated = false;
  private pieces: string[] = [];
  private kept = 0;
  private readonly decoder = new TextDecoder('utf-8', { fatal: true });

  constructor(private readonly cap: number) {}

  private keep(piece: () => string, size: number): void {
    if (!this.truncated && this.kept + size <= this.cap) {
      this.pieces.push(piece());
      this.kept += size;
    } else this.truncated = true;
  }
  appendChar(char: number): void {
    this.byteLength += 1;
    this.keep(() => String.fromCharCode(char), 1);
  }
  appendBuf(buf: Uint8Array, start = 0, end = buf.length): void {
    this.byteLength += end - start;
    this.keep(() => this.decoder.decode(buf.subarray(start, end)), end - start);
  }
  appendCharCode(code: number): void {
    this.keep(() => String.fromCharCode(code), 1);
  }
  reset(): void {
    this.pieces = [];
    this.kept = 0;
    this.byteLength = 0;
    this.truncated = false;
  }
  toString(): string {
    return this.pieces.join('');
  }
}

const EXPECTED: Record<string, string> = {
  VALUE: 'a value',
  KEY: 'a key (a string) or "}"',
  COLON: '":"',
  COMMA: '"," or the end of the object or array',
};

/** The tokenizer's or parser's message in plain words: what was found, what was expected. */
function explain(message: string): string {
  const unexpected = /^Unexpected "(.*)" at chunk position .* in state (\w+)/.exec(message);
  if (unexpected) {
    const state = unexpected[2] as string;
    const expected = EXPECTED[state] ?? /^(TRUE|FALSE|NULL)/.exec(state)?.[1]?.toLowerCase();
    return `unexpected "${unexpected[1]}"${expected ? ` (expected ${expected})` : ''}`;
  }
  const token = /^Unexpected (\w+) \((.*)\) in state (\w+)/.exec(message);
  if (token) {
    const expected = EXPECTED[token[3] as string];
    return `unexpected ${token[2]}${expected ? ` (expected ${expected})` : ''}`;
  }
  if (/ended in (the )?mid/.test(message)) return 'the input ends inside the document (truncated?)';
  return message;
}

/** A streaming JSON reader that emits the values at `paths` and reports its first error with line and column. */
export function streamJson(options: JsonStreamOptions): JsonStream {
  const tokenizer = new Tokenizer();
  const parser = new TokenParser({ paths: [...options.paths], keepStack: false });
  const strings = new CappedString(options.maxString);
  // The tokenizer's builder is private API; without it (another version) strings are kept whole.
  const internals = tokenizer as unknown as { bufferedString?: unknown };
  if ('bufferedString' in internals) internals.bufferedString = strings;

  let failed = false;
  let ended = false;
  // Where each byte is: bytes and newlines before the current chunk, and the chunk itself.
  let base = 0;
  let lines = 0;
  let lastNewline = -1;
  let chunk: Uint8Array = new Uint8Array(0);
  let lastOffset = 0;

  const place = (absolute: number) => {
    let line = lines;
    let newline = lastNewline;
    const upTo = Math.min(chunk.length, Math.max(0, absolute - base));
    for (let i = chunk.indexOf(10); i !== -1 && i < upTo; i = chunk.indexOf(10, i + 1)) {
      line++;
      newline = base + i;
    }
    return { line: line + 1, column: Math.max(1, absolute - newline) };
  };

  const fail = (error: Error, truncated: boolean) => {
    if (failed) return;
    failed = true;
    const position = /absolute position "(\d+)"/.exec(error.message);
    const at = truncated ? base + chunk.length : position ? Number(position[1]) : lastOffset;
    options.onError({ message: explain(error.message), ...place(at), truncated });
  };

  tokenizer.onToken = (info) => {
    lastOffset = info.offset;
    if (info.token === TokenType.STRING && strings.truncated)
      parser.write({ ...info, value: new Oversized(strings.byteLength) as unknown as string });
    else parser.write(info);
  };
  tokenizer.onError = (e) => fail(e, ended);
  tokenizer.onEnd = () => {
    if (!parser.isEnded) parser.end();
  };
  parser.onError = (e) => fail(e, ended);
  parser.onValue = ({ value }) => options.onValue(value);

  return {
    get failed() {
      return failed;
    },
    write(bytes) {
      if (failed) return;
      // Count the newlines of the chunk before this one, so a later error knows its line.
      for (let i = chunk.indexOf(10); i !== -1; i = chunk.indexOf(10, i + 1)) {
        lines++;
        lastNewline = base + i;
      }
      base += chunk.length;
      chunk = bytes;
      try {
        tokenizer.write(bytes);
      } catch (e) {
        fail(e as Error, false);
      }
    },
    end() {
      if (failed || ended) return;
      ended = true;
      try {
        tokenizer.end();
      } catch (e) {
        fail(e as Error, true);
      }
    },
  };
}
