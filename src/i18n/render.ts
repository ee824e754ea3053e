// A translated message (ICU MessageFormat over the source message's parameters) compiled once
// with intl-messageformat, then rendered with the parameters sanitized as the source's are.
import { IntlMessageFormat } from 'intl-messageformat';
import { sanitizeParam } from '../catalog/template.js';
import { formatters } from '../utils/intl-formatters.js';

/** Renders a compiled translation; throws when it cannot (a parameter it needs is missing). */
export type TranslationRenderer = (params: Readonly<Record<string, unknown>>) => string;

/** A compiled translation, or why it does not compile. */
export type Compiled = { readonly render: TranslationRenderer } | { readonly error: string };

// The element types of intl-messageformat's AST (its parser's `TYPE`) that the plain path renders.
const LITERAL = 0;
const ARGUMENT = 1;

/**
 * Compiles the ICU text of a translation in `locale`. A message of text and `{name}` arguments
 * only (most are) renders as a concatenation, as the source templates do; one with plural,
 * select or formatted arguments renders through intl-messageformat. Tags (`<b>`) are text.
 */
export function compileTranslation(text: string, locale: string, maxParamLength: number): Compiled {
  let format: IntlMessageFormat;
  try {
    format = new IntlMessageFormat(text, locale, undefined, { ignoreTag: true, formatters: formatters() });
  } catch (e) {
    return { error: `does not compile as ICU MessageFormat (${describe(e)})` };
  }
  const ast = format.getAst();
  if (ast.every((el) => el.type === LITERAL || el.type === ARGUMENT))
    return { render: plainRenderer(ast as { type: number; value: string }[], maxParamLength) };
  return {
    render: (params) => {
      const out = format.format(values(params, maxParamLength));
      if (typeof out !== 'string') throw new TypeError('rendered to something that is not text');
      return out;
    },
  };
}

/**
 * Text and `{name}` arguments, joined as the source templates are (`compileTemplate`): the
 * parser's runs of text (split at each quote) merged, then one pass per argument.
 */
function plainRenderer(ast: readonly { type: number; value: string }[], max: number): TranslationRenderer {
  const literals: string[] = [];
  const names: string[] = [];
  let text = '';
  for (const el of ast) {
    if (el.type === LITERAL) text += el.value;
    else {
      literals.push(text);
      names.push(el.value);
      text = '';
    }
  }
  const tail = flat(text);
  for (let i = 0; i < literals.length; i++) literals[i] = flat(literals[i] as string);
  // A name Object.prototype also has (`constructor`, `toString`) is read only as an own property.
  const inherited = names.map((n) => n in Object.prototype);
  return (params) => {
    let out = '';
    for (let i = 0; i < names.length; i++) {
      const name = names[i] as string;
      const value = inherited[i] && !Object.hasOwn(params, name) ? undefined : params[name];
      if (value === undefined || value === null) throw new TypeError(`parameter ${name} is missing`);
      out += literals[i] + sanitizeParam(value, max);
    }
    return out + tail;
  };
}

/**
 * One contiguous copy of a text. The parser builds its text a piece at a time, and an engine may
 * keep such a text as a tree of its pieces, which every message rendered from it would walk again.
 */
function flat(text: string): string {
  return JSON.parse(JSON.stringify(text)) as string;
}

/** The parameters as intl-messageformat reads them: numbers stay numbers (plurals), the rest is sanitized text. */
function values(params: Readonly<Record<string, unknown>>, max: number): Record<string, string | number> {
  const out: Record<string, string | number> = Object.create(null);
  for (const name of Object.keys(params)) {
    const value = params[name];
    if (value === undefined || value === null) continue;
    out[name] = typeof value === 'number' ? value : sanitizeParam(value, max);
  }
  return out;
}

/** A thrown value as one line of a report. */
export function describe(e: unknown): string {
  const text = e instanceof Error ? e.message : String(e);
  return text.length > 200 ? `${text.slice(0, 199)}…` : text;
}
