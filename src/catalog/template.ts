import type { ParamType } from './model.js';

/** A value a message parameter accepts at runtime. */
export type ParamValue = string | number | boolean | bigint;

// ---------------------------------------------------------------------------
// Type level: the parameters of a template, inferred from its `{name}` and
// `{name:type}` placeholders with the same rule the runtime uses.

type Lower =
  | 'a'
  | 'b'
  | 'c'
  | 'd'
  | 'e'
  | 'f'
  | 'g'
  | 'h'
  | 'i'
  | 'j'
  | 'k'
  | 'l'
  | 'm'
  | 'n'
  | 'o'
  | 'p'
  | 'q'
  | 'r'
  | 's'
  | 't'
  | 'u'
  | 'v'
  | 'w'
  | 'x'
  | 'y'
  | 'z';
type Letter = Lower | Uppercase<Lower> | '_';
type Digit = '0' | '1' | '2' | '3' | '4' | '5' | '6' | '7' | '8' | '9';

type IsIdentTail<S extends string> = S extends `${infer C}${infer R}`
  ? C extends Letter | Digit
    ? IsIdentTail<R>
    : false
  : true;
type IsIdent<S extends string> = S extends `${infer C}${infer R}`
  ? C extends Letter
    ? IsIdentTail<R>
    : false
  : false;

interface TypeOfParam {
  string: string;
  number: number;
  integer: number;
  boolean: boolean;
}

type Placeholder<Body extends string> = Body extends `${infer N}:${infer T}`
  ? T extends keyof TypeOfParam
    ? IsIdent<N> extends true
      ? { n: N; t: TypeOfParam[T] }
      : never
    : never
  : IsIdent<Body> extends true
    ? { n: Body; t: ParamValue }
    : never;

type Placeholders<T extends string> = T extends `${string}{${infer Body}}${infer Rest}`
  ? Body extends `${string}{${infer Inner}`
    ? Placeholders<`{${Inner}}${Rest}`>
    : Placeholder<Body> | Placeholders<Rest>
  : never;

/** The parameters object of a message template: `'Hi {name}'` gives `{ name: ParamValue }`. */
export type TemplateParams<T extends string> = string extends T
  ? Record<string, ParamValue>
  : { [P in Placeholders<T> as P['n']]: P['t'] };

// ---------------------------------------------------------------------------
// Runtime.

/** Placeholders are `{identifier}` or `{identifier:type}`; any other brace is literal text. */
const PLACEHOLDER = /\{([A-Za-z_][A-Za-z0-9_]*)(?::(string|number|integer|boolean))?\}/g;

export interface TemplatePlaceholder {
  readonly name: string;
  readonly type?: ParamType;
}

/** Every placeholder of a template, in order (a name may repeat). */
export function placeholders(template: string): TemplatePlaceholder[] {
  const out: TemplatePlaceholder[] = [];
  for (const m of template.matchAll(PLACEHOLDER)) {
    const name = m[1] as string;
    const type = m[2] as ParamType | undefined;
    out.push(type ? { name, type } : { name });
  }
  return out;
}

export interface RenderLimits {
  /** Longest rendering of one parameter value, in UTF-16 units; longer values end with `…`. @default 256 */
  readonly maxParamLength?: number;
}

// C0 and C1 controls, zero-width and bidirectional formatting characters: a
// parameter must not be able to break a log line or reorder what a reader sees.
// biome-ignore lint/suspicious/noControlCharactersInRegex: removing control characters is the point
const UNSAFE = /[\u0000-\u001f\u007f-\u009f\u200b-\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069\ufeff]/g;
// biome-ignore lint/suspicious/noControlCharactersInRegex: removing control characters is the point
const UNSAFE_TEST = /[\u0000-\u001f\u007f-\u009f\u200b-\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069\ufeff]/;

/** Renders one parameter value as plain, bounded text. */
export function sanitizeParam(value: unknown, maxLength = 256): string {
  let text = typeof value === 'string' ? value : safeString(value);
  if (UNSAFE_TEST.test(text)) text = text.replace(UNSAFE, '');
  if (text.length > maxLength) {
    // Do not cut a surrogate pair in half.
    let end = maxLength - 1;
    const c = text.charCodeAt(end - 1);
    if (c >= 0xd800 && c <= 0xdbff) end--;
    text = `${text.slice(0, Math.max(0, end))}…`;
  }
  return text;
}

function safeString(value: unknown): string {
  try {
    return String(value);
  } catch {
    // An object whose toString throws or that has none (Object.create(null)).
    return '';
  }
}

/** A compiled template: renders parameters into the message as plain text. */
export type Renderer = (params: Readonly<Record<string, unknown>> | undefined) => string;

/**
 * Compiles a template once; rendering is then a single pass over its parts.
 * A missing parameter leaves its placeholder visible rather than guessing.
 */
export function compileTemplate(template: string, limits: RenderLimits = {}): Renderer {
  const max = limits.maxParamLength ?? 256;
  const literals: string[] = [];
  const names: string[] = [];
  const raw: string[] = [];
  let last = 0;
  for (const m of template.matchAll(PLACEHOLDER)) {
    literals.push(template.slice(last, m.index));
    names.push(m[1] as string);
    raw.push(m[0]);
    last = (m.index as number) + m[0].length;
  }
  if (names.length === 0) return () => template;
  const tail = template.slice(last);
  // A name Object.prototype also has (`constructor`, `toString`) is read only as an own property.
  const inherited = names.map((n) => n in Object.prototype);
  return (params) => {
    let out = '';
    for (let i = 0; i < names.length; i++) {
      const name = names[i] as string;
      const value =
        params === undefined || (inherited[i] && !Object.hasOwn(params, name)) ? undefined : params[name];
      out +=
        literals[i] +
        (value === undefined || value === null ? (raw[i] as string) : sanitizeParam(value, max));
    }
    return out + tail;
  };
}
