// Reading catalog source text safely: bytes to text, and a JSON checker that
// reports the first syntax error with its line and column, every duplicate key,
// and nesting deeper than a catalog needs, without recursion.

/** Deepest nesting of objects and arrays a catalog document may have. */
export const MAX_DEPTH = 100;

/** Line and column (both from 1) of a UTF-16 offset in `text`. */
export function lineColumn(text: string, offset: number): { line: number; col: number } {
  let line = 1;
  let start = 0;
  for (let i = text.indexOf('\n'); i !== -1 && i < offset; i = text.indexOf('\n', i + 1)) {
    line++;
    start = i + 1;
  }
  return { line, col: offset - start + 1 };
}

/** The text of a file's bytes, or why it cannot be read as UTF-8 text. */
export type Decoded = { ok: true; text: string } | { ok: false; message: string };

const fatal = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

/**
 * Decodes a file as UTF-8. A UTF-8 byte order mark is dropped; UTF-16 and
 * UTF-32 (recognised by their byte order marks) and invalid UTF-8 are refused
 * with the place of the first bad byte, rather than turned into U+FFFD.
 */
export function decodeSource(bytes: Uint8Array): Decoded {
  const b = bytes;
  if (
    b.length >= 4 &&
    ((b[0] === 0xff && b[1] === 0xfe && b[2] === 0 && b[3] === 0) ||
      (b[0] === 0 && b[1] === 0 && b[2] === 0xfe && b[3] === 0xff))
  )
    return { ok: false, message: 'the file is UTF-32; save it as UTF-8' };
  if (b.length >= 2 && ((b[0] === 0xff && b[1] === 0xfe) || (b[0] === 0xfe && b[1] === 0xff)))
    return { ok: false, message: 'the file is UTF-16; save it as UTF-8' };
  const start = b.length >= 3 && b[0] === 0xef && b[1] === 0xbb && b[2] === 0xbf ? 3 : 0;
  const body = start === 0 ? b : b.subarray(start);
  try {
    return { ok: true, text: fatal.decode(body) };
  } catch {
    const bad = firstInvalidUtf8(body);
    const before = fatal.decode(body.subarray(0, bad));
    const { line, col } = lineColumn(before, before.length);
    const byte = (body[bad] ?? 0).toString(16).padStart(2, '0');
    return {
      ok: false,
      message: `not valid UTF-8 at line ${line}, column ${col} (byte 0x${byte} at offset ${bad + start}): save the file as UTF-8`,
    };
  }
}

/** Offset of the first byte that does not begin or continue a valid UTF-8 sequence. */
function firstInvalidUtf8(b: Uint8Array): number {
  let i = 0;
  while (i < b.length) {
    const c = b[i] as number;
    let n: number;
    let min: number;
    if (c < 0x80) {
      i++;
      continue;
    } else if (c >= 0xc2 && c <= 0xdf) {
      n = 1;
      min = 0x80;
    } else if (c >= 0xe0 && c <= 0xef) {
      n = 2;
      min = 0x800;
    } else if (c >= 0xf0 && c <= 0xf4) {
      n = 3;
      min = 0x10000;
    } else return i;
    let cp = c & (0x3f >> n);
    for (let k = 1; k <= n; k++) {
      const d = b[i + k];
      if (d === undefined || (d & 0xc0) !== 0x80) return i;
      cp = (cp << 6) | (d & 0x3f);
    }
    if (cp < min || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff)) return i;
    i += n + 1;
  }
  return b.length;
}

/** One problem of a JSON text, at a UTF-16 offset. */
export interface JsonProblem {
  readonly kind: 'syntax' | 'duplicate' | 'depth';
  readonly offset: number;
  readonly message: string;
}

const NUMBER = /-?(?:0|[1-9][0-9]*)(?:\.[0-9]+)?(?:[eE][+-]?[0-9]+)?/y;

/**
 * Checks JSON text: the first syntax error (with a plain reason), or every
 * duplicate key of an object (which `JSON.parse` would silently drop but the
 * last of), or nesting deeper than `maxDepth`. An empty list means `JSON.parse`
 * reads the text, to a value no deeper than `maxDepth`.
 */
export function checkJson(text: string, maxDepth = MAX_DEPTH): JsonProblem[] {
  const problems: JsonProblem[] = [];
  const n = text.length;
  // One frame per open container: the keys seen so far (objects) or null (arrays).
  const stack: (Map<string, number> | null)[] = [];
  let i = 0;
  const fail = (message: string, at = i): JsonProblem[] => {
    problems.push({ kind: 'syntax', offset: at, message });
    return problems;
  };
  const skip = () => {
    while (i < n) {
      const c = text.charCodeAt(i);
      if (c === 0x20 || c === 0x0a || c === 0x0d || c === 0x09) i++;
      else break;
    }
  };
  const found = (): string => {
    if (i >= n) return 'the end of the file';
    const ch = String.fromCodePoint(text.codePointAt(i) as number);
    if (ch === '"') return `'"'`;
    return /^[\x21-\x7e]$/.test(ch)
      ? `"${ch}"`
      : `U+${(ch.codePointAt(0) as number).toString(16).toUpperCase().padStart(4, '0')}`;
  };
  // Reads a string at `i` (on its opening quote); returns its value, or undefined after a failure.
  const string = (): string | undefined => {
    const open = i;
    i++;
    let escaped = false;
    while (i < n) {
      const c = text.charCodeAt(i);
      if (c === 0x22) {
        i++;
        const raw = text.slice(open, i);
        return escaped ? (JSON.parse(raw) as string) : raw.slice(1, -1);
      }
      if (c === 0x5c) {
        escaped = true;
        const e = text[i + 1];
        if (e === 'u') {
          if (!/^[0-9a-fA-F]{4}$/.test(text.slice(i + 2, i + 6))) {
            fail('bad \\u escape in a string: it takes 4 hex digits');
            return undefined;
          }
          i += 6;
        } else if (e !== undefined && '"\\/bfnrt'.includes(e)) i += 2;
        else {
          fail(e === undefined ? 'unterminated string' : `bad escape "\\${e}" in a string`);
          return undefined;
        }
      } else if (c < 0x20) {
        fail(
          c === 0x0a
            ? 'unterminated string (a line break inside a string must be written \\n)'
            : 'control character in a string: escape it',
        );
        return undefined;
      } else i++;
    }
    fail('unterminated string', open);
    return undefined;
  };
  // Reads one scalar or opens a container; false after a failure.
  const value = (): boolean => {
    skip();
    const c = text[i];
    if (c === '{' || c === '[') {
      if (stack.length >= maxDepth) {
        problems.push({ kind: 'depth', offset: i, message: `more than ${maxDepth} levels` });
        return false;
      }
      stack.push(c === '{' ? new Map() : null);
      i++;
      return true;
    }
    if (c === '"') return string() !== undefined;
    if (c === '-' || (c !== undefined && c >= '0' && c <= '9')) {
      NUMBER.lastIndex = i;
      const m = NUMBER.exec(text);
      if (!m) {
        fail('bad number');
        return false;
      }
      i += m[0].length;
      return true;
    }
    for (const word of ['true', 'false', 'null']) {
      if (text.startsWith(word, i)) {
        i += word.length;
        return true;
      }
    }
    if (c === undefined) fail('unexpected end of the file: a value is missing');
    else if (c === "'") fail('strings take double quotes in JSON');
    else if (c === ']' || c === '}') fail(`expected a value, found ${found()} (a trailing comma?)`);
    else fail(`expected a value, found ${found()}`);
    return false;
  };
  // Reads `"key":` in the object on top of the stack.
  const key = (): boolean => {
    skip();
    if (text[i] !== '"') {
      fail(
        text[i] === '}'
          ? 'trailing comma before "}"'
          : `expected a double-quoted property name, found ${found()}`,
      );
      return false;
    }
    const at = i;
    const k = string();
    if (k === undefined) return false;
    const keys = stack[stack.length - 1] as Map<string, number>;
    const first = keys.get(k);
    if (first !== undefined) {
      const { line, col } = lineColumn(text, first);
      problems.push({
        kind: 'duplicate',
        offset: at,
        message: `${JSON.stringify(short(k))} (first at line ${line}, column ${col})`,
      });
    } else keys.set(k, at);
    skip();
    if (text[i] !== ':') {
      fail(`expected ":" after the property name, found ${found()}`);
      return false;
    }
    i++;
    return true;
  };

  skip();
  if (i >= n) return fail('the file is empty');
  // `fresh`: a container was just opened, so it may close at once.
  let fresh = false;
  if (!value()) return problems;
  fresh = stack.length > 0;
  for (;;) {
    skip();
    if (stack.length === 0) {
      if (i < n) fail(`unexpected ${found()} after the end of the JSON value`);
      return problems;
    }
    const top = stack[stack.length - 1];
    const close = top === null ? ']' : '}';
    if (fresh) {
      fresh = false;
      if (text[i] === close) {
        i++;
        stack.pop();
        continue;
      }
    } else if (text[i] === ',') {
      i++;
    } else if (text[i] === close) {
      i++;
      stack.pop();
      continue;
    } else {
      if (i >= n)
        return fail(
          `unexpected end of the file: ${stack.length} unclosed ${stack.length === 1 ? 'bracket' : 'brackets'}`,
        );
      return fail(`expected "," or "${close}", found ${found()}`);
    }
    if (top !== null && !key()) return problems;
    if (top === null) {
      skip();
      if (text[i] === ']') return fail('trailing comma before "]"');
    }
    const depth = stack.length;
    if (!value()) return problems;
    fresh = stack.length > depth;
  }
}

/** A value cut to a readable length for a message. */
export function short(text: string, max = 80): string {
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}

/**
 * The first place where a parsed value is not a tree of plain data: an object
 * that contains itself (YAML can alias an ancestor) or nesting deeper than
 * `maxDepth`. Iterative, so a deep value cannot overflow the stack.
 */
export function findUnsafeNesting(
  value: unknown,
  maxDepth = MAX_DEPTH,
): { path: string; message: string } | undefined {
  type Frame = { value: object; path: string; depth: number; exit?: true };
  const stack: Frame[] = [];
  const open = new Set<object>();
  if (typeof value === 'object' && value !== null) stack.push({ value, path: '', depth: 0 });
  while (stack.length > 0) {
    const f = stack.pop() as Frame;
    if (f.exit) {
      open.delete(f.value);
      continue;
    }
    if (open.has(f.value))
      return { path: f.path, message: 'refers to itself (a YAML alias of an enclosing node)' };
    if (f.depth >= maxDepth) return { path: f.path, message: `nested more than ${maxDepth} levels deep` };
    open.add(f.value);
    stack.push({ ...f, exit: true });
    const entries: [string, unknown][] = Array.isArray(f.value)
      ? f.value.map((v, i) => [`[${i}]`, v])
      : Object.keys(f.value).map((k) => [
          /^[A-Za-z_$][\w$-]*$/.test(k) ? `.${k}` : `[${JSON.stringify(short(k))}]`,
          (f.value as Record<string, unknown>)[k],
        ]);
    for (const [seg, v] of entries)
      if (typeof v === 'object' && v !== null)
        stack.push({ value: v, path: `${f.path}${seg}`.replace(/^\./, ''), depth: f.depth + 1 });
  }
  return undefined;
}
