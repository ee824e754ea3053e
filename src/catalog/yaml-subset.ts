// The plain subset of YAML most catalogs are written in, read without the `yaml` package:
// block mappings and sequences, one-line scalars (plain, or quoted without escapes), one-line
// flow collections, comments. For such a text it gives exactly what `yaml` gives (YAML 1.2,
// core schema, then toJS); for anything else it gives undefined and the full parser reads the
// text: anchors, aliases, tags, merge keys, block scalars, scalars over several lines, escapes,
// floats, unusual keys, duplicate keys, and every error, so errors keep their wording and place.
// Loading `yaml` and running it once costs a CLI run more than the rest of `errata lint`.

/** Thrown inside the reader when the text leaves the subset; never escapes it. */
const OUTSIDE = Symbol('outside the subset');

/** Nesting the reader follows; deeper text goes to `yaml` (and its depth checks). */
const MAX_NESTING = 32;

/** Longest key the reader takes (YAML caps implicit keys at 1,024 characters). */
const MAX_KEY = 500;

/** Characters the reader takes: printable ASCII and the Basic Multilingual Plane minus line and paragraph separators, surrogates and non-characters. */
const UNSUPPORTED_CHARACTER = /[^\n\r\x20-\x7e\u00a0-\u2027\u202a-\ud7ff\ue000-\ufefe\uff00-\ufffd]|\r(?!\n)/;

/** A block mapping entry: a plain key of common characters, `:`, then a space and the rest, or nothing. */
const ENTRY = /^([A-Za-z_$][\w$./-]*):(?: +(.*))?$/;

/** A flow mapping key with its `: `. */
const FLOW_KEY = /([A-Za-z_$][\w$./-]*): +/y;

/** A block sequence item: `-` then a space, or `-` alone. */
const ITEM = /^-(?: |$)/;

/** Plain keys the core schema reads as null or a boolean (yaml turns those into other strings). */
const SPECIAL_KEY = /^(?:[Nn]ull|NULL|[Tt]rue|TRUE|[Ff]alse|FALSE)$/;

/** First characters of a block scalar the reader leaves to `yaml`: indicators, and `<` (merge keys). */
const INDICATOR = /^[-?:,[\]{}#&*!|>'"%@`<]/;

/** A plain scalar in a flow collection: common characters only, no indicator. */
const FLOW_PLAIN = /[\w$][\w$./+ -]*/y;

/** Plain scalars of the core schema other than null, booleans and decimal integers (octal, hex, floats). */
const OTHER_NUMBER =
  /^(?:0o[0-7]+|0x[0-9a-fA-F]+|[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN)|[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?)$/;

interface Line {
  readonly indent: number;
  /** The line after its indentation, trailing spaces included. */
  readonly text: string;
}

interface Reader {
  readonly lines: Line[];
  i: number;
}

/**
 * The value of a YAML text written in the plain subset, the same as `yaml`'s
 * `parseDocument(text).toJS()` with no error, or undefined when the text uses
 * anything else (`yaml` must read it then). `text` has no byte order mark.
 */
export function readYamlSubset(text: string): { value: unknown } | undefined {
  if (UNSUPPORTED_CHARACTER.test(text)) return undefined;
  const lines: Line[] = [];
  for (const raw of text.split(/\r?\n/)) {
    let indent = 0;
    while (raw.charCodeAt(indent) === 32) indent++;
    // Blank lines and comment lines say nothing, at any indentation.
    if (indent === raw.length || raw[indent] === '#') continue;
    lines.push({ indent, text: raw.slice(indent) });
  }
  const first = lines[0];
  // A catalog is a mapping at the left margin; anything else is yaml's to read (or refuse).
  if (first === undefined || first.indent !== 0 || !ENTRY.test(first.text)) return undefined;
  const reader: Reader = { lines, i: 0 };
  try {
    const value = mapping(reader, 0, 0);
    return reader.i === lines.length ? { value } : undefined;
  } catch {
    // Leaving the subset, or anything unforeseen (a stack overflow): the full parser decides.
    return undefined;
  }
}

function outside(): never {
  throw OUTSIDE;
}

/** A key as yaml's toJS sets it: an own, enumerable, writable property, `__proto__` included. */
function put(map: Record<string, unknown>, key: string, value: unknown, seen: Set<string>): void {
  if (key.length > MAX_KEY || SPECIAL_KEY.test(key) || seen.has(key)) outside();
  seen.add(key);
  if (key in map)
    Object.defineProperty(map, key, { value, writable: true, enumerable: true, configurable: true });
  else map[key] = value;
}

/** The mapping whose entries start at `indent`, from the reader's line on. */
function mapping(r: Reader, indent: number, depth: number): Record<string, unknown> {
  if (depth > MAX_NESTING) outside();
  const map: Record<string, unknown> = {};
  const seen = new Set<string>();
  for (let line = r.lines[r.i]; line !== undefined && line.indent >= indent; line = r.lines[r.i]) {
    const m = line.indent === indent ? ENTRY.exec(line.text) : null;
    if (m === null) outside();
    r.i++;
    const rest = m[2] ?? '';
    put(
      map,
      m[1] as string,
      rest === '' || rest[0] === '#' ? nested(r, indent, depth, true) : inline(r, rest, indent, depth),
      seen,
    );
  }
  return map;
}

/** The sequence whose items (`- `) start at `indent`. */
function sequence(r: Reader, indent: number, depth: number): unknown[] {
  if (depth > MAX_NESTING) outside();
  const list: unknown[] = [];
  for (let line = r.lines[r.i]; line !== undefined && line.indent >= indent; line = r.lines[r.i]) {
    // A line at this indentation that is no item ends a sequence written level with its key.
    if (line.indent === indent && !ITEM.test(line.text)) break;
    if (line.indent !== indent) outside();
    let skip = 1;
    while (line.text.charCodeAt(skip) === 32) skip++;
    const rest = line.text.slice(skip);
    if (rest === '' || rest[0] === '#') {
      r.i++;
      list.push(nested(r, indent, depth, false));
    } else if (ENTRY.test(rest)) {
      // `- key: value`: a mapping whose entries start where this key does.
      r.lines[r.i] = { indent: indent + skip, text: rest };
      list.push(mapping(r, indent + skip, depth + 1));
    } else {
      r.i++;
      list.push(inline(r, rest, indent, depth));
    }
  }
  return list;
}

/** The value of a key or item with nothing after it: the block below it, or null. */
function nested(r: Reader, indent: number, depth: number, ofKey: boolean): unknown {
  const next = r.lines[r.i];
  if (next !== undefined && next.indent > indent) {
    return ITEM.test(next.text) ? sequence(r, next.indent, depth + 1) : mapping(r, next.indent, depth + 1);
  }
  // A key's sequence may sit level with the key.
  if (ofKey && next !== undefined && next.indent === indent && ITEM.test(next.text))
    return sequence(r, indent, depth + 1);
  return null;
}

/** A value on its key's or item's line: a scalar or a flow collection, ending the line. */
function inline(r: Reader, text: string, indent: number, depth: number): unknown {
  // A more indented line below would continue the scalar over several lines.
  const next = r.lines[r.i];
  if (next !== undefined && next.indent > indent) outside();
  const c = text[0];
  if (c === '"' || c === "'" || c === '[' || c === '{') {
    const at = { s: text, i: 0 };
    const value = c === '[' || c === '{' ? flow(at, depth + 1) : quoted(at);
    // What follows may only be spaces, then a comment.
    if (!/^(?: +(?:#.*)?)?$/.test(text.slice(at.i))) outside();
    return value;
  }
  const hash = text.indexOf(' #');
  const plain = (hash === -1 ? text : text.slice(0, hash)).replace(/ +$/, '');
  // `: ` would start a mapping inside the scalar; an indicator first means another kind of node.
  if (INDICATOR.test(plain) || plain.includes(': ') || plain.endsWith(':')) outside();
  return scalar(plain);
}

/** A plain scalar's value under the core schema (yaml's order: null, boolean, integer, then the rest). */
function scalar(plain: string): unknown {
  if (/^(?:~|[Nn]ull|NULL)$/.test(plain)) return null;
  if (/^(?:[Tt]rue|TRUE|[Ff]alse|FALSE)$/.test(plain)) return plain[0] === 't' || plain[0] === 'T';
  if (/^[-+]?[0-9]+$/.test(plain)) return Number.parseInt(plain, 10);
  if (OTHER_NUMBER.test(plain)) outside();
  return plain;
}

interface Cursor {
  readonly s: string;
  i: number;
}

/** A quoted scalar on one line: double-quoted without escapes, or single-quoted (`''` is a quote). */
function quoted(at: Cursor): string {
  const q = at.s[at.i];
  let out = '';
  for (let from = at.i + 1; ; ) {
    const end = at.s.indexOf(q as string, from);
    if (end === -1) outside();
    out += at.s.slice(from, end);
    if (q === "'" && at.s[end + 1] === "'") {
      out += "'";
      from = end + 2;
      continue;
    }
    at.i = end + 1;
    if (q === '"' && out.includes('\\')) outside();
    return out;
  }
}

/** A flow sequence or mapping on one line, without trailing commas. */
function flow(at: Cursor, depth: number): unknown {
  if (depth > MAX_NESTING) outside();
  const isList = at.s[at.i] === '[';
  const close = isList ? ']' : '}';
  const list: unknown[] = [];
  const map: Record<string, unknown> = {};
  const seen = new Set<string>();
  at.i++;
  spaces(at);
  if (at.s[at.i] === close) {
    at.i++;
    return isList ? list : map;
  }
  for (;;) {
    if (isList) list.push(flowItem(at, depth));
    else {
      FLOW_KEY.lastIndex = at.i;
      const m = FLOW_KEY.exec(at.s);
      if (m === null) outside();
      at.i = FLOW_KEY.lastIndex;
      put(map, m[1] as string, flowItem(at, depth), seen);
    }
    spaces(at);
    const c = at.s[at.i++];
    if (c === close) return isList ? list : map;
    if (c !== ',') outside();
    spaces(at);
    if (at.s[at.i] === close) outside();
  }
}

function flowItem(at: Cursor, depth: number): unknown {
  spaces(at);
  const c = at.s[at.i];
  if (c === '[' || c === '{') return flow(at, depth + 1);
  if (c === '"' || c === "'") return quoted(at);
  FLOW_PLAIN.lastIndex = at.i;
  const m = FLOW_PLAIN.exec(at.s);
  if (m === null) outside();
  at.i = FLOW_PLAIN.lastIndex;
  return scalar(m[0].replace(/ +$/, ''));
}

function spaces(at: Cursor): void {
  while (at.s.charCodeAt(at.i) === 32) at.i++;
}
