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

/** The TypeScript type of each parameter type name. */
interface TypeOfParam {
  string: string;
  number: number;
  integer: number;
  boolean: boolean;
}

/** A placeholder at the type level: its name and the type it writes (`''` for an untyped `{name}`). */
type Slot = { n: string; t: keyof TypeOfParam | '' };

/** One placeholder of a template as a {@link Slot}. */
type Placeholder<Body extends string> = Body extends `${infer N}:${infer T}`
  ? T extends keyof TypeOfParam
    ? IsIdent<N> extends true
      ? { n: N; t: T }
      : never
    : never
  : IsIdent<Body> extends true
    ? { n: Body; t: '' }
    : never;

/** Every placeholder of a template, as a union. */
export type Placeholders<T extends string> = T extends `${string}{${infer Body}}${infer Rest}`
  ? Body extends `${string}{${infer Inner}`
    ? Placeholders<`{${Inner}}${Rest}`>
    : Placeholder<Body> | Placeholders<Rest>
  : never;

/** The type name a declared parameter gives (`'integer'`, `{ type: 'integer' }`); none: `string`. */
type DeclaredType<D> = D extends keyof TypeOfParam
  ? D
  : D extends { readonly type: infer T extends keyof TypeOfParam }
    ? T
    : 'string';

/**
 * The one rule of a parameter's type: the type its placeholder writes (`{n:integer}`), else the
 * type its declaration gives (`params: { n: integer }`), else `string`.
 */
type TypeName<S extends Slot, N, D> = [Exclude<Extract<S, { n: N }>['t'], ''>] extends [never]
  ? N extends keyof D
    ? DeclaredType<D[N]>
    : 'string'
  : Exclude<Extract<S, { n: N }>['t'], ''>;

type Flat<T> = { [K in keyof T]: T[K] };

/**
 * The parameters of placeholders `S` with declarations `D`: each placeholder required, a declared
 * parameter the template does not use optional, each typed by the one rule.
 */
export type ParamsFrom<S extends Slot, D> = [keyof D] extends [never]
  ? { [N in S['n']]: TypeOfParam[TypeName<S, N, D>] }
  : Flat<
      { [N in S['n']]: TypeOfParam[TypeName<S, N, D>] } & {
        [N in Exclude<keyof D & string, S['n']>]?: TypeOfParam[DeclaredType<D[N]>];
      }
    >;

/** The parameters object of a message template: `'Hi {name}'` gives `{ name: string }`. */
export type TemplateParams<T extends string> = string extends T
  ? Record<string, ParamValue>
  : ParamsFrom<Placeholders<T>, Record<never, never>>;

// ---------------------------------------------------------------------------
// Runtime.

/** The type names a placeholder may write. */
export const PARAM_TYPES: readonly ParamType[] = ['string', 'number', 'integer', 'boolean'];

/** Placeholders are `{identifier}` or `{identifier:type}`; any other brace is literal text. */
const PLACEHOLDER = /\{([A-Za-z_][A-Za-z0-9_]*)(?::(string|number|integer|boolean))?\}/g;

/** What reads as a typed placeholder (`{n:float}`, `{n: integer}`), known type or not. */
const TYPED_LOOKALIKE = /\{\s*([A-Za-z_][A-Za-z0-9_]*)\s*:\s*([A-Za-z_][A-Za-z0-9_]*)\s*\}/g;

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

/**
 * The typed placeholders a template writes that are not placeholders: an unknown type
 * (`{n:float}`) or spaces (`{n: integer}`). Sent as they are, they would reach callers as text.
 */
export function malformedPlaceholders(template: string): string[] {
  const out: string[] = [];
  for (const m of template.matchAll(TYPED_LOOKALIKE)) {
    const text = m[0];
    const type = m[2] as string;
    if (text !== `{${m[1]}:${type}}`) out.push(`${text} is not a placeholder: write {${m[1]}:${type}}`);
    else if (!PARAM_TYPES.includes(type as ParamType))
      out.push(`${text} has an unknown parameter type "${type}" (types: ${PARAM_TYPES.join(', ')})`);
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
 * A missing parameter leaves its placeholder visible: `catalog.error` checks the
 * parameters first ({@link paramMistakes}) and never sends such a rendering.
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

/** A parameter an occurrence must give: a placeholder of its message, with its type by the one rule. */
export interface ParamSlot {
  readonly name: string;
  readonly type: ParamType;
}

const ARTICLE: Record<ParamType, string> = {
  string: 'a string',
  number: 'a finite number',
  integer: 'an integer',
  boolean: 'a boolean',
};

function fits(value: unknown, type: ParamType): boolean {
  switch (type) {
    case 'string':
      return typeof value === 'string';
    case 'number':
      return Number.isFinite(value);
    case 'integer':
      return Number.isInteger(value);
    case 'boolean':
      return typeof value === 'boolean';
  }
}

/** The kind of a value, without the value (a report must not copy what a caller sent). */
function kindOf(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  if (typeof value === 'number') return Number.isFinite(value) ? 'a number' : String(value);
  return typeof value === 'object' ? 'an object' : `a ${typeof value}`;
}

/**
 * What is wrong with an occurrence's parameters, one sentence per missing or mistyped
 * parameter in template order; empty when the message can be rendered as its entry says.
 */
export function paramMistakes(
  slots: readonly ParamSlot[],
  params: Readonly<Record<string, unknown>> | undefined,
): string[] {
  const out: string[] = [];
  for (const { name, type } of slots) {
    // Read as rendering reads it: a name Object.prototype also has only as an own property.
    const value =
      params === undefined || (name in Object.prototype && !Object.hasOwn(params, name))
        ? undefined
        : params[name];
    if (value === undefined || value === null) out.push(`parameter ${name} is missing`);
    else if (!fits(value, type)) out.push(`parameter ${name} must be ${ARTICLE[type]}, got ${kindOf(value)}`);
  }
  return out;
}
